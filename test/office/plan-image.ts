/**
 * One comparison for "the fake workbook holds exactly the plan": both sides are turned into the same
 * plain image (cells, styles per cell, merges, validations per cell, conditional formats, tables,
 * autofilter, sizes, freeze, protection, print, names, visibility) and compared with toEqual.
 * SHEET_PLAN_PARTS names, for every part of a SheetPlan, where the image compares it.
 */
import { normaliseReference } from "../../src/core/snapshot/references";
import { charactersToPoints } from "../../src/office/write-plan";
import {
  isFormula,
  type CellStyle,
  type ConditionalFormat,
  type SheetPlan,
  type WorkbookPlan,
} from "../../src/core/plan/types";
import { cellAddress, cellsIn, parseCell, parseRange } from "../../src/core/util/a1";
import { OFFICE_CHART_TYPE } from "../../src/office/write-plan";
import type { FakeExcel } from "../fakes/excel-fake";
import type { CellFormat, SheetState, WorkbookState } from "../fakes/excel-fake";
import type { ChartRange } from "../fakes/excel/state";

export type Cell = { text: string } | { number: number } | { boolean: boolean } | { formula: string };

export interface Style {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  fontSize: number;
  fontColor: string;
  fill: string | null;
  wrap: boolean;
  horizontal: string;
  vertical: string;
  numberFormat: string;
  border: "thin" | "none" | "partial";
  locked: boolean;
}

export interface ValidationImage {
  rule: string;
  prompt: string;
  error: string;
  ignoreBlanks: boolean;
}

export interface ChartSeriesImage {
  name: string;
  /** "<sheet name>|<A1 range>" of the axis labels and of the values. */
  categories: string;
  values: string;
  color: string;
}

/** A chart as both writers' tests compare it (test/xlsx/chart-package.ts reads it from a file). */
export interface ChartImage {
  type: string;
  name: string;
  title: string;
  altTitle: string;
  altDescription: string;
  series: ChartSeriesImage[];
  axis: string;
  /** The cells the chart covers, "A20:K45". */
  position: string;
}

export interface SheetImage {
  name: string;
  visibility: string;
  tabColor: string;
  cells: Record<string, Cell>;
  styles: Record<string, Style>;
  merges: string[];
  validations: Record<string, ValidationImage>;
  conditionalFormats: string[];
  tables: string[];
  autoFilter: string;
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  freeze: string;
  protection: string;
  print: string;
  charts: ChartImage[];
}

/**
 * Where each part of a SheetPlan is compared. Every key is required, so a part added to SheetPlan
 * fails to compile until it is compared (a writer that ignores it then fails the comparison).
 */
export const SHEET_PLAN_PARTS: Record<keyof SheetPlan, keyof SheetImage | "names"> = {
  // The sheet's role and key area are what its NPS_Sheet_* name marks.
  key: "names",
  role: "names",
  keyAreaId: "names",
  name: "name",
  visibility: "visibility",
  tabColor: "tabColor",
  columnWidths: "columnWidths",
  rowHeights: "rowHeights",
  blocks: "cells",
  styles: "styles",
  merges: "merges",
  validations: "validations",
  conditionalFormats: "conditionalFormats",
  tables: "tables",
  autoFilter: "autoFilter",
  freeze: "freeze",
  protection: "protection",
  print: "print",
  charts: "charts",
};

export interface WorkbookImage {
  sheets: SheetImage[];
  names: Record<string, string>;
  active: string;
}

export const DEFAULT_STYLE: Style = {
  bold: false,
  italic: false,
  underline: false,
  fontSize: 11,
  fontColor: "#000000",
  fill: null,
  wrap: false,
  horizontal: "general",
  vertical: "bottom",
  numberFormat: "General",
  border: "none",
  locked: true,
};

const upper = (colour: string | undefined | null) => (colour ? colour.toUpperCase() : (colour ?? null));

// --- The plan's side ------------------------------------------------------------------------

function planCells(sheet: SheetPlan): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const block of sheet.blocks) {
    const { row, column } = parseCell(block.at);
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const address = cellAddress(row + r, column + c);
        if (cell === null || cell === "") delete cells[address];
        else if (isFormula(cell)) cells[address] = { formula: `=${cell.formula}` };
        else if (typeof cell === "string") cells[address] = { text: cell };
        else if (typeof cell === "number") cells[address] = { number: cell };
        else cells[address] = { boolean: cell };
      }),
    );
  }
  return cells;
}

function applyPlanStyle(style: Style, add: CellStyle): Style {
  return {
    bold: add.bold ?? style.bold,
    italic: add.italic ?? style.italic,
    underline: add.underline ?? style.underline,
    fontSize: add.fontSize ?? style.fontSize,
    fontColor: upper(add.fontColor) ?? style.fontColor,
    fill: add.fill !== undefined ? upper(add.fill) : style.fill,
    wrap: add.wrap ?? style.wrap,
    horizontal: add.horizontal ?? style.horizontal,
    vertical: add.vertical ?? style.vertical,
    numberFormat: add.numberFormat ?? style.numberFormat,
    border: add.border === "thin" ? "thin" : style.border,
    locked: add.locked ?? style.locked,
  };
}

function planStyles(sheet: SheetPlan): Record<string, Style> {
  const styles: Record<string, Style> = {};
  for (const styled of sheet.styles) {
    for (const address of cellsIn(styled.range))
      styles[address] = applyPlanStyle(styles[address] ?? DEFAULT_STYLE, styled.style);
  }
  return styles;
}

