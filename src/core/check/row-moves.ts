/**
 * Rows inserted into or deleted from a key area sheet (people unprotect it to add a row for a note,
 * or delete an empty one). Excel moves every reference to the rows below with them, so the figures
 * stay right; the checker says so once per row, names the row, and compares every formula as Excel
 * moved it, instead of reporting each moved behaviour and each formula that reads it.
 *
 * Where each planned row went is told by anchors: the planned rows whose text in column A (the
 * title, the intro labels, "ID", "Principle", each behaviour ID) stands once in column A of the
 * sheet. Between two anchors, rows were inserted (just above the lower one) or deleted (just above
 * it too). Anchors out of order (rows sorted or moved) say nothing certain: the checker then
 * matches rows by behaviour ID as before.
 */
import { behaviourIdOf } from "../answers/behaviour-id";
import type { PlannedCells } from "../plan/planned-cells";
import type { SnapshotSheet } from "../snapshot/types";
import { cellAddress, parseCell } from "../util/a1";
import { finding } from "./findings";
import type { Finding, FindingSheet } from "./types";
import { findingWords } from "../words/findings";

/** Where a planned row stands now; null when it was deleted. */
export type RowMove = (plannedRow: number) => number | null;

/** The row moves of one sheet, with the rows inserted (actual rows) and deleted (planned rows). */
export interface RowMoves {
  move: RowMove;
  /** Actual row → planned row, for rows the plan has. */
  back: (actualRow: number) => number | undefined;
  inserted: number[];
  deleted: number[];
}

type Anchor = { planned: number; actual: number };

const textOf = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());

function anchors(planned: PlannedCells, actual: SnapshotSheet): Anchor[] | undefined {
  const actualRows = new Map<string, number[]>();
  for (const address in actual.cells) {
    const { row, column } = parseCell(address);
    const text = column === 1 ? textOf(actual.cells[address].value) : "";
    if (text !== "") actualRows.set(text, [...(actualRows.get(text) ?? []), row]);
  }
  const plannedRows = new Map<string, number[]>();
  for (const [row, cells] of planned) {
    const text = textOf(cells.get(1));
    if (text !== "" && typeof cells.get(1) !== "object") plannedRows.set(text, [...(plannedRows.get(text) ?? []), row]);
  }
  const found: Anchor[] = [];
  for (const [text, rows] of plannedRows) {
    const at = actualRows.get(text);
    if (rows.length === 1 && at?.length === 1) found.push({ planned: rows[0], actual: at[0] });
  }
  found.sort((a, b) => a.planned - b.planned);
  const inOrder = found.every((a, i) => i === 0 || a.actual > found[i - 1].actual);
  return inOrder && found.length > 0 ? found : undefined;
}

/** The moves of a sheet, or undefined when no row moved (or the moves cannot be told). */
export function rowMoves(planned: PlannedCells, actual: SnapshotSheet): RowMoves | undefined {
  const found = anchors(planned, actual);
  if (!found || found.every((a) => a.actual === a.planned)) return undefined;
  // A virtual anchor above row 1, so rows deleted above the first anchor are the ones just above it.
  const all = [{ planned: 0, actual: 0 }, ...found];
  const move: RowMove = (row) => {
    let i = all.length - 1;
    while (all[i].planned > row) i--;
    const from = all[i];
    const moved = from.actual + (row - from.planned);
    const next = all[i + 1];
    return next && moved >= next.actual ? null : moved;
  };
  const inserted: number[] = [];
  const deleted: number[] = [];
  all.forEach((from, i) => {
    const next = all[i + 1];
    if (!next) return;
    const extra = next.actual - from.actual - (next.planned - from.planned);
    for (let k = extra; k > 0; k--) inserted.push(next.actual - k);
    for (let k = -extra; k > 0; k--) deleted.push(next.planned - k);
  });
  const backwards = new Map<number, number>();
  for (const row of planned.keys()) {
    const moved = move(row);
    if (moved !== null) backwards.set(moved, row);
  }
  return { move, back: (row) => backwards.get(row), inserted, deleted };
}

/** One finding per row inserted or deleted, naming it. */
export function rowMoveFindings(moves: RowMoves, planned: PlannedCells, where: FindingSheet): Finding[] {
  const inserted = moves.inserted.map((row) =>
    finding({
      rule: "structure.row-inserted",
      sheet: where,
      cell: cellAddress(row, 1),
      message: findingWords.structure.rowInserted(row),
      expected: findingWords.noSuchRow,
      found: findingWords.structure.row(row),
      repairable: true,
    }),
  );
  // A behaviour's row deleted is structure.row-missing's, said with its behaviour.
  const isBehaviour = (row: number) => behaviourIdOf(String(planned.get(row)?.get(1) ?? "")) !== undefined;
  const deleted = moves.deleted
    .filter((row) => !isBehaviour(row))
    .map((row) => {
      const held = [...(planned.get(row)?.values() ?? [])].filter((cell) => typeof cell !== "object").map(String);
      return finding({
        rule: "structure.row-deleted",
        sheet: where,
        message: findingWords.structure.rowDeleted(row, held.length > 0 ? held[0].slice(0, 60) : undefined),
        expected: findingWords.structure.row(row),
        found: findingWords.structure.rowDeletedFound,
        repairable: true,
      });
    });
  return [...inserted, ...deleted];
}
