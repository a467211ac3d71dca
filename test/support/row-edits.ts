/**
 * Row edits on a workbook snapshot, as people make them on a key area sheet: insert a row (for a
 * note), delete an empty one, move a behaviour's row. "excel" does what Excel does (every reference
 * to the sheet's rows at or below the edit follows its cells, in every formula of every sheet);
 * "naive" moves the cells and leaves every formula as it was (a tool that splices rows, or a sort).
 * Written here, apart from the product, so a test's input does not come from the code under test.
 */
import type { SnapshotCell, SnapshotSheet, WorkbookSnapshot } from "../../src/core/snapshot/types";
import { cellAddress, parseCell } from "../../src/core/util/a1";

export type Shift = "excel" | "naive";

/** Where a planned row goes: a new row number, or null when the row is deleted. */
type RowMove = (row: number) => number | null;

const sameSheet = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** `'Name'!` or `Name!` before a reference. */
const REFERENCE =
  /(?<![A-Za-z0-9_$.])(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(!])/g;

/** The formula with every reference to `sheet` moved as `move` says (#REF! for a deleted single cell). */
export function moveReferences(formula: string, formulaSheet: string, sheet: string, move: RowMove): string {
  // Text in double quotes is never a reference: split it out and leave it alone.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (whole, prefix: string | undefined, c1, col1, r1, row1, c2, col2, r2, row2) => {
            const target = prefix ? prefix.replace(/^'|'$/g, "").replace(/''/g, "'") : formulaSheet;
            if (!sameSheet(target, sheet)) return whole;
            const head = prefix ? `${prefix}!` : "";
            if (row2 === undefined) {
              const moved = move(Number(row1));
              return moved === null ? `${head}#REF!` : `${head}${c1}${col1}${r1}${moved}`;
            }
            // A range keeps its ends; an end on a deleted row moves inwards, as Excel shrinks the range.
            let first = Number(row1);
            let last = Number(row2);
            while (first <= last && move(first) === null) first++;
            while (last >= first && move(last) === null) last--;
            if (first > last) return `${head}#REF!`;
            return `${head}${c1}${col1}${r1}${move(first)}:${c2}${col2}${r2}${move(last)}`;
          }),
    )
    .join("");
}

function moveCells(sheet: SnapshotSheet, move: RowMove): Record<string, SnapshotCell> {
  const cells: Record<string, SnapshotCell> = {};
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const { row, column } = parseCell(address);
    const moved = move(row);
    if (moved !== null) cells[cellAddress(moved, column)] = cell;
  }
  return cells;
}

function edit(snapshot: WorkbookSnapshot, sheetName: string, move: RowMove, shift: Shift): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((sheet) => {
    const cells = sameSheet(sheet.name, sheetName) ? moveCells(sheet, move) : { ...sheet.cells };
    if (shift === "excel")
      for (const [address, cell] of Object.entries(cells))
        if (cell.formula !== undefined)
          cells[address] = { ...cell, formula: moveReferences(cell.formula, sheet.name, sheetName, move) };
    // Locks and validations are left out: they belong to addresses the edit has moved. The edited sheet was unprotected to edit it.
    const edited = sameSheet(sheet.name, sheetName);
    return { name: sheet.name, visibility: sheet.visibility, cells, protected: edited ? false : sheet.protected };
  });
  return { sheets, names: { ...snapshot.names } };
}

/** A blank row inserted at `at`: the rows from `at` down move one down. */
export const insertRow = (snapshot: WorkbookSnapshot, sheet: string, at: number, shift: Shift) =>
  edit(snapshot, sheet, (row) => (row >= at ? row + 1 : row), shift);

/** Row `at` deleted: the rows below move one up. */
export const deleteRow = (snapshot: WorkbookSnapshot, sheet: string, at: number, shift: Shift) =>
  edit(snapshot, sheet, (row) => (row === at ? null : row > at ? row - 1 : row), shift);

/** Rows `a` and `b` swap their cells, formulas as they were (as a sort moves them). */
export const swapRows = (snapshot: WorkbookSnapshot, sheet: string, a: number, b: number) =>
  edit(snapshot, sheet, (row) => (row === a ? b : row === b ? a : row), "naive");

/** Puts constants into cells of one sheet (what a user types). */
export function typeCells(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  values: Record<string, string | number>,
): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) =>
      sameSheet(sheet.name, sheetName)
        ? {
            ...sheet,
            cells: { ...sheet.cells, ...Object.fromEntries(Object.entries(values).map(([a, v]) => [a, { value: v }])) },
          }
        : sheet,
    ),
  };
}

/** The rows of a sheet that hold anything, top first. */
export function filledRows(snapshot: WorkbookSnapshot, sheetName: string): number[] {
  const sheet = snapshot.sheets.find((s) => sameSheet(s.name, sheetName));
  return [...new Set(Object.keys(sheet?.cells ?? {}).map((a) => parseCell(a).row))].sort((a, b) => a - b);
}
