import { CONSOLIDATION_LOG } from "../plan/layout";
import { SheetBuilder } from "../plan/sheet-builder";
import { HEADER, SUBTITLE, WRAPPED_TEXT } from "../plan/style";
import type { PlanCell, SheetPlan } from "../plan/types";
import { rangeAddress } from "../util/a1";
import { isIsoDate, isoDateToSerial } from "../util/dates";
import { workbookWords } from "../words/workbook";
import { consolidationLine, logRow } from "./log";
import type { Consolidation } from "./types";

export const LOG_TABLE_NAME = "NPS_ConsolidationLog";
const logColumn = CONSOLIDATION_LOG.columns;

/** Consolidation Log: every file given, whether it was used, its findings, and why it was left out. */
export function consolidationLogSheet(consolidation: Consolidation, name: string, now: Date): SheetPlan {
  const sheet = new SheetBuilder("consolidationLog", "consolidationLog", name, CONSOLIDATION_LOG.widths);
  const rows = consolidation.log.map((entry): PlanCell[] => {
    const row = logRow(entry);
    const date = row.assessmentDate;
    return CONSOLIDATION_LOG.row<PlanCell>({
      ...row,
      assessmentDate: typeof date === "string" && isIsoDate(date) ? isoDateToSerial(date) : date,
    });
  });
  const last = CONSOLIDATION_LOG.headerRow + rows.length;
  const column = (index: number) => rangeAddress(CONSOLIDATION_LOG.firstRow, index, last, index);
  sheet
    .title(workbookWords.consolidationLog.title)
    .block(2, 1, [[consolidationLine(consolidation, now)]])
    .style("A2", SUBTITLE)
    .block(CONSOLIDATION_LOG.headerRow, 1, [CONSOLIDATION_LOG.headers, ...rows])
    .style(
      rangeAddress(CONSOLIDATION_LOG.headerRow, 1, CONSOLIDATION_LOG.headerRow, CONSOLIDATION_LOG.headers.length),
      HEADER,
    )
    .columnFormats(CONSOLIDATION_LOG, { first: CONSOLIDATION_LOG.firstRow, last })
    .style(column(logColumn.reason), WRAPPED_TEXT)
    .table({
      name: LOG_TABLE_NAME,
      range: rangeAddress(CONSOLIDATION_LOG.headerRow, 1, last, CONSOLIDATION_LOG.headers.length),
      style: "TableStyleLight9",
    });
  sheet.plan.freeze = { rows: CONSOLIDATION_LOG.headerRow, columns: 1 };
  sheet.printLandscape(CONSOLIDATION_LOG.headerRow);
  return sheet.plan;
}
