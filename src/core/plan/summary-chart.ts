import { cellAddress, rangeAddress } from "../util/a1";
import { workbookWords } from "../words/workbook";
import { SUMMARY } from "./layout";
import type { SheetBuilder } from "./sheet-builder";
import { AVERAGE_FORMAT, COLOURS, HEADER, SUBTITLE, TWO_LINE_HEADER_HEIGHT } from "./style";
import type { ChartPlan, PlanCell } from "./types";

/** Where the Summary's chart finds its figures: the key-area rows of the table and its columns. */
export interface SummaryChartSource {
  /** 1-based row numbers of the key-area rows of the summary table, in toolkit order. */
  keyAreaRows: number[];
  /** Highest score: the radar's outer ring. */
  maxScore: number;
  /** First free row below the summary table: the chart's top row. */
  top: number;
}

export const SUMMARY_CHART = {
  name: "NPS_MaturityRadar",
  title: workbookWords.summary.chart.title,
  current: SUMMARY.header.averageCurrent,
  target: SUMMARY.header.averageTarget,
  /** The third line, last year's average current scores (its chart data column is headed as in the table). */
  previous: workbookWords.summary.chart.previous,
  /** Rows the chart spans, across the width of the summary table; the chart data follows below. */
  height: 26,
} as const;

/**
 * Adds the Summary's radar chart and the chart data it plots. The key-area rows of the summary table
 * are interleaved with theme rows, and Office.js sets a series from one contiguous Range only, so the
 * chart reads a small block below it that mirrors the key-area rows (the block doubles as the chart's
 * data table for anyone who cannot see the chart).
 */
export function addSummaryChart(sheet: SheetBuilder, source: SummaryChartSource): { lastRow: number } {
  const { keyAreaRows } = source;
  const top = source.top + SUMMARY_CHART.height + 1;
  const {
    label: labelColumn,
    averageCurrent: currentColumn,
    averageTarget: targetColumn,
    previousAverageCurrent: previousColumn,
  } = SUMMARY.columns;
  const headerRow = top + 1;
  const first = headerRow + 1;
  const last = headerRow + keyAreaRows.length;
  const mirror = (row: number, column: number): PlanCell => ({ formula: cellAddress(row, column) });
  sheet
    .block(top, 1, [[workbookWords.summary.chart.dataTitle]])
    .style(cellAddress(top, 1), SUBTITLE)
    .block(headerRow, 1, [
      [
        workbookWords.columns.keyArea,
        SUMMARY_CHART.current,
        SUMMARY_CHART.target,
        SUMMARY.header.previousAverageCurrent,
      ],
    ])
    .style(rangeAddress(headerRow, 1, headerRow, 4), HEADER)
    .rowHeight(headerRow, TWO_LINE_HEADER_HEIGHT)
    .block(
      first,
      1,
      keyAreaRows.map((row) => [
        mirror(row, labelColumn),
        mirror(row, currentColumn),
        mirror(row, targetColumn),
        mirror(row, previousColumn),
      ]),
    )
    .style(rangeAddress(first, 1, last, 4), { border: "thin", vertical: "center" })
    .style(rangeAddress(first, 1, last, 1), { wrap: true })
    .style(rangeAddress(first, 2, last, 4), { numberFormat: AVERAGE_FORMAT, horizontal: "center" });
  // Each mirrored name wraps as it does in its summary row, so it gets that row's height.
  keyAreaRows.forEach((row, i) => {
    const height = sheet.plan.rowHeights[row];
    if (height !== undefined) sheet.rowHeight(first + i, height);
  });
  const chart: ChartPlan = {
    type: "radar",
    name: SUMMARY_CHART.name,
    title: SUMMARY_CHART.title,
    altText: {
      title: SUMMARY_CHART.title,
      description: workbookWords.summary.chart.description(keyAreaRows.length, source.maxScore),
    },
    categories: rangeAddress(first, 1, last, 1),
    series: [
      { name: SUMMARY_CHART.current, values: rangeAddress(first, 2, last, 2), color: COLOURS.chartCurrent },
      { name: SUMMARY_CHART.target, values: rangeAddress(first, 3, last, 3), color: COLOURS.chartTarget },
      // Always drawn: a first-year workbook's previous figures are all blank, which a radar leaves undrawn.
      { name: SUMMARY_CHART.previous, values: rangeAddress(first, 4, last, 4), color: COLOURS.chartPrevious },
    ],
    axis: { min: 0, max: source.maxScore, majorUnit: 1 },
    position: rangeAddress(source.top, 1, source.top + SUMMARY_CHART.height - 1, SUMMARY.headers.length),
  };
  sheet.chart(chart);
  return { lastRow: last };
}