function planValidations(sheet: SheetPlan): Record<string, ValidationImage> {
  const validations: Record<string, ValidationImage> = {};
  for (const v of sheet.validations) {
    const rule = v.type === "list" ? `list:${v.values.join(",")}` : `date>=${v.minimum}`;
    for (const address of cellsIn(v.range)) {
      validations[address] = {
        rule,
        prompt: `${v.prompt.title}|${v.prompt.message}`,
        error: `Stop|${v.error.title}|${v.error.message}`,
        ignoreBlanks: v.allowBlank,
      };
    }
  }
  return validations;
}

function planConditional(format: ConditionalFormat): string {
  if (format.type === "expression") {
    const s = format.style;
    return `${format.range} custom =${format.formula} fill=${upper(s.fill)} font=${upper(s.fontColor)} bold=${s.bold ?? null} italic=${s.italic ?? null}`;
  }
  if (format.type === "colorScale") return `${format.range} colorScale ${format.colors.map(upper).join(",")}`;
  return `${format.range} dataBar ${format.min}..${format.max} ${upper(format.color)}`;
}

function planCharts(sheet: SheetPlan, altText: boolean): ChartImage[] {
  return (sheet.charts ?? []).map((chart) => ({
    type: chart.type,
    name: chart.name,
    title: chart.title,
    altTitle: altText ? chart.altText.title : "",
    altDescription: altText ? chart.altText.description : "",
    series: chart.series.map((series) => ({
      name: series.name,
      categories: `${sheet.name}|${chart.categories}`,
      values: `${sheet.name}|${series.values}`,
      color: upper(series.color) ?? "",
    })),
    axis: `${chart.axis.min}..${chart.axis.max} step ${chart.axis.majorUnit}`,
    position: chart.position,
  }));
}

/** `excelApi19`: the writer could apply what needs ExcelApi 1.9 (print setup, the AutoFilter). */
function planSheet(sheet: SheetPlan, excelApi19: boolean, chartAltText: boolean): SheetImage {
  const protection = sheet.protection
    ? `protected ${JSON.stringify({ allowAutoFilter: sheet.protection.allowAutoFilter, allowFormatColumns: sheet.protection.allowFormatColumns, allowFormatRows: sheet.protection.allowFormatRows, allowSort: sheet.protection.allowSort })}`
    : "unprotected";
  const print =
    sheet.print && excelApi19
      ? `${sheet.print.orientation} fit=${sheet.print.fitToWidth} titles=${sheet.print.titleRows ? `$${sheet.print.titleRows.replace(/\$/g, "").replace(":", ":$")}` : null}`
      : "portrait fit=false titles=null";
  return {
    name: sheet.name,
    visibility: sheet.visibility === "visible" ? "Visible" : "VeryHidden",
    tabColor: upper(sheet.tabColor) ?? "",
    cells: planCells(sheet),
    styles: planStyles(sheet),
    merges: [...sheet.merges].sort(),
    validations: planValidations(sheet),
    conditionalFormats: sheet.conditionalFormats.map(planConditional),
    tables: sheet.tables.map((t) => `${t.name} ${t.range} ${t.style}`),
    autoFilter: sheet.autoFilter && excelApi19 ? sheet.autoFilter : "none",
    columnWidths: Object.fromEntries(sheet.columnWidths.map((w, i) => [i + 1, charactersToPoints(w)])),
    rowHeights: { ...sheet.rowHeights },
    freeze: `${sheet.freeze?.rows ?? 0}x${sheet.freeze?.columns ?? 0}`,
    protection,
    print,
    charts: planCharts(sheet, chartAltText),
  };
}

/**
 * The plan as a writer should hold it. `excelApi19` false: the writer had no ExcelApi 1.9, so no
 * print setup and no AutoFilter. `chartAltText` false: the writer has no way to set a chart's alt
 * text (Office.js).
 */
export function imageOfPlan(plan: WorkbookPlan, excelApi19 = true, chartAltText = true): WorkbookImage {
  const active = plan.sheets.find((s) => s.key === plan.activeSheetKey)!.name;
  return {
    sheets: plan.sheets.map((s) => planSheet(s, excelApi19, chartAltText)),
    names: Object.fromEntries(plan.names.map((n) => [n.name, n.reference])),
    active,
  };
}

// --- The fake's side ------------------------------------------------------------------------

const rowOf = (key: number) => Math.floor(key / 16384) + 1;
const columnOf = (key: number) => (key % 16384) + 1;
const addressOf = (key: number) => cellAddress(rowOf(key), columnOf(key));

function fakeCells(sheet: SheetState): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
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

function borderOf(format: CellFormat): Style["border"] {
  const edges = [format.borders.top, format.borders.bottom, format.borders.left, format.borders.right];
  const thin = edges.filter((e) => e && e.style === "Continuous" && e.weight === "Thin").length;
  return thin === 4 ? "thin" : thin === 0 && edges.every((e) => !e || e.style === "None") ? "none" : "partial";
}

function fakeStyle(format: CellFormat): Style {
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

function fakeStyles(sheet: SheetState): Record<string, Style> {
  const styles: Record<string, Style> = {};
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
      return `${range} colorScale${ok ? "" : "(odd criteria)"} ${[criteria.minimum.color, criteria.midpoint?.color, criteria.maximum.color].map(upper).join(",")}`;
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
      color: upper(series.lineColor) ?? "",
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
