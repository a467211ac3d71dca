/**
 * How the pane lists a check's findings: errors, then warnings, each by the sheet they are on (a key
 * area, Summary, a user's own sheet), in the checker's order; the notes apart, in one group of their
 * own that starts folded. Pure, so the tests can check it.
 */
import { sortedFindings } from "../core/check/report";
import type { Finding, FindingSheet, RuleId, Severity } from "../core/check/types";
import { paneWords } from "../core/words/pane";

export interface AreaGroup {
  /** Unique within its severity: the sheet's plan key, else its name. */
  key: string;
  /** The sheet's current name, as the user sees it on its tab (the add-in's hidden sheet by what it is). */
  label: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Exclude<Severity, "info">;
  count: number;
  areas: AreaGroup[];
}

export interface GroupedFindings {
  groups: SeverityGroup[];
  /** The notes, in the checker's order, less those the status already shows. */
  notes: Finding[];
}

/** Findings that belong to no one sheet (the workbook's identity, a missing metadata sheet). */
export const WHOLE_WORKBOOK = paneWords.findings.wholeWorkbook;

/** Notes that the assessment's status shows as it is (its progress per key area, its sign-off). */
export const SHOWN_IN_STATUS: readonly RuleId[] = ["answer.key-area-incomplete", "signoff.signed-off"];

/** A sheet as the user knows it: the add-in's very hidden sheet has no tab, so it is named by what it is. */
export function sheetLabel(sheet: FindingSheet | undefined): string {
  if (!sheet) return WHOLE_WORKBOOK;
  return sheet.role === "metadata" ? paneWords.findings.hiddenData : sheet.name;
}

export function groupFindings(
  findings: readonly Finding[],
  { statusShown = false }: { statusShown?: boolean } = {},
): GroupedFindings {
  const sorted = sortedFindings(findings);
  const groups = (["error", "warning"] as const)
    .map((severity) => {
      const ofSeverity = sorted.filter((f) => f.severity === severity);
      return { severity, count: ofSeverity.length, areas: byArea(ofSeverity) };
    })
    .filter((group) => group.count > 0);
  const notes = sorted.filter((f) => f.severity === "info" && !(statusShown && SHOWN_IN_STATUS.includes(f.rule)));
  return { groups, notes };
}

function byArea(findings: readonly Finding[]): AreaGroup[] {
  const areas = new Map<string, AreaGroup>();
  for (const finding of findings) {
    const key = finding.sheet ? (finding.sheet.key ?? `sheet:${finding.sheet.name}`) : "workbook";
    let area = areas.get(key);
    if (!area) {
      area = { key, label: sheetLabel(finding.sheet), findings: [] };
      areas.set(key, area);
    }
    area.findings.push(finding);
  }
  return [...areas.values()];
}

/** Small results open every group; large ones open only the first, so the list stays short enough to scan. */
export const OPEN_ALL_UP_TO = 12;

export function initiallyOpen(groups: readonly SeverityGroup[]): string[] {
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const keys = groups.flatMap((group) => group.areas.map((area) => areaItemKey(group.severity, area)));
  return total <= OPEN_ALL_UP_TO ? keys : keys.slice(0, 1);
}

export const areaItemKey = (severity: Severity, area: AreaGroup) => `${severity}|${area.key}`;
