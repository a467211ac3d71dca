/**
 * Draft actions from the gaps in the open workbook (the pane): the rows to add at the foot of the action plan's
 * table, one per behaviour below its target with no action yet (draft-actions.ts decides which), each row whole —
 * its inputs and the looked-up columns' formulas at the row it lands on, the same formulas the table's calculated
 * columns hold there. Nothing already in the table is rewritten or moved: the rows are only added.
 *
 * A workbook without the table (an older layout, or a table the user deleted or reshaped) is refused, saying
 * what to do first, as adding rows to a table of other columns would put the values in the wrong places.
 */
import { readAssessment } from "../answers/from-snapshot";
import { isUpgrade } from "../assessment/plan-assessment";
import { actionRow, ACTIONS_TABLE_NAME } from "../plan/actions-sheet";
import { ACTIONS } from "../plan/layout";
import type { PlanCell } from "../plan/types";
import type { WorkbookSnapshot } from "../snapshot/types";
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
  /** One row per drafted action, every column of the table; none when every gap already has an action. */
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
  const last = parseRange(table.range).bottom;
  const rows = drafted.map((action, i) => actionRow(action, last + 1 + i, { dataSheet, behaviours }));
  if (rows.length === 0)
    return { sheet, table: table.name, rows, title: belowTarget > 0 ? words.noneMissing : words.noGaps, notes: [] };
  return { sheet, table: table.name, rows, title: words.added(rows.length), notes: [words.where(sheet)] };
}

/** Whether the table has the plan's columns from column A (so each value lands under its heading); rows added above it do not matter. */
function sameColumns(columns: readonly string[], range: string): boolean {
  return (
    parseRange(range).left === 1 &&
    columns.length === ACTIONS.headers.length &&
    columns.every((name, i) => name === ACTIONS.headers[i])
  );
}
