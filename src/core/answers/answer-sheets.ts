/**
 * Which sheets hold the answers that count: the sheets the workbook's own Summary, Gaps and Data
 * formulas read. A workbook name alone decides nothing: a hidden copy of a key area sheet with a
 * name of the add-in's pointing at it is read by no figure, so no command may read answers from it.
 */
import type { SnapshotSheet, WorkbookSnapshot } from "../snapshot/types";

/** The roles whose formulas are the figures a reader sees. */
const FIGURE_ROLES = ["summary", "gaps", "data"] as const;

/**
 * A string literal (skipped, so text in quotes never counts), a quoted sheet before "!", or an
 * unquoted one. Sticky-free and global: one pass over each formula.
 */
const SHEET_IN_FORMULA = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/g;

/** The sheets (lower case) one formula refers to. */
export function sheetsInFormula(formula: string): string[] {
  const sheets: string[] = [];
  for (const match of formula.matchAll(SHEET_IN_FORMULA)) {
    const sheet = match[1]?.replace(/''/g, "'") ?? match[2];
    if (sheet !== undefined) sheets.push(sheet.toLowerCase());
  }
  return sheets;
}

/**
 * Every sheet (lower case) the formulas of the Summary, Gaps and Data sheets refer to; undefined when
 * the workbook has none of those sheets, so nothing says which sheets its figures read.
 */
export function sheetsTheFiguresRead(
  snapshot: WorkbookSnapshot,
  roles: Record<string, string>,
): Set<string> | undefined {
  const figureSheets = FIGURE_ROLES.map((role) => snapshot.sheets.find((s) => s.name === roles[role])).filter(
    (sheet): sheet is SnapshotSheet => sheet !== undefined,
  );
  if (figureSheets.length === 0) return undefined;
  const read = new Set<string>();
  for (const sheet of figureSheets)
    for (const address in sheet.cells) {
      const formula = sheet.cells[address].formula;
      if (formula !== undefined && formula.includes("!")) for (const name of sheetsInFormula(formula)) read.add(name);
    }
  return read;
}

/**
 * The sheets whose behaviour rows hold the answers: those the figures read, but the assessment's
 * other sheets (the Guide, which they read for the council, and the rest). `named` are the sheets
 * the add-in's key area names point at, used only when the workbook has no Summary, Gaps or Data
 * sheet at all (a repair must still find the answers).
 */
export function answerSheets(
  snapshot: WorkbookSnapshot,
  roles: Record<string, string>,
  named: readonly SnapshotSheet[],
): SnapshotSheet[] {
  const read = sheetsTheFiguresRead(snapshot, roles);
  if (!read) return [...named];
  const otherRoles = new Set(
    Object.entries(roles)
      .filter(([key]) => !key.startsWith("keyArea:"))
      .map(([, name]) => name.toLowerCase()),
  );
  return snapshot.sheets.filter((s) => read.has(s.name.toLowerCase()) && !otherRoles.has(s.name.toLowerCase()));
}
