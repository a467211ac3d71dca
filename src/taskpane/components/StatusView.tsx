import { Field, Link, ProgressBar, Subtitle2 } from "@fluentui/react-components";
import type { AssessmentStatus } from "../../core/assessment/plan-assessment";
import type { CheckResult } from "../../core/check/types";
import { paneWords } from "../../core/words/pane";
import { dateSaid } from "../../core/util/dates";
import { CheckCounts } from "./CheckCounts";
import { usePaneStyles } from "./styles";

const words = paneWords.status;

interface StatusViewProps {
  existing: AssessmentStatus;
  /** The check from the same read: the sign-off and the counts come from it. */
  check: CheckResult | null;
  onSeeFindings: () => void;
}

/** Who signed the answers off and when, in the check's own words, while they are still the answers signed off. */
export function signedOffMessage(check: CheckResult | null): string | null {
  return check?.findings.find((f) => f.rule === "signoff.signed-off")?.message ?? null;
}

/** The sign-off as the check found it: signed off (its own words, with who and when), changed since, or a draft. */
function signOffState(check: CheckResult | null): string {
  const signed = signedOffMessage(check);
  if (signed) return signed;
  if (check?.findings.some((f) => f.rule === "signoff.answers-changed")) return words.changedSinceSignOff;
  return words.draft;
}

/** Where the assessment stands, from the one read the pane makes when it opens (and after each action). */
export function StatusView({ existing, check, onSeeFindings }: StatusViewProps) {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby="status-heading">
      <Subtitle2 as="h2" id="status-heading" className={styles.heading}>
        {words.heading}
      </Subtitle2>
      <dl className={styles.details}>
        <dt className={styles.term}>{words.council}</dt>
        <dd className={styles.definition}>{existing.council || words.notGiven}</dd>
        <dt className={styles.term}>{words.date}</dt>
        <dd className={styles.definition}>
          {existing.assessmentDate ? dateSaid(existing.assessmentDate) : words.notGiven}
        </dd>
        <dt className={styles.term}>{words.toolkit}</dt>
        <dd className={styles.definition}>{words.toolkitVersion(existing.toolkitVersion)}</dd>
        <dt className={styles.term}>{words.signOff}</dt>
        <dd className={styles.definition}>{signOffState(check)}</dd>
      </dl>
      {existing.upgradeAvailable && <p className={styles.paragraph}>{words.newerToolkit}</p>}
      <Field label={words.assessed(existing.assessedCount, existing.behaviourCount)} validationState="none">
        <ProgressBar value={existing.assessedCount} max={Math.max(1, existing.behaviourCount)} thickness="large" />
      </Field>
      <ul className={styles.bars} aria-label={words.keyAreasLabel}>
        {existing.keyAreas.map((area) => (
          <li key={area.id}>
            {/* The count in the label, not under it: nine key areas must fit in the pane with the rest. */}
            <Field size="small" label={words.keyAreaLine(area.name, area.assessed, area.total)} validationState="none">
              <ProgressBar value={area.assessed} max={Math.max(1, area.total)} />
            </Field>
          </li>
        ))}
      </ul>
      {check && (
        <div className={styles.iconLine}>
          <span>{words.lastCheck}</span>
          <CheckCounts findings={check.findings} />
          {check.findings.length > 0 && (
            <Link as="button" onClick={onSeeFindings}>
              {words.seeFindings}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
