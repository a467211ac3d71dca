/**
 * How the pane lists a check's findings: by severity (errors first), then by the sheet they are on
 * (a key area, Summary, a user's own sheet), in the checker's order. Pure, so the tests can check it.
 */
import { SEVERITY_ORDER, sortedFindings } from "../core/check/report";
import type { Finding, Severity } from "../core/check/types";

export interface AreaGroup {
  /** Unique within its severity: the sheet's plan key, else its name. */
  key: string;
  /** The sheet's current name, as the user sees it on its tab. */
  label: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  areas: AreaGroup[];
}

/** Findings that belong to no one sheet (the workbook's identity, a missing metadata sheet). */
export const WHOLE_WORKBOOK = "The whole workbook";

export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const sorted = sortedFindings(findings);
  return SEVERITY_ORDER.map((severity) => {
    const ofSeverity = sorted.filter((f) => f.severity === severity);
    return { severity, count: ofSeverity.length, areas: byArea(ofSeverity) };
  }).filter((group) => group.count > 0);
}

function byArea(findings: readonly Finding[]): AreaGroup[] {
  const areas = new Map<string, AreaGroup>();
  for (const finding of findings) {
    const key = finding.sheet ? (finding.sheet.key ?? `sheet:${finding.sheet.name}`) : "workbook";
    let area = areas.get(key);
    if (!area) {
      area = { key, label: finding.sheet?.name ?? WHOLE_WORKBOOK, findings: [] };
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
