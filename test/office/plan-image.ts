/**
 * "The fake workbook holds exactly the plan": the fake's state turned into the plan's image (the
 * product's, src/core/plan/image.ts, which the .xlsx writer's tests compare with too) and compared
 * part by part with toEqual.
 */
import {
  DEFAULT_STYLE,
  imageOfPlan,
  upperColour,
  type CellImage,
  type ChartImage,
  type SheetImage,
  type StyleImage,
  type ValidationImage,
  type WorkbookImage,
} from "../../src/core/plan/image";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { normaliseReference } from "../../src/core/snapshot/references";
import { cellAddress, parseRange } from "../../src/core/util/a1";
import { OFFICE_CHART_TYPE } from "../../src/office/write-plan";
import type { FakeExcel } from "../fakes/excel-fake";
import type { CellFormat, SheetState, WorkbookState } from "../fakes/excel-fake";
import type { ChartRange } from "../fakes/excel/state";

const rowOf = (key: number) => Math.floor(key / 16384) + 1;
const columnOf = (key: number) => (key % 16384) + 1;
const addressOf = (key: number) => cellAddress(rowOf(key), columnOf(key));

function fakeCells(sheet: SheetState): Record<string, CellImage> {
  const cells: Record<string, CellImage> = {};
  for (const [key, cell] of sheet.cells) {
    const address = addressOf(key);
    if (cell.kind === "text") cells[address] = { text: cell.text };
    else if (cell.kind === "number") cells[address] = { number: cell.number };
    else if (cell.kind === "boolean") cells[address] = { boolean: cell.boolean };
    else if (cell.kind === "formula") cells[address] = { formula: cell.formula };
    else cells[address] = { text: `ERROR VALUE ${cell.error}` };
  }
  return cells;
}

function borderOf(format: CellFormat): StyleImage["border"] {
  const edges = [format.borders.top, format.borders.bottom, format.borders.left, format.borders.right];
  const thin = edges.filter((e) => e && e.style === "Continuous" && e.weight === "Thin").length;
  return thin === 4 ? "thin" : thin === 0 && edges.every((e) => !e || e.style === "None") ? "none" : "partial";
}

function fakeStyle(format: CellFormat): StyleImage {
  return {
    bold: format.bold,
    italic: format.italic,
    underline: format.underline === "Single",
    fontSize: format.size,
    fontColor: format.fontColor,
    fill: format.fill,
    wrap: format.wrap,
    horizontal: format.horizontal.toLowerCase(),
    vertical: format.vertical.toLowerCase(),
    numberFormat: format.numberFormat,
    border: borderOf(format),
    locked: format.locked,
  };
}

function fakeStyles(sheet: SheetState): Record<string, StyleImage> {
  const styles: Record<string, StyleImage> = {};
  for (const [key, format] of sheet.formats) {
    const style = fakeStyle(format);
    if (JSON.stringify(style) !== JSON.stringify(DEFAULT_STYLE)) styles[addressOf(key)] = style;
  }
  return styles;
}

function rectText(rect: { top: number; left: number; bottom: number; right: number }): string {
  const start = cellAddress(rect.top, rect.left);
  const end = cellAddress(rect.bottom, rect.right);
  return start === end ? start : `${start}:${end}`;
}

function fakeValidations(sheet: SheetState): Record<string, ValidationImage> {
  const validations: Record<string, ValidationImage> = {};
  for (const [key, v] of sheet.validations) {
    const rule = v.rule as { list?: { source: string }; date?: { formula1: string; operator: string } } | null;
    const ruleText = rule?.list
      ? `list:${rule.list.source}`
      : rule?.date?.operator === "GreaterThanOrEqualTo"
        ? `date>=${String(rule.date.formula1).replace(/^=/, "")}`
        : JSON.stringify(rule);
    validations[addressOf(key)] = {
      rule: ruleText,
      prompt: v.prompt?.showPrompt ? `${v.prompt.title}|${v.prompt.message}` : "none",
      error: v.errorAlert?.showAlert ? `${v.errorAlert.style}|${v.errorAlert.title}|${v.errorAlert.message}` : "none",
      ignoreBlanks: v.ignoreBlanks,
    };
  }
  return validations;
}

