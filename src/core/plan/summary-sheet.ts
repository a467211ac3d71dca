import type { Toolkit } from "../toolkit/schema";
import { absolute, formulaString, quoteSheet, rangeAddress } from "../util/a1";
import { workbookWords } from "../words/workbook";
import { levelArray } from "./formulas";
import { columnRange, type KeyAreaRows } from "./key-area-sheet";
import { GUIDE, KEY_AREA, NOT_A_LEVEL, SHEET_NAMES, SUMMARY } from "./layout";
import { SheetBuilder } from "./sheet-builder";
import { addActionsSummary } from "./summary-actions";
import { addSummaryChart } from "./summary-chart";
import {
  AVERAGE_FORMAT,
  COLOURS,
  HEADER,
  SCORE_FORMAT,
  SUBTITLE,
  TWO_LINE_HEADER_HEIGHT,
  wrappedHeight,
} from "./style";
import type { PlanCell, SheetPlan } from "./types";

const C = KEY_AREA.columns;
const summaryColumn = SUMMARY.columns;
const summaryLetter = SUMMARY.letters;
const LAST = SUMMARY.headers.length;
const words = workbookWords.summary;
const SCOPE = workbookWords.scope;
/** A typical or assured level where nothing is assessed. */
export const NOT_ASSESSED = words.notAssessed;

/** Where a summary row's figures come from. */
interface RowSource {
  /** The key area sheets whose behaviour rows the row covers. */
  areas: KeyAreaRows[];
  /** For a theme or overall row: the runs (first and last row) of this table's key-area rows it combines. */
  keyAreaRuns?: [number, number][];
}

/**
 * Average target over the behaviours counted under "Current and target" (bothLevels) (those with a gap, that is with both a
 * current and a target level). A key-area row sums its sheet's targets; a theme or overall row weights
 * each key area's average by its count, which keeps its formula short however many sheets it spans
 * (one term per sheet would pass Excel's 8,192 characters for a large toolkit).
 */
function averageTargetFormula(source: RowSource, row: number): string {
  const sum = source.keyAreaRuns
    ? source.keyAreaRuns.map(
        ([first, last]) =>
          `SUMPRODUCT(${summaryLetter.averageTarget}${first}:${summaryLetter.averageTarget}${last},${summaryLetter.bothLevels}${first}:${summaryLetter.bothLevels}${last})`,
      )
    : source.areas.map((a) => {
        const at = (column: number) => `${quoteSheet(a.sheetName)}!${columnRange(a, column)}`;
        return `SUMPRODUCT(--ISNUMBER(${at(C.gap)}),${at(C.targetScore)})`;
      });
  return `IF(${summaryLetter.bothLevels}${row}=0,"",(${sum.join("+")})/${summaryLetter.bothLevels}${row})`;
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
  const previous = over(C.previousScore);
  const change = over(C.change);
  const invalid = areas
    .map(
      (a) =>
        `COUNTIF(${quoteSheet(a.sheetName)}!${columnRange(a, C.currentScore, C.targetScore)},${formulaString(NOT_A_LEVEL)})`,
    )
    .join("+");
  return SUMMARY.row<PlanCell>({
    label,
    scope,
    behaviours: { formula: `COUNTA(${over(C.id)})` },
    assessed: { formula: `COUNT(${current})` },
    invalid: { formula: invalid },
    averageCurrent: { formula: `IF(COUNT(${current})=0,"",AVERAGE(${current}))` },
    averageTarget: { formula: averageTargetFormula(source, row) },
    // A key area sheet works out a gap exactly when both levels are levels (formulas.ts gapOf).
    averageGap: { formula: `IF(${summaryLetter.bothLevels}${row}=0,"",AVERAGE(${over(C.gap)}))` },
    weakestCurrent: { formula: `IF(COUNT(${current})=0,"",MIN(${current}))` },
    typicalLevel: {
      formula: `IF(${summaryLetter.averageCurrent}${row}="",${formulaString(NOT_ASSESSED)},INDEX(${levelArray(levels)},INT(${summaryLetter.averageCurrent}${row})))`,
    },
    assuredLevel: {
      formula: `IF(${summaryLetter.weakestCurrent}${row}="",${formulaString(NOT_ASSESSED)},INDEX(${levelArray(levels)},${summaryLetter.weakestCurrent}${row}))`,
    },
    bothLevels: { formula: `COUNT(${over(C.gap)})` },
    previousAverageCurrent: { formula: `IF(COUNT(${previous})=0,"",AVERAGE(${previous}))` },
    // A key area sheet works out a change exactly when the behaviour has a current level this year and last.
    change: { formula: `IF(COUNT(${change})=0,"",AVERAGE(${change}))` },
  });
}

