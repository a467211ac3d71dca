import type { Toolkit } from "../toolkit/schema";
import { formulaString, quoteSheet, rangeAddress } from "../util/a1";
import { levelArray } from "./formulas";
import { columnRange, type KeyAreaRows } from "./key-area-sheet";
import { GUIDE, KEY_AREA, NOT_A_LEVEL, SHEET_NAMES } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { addSummaryChart } from "./summary-chart";
import {
  AVERAGE_FORMAT,
  COLOURS,
  HEADER,
  SCORE_FORMAT,
  SUBTITLE,
  TITLE,
  TWO_LINE_HEADER_HEIGHT,
  wrappedHeight,
} from "./style";
import type { PlanCell, SheetPlan } from "./types";

const C = KEY_AREA.columns;
const HEADERS = [
  "Theme / key area",
  "Scope",
  "Behaviours",
  "Assessed",
  "Invalid entries",
  "Average current",
  "Average target",
  "Average gap",
  "Weakest current",
  "Typical level",
  "Assured level",
];
const HEADER_ROW = 5;
const SUMMARY_LABEL_WIDTH = 48;
const NOT_ASSESSED = "Not assessed";

/** Formulas for one summary row over the behaviour rows of one or more key area sheets. */
function summaryRow(
  label: string,
  scope: string,
  areas: KeyAreaRows[],
  row: number,
  levels: readonly string[],
): PlanCell[] {
  const over = (column: number) => areas.map((a) => `${quoteSheet(a.sheetName)}!${columnRange(a, column)}`).join(",");
  const current = over(C.currentScore);
  const invalid = areas
    .map(
      (a) =>
        `COUNTIF(${quoteSheet(a.sheetName)}!${columnRange(a, C.currentScore, C.targetScore)},${formulaString(NOT_A_LEVEL)})`,
    )
    .join("+");
  const averageOf = (column: number) => `IF(COUNT(${over(column)})=0,"",AVERAGE(${over(column)}))`;
  return [
    label,
    scope,
    { formula: `COUNTA(${over(C.id)})` },
    { formula: `COUNT(${current})` },
    { formula: invalid },
    { formula: averageOf(C.currentScore) },
    { formula: averageOf(C.targetScore) },
    { formula: averageOf(C.gap) },
    { formula: `IF(COUNT(${current})=0,"",MIN(${current}))` },
    { formula: `IF(F${row}="",${formulaString(NOT_ASSESSED)},INDEX(${levelArray(levels)},INT(F${row})))` },
    { formula: `IF(I${row}="",${formulaString(NOT_ASSESSED)},INDEX(${levelArray(levels)},I${row}))` },
  ];
}

export function summarySheet(
  toolkit: Toolkit,
  areaRows: Map<string, KeyAreaRows>,
  sheetNames: Record<string, string>,
): SheetPlan {
  const sheet = new SheetBuilder("summary", "summary", sheetNames.summary ?? SHEET_NAMES.summary, [
    SUMMARY_LABEL_WIDTH,
    11,
    11,
    10,
    10,
    10,
    10,
    10,
    10,
    13,
    13,
  ]);
  const guide = quoteSheet(sheetNames.guide ?? SHEET_NAMES.guide);
  const councilRef = `${guide}!$B$${GUIDE.councilCell.row}`;
  sheet
    .block(1, 1, [["Summary of the self-assessment"]])
    .style("A1", { bold: true, fontSize: 16, fontColor: TITLE.fontColor })
    .block(2, 1, [
      [{ formula: `IF(${councilRef}="","Council: not yet entered on the Guide sheet","Council: "&${councilRef})` }],
    ])
    .block(3, 1, [
      [
        "Typical level: average current score rounded down. Assured level: the lowest current score, met by every assessed behaviour. Blank answers never count; entries that are not levels are counted as invalid.",
      ],
    ])
    .style("A2:A3", SUBTITLE)
    .block(HEADER_ROW, 1, [HEADERS])
    .rowHeight(HEADER_ROW, TWO_LINE_HEADER_HEIGHT);

  const rows: PlanCell[][] = [];
  const themeRows: number[] = [];
  const all: KeyAreaRows[] = [];
  for (const theme of toolkit.themes) {
    const inTheme = theme.keyAreas.map((area) => areaRows.get(area.id) as KeyAreaRows);
    theme.keyAreas.forEach((area, i) =>
      rows.push(summaryRow(area.name, "Key area", [inTheme[i]], HEADER_ROW + 1 + rows.length, toolkit.levels)),
    );
    themeRows.push(HEADER_ROW + 1 + rows.length);
    rows.push(summaryRow(theme.name, "Theme", inTheme, HEADER_ROW + 1 + rows.length, toolkit.levels));
    all.push(...inTheme);
  }
  const overallRow = HEADER_ROW + 1 + rows.length;
  rows.push(summaryRow("All key areas", "Overall", all, overallRow, toolkit.levels));
  sheet.block(HEADER_ROW + 1, 1, rows);
  rows.forEach(([label], i) =>
    sheet.rowHeight(HEADER_ROW + 1 + i, wrappedHeight([{ text: String(label), width: SUMMARY_LABEL_WIDTH }])),
  );

  const first = HEADER_ROW + 1;
  const last = overallRow;
  const column = (left: number, right = left) => rangeAddress(first, left, last, right);
  sheet
    .style(rangeAddress(HEADER_ROW, 1, HEADER_ROW, HEADERS.length), HEADER)
    .style(column(1, HEADERS.length), { border: "thin", vertical: "center" })
    .style(column(1), { wrap: true })
    .style(column(3, 5), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(column(6, 8), { numberFormat: AVERAGE_FORMAT, horizontal: "center" })
    .style(column(9), { numberFormat: SCORE_FORMAT, horizontal: "center" });
  for (const row of [...themeRows, overallRow]) {
    sheet.style(rangeAddress(row, 1, row, HEADERS.length), { bold: true, fill: COLOURS.themeRowFill });
  }
  sheet
    .conditional({ type: "dataBar", range: column(6, 7), color: COLOURS.barFill, min: 0, max: toolkit.levels.length })
    .conditional({ type: "colorScale", range: column(8), colors: ["#63BE7B", "#FFEB84", "#F8696B"] });
  sheet.plan.freeze = { rows: HEADER_ROW, columns: 1 };
  sheet.plan.protection = { allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false };
  sheet.plan.print = { orientation: "landscape", fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` };
  const keyAreaRows = rows.map((_, i) => first + i).filter((row) => row !== overallRow && !themeRows.includes(row));
  addSummaryChart(sheet, { keyAreaRows, headers: HEADERS, maxScore: toolkit.levels.length, top: overallRow + 2 });
  return sheet.plan;
}
