import { GROUP_DATA, SHEET_NAMES } from "../plan/layout";
import { SheetBuilder } from "../plan/sheet-builder";
import type { PlanCell, SheetPlan } from "../plan/types";
import { rangeAddress } from "../util/a1";
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
  const sheet = new SheetBuilder("groupData", "groupData", name, GROUP_DATA.widths);
  const last = GROUP_DATA.headerRow + rows.length;
  sheet.block(GROUP_DATA.headerRow, 1, [GROUP_DATA.headers, ...rows.map(rowCells)]);
  sheet.columnFormats(GROUP_DATA, { first: GROUP_DATA.firstRow, last }).table({
    name: GROUP_DATA_TABLE_NAME,
    range: rangeAddress(GROUP_DATA.headerRow, 1, last, GROUP_DATA.headers.length),
    style: "TableStyleMedium2",
  });
  sheet.plan.freeze = { rows: GROUP_DATA.headerRow, columns: 0 };
  sheet.printLandscape(GROUP_DATA.headerRow);
  return sheet.plan;
}
