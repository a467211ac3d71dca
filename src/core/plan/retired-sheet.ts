import type { BehaviourAnswer } from "./answer-types";
import { rangeAddress } from "../util/a1";
import { isIsoDate, isoDateToSerial } from "../util/dates";
import { workbookWords } from "../words/workbook";
import { RETIRED, SHEET_NAMES } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { HEADER, SUBTITLE, WRAPPED_TEXT } from "./style";
import type { PlanCell, SheetPlan } from "./types";

/**
 * Answers for behaviours the toolkit no longer has. An upgrade never throws an answer away: it keeps
 * it here, as it was typed, for the user to move or delete.
 */
export function retiredSheet(retired: Record<string, BehaviourAnswer>, sheetNames: Record<string, string>): SheetPlan {
  const sheet = new SheetBuilder("retired", "retired", sheetNames.retired ?? SHEET_NAMES.retired, RETIRED.widths);
  const rows = Object.entries(retired)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, a]) =>
      RETIRED.row<PlanCell>({
        id,
        current: a.current ?? null,
        target: a.target ?? null,
        evidence: a.evidence ?? null,
        owner: a.owner ?? null,
        reviewDate: a.reviewDate && isIsoDate(a.reviewDate) ? isoDateToSerial(a.reviewDate) : (a.reviewDate ?? null),
      }),
    );
  const last = RETIRED.firstRow + rows.length - 1;
  sheet
    .title(workbookWords.retired.title)
    .block(2, 1, [[workbookWords.retired.intro]])
    .style("A2", SUBTITLE)
    .block(RETIRED.headerRow, 1, [RETIRED.headers, ...rows])
    .style(rangeAddress(RETIRED.headerRow, 1, RETIRED.headerRow, RETIRED.columnCount), HEADER)
    .style(rangeAddress(RETIRED.firstRow, 1, last, RETIRED.columnCount), { ...WRAPPED_TEXT, border: "thin" })
    .columnFormats(RETIRED, { first: RETIRED.firstRow, last });
  sheet.plan.freeze = { rows: RETIRED.headerRow, columns: 1 };
  return sheet.plan;
}
