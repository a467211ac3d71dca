import { columnLetter, columnNumber, parseCell } from "../../core/util/a1";

/*
 * A shared formula (ECMA-376 §18.3.1.40) is written once, in the cell whose <f> has a `ref`, and the
 * other cells of the group name it by `si`; each stands for the master's formula moved to that cell.
 * LibreOffice writes them when it re-saves a workbook. The translation is ExcelJS's own
 * (lib/utils/shared-formula.js), kept step for step so both readers give each cell the same formula:
 * every relative cell reference moves by the offset; absolute parts, function names and names stay.
 */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REFERENCE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
/** Letters beyond XFD, Excel's last column, make a name, not a column. */
const LAST_COLUMN = "XFD";

export function slideFormula(formula: string, from: string, to: string): string {
  const start = parseCell(from);
  const end = parseCell(to);
  return formula.replace(
    CANDIDATE,
    (candidate: string, sheet: string | undefined, _sheetName: string, text: string, call: string | undefined) => {
      if (call) return candidate;
      const match = CELL_REFERENCE.exec(text);
      if (!match) return candidate;
      const [, columnDollar = "", letters, rowDollar = "", digits] = match;
      const upper = letters.toUpperCase();
      if (upper.length > 3 || (upper.length === 3 && upper > LAST_COLUMN)) return candidate;
      const column = columnNumber(upper) + (columnDollar ? 0 : end.column - start.column);
      const row = Number(digits) + (rowDollar ? 0 : end.row - start.row);
      return `${sheet ?? ""}${columnDollar}${columnLetter(column)}${rowDollar}${row}`;
    },
  );
}
