/**
 * Group Actions: every action of every return used, one row each, so a lead can see the group's plans side by side
 * (sort, filter, PivotTable). The behaviour's name and key area come from the group's toolkit by the ID typed; all the
 * rest is copied as typed, and every string is a text cell, never a formula (plan rule).
 */
import { GROUP_ACTIONS, SHEET_NAMES } from "../plan/layout";
import { tableSheet } from "../plan/sheet-builder";
import type { PlanCell, SheetPlan } from "../plan/types";
import { isIsoDate, isoDateToSerial } from "../util/dates";
import { csvText } from "./csv";
import type { GroupValue } from "./group-rows";
import type { Consolidation } from "./types";

export const GROUP_ACTIONS_TABLE_NAME = "NPS_GroupActions";

export type GroupActionRow = Record<keyof typeof GROUP_ACTIONS.columns, GroupValue>;

const textOrNull = (text: string | undefined) => (text === undefined || text === "" ? null : text);

/** Each behaviour of the group's toolkit by ID, with its key area's name. */
function behavioursById(consolidation: Consolidation) {
  const found = new Map<string, { behaviour: string; keyArea: string }>();
  for (const theme of consolidation.toolkit.themes)
    for (const keyArea of theme.keyAreas)
      for (const behaviour of keyArea.behaviours)
        found.set(behaviour.id, { behaviour: behaviour.name, keyArea: keyArea.name });
  return found;
}

/** Every return's actions, return by return, each in the order its plan lists them. */
export function groupActionRows(consolidation: Consolidation): GroupActionRow[] {
  const behaviours = behavioursById(consolidation);
  return consolidation.returns.flatMap((used) =>
    (used.actions ?? []).map((action) => {
      const known = action.behaviourId === undefined ? undefined : behaviours.get(action.behaviourId.trim());
      return {
        returnNumber: used.number,
        council: textOrNull(used.identity.council),
        respondent: textOrNull(used.identity.respondent),
        id: textOrNull(action.behaviourId),
        behaviour: known?.behaviour ?? null,
        keyArea: known?.keyArea ?? null,
        action: textOrNull(action.action),
        owner: textOrNull(action.owner),
        dueDate: textOrNull(action.dueDate),
        status: textOrNull(action.status),
        note: textOrNull(action.note),
      };
    }),
  );
}

/** A row's cells: the due date as a date serial when it is a date, anything else as the text typed. */
const rowCells = (row: GroupActionRow): PlanCell[] =>
  GROUP_ACTIONS.row<PlanCell>({
    ...row,
    dueDate: typeof row.dueDate === "string" && isIsoDate(row.dueDate) ? isoDateToSerial(row.dueDate) : row.dueDate,
  });

/**
 * The Group Actions sheet: an Excel table of the rows. A table cannot be empty, so a group without actions has one
 * blank row, which is where a lead would type one.
 */
export function groupActionsSheet(rows: GroupActionRow[], name: string = SHEET_NAMES.groupActions): SheetPlan {
  return tableSheet({
    key: "groupActions",
    role: "groupActions",
    name,
    columns: GROUP_ACTIONS,
    rows: rows.length === 0 ? [GROUP_ACTIONS.row<PlanCell>(GROUP_ACTIONS.blankRow(null))] : rows.map(rowCells),
    formats: {},
    table: { name: GROUP_ACTIONS_TABLE_NAME },
  }).sheet.plan;
}

/** Group Actions as CSV, written as Group Data's is (csv.ts): formulas neutralised, dates as YYYY-MM-DD. */
export function groupActionsCsv(rows: GroupActionRow[]): string {
  return csvText([GROUP_ACTIONS.headers, ...rows.map((row) => GROUP_ACTIONS.row<GroupValue>(row))]);
}
