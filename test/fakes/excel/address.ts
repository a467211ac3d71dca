/**
 * A1 addresses as the fake Excel understands them. Deliberately independent of src/: a fake that
 * shared the code under test's address helpers could not catch their mistakes.
 */
import { officeError } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnToLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** One end of an address: a cell, a whole column or a whole row. */
function parseEnd(text: string): { row?: number; column?: number } | null {
  const cell = CELL.exec(text);
  if (cell) return { row: Number(cell[2]), column: lettersToColumn(cell[1]) };
  const column = COLUMN.exec(text);
  if (column) return { column: lettersToColumn(column[1]) };
  const row = ROW.exec(text);
  if (row) return { row: Number(row[1]) };
  return null;
}

/** Splits "'My sheet'!A1:B2" into its sheet name (if any) and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses a local address ("B2", "A1:C3", "A:C", "3:5") or throws Office's InvalidArgument. */
export function parseRect(local: string): Rect {
  const parts = local.split(":");
  if (parts.length > 2) throw officeError("InvalidArgument", `The address "${local}" is not valid.`);
  const a = parseEnd(parts[0]);
  const b = parseEnd(parts[1] ?? parts[0]);
  const bothCells = a?.row !== undefined && a.column !== undefined && b?.row !== undefined && b.column !== undefined;
  const bothColumns =
    a?.row === undefined && b?.row === undefined && a?.column !== undefined && b?.column !== undefined;
  const bothRows = a?.column === undefined && b?.column === undefined && a?.row !== undefined && b?.row !== undefined;
  if (!a || !b || !(bothCells || ((bothColumns || bothRows) && parts.length === 2))) {
    throw officeError("InvalidArgument", `The address "${local}" is not valid.`);
  }
  const rect: Rect = {
    top: Math.min(a.row ?? 1, b.row ?? 1),
    bottom: Math.max(a.row ?? MAX_ROWS, b.row ?? MAX_ROWS),
    left: Math.min(a.column ?? 1, b.column ?? 1),
    right: Math.max(a.column ?? MAX_COLUMNS, b.column ?? MAX_COLUMNS),
  };
  if (rect.bottom > MAX_ROWS || rect.right > MAX_COLUMNS || rect.top < 1 || rect.left < 1) {
    throw officeError("InvalidArgument", `The address "${local}" is outside the sheet.`);
  }
  return rect;
}

export const WHOLE_SHEET: Rect = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };

export const cellName = (row: number, column: number) => `${columnToLetters(column)}${row}`;

export function rectAddress(rect: Rect): string {
  const start = cellName(rect.top, rect.left);
  const end = cellName(rect.bottom, rect.right);
  return start === end ? start : `${start}:${end}`;
}

export const rectRows = (rect: Rect) => rect.bottom - rect.top + 1;
export const rectColumns = (rect: Rect) => rect.right - rect.left + 1;
export const rectCellCount = (rect: Rect) => rectRows(rect) * rectColumns(rect);

export const intersects = (a: Rect, b: Rect) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export const contains = (outer: Rect, inner: Rect) =>
  outer.left <= inner.left && outer.right >= inner.right && outer.top <= inner.top && outer.bottom >= inner.bottom;

export const sameRect = (a: Rect, b: Rect) =>
  a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

/** How Excel writes a sheet name in a reference: bare when it can, quoted otherwise. */
export function sheetReference(name: string): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL.test(name) && !/^R\d*C\d*$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}
