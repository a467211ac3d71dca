import { absolute, absoluteColumn, quoteSheet, rangeAddress } from "../util/a1";
import { behaviourLookups, type BehaviourEntry } from "./behaviour-rows";
import { gapOf, valueOrBlank } from "./formulas";
import { DATA, GUIDE, KEY_AREA, SHEET_NAMES } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { DATE_FORMAT, SCORE_FORMAT } from "./style";
import type { PlanCell, SheetPlan } from "./types";

const C = KEY_AREA.columns;
export const DATA_TABLE_NAME = "NPS_Data";
const dataColumn = DATA.columns;
const dataLetter = DATA.letters;

function dataRow(
  entry: BehaviourEntry,
  row: number,
  toolkitLabel: string,
  guideSheet: string,
  levels: readonly string[],
): PlanCell[] {
  const look = behaviourLookups(entry, absoluteColumn(row, dataColumn.id), levels);
  const guide = (cell: { row: number; column: number }) =>
    `${quoteSheet(guideSheet)}!${absolute(cell.row, cell.column)}`;
  const [currentScore, targetScore] = [`${dataLetter.currentScore}${row}`, `${dataLetter.targetScore}${row}`];
  return DATA.row<PlanCell>({
    council: { formula: valueOrBlank(guide(GUIDE.councilCell)) },
    assessmentDate: { formula: valueOrBlank(guide(GUIDE.dateCell)) },
    toolkitVersion: toolkitLabel,
    theme: entry.theme.name,
    keyArea: entry.keyArea.name,
    id: entry.behaviour.id,
    behaviour: entry.behaviour.name,
    currentLevel: { formula: look.currentLevel(currentScore) },
    currentScore: { formula: look.currentScore },
    targetLevel: { formula: look.targetLevel(targetScore) },
    targetScore: { formula: look.targetScore },
    gap: { formula: gapOf(currentScore, targetScore) },
    evidence: { formula: look.text(C.evidence) },
    owner: { formula: look.text(C.owner) },
    reviewDate: { formula: look.date(C.reviewDate) },
  });
}

/** A tidy table, one row per behaviour, that a PivotTable can use as it is. */
export function dataSheet(
  entries: BehaviourEntry[],
  sheetNames: Record<string, string>,
  toolkitLabel: string,
  levels: readonly string[],
): SheetPlan {
  const sheet = new SheetBuilder("data", "data", sheetNames.data ?? SHEET_NAMES.data, DATA.widths);
  const guide = sheetNames.guide ?? SHEET_NAMES.guide;
  const last = DATA.headerRow + entries.length;
  sheet.block(DATA.headerRow, 1, [
    DATA.headers,
    ...entries.map((entry, i) => dataRow(entry, DATA.firstRow + i, toolkitLabel, guide, levels)),
  ]);
  const column = (index: number) => rangeAddress(DATA.firstRow, index, last, index);
  const table = rangeAddress(DATA.headerRow, 1, last, DATA.headers.length);
  sheet
    .style(column(dataColumn.assessmentDate), { numberFormat: DATE_FORMAT })
    .style(column(dataColumn.reviewDate), { numberFormat: DATE_FORMAT })
    .style(column(dataColumn.currentScore), { numberFormat: SCORE_FORMAT })
    .style(column(dataColumn.targetScore), { numberFormat: SCORE_FORMAT })
    .style(column(dataColumn.gap), { numberFormat: SCORE_FORMAT })
    .table({ name: DATA_TABLE_NAME, range: table, style: "TableStyleMedium2" });
  sheet.plan.freeze = { rows: DATA.headerRow, columns: 0 };
  sheet.printLandscape(DATA.headerRow);
  return sheet.plan;
}
