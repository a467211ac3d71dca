import { absoluteRange, cellAddress, formulaString, quoteSheet, rangeAddress } from "../util/a1";
import { isoDateToSerial } from "../util/dates";
import { workbookWords } from "../words/workbook";
import { ACTION_STATUSES, ACTIONS, CLOSED_ACTION_STATUSES, SUMMARY_ACTIONS } from "./layout";
import type { SheetBuilder } from "./sheet-builder";
import { DATE_FORMAT, HEADER, SCORE_FORMAT, SUBTITLE } from "./style";
import type { PlanCell } from "./types";

export const ACTIONS_BLOCK_TITLE = workbookWords.summary.actions.title;
const ACTIONS_HEADER = workbookWords.summary.actions.header;

/** The block's rows, from its first row: the counts' labels in order, then the overdue date and count. */
export function actionsBlockRows(top: number) {
  const firstStatus = top + SUMMARY_ACTIONS.firstStatusOffset;
  const noStatus = firstStatus + ACTION_STATUSES.length;
  return {
    title: top + SUMMARY_ACTIONS.titleOffset,
    header: top + SUMMARY_ACTIONS.headerOffset,
    firstStatus,
    noStatus,
    notAStatus: noStatus + 1,
    all: noStatus + 2,
    asAt: noStatus + 3,
    overdue: noStatus + 4,
  };
}

/** A column of the Actions sheet's rows that the figures count (a fixed range: no whole columns, nothing volatile). */
export function countedActions(actionsSheet: string, column: number): string {
  const first = ACTIONS.firstRow;
  return `${quoteSheet(actionsSheet)}!${absoluteRange(first, column, first + SUMMARY_ACTIONS.rowsCounted - 1, column)}`;
}

/**
 * The actions block of the Summary at `top`: how many actions have each status, how many have none or one not in
 * the list, and how many are overdue at the date in the block (`asAt`, ISO: the day the add-in wrote the workbook).
 * The date is the add-in's, locked: a formula can know today only through TODAY(), which is volatile, and a date
 * typed by a user would reach COUNTIFS as a criterion. Statuses are counted with COUNTIF against the product's own words, never a user's text;
 * ISBLANK and COUNTA read an error value pasted into a cell without passing it on.
 */
export function addActionsSummary(sheet: SheetBuilder, options: { top: number; actionsSheet: string; asAt: string }) {
  const rows = actionsBlockRows(options.top);
  const at = (column: number) => countedActions(options.actionsSheet, column);
  const [status, action, id, due] = [
    at(ACTIONS.columns.status),
    at(ACTIONS.columns.action),
    at(ACTIONS.columns.id),
    at(ACTIONS.columns.dueDate),
  ];
  const count = (row: number) => cellAddress(row, 2);
  const statuses = ACTION_STATUSES.map((name): PlanCell[] => [
    name,
    { formula: `COUNTIF(${status},${formulaString(name)})` },
  ]);
  const firstCount = count(rows.firstStatus);
  const lastStatusCount = count(rows.noStatus - 1);
  const asAt = count(rows.asAt);
  sheet
    .block(rows.title, 1, [[ACTIONS_BLOCK_TITLE]])
    .style(cellAddress(rows.title, 1), SUBTITLE)
    .block(rows.header, 1, [[...ACTIONS_HEADER]])
    .style(rangeAddress(rows.header, 1, rows.header, 2), HEADER)
    .block(rows.firstStatus, 1, [
      ...statuses,
      [
        SUMMARY_ACTIONS.noStatusLabel,
        { formula: `SUMPRODUCT(ISBLANK(${status})*(1-ISBLANK(${action})*ISBLANK(${id})))` },
      ],
      [SUMMARY_ACTIONS.notAStatusLabel, { formula: `COUNTA(${status})-SUM(${firstCount}:${lastStatusCount})` }],
      [SUMMARY_ACTIONS.allLabel, { formula: `SUM(${firstCount}:${count(rows.notAStatus)})` }],
      [SUMMARY_ACTIONS.asAtLabel, isoDateToSerial(options.asAt)],
      [
        SUMMARY_ACTIONS.overdueLabel,
        {
          formula: `IF(ISNUMBER(${asAt}),COUNTIFS(${due},"<"&${asAt},${CLOSED_ACTION_STATUSES.map((closed) => `${status},${formulaString(`<>${closed}`)}`).join(",")}),"")`,
        },
      ],
    ])
    .style(rangeAddress(rows.firstStatus, 1, rows.overdue, 2), { border: "thin", vertical: "center" })
    .style(rangeAddress(rows.firstStatus, 2, rows.overdue, 2), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(rangeAddress(rows.all, 1, rows.all, 2), { bold: true })
    .style(asAt, { numberFormat: DATE_FORMAT, horizontal: "center" })
    .style(rangeAddress(rows.overdue, 1, rows.overdue, 2), { bold: true });
}
