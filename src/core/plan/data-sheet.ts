import { quoteSheet, rangeAddress } from "../util/a1";
import { behaviourLookups, type BehaviourEntry } from "./behaviour-rows";
import { gapOf, valueOrBlank } from "./formulas";
import { GUIDE, KEY_AREA, SHEET_NAMES } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { DATE_FORMAT, SCORE_FORMAT } from "./style";
import type { PlanCell, SheetPlan } from "./types";

const C = KEY_AREA.columns;
export const DATA_TABLE_NAME = "NPS_Data";
export const DATA_HEADERS = [
  "Council",
  "Assessment date",
  "Toolkit version",
  "Theme",
  "Key area",
  "Behaviour ID",
  "Behaviour",
  "Current level",
  "Current score",
  "Target level",
  "Target score",
  "Gap",
  "Evidence",
  "Owner",
  "Review date",
] as const;

function dataRow(
  entry: BehaviourEntry,
  row: number,
  toolkitLabel: string,
  guideSheet: string,
  levels: readonly string[],
): PlanCell[] {
  const look = behaviourLookups(entry, `$F${row}`, levels);
  const guide = quoteSheet(guideSheet);
  return [
    { formula: valueOrBlank(`${guide}!$B$${GUIDE.councilCell.row}`) },
    { formula: valueOrBlank(`${guide}!$B$${GUIDE.dateCell.row}`) },
    toolkitLabel,
    entry.theme.name,
    entry.keyArea.name,
    entry.behaviour.id,
    entry.behaviour.name,
    { formula: look.currentLevel(`I${row}`) },
    { formula: look.currentScore },
    { formula: look.targetLevel(`K${row}`) },
    { formula: look.targetScore },
    { formula: gapOf(`I${row}`, `K${row}`) },
    { formula: look.text(C.evidence) },
    { formula: look.text(C.owner) },
    { formula: look.date(C.reviewDate) },
  ];
}

/** A tidy table, one row per behaviour, that a PivotTable can use as it is. */
export function dataSheet(
  entries: BehaviourEntry[],
  sheetNames: Record<string, string>,
  toolkitLabel: string,
  levels: readonly string[],
): SheetPlan {
  const sheet = new SheetBuilder(
    "data",
    "data",
    sheetNames.data ?? SHEET_NAMES.data,
    [22, 14, 16, 24, 30, 13, 34, 13, 9, 13, 9, 7, 40, 18, 12],
  );
  const guide = sheetNames.guide ?? SHEET_NAMES.guide;
  const last = 1 + entries.length;
  sheet.block(1, 1, [
    [...DATA_HEADERS],
    ...entries.map((entry, i) => dataRow(entry, 2 + i, toolkitLabel, guide, levels)),
  ]);
  const column = (index: number) => rangeAddress(2, index, last, index);
  sheet
    .style(column(2), { numberFormat: DATE_FORMAT })
    .style(column(15), { numberFormat: DATE_FORMAT })
    .style(column(9), { numberFormat: SCORE_FORMAT })
    .style(column(11), { numberFormat: SCORE_FORMAT })
    .style(column(12), { numberFormat: SCORE_FORMAT })
    .table({ name: DATA_TABLE_NAME, range: rangeAddress(1, 1, last, DATA_HEADERS.length), style: "TableStyleMedium2" });
  sheet.plan.freeze = { rows: 1, columns: 0 };
  sheet.plan.print = { orientation: "landscape", fitToWidth: true, titleRows: "1:1" };
  return sheet.plan;
}
