/**
 * The "Check report" sheet: a check's findings as an Excel table, so the report travels with the
 * workbook. Planned here once; the Office writer and the .xlsx writer both write the plan.
 *
 * The sheet is marked by its own NPS_Sheet_ name, so a later report replaces the add-in's own
 * report (even renamed) and never a user's sheet that happens to be called "Check report": that
 * sheet keeps its name and the report takes the next free one ("Check report (2)").
 */
import { chooseSheetNames } from "../assessment/sheet-names";
import { GENERATOR_NAME, roleNameFor, SHEET_NAMES } from "../plan/layout";
import { SheetBuilder } from "../plan/sheet-builder";
import { HEADER, SUBTITLE, WRAPPED_TEXT } from "../plan/style";
import type { SheetPlan, WorkbookPlan } from "../plan/types";
import { CHECK_REPORT_ROLE_NAME, sheetMarkedBy } from "../snapshot/our-sheets";
import { quoteSheet, rangeAddress } from "../util/a1";
import { todayIso, ukDate } from "../util/dates";
import { GENERATOR_VERSION } from "../version";
import { countsLine, REPORT_COLUMNS, reportRows } from "./report";
import type { CheckResult } from "./types";
import { findingWords } from "../words/findings";

export const CHECK_REPORT_KEY = "checkReport" satisfies keyof typeof SHEET_NAMES;
/** The report's table (table names and defined names share one namespace, so it has the NPS_ prefix). */
export const CHECK_REPORT_TABLE = "NPS_CheckReport";
/** The table's header row; the title lines are above it. */
export const CHECK_REPORT_HEADER_ROW = 6;

/** What a report with no findings says in its one row (an Excel table needs a body row). */
export const NO_FINDINGS = findingWords.report.noFindings;

export interface CheckReportOptions {
  /** When the check ran (shown in the user's own time, like every date the add-in writes). */
  checkedAt: Date;
  /** Every sheet of the workbook now, the user's own included. */
  workbookSheets: readonly string[];
  /** The workbook's defined names, to find the report the add-in wrote before. */
  names: Record<string, string>;
}

export interface PlannedCheckReport {
  /** The report alone: one sheet and the name that marks it. */
  plan: WorkbookPlan;
  sheetName: string;
  /** The add-in's earlier report, which the plan rewrites in place; null when there is none. */
  replaces: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "26/11/2026 at 13:40", in the user's own time zone. */
export function checkedAtText(at: Date): string {
  return findingWords.report.at(ukDate(todayIso(at)), `${pad(at.getHours())}:${pad(at.getMinutes())}`);
}

function reportSheet(result: CheckResult, name: string, checkedAt: Date): SheetPlan {
  const sheet = new SheetBuilder(
    CHECK_REPORT_KEY,
    "checkReport",
    name,
    REPORT_COLUMNS.map((c) => c.width),
  );
  const against = result.toolkit
    ? findingWords.report.against(result.toolkit.id, result.toolkit.version)
    : findingWords.report.notIdentified;
  const rows = reportRows(result);
  const body =
    rows.length > 0
      ? rows
      : [REPORT_COLUMNS.map((c) => (c.header === findingWords.report.columns.finding ? NO_FINDINGS : ""))];
  const header = CHECK_REPORT_HEADER_ROW;
  const last = header + body.length;
  const width = REPORT_COLUMNS.length;
  sheet
    .title(findingWords.report.title)
    .block(2, 1, [[findingWords.report.checkedOn(checkedAtText(checkedAt), `${GENERATOR_NAME} ${GENERATOR_VERSION}`)]])
    .block(3, 1, [[against]])
    .block(4, 1, [[countsLine(result.findings)]])
    .block(header, 1, [REPORT_COLUMNS.map((c) => c.header), ...body])
    .style("A2:A3", SUBTITLE)
    .style("A4", { bold: true })
    .style(rangeAddress(header, 1, header, width), HEADER)
    .style(rangeAddress(header + 1, 1, last, width), WRAPPED_TEXT)
    .table({ name: CHECK_REPORT_TABLE, range: rangeAddress(header, 1, last, width), style: "TableStyleMedium2" });
  sheet.plan.freeze = { rows: header, columns: 0 };
  sheet.printLandscape(header);
  return sheet.plan;
}

/**
 * Plans the report of `result`: it replaces the add-in's earlier report (keeping the name the user
 * gave it), or takes "Check report", or the first free "Check report (n)" beside a user's own sheet.
 * Every value is text: a finding quotes what users typed, which may start with "=".
 */
export function planCheckReport(result: CheckResult, options: CheckReportOptions): PlannedCheckReport {
  const replaces = sheetMarkedBy(CHECK_REPORT_ROLE_NAME, options.names, options.workbookSheets);
  const choice = chooseSheetNames(
    { [CHECK_REPORT_KEY]: SHEET_NAMES.checkReport },
    [...options.workbookSheets],
    replaces ? { [CHECK_REPORT_KEY]: replaces } : {},
  );
  const sheetName = choice.names[CHECK_REPORT_KEY];
  const plan: WorkbookPlan = {
    sheets: [reportSheet(result, sheetName, options.checkedAt)],
    names: [{ name: roleNameFor(CHECK_REPORT_KEY), reference: `${quoteSheet(sheetName)}!$A$1` }],
    activeSheetKey: CHECK_REPORT_KEY,
    warnings: [],
  };
  return { plan, sheetName, replaces };
}
