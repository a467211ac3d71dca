import { SHEET_NAMES } from "../plan/layout";
import type { WorkbookPlan } from "../plan/types";
import { groupDataSheet } from "./group-data-sheet";
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
