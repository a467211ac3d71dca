import type { Toolkit } from "../toolkit/schema";
import { formulaString, rangeAddress } from "../util/a1";
import { behaviourLookups, type BehaviourEntry } from "./behaviour-rows";
import { gapOf, levelArray } from "./formulas";
import { NOT_A_LEVEL, SHEET_NAMES } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { richTextToCell } from "../toolkit/text";
import {
  COLOURS,
  HEADER,
  SCORE_FORMAT,
  SUBTITLE,
  TITLE,
  TWO_LINE_HEADER_HEIGHT,
  WRAPPED_TEXT,
  wrappedHeight,
} from "./style";
import type { PlanCell, SheetPlan } from "./types";

const HEADERS = [
  "#",
  "Behaviour ID",
  "Key area",
  "Behaviour",
  "Current level",
  "Target level",
  "Current score",
  "Target score",
  "Gap",
  "Status",
  "Next level",
  "What the next level looks like",
  "Priority",
];
const HEADER_ROW = 4;
const WIDTHS = [5, 13, 28, 30, 13, 13, 9, 9, 7, 14, 13, 60, 9];

/** Tall enough for whichever next-level descriptor the row comes to show (they change with the answers). */
function gapRowHeight(entry: BehaviourEntry): number {
  const nextLevels = entry.behaviour.descriptors
    .slice(1)
    .map((text) => ({ text: richTextToCell(text), width: WIDTHS[11] }));
  return wrappedHeight([
    ...nextLevels,
    { text: entry.keyArea.name, width: WIDTHS[2] },
    { text: entry.behaviour.name, width: WIDTHS[3] },
  ]);
}

/** Rank 1 = largest gap; ties go to the lower current score, then toolkit order. */
function priority(row: number, first: number, last: number): string {
  const col = (letter: string) => `$${letter}$${first}:$${letter}$${last}`;
  const [gap, current, order] = [col("I"), col("G"), col("A")];
  return `IF(AND(ISNUMBER(I${row}),I${row}>0),1+COUNTIF(${gap},">"&I${row})+COUNTIFS(${gap},I${row},${current},"<"&G${row})+COUNTIFS(${gap},I${row},${current},G${row},${order},"<"&A${row}),"")`;
}

function gapRow(
  entry: BehaviourEntry,
  row: number,
  first: number,
  last: number,
  levels: readonly string[],
): PlanCell[] {
  const look = behaviourLookups(entry, `$B${row}`, levels);
  return [
    entry.order,
    entry.behaviour.id,
    entry.keyArea.name,
    entry.behaviour.name,
    { formula: look.currentLevel(`G${row}`) },
    { formula: look.targetLevel(`H${row}`) },
    { formula: look.currentScore },
    { formula: look.targetScore },
    { formula: gapOf(`G${row}`, `H${row}`) },
    { formula: statusFormula(row) },
    {
      formula: `IF(ISNUMBER(G${row}),IF(G${row}<${levels.length},INDEX(${levelArray(levels)},G${row}+1),"Top level reached"),"")`,
    },
    { formula: look.nextDescriptor(`G${row}`) },
    { formula: priority(row, first, last) },
  ];
}

/** Status reads the level columns (E, F) for "Not a level" and the score columns (G, H) for numbers. */
function statusFormula(row: number): string {
  const invalid = formulaString(NOT_A_LEVEL);
  return `IF(OR(E${row}=${invalid},F${row}=${invalid}),"Check level",IF(NOT(ISNUMBER(G${row})),"Not assessed",IF(NOT(ISNUMBER(H${row})),"No target set",IF(G${row}>H${row},"Above target",IF(G${row}=H${row},"Target met","Below target")))))`;
}

export function gapsSheet(toolkit: Toolkit, entries: BehaviourEntry[], sheetNames: Record<string, string>): SheetPlan {
  const sheet = new SheetBuilder("gaps", "gaps", sheetNames.gaps ?? SHEET_NAMES.gaps, WIDTHS);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + entries.length;
  sheet
    .block(1, 1, [["Gaps: where each behaviour stands against its target"]])
    .style("A1", TITLE)
    .block(2, 1, [
      [
        "One row per behaviour. Gap is the shortfall from the target (never negative). Priority 1 is the largest gap. Sort and filter freely: every row finds its answers by behaviour ID.",
      ],
    ])
    .style("A2", SUBTITLE)
    .block(HEADER_ROW, 1, [
      HEADERS,
      ...entries.map((entry, i) => gapRow(entry, first + i, first, last, toolkit.levels)),
    ])
    .rowHeight(HEADER_ROW, TWO_LINE_HEADER_HEIGHT);
  entries.forEach((entry, i) => sheet.rowHeight(first + i, gapRowHeight(entry)));
  const column = (left: number, right = left) => rangeAddress(first, left, last, right);
  sheet
    .style(rangeAddress(HEADER_ROW, 1, HEADER_ROW, HEADERS.length), HEADER)
    .style(column(1, HEADERS.length), { ...WRAPPED_TEXT, border: "thin" })
    .style(column(7, 9), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(column(13), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .conditional({
      type: "expression",
      range: column(10),
      formula: `J${first}="Below target"`,
      style: { fill: COLOURS.invalidFill, fontColor: COLOURS.invalidText },
    })
    .conditional({
      type: "expression",
      range: column(10),
      formula: `OR(J${first}="Target met",J${first}="Above target")`,
      style: { fill: COLOURS.currentFill, fontColor: COLOURS.currentText },
    });
  sheet.plan.autoFilter = rangeAddress(HEADER_ROW, 1, last, HEADERS.length);
  sheet.plan.freeze = { rows: HEADER_ROW, columns: 2 };
  sheet.plan.print = { orientation: "landscape", fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` };
  return sheet.plan;
}
