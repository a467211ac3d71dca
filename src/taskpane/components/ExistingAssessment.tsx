import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { WorkbookStatus } from "../../app/workbook-host";
import { britishDate } from "../details";
import { usePaneStyles } from "./styles";

type Existing = NonNullable<WorkbookStatus["existing"]>;

/** What the add-in found in the open workbook, so the user knows what Upgrade or Repair will act on. */
export function ExistingAssessment({ existing }: { existing: Existing }) {
  const styles = usePaneStyles();
  return (
    <MessageBar intent={existing.upgradeAvailable ? "warning" : "info"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This workbook already has an assessment.</MessageBarTitle>
        <dl className={styles.details}>
          <dt className={styles.term}>Council</dt>
          <dd className={styles.definition}>{existing.council || "(not given)"}</dd>
          <dt className={styles.term}>Date</dt>
          <dd className={styles.definition}>
            {existing.assessmentDate ? britishDate(existing.assessmentDate) : "(not given)"}
          </dd>
          <dt className={styles.term}>Toolkit</dt>
          <dd className={styles.definition}>
            {existing.toolkitVersion ? `version ${existing.toolkitVersion}` : "version not recorded"}
          </dd>
          <dt className={styles.term}>Assessed</dt>
          <dd className={styles.definition}>
            {existing.assessedCount} of {existing.behaviourCount} behaviours
          </dd>
        </dl>
        {existing.upgradeAvailable
          ? "A newer toolkit is available. Upgrading rewrites the toolkit sheets and keeps every answer."
          : "It matches this add-in's toolkit. Repairing rewrites the toolkit sheets and keeps every answer."}
      </MessageBarBody>
    </MessageBar>
  );
}
