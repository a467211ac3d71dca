import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Link,
  Subtitle2,
} from "@fluentui/react-components";
import { Wrench16Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useId, useState } from "react";
import type { Finding } from "../../core/check/types";
import { paneWords } from "../../core/words/pane";
import { britishDates } from "../details";
import { areaItemKey, groupFindings, initiallyOpen, sheetLabel, type AreaGroup } from "../finding-groups";
import { SEVERITY_ICON } from "./CheckCounts";
import { usePaneStyles } from "./styles";

// The word diff (and its library) comes in a chunk of its own, fetched when an edited text is first shown.
const ChangedWords = lazy(() => import("./ChangedWords"));

const words = paneWords.findings;

interface FindingsListProps {
  findings: readonly Finding[];
  /** Selects the finding's cell (or its sheet) in Excel; absent on the standalone page, with no workbook open. */
  onGoToCell?: (finding: Finding) => void;
  /** What fixes a repairable finding here, in words: Repair, Upgrade, or the repaired copy. */
  repairedBy: string;
  /** Whether the status shows completeness and sign-off, so that their notes are not listed twice. */
  statusShown?: boolean;
}

const NOTES_KEY = "notes";

/**
 * Errors, then warnings, by sheet, each sheet a collapsible group; then the notes, folded into one
 * group. A workbook with hundreds of findings still opens as a short list of headings that a keyboard
 * user can step through.
 */
export function FindingsList({ findings, onGoToCell, repairedBy, statusShown }: FindingsListProps) {
  const styles = usePaneStyles();
  const { groups, notes } = groupFindings(findings, { statusShown });
  const open = initiallyOpen(groups);
  const item = { onGoToCell, repairedBy };
  return (
    <>
      {groups.map((group) => (
        <section key={group.severity} className={styles.section} aria-label={words.severity[group.severity]}>
          <Subtitle2 as="h4" className={styles.iconLine}>
            {SEVERITY_ICON[group.severity]}
            {words.group(words.severity[group.severity], group.count)}
          </Subtitle2>
          <Accordion
            multiple
            collapsible
            defaultOpenItems={group.areas.map((a) => areaItemKey(group.severity, a)).filter((k) => open.includes(k))}
          >
            {group.areas.map((area) => (
              <AccordionItem key={area.key} value={areaItemKey(group.severity, area)}>
                <AccordionHeader as="h5">{words.group(area.label, area.findings.length)}</AccordionHeader>
                <AccordionPanel>
                  <AreaFindings area={area} {...item} />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
      ))}
      {notes.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value={NOTES_KEY}>
            <AccordionHeader as="h4" icon={SEVERITY_ICON.info}>
              {words.group(words.severity.info, notes.length)}
            </AccordionHeader>
            <AccordionPanel>
              <AreaFindings area={{ key: NOTES_KEY, label: words.severity.info, findings: notes }} {...item} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </>
  );
}

/** A group shows this many findings at first; the rest come with one click. */
export const FIRST_SHOWN = 25;

type ItemProps = Omit<FindingsListProps, "findings" | "statusShown">;

function AreaFindings({ area, onGoToCell, repairedBy }: { area: AreaGroup } & ItemProps) {
  const styles = usePaneStyles();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? area.findings : area.findings.slice(0, FIRST_SHOWN);
  return (
    <>
      <ul className={styles.findings}>
        {shown.map((finding, index) => (
          <FindingItem key={index} finding={finding} onGoToCell={onGoToCell} repairedBy={repairedBy} />
        ))}
      </ul>
      {shown.length < area.findings.length && (
        <Button appearance="subtle" onClick={() => setShowAll(true)}>
          {words.showAll(area.findings.length, area.label)}
        </Button>
      )}
    </>
  );
}

/** The toolkit's own text, edited in the workbook: shown as the words that changed. */
const isEditedText = (finding: Finding) =>
  finding.rule.startsWith("content.") && finding.expected !== undefined && finding.found !== undefined;

function FindingItem({ finding, onGoToCell, repairedBy }: { finding: Finding } & ItemProps) {
  const styles = usePaneStyles();
  const { sheet } = finding;
  return (
    <li className={styles.finding}>
      <span className={styles.longText}>{britishDates(finding.message)}</span>
      <dl className={styles.details}>
        {sheet && (
          <>
            <dt className={styles.term}>{sheet.role === "keyArea" ? words.keyArea : words.sheet}</dt>
            <dd className={styles.definition}>{sheetLabel(sheet)}</dd>
          </>
        )}
        {finding.behaviour && (
          <>
            <dt className={styles.term}>{words.behaviour}</dt>
            <dd className={styles.definition}>{words.behaviourName(finding.behaviour.id, finding.behaviour.name)}</dd>
          </>
        )}
        {finding.cell && sheet?.role !== "metadata" && (
          <>
            <dt className={styles.term}>{words.cell}</dt>
            <dd className={styles.definition}>{finding.cell}</dd>
          </>
        )}
        {isEditedText(finding) ? (
          <>
            <dt className={styles.term}>{words.changedWords}</dt>
            <dd className={styles.definition}>
              <Suspense fallback={<span className={styles.longText}>{finding.found}</span>}>
                <ChangedWords toolkit={finding.expected ?? ""} found={finding.found ?? ""} />
              </Suspense>
            </dd>
          </>
        ) : (
          <>
            {finding.expected !== undefined && (
              <ClippedText term={words.expected} text={britishDates(finding.expected)} />
            )}
            {finding.found !== undefined && <ClippedText term={words.found} text={britishDates(finding.found)} />}
          </>
        )}
      </dl>
      {finding.repairable && (
        <span className={styles.iconBeforeText}>
          <Wrench16Regular aria-hidden />
          <span>{repairedBy}</span>
        </span>
      )}
      {onGoToCell && <GoTo finding={finding} onGoToCell={onGoToCell} />}
    </li>
  );
}

/** Go to cell (or sheet); on the add-in's very hidden sheet there is nowhere to go, so it says what to do instead. */
function GoTo({ finding, onGoToCell }: { finding: Finding; onGoToCell: (finding: Finding) => void }) {
  const styles = usePaneStyles();
  const { sheet, cell } = finding;
  if (!sheet || finding.rule === "structure.sheet-missing") return null;
  if (sheet.role === "metadata") return <p className={styles.paragraph}>{words.hiddenSheet}</p>;
  return (
    <Button size="small" onClick={() => onGoToCell(finding)}>
      {cell ? words.goToCell(cell) : words.goToSheet}
    </Button>
  );
}

/** Texts longer than this are clipped, with a button to show them whole (a formula can run long). */
export const CLIP_AFTER = 120;

function ClippedText({ term, text }: { term: string; text: string }) {
  const styles = usePaneStyles();
  const [whole, setWhole] = useState(false);
  const id = useId();
  const long = text.length > CLIP_AFTER;
  const shown = text === "" ? words.empty : long && !whole ? `${text.slice(0, CLIP_AFTER).trimEnd()}…` : text;
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition}>
        <span id={id} className={styles.longText}>
          {shown}
        </span>{" "}
        {long && (
          <Link as="button" aria-expanded={whole} aria-controls={id} onClick={() => setWhole(!whole)}>
            {whole ? words.showLess : words.showWhole}
          </Link>
        )}
      </dd>
    </>
  );
}
