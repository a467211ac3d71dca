import type { Toolkit } from "../toolkit/schema";
import { columnLetter, formulaString, quoteSheet, rangeAddress } from "../util/a1";
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
/** The count of behaviours with both a current and a target level: what average target and gap are over. */
const BOTH_LEVELS = "Current and target";
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
  BOTH_LEVELS,
];
const HEADER_ROW = 5;
const SUMMARY_LABEL_WIDTH = 48;
const NOT_ASSESSED = "Not assessed";
/** The summary table's column letter under a header. */
const letterOf = (header: string) => columnLetter(HEADERS.indexOf(header) + 1);
const [AVERAGE_CURRENT, AVERAGE_TARGET, WEAKEST, COUNT_BOTH] = [
  "Average current",
  "Average target",
  "Weakest current",
  BOTH_LEVELS,
].map(letterOf);

/** Where a summary row's figures come from. */
interface RowSource {
  /** The key area sheets whose behaviour rows the row covers. */
  areas: KeyAreaRows[];
  /** For a theme or overall row: the runs (first and last row) of this table's key-area rows it combines. */
  keyAreaRuns?: [number, number][];
}

/**
 * Average target over the behaviours counted under BOTH_LEVELS (those with a gap, that is with both a
 * current and a target level). A key-area row sums its sheet's targets; a theme or overall row weights
 * each key area's average by its count, which keeps its formula short however many sheets it spans
 * (one term per sheet would pass Excel's 8,192 characters for a large toolkit).
 */
function averageTargetFormula(source: RowSource, row: number): string {
  const sum = source.keyAreaRuns
    ? source.keyAreaRuns.map(
        ([first, last]) =>
          `SUMPRODUCT(${AVERAGE_TARGET}${first}:${AVERAGE_TARGET}${last},${COUNT_BOTH}${first}:${COUNT_BOTH}${last})`,
      )
    : source.areas.map((a) => {
        const at = (column: number) => `${quoteSheet(a.sheetName)}!${columnRange(a, column)}`;
        return `SUMPRODUCT(--ISNUMBER(${at(C.gap)}),${at(C.targetScore)})`;
      });
  return `IF(${COUNT_BOTH}${row}=0,"",(${sum.join("+")})/${COUNT_BOTH}${row})`;
}

/** Formulas for one summary row over the behaviour rows of one or more key area sheets. */
function summaryRow(
  label: string,
  scope: string,
  source: RowSource,
  row: number,
  levels: readonly string[],
): PlanCell[] {
  const { areas } = source;
  const over = (column: number) => areas.map((a) => `${quoteSheet(a.sheetName)}!${columnRange(a, column)}`).join(",");
  const current = over(C.currentScore);
  const invalid = areas
    .map(
      (a) =>
        `COUNTIF(${quoteSheet(a.sheetName)}!${columnRange(a, C.currentScore, C.targetScore)},${formulaString(NOT_A_LEVEL)})`,
    )
    .join("+");
  return [
    label,
    scope,
    { formula: `COUNTA(${over(C.id)})` },
    { formula: `COUNT(${current})` },
    { formula: invalid },
    { formula: `IF(COUNT(${current})=0,"",AVERAGE(${current}))` },
    { formula: averageTargetFormula(source, row) },
    // A key area sheet works out a gap exactly when both levels are levels (formulas.ts gapOf).
    { formula: `IF(${COUNT_BOTH}${row}=0,"",AVERAGE(${over(C.gap)}))` },
    { formula: `IF(COUNT(${current})=0,"",MIN(${current}))` },
    {
      formula: `IF(${AVERAGE_CURRENT}${row}="",${formulaString(NOT_ASSESSED)},INDEX(${levelArray(levels)},INT(${AVERAGE_CURRENT}${row})))`,
    },
    { formula: `IF(${WEAKEST}${row}="",${formulaString(NOT_ASSESSED)},INDEX(${levelArray(levels)},${WEAKEST}${row}))` },
    { formula: `COUNT(${over(C.gap)})` },
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
    11,
  ]);
  const guide = quoteSheet(sheetNames.guide ?? SHEET_NAMES.guide);
  const councilRef = `${guide}!$B$${GUIDE.councilCell.row}`;
  const council = `IF(ISERROR(${councilRef}),"Council: check the council name on the Guide sheet",IF(${councilRef}="","Council: not yet entered on the Guide sheet","Council: "&${councilRef}))`;
  sheet
    .block(1, 1, [["Summary of the self-assessment"]])
    .style("A1", { bold: true, fontSize: 16, fontColor: TITLE.fontColor })
    .block(2, 1, [[{ formula: council }]])
    .block(3, 1, [
      [
        "Typical level: average current score rounded down. Assured level: the lowest current score, met by every assessed behaviour. Blank answers never count; entries that are not levels (a pasted error value too) are counted as invalid.",
      ],
      [
        `Average target and average gap are taken over the same behaviours: those with both a current and a target level, counted under ${BOTH_LEVELS}.`,
      ],
    ])
    .style("A2:A4", SUBTITLE)
    .block(HEADER_ROW, 1, [HEADERS])
    .rowHeight(HEADER_ROW, TWO_LINE_HEADER_HEIGHT);

  const rows: PlanCell[][] = [];
  const themeRows: number[] = [];
  const all: KeyAreaRows[] = [];
  const allRuns: [number, number][] = [];
  const nextRow = () => HEADER_ROW + 1 + rows.length;
  for (const theme of toolkit.themes) {
    const inTheme = theme.keyAreas.map((area) => areaRows.get(area.id) as KeyAreaRows);
    const firstKeyAreaRow = nextRow();
    theme.keyAreas.forEach((area, i) =>
      rows.push(summaryRow(area.name, "Key area", { areas: [inTheme[i]] }, nextRow(), toolkit.levels)),
    );
    const run: [number, number] = [firstKeyAreaRow, nextRow() - 1];
    themeRows.push(nextRow());
    rows.push(summaryRow(theme.name, "Theme", { areas: inTheme, keyAreaRuns: [run] }, nextRow(), toolkit.levels));
    all.push(...inTheme);
    allRuns.push(run);
  }
  const overallRow = nextRow();
  rows.push(summaryRow("All key areas", "Overall", { areas: all, keyAreaRuns: allRuns }, overallRow, toolkit.levels));
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
    .style(column(9), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(column(12), { numberFormat: SCORE_FORMAT, horizontal: "center" });
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
