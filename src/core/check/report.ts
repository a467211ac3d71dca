/**
 * A check's findings as rows and as plain text: the "Check report" sheet, the pane's Copy and any
 * other report take their columns from here, so they list the same things in the same order (a finding
 * on a key area sheet names the key area, and on a behaviour's row the behaviour, as the pane does).
 */
import { plural } from "../util/words";
import type { CheckResult, Finding, Severity } from "./types";
import { findingWords } from "../words/findings";

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** What each severity is called where people read it. */
export const SEVERITY_LABEL: Record<Severity, string> = findingWords.report.severity;

const COLUMN = findingWords.report.columns;

/** A behaviour as findings name it: its ID, then its name ("SL-ECSM-03 Mission and Strategy"). */
export const behaviourName = (behaviour: { id: string; name: string }) => `${behaviour.id} ${behaviour.name}`;

/** The report's columns, in order, with how each is taken from a finding and its width on the report sheet (characters). */
export const REPORT_COLUMNS = [
  { header: COLUMN.severity, of: (f: Finding) => SEVERITY_LABEL[f.severity], width: 10 },
  { header: COLUMN.sheet, of: (f: Finding) => f.sheet?.name ?? "", width: 22 },
  { header: COLUMN.cell, of: (f: Finding) => f.cell ?? "", width: 8 },
  { header: COLUMN.keyArea, of: (f: Finding) => f.keyArea?.name ?? "", width: 28 },
  { header: COLUMN.behaviour, of: (f: Finding) => (f.behaviour ? behaviourName(f.behaviour) : ""), width: 36 },
  { header: COLUMN.finding, of: (f: Finding) => f.message, width: 60 },
  { header: COLUMN.expected, of: (f: Finding) => f.expected ?? "", width: 30 },
  { header: COLUMN.found, of: (f: Finding) => f.found ?? "", width: 30 },
  {
    header: COLUMN.repairFixes,
    of: (f: Finding) => (f.repairable ? findingWords.report.yes : findingWords.report.no),
    width: 10,
  },
  { header: COLUMN.rule, of: (f: Finding) => f.rule, width: 28 },
] as const;

/** Errors first, then warnings, then notes; within a severity, the checker's order (sheet by sheet). */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** How many findings of each severity. */
export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** One row of text a finding, in REPORT_COLUMNS order (every value is text, never a formula). */
export function reportRows(result: CheckResult): string[][] {
  return sortedFindings(result.findings).map((f) => REPORT_COLUMNS.map((column) => column.of(f)));
}

/** How many of one severity, in words: "1 error", "2 warnings", "0 notes". */
export function severityCountText(severity: Severity, count: number): string {
  return plural(count, SEVERITY_LABEL[severity].toLowerCase());
}

/** A one-line summary: "2 errors, 1 warning, 0 notes". */
export function countsLine(findings: readonly Finding[]): string {
  const counts = severityCounts(findings);
  return SEVERITY_ORDER.map((severity) => severityCountText(severity, counts[severity])).join(", ");
}

/**
 * The findings as plain text for the clipboard or an email: a heading line, then one tab-separated
 * line a finding under the column headers, so it also pastes into a sheet as a table.
 */
export function reportText(result: CheckResult, title: string): string {
  const against = result.toolkit ? findingWords.report.againstInline(result.toolkit.version) : "";
  const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, " ");
  const lines = [
    findingWords.report.heading(title, countsLine(result.findings), against),
    REPORT_COLUMNS.map((c) => c.header).join("\t"),
    ...reportRows(result).map((row) => row.map(oneLine).join("\t")),
  ];
  return lines.join("\n");
}
