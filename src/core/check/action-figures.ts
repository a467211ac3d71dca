/**
 * What the Summary's actions block should show (plan/summary-actions.ts), worked out from the Actions sheet's cells
 * as its formulas read them: COUNTIF's equality ignores case, ISBLANK is true only of an empty cell, COUNTA counts
 * anything entered (an error value too), and the overdue count takes due dates that are numbers.
 */
import { ACTION_STATUSES, ACTIONS, CLOSED_ACTION_STATUSES, SUMMARY_ACTIONS } from "../plan/layout";
import { plannedCells } from "../plan/planned-cells";
import { ACTIONS_BLOCK_TITLE, actionsBlockRows } from "../plan/summary-actions";
import type { SheetPlan } from "../plan/types";
import type { SnapshotCell, SnapshotSheet } from "../snapshot/types";
import { cellAddress, parseCell } from "../util/a1";
import type { Figure } from "./figures";

type Value = SnapshotCell["value"] | undefined;

/** The row of the block's title in the Summary's plan; undefined when the plan has no actions block. */
export function actionsBlockTop(summary: SheetPlan): number | undefined {
  for (const [row, cells] of plannedCells(summary)) if (cells.get(1) === ACTIONS_BLOCK_TITLE) return row;
  return undefined;
}

/** The counted rows of the Actions sheet: each row's cells by column. */
function countedRows(actions: SnapshotSheet): Map<number, Map<number, Value>> {
  const rows = new Map<number, Map<number, Value>>();
  const last = ACTIONS.firstRow + SUMMARY_ACTIONS.rowsCounted - 1;
  for (const address in actions.cells) {
    const { row, column } = parseCell(address);
    if (row < ACTIONS.firstRow || row > last) continue;
    rows.set(row, (rows.get(row) ?? new Map<number, Value>()).set(column, actions.cells[address].value));
  }
  return rows;
}

const isEmpty = (value: Value) => value === undefined || value === null;
const equalsText = (value: Value, text: string) =>
  typeof value === "string" && value.toLowerCase() === text.toLowerCase();

/** The block's figures by Summary address; the overdue date is read from the Summary itself. */
export function actionsBlockFigures(
  summary: SheetPlan,
  summaryActual: SnapshotSheet,
  actions: SnapshotSheet | undefined,
) {
  const figures = new Map<string, Figure>();
  const top = actionsBlockTop(summary);
  if (top === undefined || !actions) return figures;
  const at = actionsBlockRows(top);
  const C = ACTIONS.columns;
  const rows = [...countedRows(actions).values()];
  const status = (row: Map<number, Value>) => row.get(C.status);
  const counts = ACTION_STATUSES.map((name) => rows.filter((row) => equalsText(status(row), name)).length);
  const noStatus = rows.filter(
    (row) => isEmpty(status(row)) && !(isEmpty(row.get(C.action)) && isEmpty(row.get(C.id))),
  ).length;
  const entered = rows.filter((row) => !isEmpty(status(row))).length;
  const notAStatus = entered - counts.reduce((sum, n) => sum + n, 0);
  counts.forEach((n, i) => figures.set(cellAddress(at.firstStatus + i, 2), n));
  figures.set(cellAddress(at.noStatus, 2), noStatus);
  figures.set(cellAddress(at.notAStatus, 2), notAStatus);
  figures.set(
    cellAddress(at.all, 2),
    counts.reduce((sum, n) => sum + n, noStatus + notAStatus),
  );
  const asAt = summaryActual.cells[cellAddress(at.asAt, 2)]?.value;
  const overdue = (row: Map<number, Value>) => {
    const due = row.get(C.dueDate);
    return (
      typeof due === "number" &&
      typeof asAt === "number" &&
      due < asAt &&
      !CLOSED_ACTION_STATUSES.some((closed) => equalsText(status(row), closed))
    );
  };
  figures.set(cellAddress(at.overdue, 2), typeof asAt === "number" ? rows.filter(overdue).length : "");
  return figures;
}
