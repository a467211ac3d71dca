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
import { useId, useState } from "react";
import { SEVERITY_LABEL } from "../../core/check/report";
import type { Finding } from "../../core/check/types";
import { areaItemKey, groupFindings, initiallyOpen, type AreaGroup } from "../finding-groups";
import { SEVERITY_ICON } from "./CheckCounts";
import { usePaneStyles } from "./styles";

interface FindingsListProps {
  findings: readonly Finding[];
  /** Selects the finding's cell (or its sheet) in Excel; absent on the standalone page, with no workbook open. */
  onGoToCell?: (finding: Finding) => void;
  /** What fixes a repairable finding here: "Repair" in Excel, "the repaired copy" on the standalone page. */
  repairedBy: string;
}

/**
 * Findings by severity, then by sheet, each sheet a collapsible group: a workbook with hundreds of
 * findings still opens as a short list of headings that a keyboard user can step through.
 */
export function FindingsList({ findings, onGoToCell, repairedBy }: FindingsListProps) {
  const styles = usePaneStyles();
  const groups = groupFindings(findings);
  const open = initiallyOpen(groups);
  return (
    <>
      {groups.map((group) => (
        <section key={group.severity} className={styles.section} aria-label={`${SEVERITY_LABEL[group.severity]}s`}>
          <Subtitle2 as="h4" className={styles.iconLine}>
            {SEVERITY_ICON[group.severity]}
            {SEVERITY_LABEL[group.severity]}s ({group.count})
          </Subtitle2>
          <Accordion
            multiple
            collapsible
            defaultOpenItems={group.areas.map((a) => areaItemKey(group.severity, a)).filter((k) => open.includes(k))}
          >
            {group.areas.map((area) => (
              <AccordionItem key={area.key} value={areaItemKey(group.severity, area)}>
                <AccordionHeader as="h5">
                  {area.label} ({area.findings.length})
                </AccordionHeader>
                <AccordionPanel>
                  <AreaFindings area={area} onGoToCell={onGoToCell} repairedBy={repairedBy} />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
      ))}
    </>
  );
}

/** A group shows this many findings at first; the rest come with one click. */
export const FIRST_SHOWN = 25;

function AreaFindings({ area, onGoToCell, repairedBy }: { area: AreaGroup } & Omit<FindingsListProps, "findings">) {
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
          Show all {area.findings.length} findings on {area.label}
        </Button>
      )}
    </>
  );
}

function FindingItem({ finding, onGoToCell, repairedBy }: { finding: Finding } & Omit<FindingsListProps, "findings">) {
  const styles = usePaneStyles();
  return (
    <li className={styles.finding}>
      <span className={styles.longText}>{finding.message}</span>
      <dl className={styles.details}>
        {finding.cell && (
          <>
            <dt className={styles.term}>Cell</dt>
            <dd className={styles.definition}>{finding.cell}</dd>
          </>
        )}
        {finding.expected !== undefined && <ClippedText term="Expected" text={finding.expected} />}
        {finding.found !== undefined && <ClippedText term="Found" text={finding.found} />}
      </dl>
      {finding.repairable && (
        <span className={styles.iconLine}>
          <Wrench16Regular aria-hidden />
          {repairedBy} fixes this.
        </span>
      )}
      {onGoToCell && canGoTo(finding) && (
        <Button size="small" onClick={() => onGoToCell(finding)}>
          {finding.cell ? `Go to cell ${finding.cell}` : "Go to sheet"}
        </Button>
      )}
    </li>
  );
}

/** A finding on a sheet that is there: its cell, or the whole sheet (a missing sheet has nowhere to go). */
const canGoTo = (finding: Finding) => finding.sheet !== undefined && finding.rule !== "structure.sheet-missing";

/** Texts longer than this are clipped, with a button to show them whole (descriptors can run to a paragraph). */
export const CLIP_AFTER = 120;

function ClippedText({ term, text }: { term: string; text: string }) {
  const styles = usePaneStyles();
  const [whole, setWhole] = useState(false);
  const id = useId();
  const long = text.length > CLIP_AFTER;
  const shown = text === "" ? "(empty)" : long && !whole ? `${text.slice(0, CLIP_AFTER).trimEnd()}…` : text;
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition}>
        <span id={id} className={styles.longText}>
          {shown}
        </span>{" "}
        {long && (
          <Link as="button" aria-expanded={whole} aria-controls={id} onClick={() => setWhole(!whole)}>
            {whole ? "Show less" : `Show all ${text.length} characters`}
          </Link>
        )}
      </dd>
    </>
  );
}