export function summarySheet(
  toolkit: Toolkit,
  areaRows: Map<string, KeyAreaRows>,
  sheetNames: Record<string, string>,
  /** ISO date the overdue actions are counted at (the day the workbook is written). */
  overdueAsAt: string,
): SheetPlan {
  const sheet = new SheetBuilder("summary", "summary", sheetNames.summary ?? SHEET_NAMES.summary, SUMMARY.widths);
  const guide = quoteSheet(sheetNames.guide ?? SHEET_NAMES.guide);
  const councilRef = `${guide}!${absolute(GUIDE.councilCell.row, GUIDE.councilCell.column)}`;
  const council = `IF(ISERROR(${councilRef}),${formulaString(words.council.unreadable)},IF(${councilRef}="",${formulaString(words.council.notEntered)},${formulaString(words.council.named)}&${councilRef}))`;
  sheet
    .title(words.title)
    .block(2, 1, [[{ formula: council }]])
    .block(3, 1, [
      [words.levelsExplained],
      [
        words.averagesExplained(
          SUMMARY.header.bothLevels,
          SUMMARY.header.previousAverageCurrent,
          SUMMARY.header.change,
        ),
      ],
    ])
    .style("A2:A4", SUBTITLE)
    .block(SUMMARY.headerRow, 1, [SUMMARY.headers])
    .rowHeight(SUMMARY.headerRow, TWO_LINE_HEADER_HEIGHT);

  const rows: PlanCell[][] = [];
  const themeRows: number[] = [];
  const all: KeyAreaRows[] = [];
  const allRuns: [number, number][] = [];
  const nextRow = () => SUMMARY.firstRow + rows.length;
  for (const theme of toolkit.themes) {
    const inTheme = theme.keyAreas.map((area) => areaRows.get(area.id) as KeyAreaRows);
    const firstKeyAreaRow = nextRow();
    theme.keyAreas.forEach((area, i) =>
      rows.push(summaryRow(area.name, SCOPE.keyArea, { areas: [inTheme[i]] }, nextRow(), toolkit.levels)),
    );
    const run: [number, number] = [firstKeyAreaRow, nextRow() - 1];
    themeRows.push(nextRow());
    rows.push(summaryRow(theme.name, SCOPE.theme, { areas: inTheme, keyAreaRuns: [run] }, nextRow(), toolkit.levels));
    all.push(...inTheme);
    allRuns.push(run);
  }
  const overallRow = nextRow();
  rows.push(
    summaryRow(
      workbookWords.allKeyAreas,
      SCOPE.overall,
      { areas: all, keyAreaRuns: allRuns },
      overallRow,
      toolkit.levels,
    ),
  );
  sheet.block(SUMMARY.firstRow, 1, rows);
  rows.forEach((row, i) =>
    sheet.rowHeight(
      SUMMARY.firstRow + i,
      wrappedHeight([{ text: String(row[summaryColumn.label - 1]), width: SUMMARY.width.label }]),
    ),
  );

  const first = SUMMARY.firstRow;
  const last = overallRow;
  const column = (left: number, right = left) => rangeAddress(first, left, last, right);
  sheet
    .style(rangeAddress(SUMMARY.headerRow, 1, SUMMARY.headerRow, LAST), HEADER)
    .style(column(summaryColumn.label, LAST), { border: "thin", vertical: "center" })
    .style(column(summaryColumn.label), { wrap: true })
    .style(column(summaryColumn.behaviours, summaryColumn.invalid), {
      numberFormat: SCORE_FORMAT,
      horizontal: "center",
    })
    .style(column(summaryColumn.averageCurrent, summaryColumn.averageGap), {
      numberFormat: AVERAGE_FORMAT,
      horizontal: "center",
    })
    .style(column(summaryColumn.weakestCurrent), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(column(summaryColumn.bothLevels), { numberFormat: SCORE_FORMAT, horizontal: "center" })
    .style(column(summaryColumn.previousAverageCurrent, summaryColumn.change), {
      numberFormat: AVERAGE_FORMAT,
      horizontal: "center",
    });
  for (const row of [...themeRows, overallRow]) {
    sheet.style(rangeAddress(row, 1, row, LAST), { bold: true, fill: COLOURS.themeRowFill });
  }
  sheet
    .conditional({
      type: "dataBar",
      range: column(summaryColumn.averageCurrent, summaryColumn.averageTarget),
      color: COLOURS.barFill,
      min: 0,
      max: toolkit.levels.length,
    })
    .conditional({
      type: "colorScale",
      range: column(summaryColumn.averageGap),
      colors: ["#63BE7B", "#FFEB84", "#F8696B"],
    });
  sheet.plan.freeze = { rows: SUMMARY.headerRow, columns: summaryColumn.label };
  sheet.plan.protection = { allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false };
  // No repeated header: the figures fit the first page, and the chart's table below has a header of its own.
  sheet.printLandscape();
  const keyAreaRows = rows.map((_, i) => first + i).filter((row) => row !== overallRow && !themeRows.includes(row));
  const chart = addSummaryChart(sheet, { keyAreaRows, maxScore: toolkit.levels.length, top: overallRow + 2 });
  addActionsSummary(sheet, {
    top: chart.lastRow + 2,
    actionsSheet: sheetNames.actions ?? SHEET_NAMES.actions,
    asAt: overdueAsAt,
  });
  return sheet.plan;
}
