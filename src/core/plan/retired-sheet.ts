import type { BehaviourAnswer } from "../answers/types";
import { rangeAddress } from "../util/a1";
import { isIsoDate, isoDateToSerial } from "../util/dates";
import { RETIRED, SHEET_NAMES } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { DATE_FORMAT, HEADER, SUBTITLE, TEXT_FORMAT, WRAPPED_TEXT } from "./style";
import type { PlanCell, SheetPlan } from "./types";

const HEADERS = ["Behaviour ID", "Current level", "Target level", "Evidence", "Owner", "Review date"];

/**
 * Answers for behaviours the toolkit no longer has. An upgrade never throws an answer away: it keeps
 * it here, as it was typed, for the user to move or delete.
 */
export function retiredSheet(retired: Record<string, BehaviourAnswer>, sheetNames: Record<string, string>): SheetPlan {
  const sheet = new SheetBuilder(
    "retired",
    "retired",
    sheetNames.retired ?? SHEET_NAMES.retired,
    [16, 14, 14, 60, 20, 13],
  );
  const rows = Object.entries(retired)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, a]): PlanCell[] => [
      id,
      a.current ?? null,
      a.target ?? null,
      a.evidence ?? null,
      a.owner ?? null,
      a.reviewDate && isIsoDate(a.reviewDate) ? isoDateToSerial(a.reviewDate) : (a.reviewDate ?? null),
    ]);
  const last = RETIRED.firstRow + rows.length - 1;
  const column = (index: number) => rangeAddress(RETIRED.firstRow, index, last, index);
  sheet
    .title("Answers for behaviours that are no longer in the toolkit")
    .block(2, 1, [
      [
        "An upgrade kept these answers because the toolkit's new version has no behaviour with their IDs. Move anything you still need, then delete the rows or the sheet.",
      ],
    ])
    .style("A2", SUBTITLE)
    .block(RETIRED.headerRow, 1, [HEADERS, ...rows])
    .style(rangeAddress(RETIRED.headerRow, 1, RETIRED.headerRow, HEADERS.length), HEADER)
    .style(rangeAddress(RETIRED.firstRow, 1, last, HEADERS.length), { ...WRAPPED_TEXT, border: "thin" })
    .style(column(RETIRED.columns.evidence), { numberFormat: TEXT_FORMAT })
    .style(column(RETIRED.columns.owner), { numberFormat: TEXT_FORMAT })
    .style(column(RETIRED.columns.reviewDate), { numberFormat: DATE_FORMAT });
  sheet.plan.freeze = { rows: RETIRED.headerRow, columns: 1 };
  return sheet.plan;
}
