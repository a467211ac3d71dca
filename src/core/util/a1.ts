/** A1-style address helpers (1-based rows and columns). */

/** Letters already worked out, by column number: a plan or a read asks for the same few columns millions of times. */
const LETTERS = new Map<number, string>();

export function columnLetter(column: number): string {
  const known = LETTERS.get(column);
  if (known !== undefined) return known;
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  // Only Excel's 16,384 columns are kept, so the list stays small whatever a caller asks.
  if (Number.isInteger(column) && column > 0 && column <= 16_384) LETTERS.set(column, letters);
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export const cellAddress = (row: number, column: number): string => `${columnLetter(column)}${row}`;

export const absolute = (row: number, column: number): string => `$${columnLetter(column)}$${row}`;

/** A reference fixed to its column but not its row ("$B5"), for a formula that reads its own row. */
export const absoluteColumn = (row: number, column: number): string => `$${columnLetter(column)}${row}`;

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const start = cellAddress(top, left);
  const end = cellAddress(bottom, right);
  return start === end ? start : `${start}:${end}`;
}

export function absoluteRange(top: number, left: number, bottom: number, right: number): string {
  return `${absolute(top, left)}:${absolute(bottom, right)}`;
}

/** Parses "B8" into 1-based row and column. */
export function parseCell(address: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!match) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/** Parses "B8:D12" (or a single cell) into its corners. */
export function parseRange(address: string): { top: number; left: number; bottom: number; right: number } {
  const [first, second = first] = address.split(":");
  const a = parseCell(first);
  const b = parseCell(second);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** Every cell address in a range, row by row. */
export function cellsIn(address: string): string[] {
  const { top, left, bottom, right } = parseRange(address);
  const cells: string[] = [];
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) cells.push(cellAddress(row, column));
  }
  return cells;
}

/** A sheet name as it must appear in a formula: always quoted, apostrophes doubled. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** A string as a formula literal: "...", with quotes doubled. */
export const formulaString = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A chart formula reference: the sheet name always quoted (quotes inside it doubled), absolute cells. */
export function chartReference(sheetName: string, range: string): string {
  const { top, left, bottom, right } = parseRange(range);
  return `${quoteSheet(sheetName)}!${absoluteRange(top, left, bottom, right)}`;
}
