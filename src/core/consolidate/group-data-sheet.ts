import { GROUP_DATA, SHEET_NAMES } from "../plan/layout";
import { tableSheet } from "../plan/sheet-builder";
import type { PlanCell, SheetPlan } from "../plan/types";
import { isIsoDate, isoDateToSerial } from "../util/dates";
import type { GroupDataRow } from "./group-rows";

export const GROUP_DATA_TABLE_NAME = "NPS_GroupData";

/** A row's cells: the assessment date as a date serial when it is one; every string is a text cell (plan rule). */
const rowCells = (row: GroupDataRow): PlanCell[] =>
  GROUP_DATA.row<PlanCell>({
    ...row,
    assessmentDate:
      typeof row.assessmentDate === "string" && isIsoDate(row.assessmentDate)
        ? isoDateToSerial(row.assessmentDate)
        : row.assessmentDate,
  });

/** Group Data: an Excel table, one row per return × behaviour, that a PivotTable can use as it is. */
export function groupDataSheet(rows: GroupDataRow[], name: string = SHEET_NAMES.groupData): SheetPlan {
  if (rows.length === 0) throw new Error("Group Data needs at least one row (an Excel table cannot be empty)");
  return tableSheet({
    key: "groupData",
    role: "groupData",
    name,
    columns: GROUP_DATA,
    rows: rows.map(rowCells),
    formats: {},
    table: { name: GROUP_DATA_TABLE_NAME },
  }).sheet.plan;
}
