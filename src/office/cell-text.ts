import { isFormula, type PlanCell } from "../core/plan/types";

/**
 * Excel parses every string written through `range.values`/`range.formulas` as if it were typed:
 * "=…", "+…", "-…" and "@…" become formulas, "2024" a number, "12/03/2025" or "Mar 2025" a date,
 * "TRUE" a boolean, "#N/A" an error. A leading apostrophe (Excel's quote prefix) stores the rest as
 * text, so any string that could be read as something else gets one. Plain words are written as they
 * are, so the quote prefix appears only where it is needed.
 */
export function needsQuotePrefix(text: string): boolean {
  return (
    /^\s*[=+\-@'#]/.test(text) || // formulas, Lotus-style formulas, error literals, an existing quote prefix
    /\d/.test(text) || // numbers, dates, times, fractions, percentages, currency
    /^\s*(true|false)\s*$/i.test(text)
  );
}

export const textForExcel = (text: string): string => (needsQuotePrefix(text) ? `'${text}` : text);

/** One plan cell as Office.js wants it in a `formulas` array. */
export function officeCell(cell: PlanCell): string | number | boolean {
  if (cell === null) return "";
  if (isFormula(cell)) return `=${cell.formula}`;
  if (typeof cell === "string") return textForExcel(cell);
  return cell;
}