function fakeConditional(sheet: SheetState): string[] {
  return sheet.conditionalFormats.map((cf) => {
    const range = rectText(cf.rect);
    if (cf.type === "Custom") {
      const c = cf.custom;
      return `${range} custom ${c.formula} fill=${c.fill} font=${c.fontColor} bold=${c.bold} italic=${c.italic}`;
    }
    if (cf.type === "ColorScale") {
      const criteria = cf.colorScale.criteria as Record<string, { type: string; color: string; formula?: string }>;
      const ok =
        criteria.minimum.type === "LowestValue" &&
        criteria.midpoint?.type === "Percentile" &&
        criteria.midpoint.formula === "50" &&
        criteria.maximum.type === "HighestValue";
      return `${range} colorScale${ok ? "" : "(odd criteria)"} ${[criteria.minimum.color, criteria.midpoint?.color, criteria.maximum.color].map(upperColour).join(",")}`;
    }
    const lower = cf.dataBar.lowerBoundRule as { type: string; formula: string };
    const upperRule = cf.dataBar.upperBoundRule as { type: string; formula: string };
    const ok = lower.type === "Number" && upperRule.type === "Number";
    return `${range} dataBar${ok ? "" : "(odd bounds)"} ${lower.formula}..${upperRule.formula} ${cf.dataBar.fillColor}`;
  });
}

function fakeSheet(state: WorkbookState, sheet: SheetState): SheetImage {
  const zoom = sheet.pageLayout.zoom as { horizontalFitToPages?: number };
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    cells: fakeCells(sheet),
    styles: fakeStyles(sheet),
    merges: sheet.merges.map(rectText).sort(),
    validations: fakeValidations(sheet),
    conditionalFormats: fakeConditional(sheet),
    tables: sheet.tables.map((t) => `${t.name} ${rectText(t.rect)} ${t.style}`),
    autoFilter: sheet.autoFilter ? rectText(sheet.autoFilter) : "none",
    columnWidths: Object.fromEntries(sheet.columnWidths),
    rowHeights: Object.fromEntries(sheet.rowHeights),
    freeze: `${sheet.freeze.rows}x${sheet.freeze.columns}`,
    protection: sheet.protection.protected
      ? `protected ${JSON.stringify(sortKeys(sheet.protection.options))}`
      : "unprotected",
    print: `${sheet.pageLayout.orientation.toLowerCase()} fit=${zoom.horizontalFitToPages === 1} titles=${sheet.pageLayout.printTitleRows}`,
    charts: fakeCharts(state, sheet),
  };
}

function rangeText(state: WorkbookState, range: ChartRange | null): string {
  if (!range) return "none";
  const sheet = state.sheets.find((s) => s.id === range.sheetId);
  return `${sheet?.name ?? "deleted sheet"}|${rectText(range.rect)}`;
}
const planChartType = (officeType: string) =>
  Object.entries(OFFICE_CHART_TYPE).find(([, type]) => type === officeType)?.[0] ?? officeType;

function fakeCharts(state: WorkbookState, sheet: SheetState): ChartImage[] {
  return sheet.charts.map((chart) => ({
    type: planChartType(chart.type),
    name: chart.name,
    title: chart.title.visible ? chart.title.text : "",
    // Office.js cannot set a chart's alt text, so the fake has none to record.
    altTitle: "",
    altDescription: "",
    series: chart.series.map((series) => ({
      name: series.name,
      categories: rangeText(state, series.xValues),
      values: rangeText(state, series.values),
      color: upperColour(series.lineColor) ?? "",
    })),
    axis: `${chart.valueAxis.minimum}..${chart.valueAxis.maximum} step ${chart.valueAxis.majorUnit}`,
    position: chart.position ? rectText(chart.position) : "automatic",
  }));
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The fake's state for the plan's sheets (in workbook order) and every name. */
export function imageOfFake(fake: FakeExcel, sheetNames: string[]): WorkbookImage {
  const wanted = new Set(sheetNames.map((n) => n.toLowerCase()));
  return {
    sheets: fake.state.sheets
      .filter((s) => wanted.has(s.name.toLowerCase()))
      .map((sheet) => fakeSheet(fake.state, sheet)),
    names: Object.fromEntries(fake.state.names.map((n) => [n.name, normaliseReference(n.formula)])),
    active: fake.activeSheetName(),
  };
}

/** Asserts a writer's image holds exactly the plan's (sheet by sheet and part by part, so a failure names both). */
export function expectImageMatchesPlan(actual: WorkbookImage, expected: WorkbookImage): void {
  expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  expected.sheets.forEach((sheet, i) => {
    for (const part of Object.keys(sheet) as (keyof SheetImage)[]) {
      expect({ sheet: sheet.name, part, value: actual.sheets[i][part] }).toEqual({
        sheet: sheet.name,
        part,
        value: sheet[part],
      });
    }
  });
  expect(actual.names).toEqual(expected.names);
  expect(actual.active).toEqual(expected.active);
}

/** Asserts the fake workbook holds exactly the plan. */
export function expectFakeMatchesPlan(fake: FakeExcel, plan: WorkbookPlan, excelApi19 = true): void {
  expectImageMatchesPlan(
    imageOfFake(
      fake,
      plan.sheets.map((s) => s.name),
    ),
    imageOfPlan(plan, excelApi19, false),
  );
}

export const rangesOf = parseRange;
