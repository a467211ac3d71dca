import type { Toolkit } from "../toolkit/schema";
import { absoluteColumn, absoluteRange, formulaString } from "../util/a1";
import { workbookWords } from "../words/workbook";
import { behaviourLookups, type BehaviourEntry } from "./behaviour-rows";
import { changeOf, gapOf, levelArray } from "./formulas";
import { GAPS, NOT_A_LEVEL, SHEET_NAMES } from "./layout";
import { tableSheet } from "./sheet-builder";
import { richTextToCell } from "../toolkit/text";
import { COLOURS, wrappedHeight } from "./style";
import type { PlanCell, SheetPlan } from "./types";

const gapsColumn = GAPS.columns;
const gapsLetter = GAPS.letters;
const words = workbookWords.gaps;
const STATUS = workbookWords.gaps.status;

/** Tall enough for whichever next-level descriptor the row comes to show (they change with the answers). */
function gapRowHeight(entry: BehaviourEntry): number {
  const nextLevels = entry.behaviour.descriptors
    .slice(1)
    .map((text) => ({ text: richTextToCell(text), width: GAPS.width.nextDescriptor }));
  return wrappedHeight([
    ...nextLevels,
    { text: entry.keyArea.name, width: GAPS.width.keyArea },
    { text: entry.behaviour.name, width: GAPS.width.behaviour },
  ]);
}

/** Rank 1 = largest gap; ties go to the lower current score, then toolkit order. */
function priority(row: number, first: number, last: number): string {
  const col = (column: number) => absoluteRange(first, column, last, column);
  const [gapColumn, currentColumn, orderColumn] = [
    col(gapsColumn.gap),
    col(gapsColumn.currentScore),
    col(gapsColumn.order),
  ];
  const [gap, current, order] = [
    `${gapsLetter.gap}${row}`,
    `${gapsLetter.currentScore}${row}`,
    `${gapsLetter.order}${row}`,
  ];
  return `IF(AND(ISNUMBER(${gap}),${gap}>0),1+COUNTIF(${gapColumn},">"&${gap})+COUNTIFS(${gapColumn},${gap},${currentColumn},"<"&${current})+COUNTIFS(${gapColumn},${gap},${currentColumn},${current},${orderColumn},"<"&${order}),"")`;
}

function gapRow(
  entry: BehaviourEntry,
  row: number,
  first: number,
  last: number,
  levels: readonly string[],
): PlanCell[] {
  const look = behaviourLookups(entry, absoluteColumn(row, gapsColumn.id), levels);
  const [currentScore, targetScore] = [`${gapsLetter.currentScore}${row}`, `${gapsLetter.targetScore}${row}`];
  const previousScore = `${gapsLetter.previousScore}${row}`;
  return GAPS.row<PlanCell>({
    order: entry.order,
    id: entry.behaviour.id,
    keyArea: entry.keyArea.name,
    behaviour: entry.behaviour.name,
    currentLevel: { formula: look.currentLevel(currentScore) },
    targetLevel: { formula: look.targetLevel(targetScore) },
    currentScore: { formula: look.currentScore },
    targetScore: { formula: look.targetScore },
    gap: { formula: gapOf(currentScore, targetScore) },
    status: { formula: statusFormula(row) },
    nextLevel: {
      formula: `IF(ISNUMBER(${currentScore}),IF(${currentScore}<${levels.length},INDEX(${levelArray(levels)},${currentScore}+1),${formulaString(words.topLevelReached)}),"")`,
    },
    nextDescriptor: { formula: look.nextDescriptor(currentScore) },
    priority: { formula: priority(row, first, last) },
    previousLevel: { formula: look.previousLevel(previousScore) },
    previousScore: { formula: look.previousScore },
    change: { formula: changeOf(currentScore, previousScore) },
  });
}

/** Status reads the level columns for "Not a level" and the score columns for numbers. */
function statusFormula(row: number): string {
  const invalid = formulaString(NOT_A_LEVEL);
  const [currentLevel, targetLevel] = [`${gapsLetter.currentLevel}${row}`, `${gapsLetter.targetLevel}${row}`];
  const [current, target] = [`${gapsLetter.currentScore}${row}`, `${gapsLetter.targetScore}${row}`];
  const said = (status: keyof typeof STATUS) => formulaString(STATUS[status]);
  return `IF(OR(${currentLevel}=${invalid},${targetLevel}=${invalid}),${said("checkLevel")},IF(NOT(ISNUMBER(${current})),${said("notAssessed")},IF(NOT(ISNUMBER(${target})),${said("noTarget")},IF(${current}>${target},${said("above")},IF(${current}=${target},${said("met")},${said("below")})))))`;
}

export function gapsSheet(toolkit: Toolkit, entries: BehaviourEntry[], sheetNames: Record<string, string>): SheetPlan {
  const first = GAPS.firstRow;
  const last = GAPS.headerRow + entries.length;
  const { sheet, body } = tableSheet({
    key: "gaps",
    role: "gaps",
    name: sheetNames.gaps ?? SHEET_NAMES.gaps,
    columns: GAPS,
    rows: entries.map((entry, i) => gapRow(entry, first + i, first, last, toolkit.levels)),
    heading: {
      title: words.title,
      subtitle: words.intro,
    },
    formats: { also: { score: { horizontal: "center" } } },
    frozenColumns: gapsColumn.id,
  });
  entries.forEach((entry, i) => sheet.rowHeight(first + i, gapRowHeight(entry)));
  sheet
    .conditional({
      type: "expression",
      range: body(gapsColumn.status),
      formula: `${gapsLetter.status}${first}=${formulaString(STATUS.below)}`,
      style: { fill: COLOURS.invalidFill, fontColor: COLOURS.invalidText },
    })
    .conditional({
      type: "expression",
      range: body(gapsColumn.status),
      formula: `OR(${gapsLetter.status}${first}=${formulaString(STATUS.met)},${gapsLetter.status}${first}=${formulaString(STATUS.above)})`,
      style: { fill: COLOURS.currentFill, fontColor: COLOURS.currentText },
    });
  return sheet.plan;
}
