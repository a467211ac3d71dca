import { chooseSheetNames } from "../assessment/sheet-names";
import { GROUP_SHEET_KEYS, roleNameFor, SHEET_NAMES, type GroupSheetKey } from "../plan/layout";
import type { WorkbookPlan } from "../plan/types";
import { sheetMarkedBy } from "../snapshot/our-sheets";
import { quoteSheet } from "../util/a1";
import { GROUP_ACTIONS_TABLE_NAME, groupActionRows, groupActionsSheet } from "./group-actions";
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
  sheetNames?: Partial<Record<GroupSheetKey, string>>;
}

/**
 * The group workbook: Group Summary, Group Data, Group Actions and the Consolidation Log, as one plan both writers apply.
 * Each sheet is marked by its NPS_Sheet_* name (as the assessment's and the check report's are), so a later
 * consolidation into the same workbook finds the add-in's group sheets again, even renamed. Throws when no
 * return was used (an Excel table cannot be empty, and there is nothing to summarise).
 */
export function planGroupWorkbook(consolidation: Consolidation, options: GroupPlanOptions): WorkbookPlan {
  if (consolidation.returns.length === 0) throw new Error("Nothing to consolidate: no return was used");
  const sheetNames = {
    groupSummary: SHEET_NAMES.groupSummary,
    groupData: SHEET_NAMES.groupData,
    groupActions: SHEET_NAMES.groupActions,
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
        anonymised: consolidation.anonymised,
      }),
      groupDataSheet(rows, sheetNames.groupData),
      groupActionsSheet(groupActionRows(consolidation), sheetNames.groupActions),
      consolidationLogSheet(consolidation, sheetNames.consolidationLog, options.now),
    ],
    names: GROUP_SHEET_KEYS.map((key) => ({
      name: roleNameFor(key),
      reference: `${quoteSheet(sheetNames[key])}!$A$1`,
    })),
    activeSheetKey: "groupSummary",
    warnings: [],
  };
}

/** What the host read of the open workbook: enough to tell the add-in's group sheets from the user's. */
export interface WorkbookListing {
  /** Every sheet now, the user's own included. */
  sheets: readonly string[];
  /** The workbook-scope names; the add-in's NPS_Sheet_* names mark its earlier group sheets. */
  names: Record<string, string>;
  /** Every table, with the sheet it is on (table names are unique in a workbook, whatever the sheet). */
  tables: readonly { name: string; sheet: string }[];
}

/** The group sheets planned for an open workbook, and their names in the order the plan writes them. */
export interface GroupSheetsInWorkbook {
  plan: WorkbookPlan;
  sheetNames: string[];
  /**
   * The add-in's group sheets of an earlier consolidation that the plan rewrites in place, by plan key,
   * named as they are now (the plan keeps a name the user gave); empty for a first consolidation.
   */
  replaces: Partial<Record<GroupSheetKey, string>>;
}

/**
 * The earlier group sheets the add-in made here: the sheets its group role names still mark, one key each
 * (should two names mark one sheet, it is replaced once, by the first key).
 */
function earlierGroupSheets(workbook: WorkbookListing): Partial<Record<GroupSheetKey, string>> {
  const found: Partial<Record<GroupSheetKey, string>> = {};
  const taken = new Set<string>();
  for (const key of GROUP_SHEET_KEYS) {
    const sheet = sheetMarkedBy(roleNameFor(key), workbook.names, workbook.sheets);
    if (sheet === null || taken.has(sheet.toLowerCase())) continue;
    taken.add(sheet.toLowerCase());
    found[key] = sheet;
  }
  return found;
}

/** The group's tables, by the sheet each is on. */
const GROUP_TABLES = [
  { key: "groupData", name: GROUP_DATA_TABLE_NAME },
  { key: "groupActions", name: GROUP_ACTIONS_TABLE_NAME },
] as const;

/**
 * The sheet holding a group table (NPS_GroupData, NPS_GroupActions) that the new plan can neither keep nor add
 * beside: one on any sheet but the earlier group sheet the plan rewrites (a copied sheet, or group sheets made
 * before they were marked). null when there is none.
 */
export function groupTableInTheWay(workbook: WorkbookListing): string | null {
  const earlier = earlierGroupSheets(workbook);
  for (const { key, name } of GROUP_TABLES) {
    const replaced = earlier[key]?.toLowerCase();
    const table = workbook.tables.find(
      (t) => t.name.toLowerCase() === name.toLowerCase() && t.sheet.toLowerCase() !== replaced,
    );
    if (table) return table.sheet;
  }
  return null;
}

/**
 * The group sheets for writing into a workbook: the add-in's group sheets of an earlier consolidation (found by
 * their NPS_Sheet_* names, however renamed) are replaced in place, keeping their names; each other sheet takes
 * its default name unless a sheet (the user's or any other) has it, in which case the first free "Name (n)", so
 * no sheet of the user's is touched, even one called "Group Data". Returns null when a Group Data table stands
 * where the plan cannot take it over (groupTableInTheWay): Excel table names are unique in a workbook.
 */
export function planGroupSheetsInto(
  consolidation: Consolidation,
  workbook: WorkbookListing,
  now: Date,
): GroupSheetsInWorkbook | null {
  if (groupTableInTheWay(workbook) !== null) return null;
  const replaces = earlierGroupSheets(workbook);
  const defaults = Object.fromEntries(GROUP_SHEET_KEYS.map((key) => [key, SHEET_NAMES[key]]));
  const { names } = chooseSheetNames(defaults, [...workbook.sheets], replaces);
  const plan = planGroupWorkbook(consolidation, { now, sheetNames: names });
  return { plan, sheetNames: plan.sheets.map((sheet) => sheet.name), replaces };
}
