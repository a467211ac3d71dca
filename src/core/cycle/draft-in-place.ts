/**
 * Draft actions from the gaps in the open workbook (the pane): one row per behaviour below its target with no action
 * yet (draft-actions.ts decides which), each row whole — its inputs and the looked-up columns' formulas at the row it
 * lands on, the same formulas the table's calculated columns hold there. The table's blank rows (a new workbook has
 * EMPTY_ACTION_ROWS of them, to type into) are filled first, top to bottom, as someone typing would; the rest are
 * added at the table's foot. A row with anything typed in it is never written: only blank rows are filled.
 *
 * A workbook without the table (an older layout, or a table the user deleted or reshaped) is refused, saying
 * what to do first, as adding rows to a table of other columns would put the values in the wrong places.
 */
import { isBlankActionRow } from "../answers/action-rows";
import { readAssessment } from "../answers/from-snapshot";
import { isUpgrade } from "../assessment/plan-assessment";
import { actionRow, ACTIONS_TABLE_NAME } from "../plan/actions-sheet";
import { ACTIONS } from "../plan/layout";
import type { PlanCell } from "../plan/types";
import type { SnapshotSheet, WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { parseRange } from "../util/a1";
import { cycleWords } from "../words/cycle";
import { draftActions } from "./draft-actions";

const words = cycleWords.draftedInPlace;

/** The rows to add to the action plan's table, and what to tell the user. */
export interface DraftedRows {
  /** The sheet the table is on, as it is named now. */
  sheet: string;
  table: string;
  /** Drafted actions written into the table's blank rows, by sheet row, every column of the table. */
  filled: { row: number; cells: PlanCell[] }[];
  /** The drafted actions no blank row was left for, to add at the table's foot, every column of the table. */
  rows: PlanCell[][];
  /** The message's title: how many were added, or why none was. */
  title: string;
  notes: string[];
}

/** Why no row was added, with what to do first. */
export interface DraftRefusal {
  refused: "no-assessment" | "upgrade-first" | "repair-first";
  message: string;
  nextStep: string;
}

export const isDraftRefusal = (outcome: DraftedRows | DraftRefusal): outcome is DraftRefusal => "refused" in outcome;

/** The rows to add for `snapshot`, read with its tables (the check's read), made by `toolkit`'s plan. */
export function planDraftedRows({
  snapshot,
  toolkit,
}: {
  snapshot: WorkbookSnapshot;
  toolkit: Toolkit;
}): DraftedRows | DraftRefusal {
  const found = readAssessment(snapshot, toolkit);
  if (!found) return { refused: "no-assessment", message: words.noAssessment, nextStep: words.noAssessmentNext };
  // An older layout has no Actions sheet, and its formulas are not the ones this toolkit's plan would add.
  if (isUpgrade(found, toolkit))
    return { refused: "upgrade-first", message: words.olderWorkbook, nextStep: words.upgradeFirst };
  const sheet = found.roles.actions;
  const table = snapshot.tables?.find(
    (t) => t.name.toLowerCase() === ACTIONS_TABLE_NAME.toLowerCase() && t.sheet === sheet,
  );
  const dataSheet = found.roles.data;
  if (!sheet || !dataSheet || !table?.range || !sameColumns(table.columns, table.range))
    return { refused: "repair-first", message: words.tableChanged, nextStep: words.repairFirst };
  const { drafted, belowTarget } = draftActions(toolkit, found.answers);
  const behaviours = toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours).length;
  const { top, bottom } = parseRange(table.range);
  const actionsSheet = snapshot.sheets.find((s) => s.name === sheet);
  // The header is the range's first row; an Excel table has no totals row unless someone adds one (then its row
  // holds a total, not blank inputs, and is left alone).
  const blank = actionsSheet ? blankRows(actionsSheet, { first: top + 1, last: bottom }) : [];
  const rowAt = (action: (typeof drafted)[number], row: number) => actionRow(action, row, { dataSheet, behaviours });
  const filled = drafted.slice(0, blank.length).map((action, i) => ({ row: blank[i], cells: rowAt(action, blank[i]) }));
  const rows = drafted.slice(blank.length).map((action, i) => rowAt(action, bottom + 1 + i));
  const base = { sheet, table: table.name, filled, rows };
  if (drafted.length === 0) return { ...base, title: belowTarget > 0 ? words.noneMissing : words.noGaps, notes: [] };
  return { ...base, title: words.added(drafted.length), notes: [words.where(sheet)] };
}

/** How many drafted actions are written: into blank rows and added. */
export const draftedCount = (drafted: DraftedRows) => drafted.filled.length + drafted.rows.length;

/** The table's rows with nothing typed in them, top to bottom. */
function blankRows(sheet: SnapshotSheet, { first, last }: { first: number; last: number }): number[] {
  const rows: number[] = [];
  for (let row = first; row <= last; row++) if (isBlankActionRow(sheet, row)) rows.push(row);
  return rows;
}

/** Whether the table has the plan's columns from column A (so each value lands under its heading); rows added above it do not matter. */
function sameColumns(columns: readonly string[], range: string): boolean {
  return (
    parseRange(range).left === 1 &&
    columns.length === ACTIONS.headers.length &&
    columns.every((name, i) => name === ACTIONS.headers[i])
  );
}
