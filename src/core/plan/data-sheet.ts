import { absolute, absoluteColumn, quoteSheet } from "../util/a1";
import { behaviourLookups, type BehaviourEntry } from "./behaviour-rows";
import { changeOf, gapOf, valueOrBlank } from "./formulas";
import { DATA, GUIDE, KEY_AREA, SHEET_NAMES } from "./layout";
import { tableSheet } from "./sheet-builder";
import { WRAPPED_TEXT, wrappedHeight } from "./style";
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
  const previousScore = `${dataLetter.previousScore}${row}`;
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
    previousLevel: { formula: look.previousLevel(previousScore) },
    previousScore: { formula: look.previousScore },
    change: { formula: changeOf(currentScore, previousScore) },
  });
}

/** A tidy table, one row per behaviour, that a PivotTable can use as it is. */
export function dataSheet(
  entries: BehaviourEntry[],
  sheetNames: Record<string, string>,
  toolkitLabel: string,
  levels: readonly string[],
): SheetPlan {
  const guide = sheetNames.guide ?? SHEET_NAMES.guide;
  const { sheet, range } = tableSheet({
    key: "data",
    role: "data",
    name: sheetNames.data ?? SHEET_NAMES.data,
    columns: DATA,
    rows: entries.map((entry, i) => dataRow(entry, DATA.firstRow + i, toolkitLabel, guide, levels)),
    formats: {},
    table: { name: DATA_TABLE_NAME },
  });
  // Wrapped, so that on paper (and on screen) no header or text is cut off by the cell beside it.
  sheet.style(range, WRAPPED_TEXT);
  // Rows as tall as the wrapped text the plan knows (headers, theme, key area, behaviour); answers are the user's.
  const width = (column: number) => DATA.widths[column - 1];
  sheet.rowHeight(DATA.headerRow, wrappedHeight(DATA.headers.map((text, i) => ({ text, width: width(i + 1) }))));
  entries.forEach((entry, i) =>
    sheet.rowHeight(
      DATA.firstRow + i,
      wrappedHeight([
        { text: entry.theme.name, width: width(dataColumn.theme) },
        { text: entry.keyArea.name, width: width(dataColumn.keyArea) },
        { text: entry.behaviour.name, width: width(dataColumn.behaviour) },
      ]),
    ),
  );
  return sheet.plan;
}
