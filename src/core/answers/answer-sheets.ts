/**
 * Which sheets hold the answers that count: the sheets the workbook's own Summary, Gaps and Data
 * formulas read. A workbook name alone decides nothing: a hidden copy of a key area sheet with a
 * name of the add-in's pointing at it is read by no figure, so no command may read answers from it.
 */
import { DATA, GAPS } from "../plan/layout";
import type { SnapshotSheet, WorkbookSnapshot } from "../snapshot/types";

/**
 * The roles whose formulas are the figures a reader sees, and which of their formulas say where the
 * answers are: all of the Summary's (its overall row reads every key area sheet), and on Gaps and Data
 * one column, the current score, whose lookup on each row reads that behaviour's key area sheet (the
 * row's other lookups read the same sheet; a formula that reads another is formula.changed). Scanning
 * a thousand long formulas for the same sheet names would cost a tenth of a whole check.
 */
export const FIGURE_ROLES = [
  { role: "summary", column: undefined },
  { role: "gaps", column: GAPS.letters.currentScore },
  { role: "data", column: DATA.letters.currentScore },
] as const;

/** Whether an A1 address is in the column with these letters. */
const inColumn = (address: string, letters: string) =>
  address.startsWith(letters) && address.charCodeAt(letters.length) <= 57;

const NAME_CHARACTER = /[\w.\u00C0-\uFFFF]/;

/** Where a quote, an apostrophe or a "!" is: all that tells a sheet reference apart. */
const MARK = /["'!]/g;

/** The index just after the quoted text that opens at `at` with `quote` (a doubled quote stays inside). */
function afterQuoted(formula: string, at: number, quote: string): number {
  let i = at + 1;
  for (;;) {
    const close = formula.indexOf(quote, i);
    if (close < 0) return formula.length;
    if (formula[close + 1] !== quote) return close + 1;
    i = close + 2;
  }
}

/**
 * The sheets (lower case) one formula refers to: the quoted or plain sheet name before each "!",
 * never text inside a string. Jumps from mark to mark, as these formulas run to hundreds of
 * characters with a few references each.
 */
export function sheetsInFormula(formula: string): string[] {
  const sheets: string[] = [];
  MARK.lastIndex = 0;
  for (let match = MARK.exec(formula); match; match = MARK.exec(formula)) {
    const at = match.index;
    if (match[0] === "!") {
      let start = at - 1;
      while (start >= 0 && NAME_CHARACTER.test(formula[start])) start--;
      if (start < at - 1) sheets.push(formula.slice(start + 1, at).toLowerCase());
      continue;
    }
    const end = afterQuoted(formula, at, match[0]);
    if (match[0] === "'" && formula[end] === "!")
      sheets.push(
        formula
          .slice(at + 1, end - 1)
          .replace(/''/g, "'")
          .toLowerCase(),
      );
    MARK.lastIndex = end + (match[0] === "'" && formula[end] === "!" ? 1 : 0);
  }
  return sheets;
}

/** Worked out once per workbook and naming of its sheets: the reader and the checker both ask. */
const readByWorkbook = new WeakMap<WorkbookSnapshot, Map<string, Set<string> | undefined>>();

/**
 * Every sheet (lower case) the formulas of the Summary, Gaps and Data sheets refer to; undefined when
 * the workbook has none of those sheets, so nothing says which sheets its figures read.
 */
export function sheetsTheFiguresRead(
  snapshot: WorkbookSnapshot,
  roles: Record<string, string>,
): Set<string> | undefined {
  const figureSheets = FIGURE_ROLES.map(({ role, column }) => ({
    sheet: snapshot.sheets.find((s) => s.name === roles[role]),
    column,
  })).filter((figures): figures is { sheet: SnapshotSheet; column: string | undefined } => figures.sheet !== undefined);
  if (figureSheets.length === 0) return undefined;
  const key = figureSheets.map(({ sheet }) => sheet.name).join("\u0000");
  const known = readByWorkbook.get(snapshot) ?? new Map<string, Set<string> | undefined>();
  readByWorkbook.set(snapshot, known);
  const cached = known.get(key);
  if (cached) return cached;
  const read = new Set<string>();
  for (const { sheet, column } of figureSheets)
    for (const address in sheet.cells) {
      if (column !== undefined && !inColumn(address, column)) continue;
      const formula = sheet.cells[address].formula;
      if (formula !== undefined) for (const name of sheetsInFormula(formula)) read.add(name);
    }
  known.set(key, read);
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
