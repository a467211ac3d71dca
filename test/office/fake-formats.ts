/// <reference types="office-js" />
/**
 * "The fake workbook holds exactly the plan" (test/support/plan-formats.ts). The cells, formulas,
 * names, visibility, protection, locks and pickers are read by the product's Office reader
 * (readWorkbookSnapshot) and compared strictly (exactDifferences in test/support/exact-plan.ts). This file reads
 * only what no snapshot carries, because no check needs it (formats, prompts, conditional formats,
 * tables, sizes, print setup, charts, the active sheet), from the fake's state: only the writers'
 * tests compare those, so they are here and not in src.
 */
import type { WorkbookPlan } from "../../src/core/plan/types";
import { cellAddress } from "../../src/core/util/a1";
import { readWorkbookSnapshot } from "../../src/office/read-snapshot";
import { OFFICE_CHART_TYPE } from "../../src/office/write-plan";
import type { FakeExcel } from "../fakes/excel-fake";
import type { CellFormat, SheetState, WorkbookState } from "../fakes/excel-fake";
import type { ChartRange } from "../fakes/excel/state";
import {
  DEFAULT_STYLE,
  expectWorkbookMatchesPlan,
  protectionOptions,
  upperColour,
  type ChartImage,
  type SheetFormats,
  type StyleImage,
  type ValidationImage,
  type WorkbookFormats,
  type WriterLimits,
} from "../support/plan-formats";

const rowOf = (key: number) => Math.floor(key / 16384) + 1;
const columnOf = (key: number) => (key % 16384) + 1;
const addressOf = (key: number) => cellAddress(rowOf(key), columnOf(key));

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
      ? "list"
      : rule?.date?.operator === "GreaterThanOrEqualTo"
        ? `date>=${String(rule.date.formula1).replace(/^=/, "")}`
        : JSON.stringify(rule);
    validations[addressOf(key)] = {
      rule: ruleText,
      prompt: v.prompt?.showPrompt ? `${v.prompt.title}|${v.prompt.message}` : "none",
      error: v.errorAlert?.showAlert ? `${v.errorAlert.title}|${v.errorAlert.message}` : "none",
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

function fakeSheet(state: WorkbookState, sheet: SheetState): SheetFormats {
  const zoom = sheet.pageLayout.zoom as { horizontalFitToPages?: number };
  return {
    name: sheet.name,
    tabColor: sheet.tabColor,
    styles: fakeStyles(sheet),
    merges: sheet.merges.map(rectText).sort(),
    validations: fakeValidations(sheet),
    conditionalFormats: fakeConditional(sheet),
    tables: sheet.tables.map((t) => `${t.name} ${rectText(t.rect)} ${t.style}`),
    autoFilter: sheet.autoFilter ? rectText(sheet.autoFilter) : "none",
    columnWidths: Object.fromEntries(sheet.columnWidths),
    rowHeights: Object.fromEntries(sheet.rowHeights),
    freeze: `${sheet.freeze.rows}x${sheet.freeze.columns}`,
    protection: protectionOptions(
      sheet.protection.protected ? (sheet.protection.options as Record<string, boolean>) : undefined,
    ),
    print: `${sheet.pageLayout.orientation.toLowerCase()} fit=${zoom.horizontalFitToPages === 1} titles=${sheet.pageLayout.printTitleRows} paper=${sheet.pageLayout.paperSize ?? "none"} margins=${sheet.pageLayout.leftMargin === 18 && sheet.pageLayout.rightMargin === 18 ? "narrow" : "normal"}`,
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

/** The fake's formats for the plan's sheets, in workbook order. */
export function formatsOfFake(fake: FakeExcel, sheetNames: string[]): WorkbookFormats {
  const wanted = new Set(sheetNames.map((n) => n.toLowerCase()));
  return {
    sheets: fake.state.sheets
      .filter((s) => wanted.has(s.name.toLowerCase()))
      .map((sheet) => fakeSheet(fake.state, sheet)),
    active: fake.activeSheetName(),
  };
}

/**
 * Reads the fake as the test's own inspection, leaving no trace in its record of syncs. The product
 * reads a whole workbook in one response, which is how it reads an assessment; a group workbook of
 * 400 returns is far over Excel's 5 MB response limit, and the product never reads one back. The
 * limit is the writer's to keep (the writer's tests hold it to it), so the inspection lifts it.
 */
async function inspect<T>(fake: FakeExcel, read: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const [limit, syncs] = [fake.options.payloadLimitBytes, fake.syncs.length];
  fake.options.payloadLimitBytes = Number.POSITIVE_INFINITY;
  try {
    return await fake.run(read);
  } finally {
    fake.options.payloadLimitBytes = limit;
    fake.syncs.length = syncs;
  }
}

/** Asserts the fake workbook holds exactly the plan. */
export async function expectFakeMatchesPlan(fake: FakeExcel, plan: WorkbookPlan, limits: WriterLimits = {}) {
  const snapshot = await inspect(fake, (context) => readWorkbookSnapshot(context, () => context.sync()));
  const formats = formatsOfFake(
    fake,
    plan.sheets.map((s) => s.name),
  );
  // Office.js cannot set a chart's alt text.
  expectWorkbookMatchesPlan({ snapshot, formats }, plan, { chartAltText: false, ...limits });
}
