import { chooseSheetNames } from "../assessment/sheet-names";
import { GROUP_SHEET_KEYS, SHEET_NAMES } from "../plan/layout";
import type { WorkbookPlan } from "../plan/types";
import { GROUP_DATA_TABLE_NAME, groupDataSheet } from "./group-data-sheet";
import { groupDataRows } from "./group-rows";
import { groupSummarySheet } from "./group-summary-sheet";
import { consolidationLogSheet } from "./log-sheet";
import { consolidationLine } from "./log";
import type { Consolidation } from "./types";

export interface GroupPlanOptions {
  /** When the consolidation ran, for the log's line. */
  now: Date;
  /** Sheet names by key, overriding the defaults (to avoid a user's sheet when written into a workbook). */
  sheetNames?: Partial<Record<"groupSummary" | "groupData" | "consolidationLog", string>>;
}

/**
 * The group workbook: Group Summary, Group Data and the Consolidation Log, as one plan both writers apply.
 * Throws when no return was used (an Excel table cannot be empty, and there is nothing to summarise).
 */
export function planGroupWorkbook(consolidation: Consolidation, options: GroupPlanOptions): WorkbookPlan {
  if (consolidation.returns.length === 0) throw new Error("Nothing to consolidate: no return was used");
  const sheetNames = {
    groupSummary: SHEET_NAMES.groupSummary,
    groupData: SHEET_NAMES.groupData,
    consolidationLog: SHEET_NAMES.consolidationLog,
    ...options.sheetNames,
  };
  const rows = groupDataRows(consolidation);
  return {
    sheets: [
      groupSummarySheet({
        toolkit: consolidation.toolkit,
        returns: consolidation.returns,
        groupDataRowCount: rows.length,
        sheetNames,
        description: consolidationLine(consolidation, options.now),
      }),
      groupDataSheet(rows, sheetNames.groupData),
      consolidationLogSheet(consolidation, sheetNames.consolidationLog, options.now),
    ],
    names: [],
    activeSheetKey: "groupSummary",
    warnings: [],
  };
}

/** The group sheets planned for an open workbook, and their names in the order the plan writes them. */
export interface GroupSheetsInWorkbook {
  plan: WorkbookPlan;
  sheetNames: string[];
}

/**
 * The group sheets for writing into a workbook that already has `workbookSheets`: each keeps its default
 * name unless a sheet (the user's or any other) has it, in which case it takes the first free "Name (n)",
 * so no sheet already there is touched. Returns null when the workbook already holds a Group Data table
 * (an earlier consolidation): Excel table names are unique in a workbook, so a second one cannot be added.
 */
export function planGroupSheetsInto(
  consolidation: Consolidation,
  workbook: { sheets: readonly string[]; tables: readonly string[] },
  now: Date,
): GroupSheetsInWorkbook | null {
  if (workbook.tables.some((table) => table.toLowerCase() === GROUP_DATA_TABLE_NAME.toLowerCase())) return null;
  const defaults = Object.fromEntries(GROUP_SHEET_KEYS.map((key) => [key, SHEET_NAMES[key]]));
  const { names } = chooseSheetNames(defaults, [...workbook.sheets], {});
  const plan = planGroupWorkbook(consolidation, { now, sheetNames: names });
  return { plan, sheetNames: plan.sheets.map((sheet) => sheet.name) };
}
