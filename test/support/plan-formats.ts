/**
 * "The workbook holds exactly the plan", as both writers' tests assert it. Two halves:
 *
 * - What a workbook snapshot carries (sheets, visibility, protection, every cell and formula, the
 *   defined names, the locks and pickers of the guarded cells) is compared strictly by
 *   exactDifferences (test/support/exact-plan.ts), on what the product's own reader read: every
 *   cell, input and name where the plan puts it, with the checker's rules for formulas.
 * - What no snapshot carries, because no check needs it, is compared here: fonts, fills, borders and
 *   number formats (with each cell's lock: the product reads only the guarded cells' locks), merges,
 *   the prompts and messages of data validations, conditional formats, tables, the AutoFilter, sizes,
 *   freeze panes, protection options, print setup, charts, tab colours, the sheets' order and the
 *   active sheet. Each writer's test reads these from what it wrote (test/office/fake-formats.ts from
 *   the Excel fake, test/xlsx/xlsx-formats.ts from the file) into the same shape as formatsOfPlan.
 *
 * SHEET_PLAN_PARTS names, for every part of a SheetPlan, which half compares it.
 */
import { isDeepStrictEqual } from "util";
import { exactDifferences } from "./exact-plan";
import type { CellStyle, ConditionalFormat, SheetPlan, WorkbookPlan } from "../../src/core/plan/types";
import { charactersToPoints } from "../../src/core/plan/units";
import type { WorkbookSnapshot } from "../../src/core/snapshot/types";
import { cellsIn } from "../../src/core/util/a1";

export interface StyleImage {
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

/** What a snapshot does not carry of a validation: the date rule's minimum, the prompt and the alert's text. */
export interface ValidationImage {
  /** "list" (its items are the product comparison's), or "date>=<serial>". */
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

export interface SheetFormats {
  name: string;
  tabColor: string;
  styles: Record<string, StyleImage>;
  merges: string[];
  validations: Record<string, ValidationImage>;
  conditionalFormats: string[];
  tables: string[];
  autoFilter: string;
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  freeze: string;
  /** The protection's options ("none" when unprotected: whether it is protected is the product comparison's). */
  protection: string;
  print: string;
  charts: ChartImage[];
}

/**
 * Where each part of a SheetPlan is compared. Every key is required, so a part added to SheetPlan
 * fails to compile until it is compared (a writer that ignores it then fails the comparison).
 */
export const SHEET_PLAN_PARTS: Record<keyof SheetPlan, keyof SheetFormats | "exactDifferences"> = {
  // The sheet's role and key area are what its NPS_Sheet_* name marks.
  key: "exactDifferences",
  role: "exactDifferences",
  keyAreaId: "exactDifferences",
  name: "name",
  visibility: "exactDifferences",
  tabColor: "tabColor",
  columnWidths: "columnWidths",
  rowHeights: "rowHeights",
  blocks: "exactDifferences",
  styles: "styles",
  merges: "merges",
  // The rule and its alert: exactDifferences; the prompt, messages and date minimum: here.
  validations: "validations",
  conditionalFormats: "conditionalFormats",
  tables: "tables",
  autoFilter: "autoFilter",
  freeze: "freeze",
  // Whether it is protected: exactDifferences; the options: here.
  protection: "protection",
  print: "print",
  charts: "charts",
};

export interface WorkbookFormats {
  /** The plan's sheets, in workbook order. */
  sheets: SheetFormats[];
  active: string;
}

export const DEFAULT_STYLE: StyleImage = {
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

/** Colours compare in capitals ("#1F4E79"); none stays none. */
export const upperColour = (colour: string | undefined | null) => (colour ? colour.toUpperCase() : (colour ?? null));

/** The protection options as both sides show them, keys in order. */
export function protectionOptions(options: Record<string, boolean> | undefined): string {
  if (!options) return "none";
  return JSON.stringify(Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1))));
}

// --- The plan's side ------------------------------------------------------------------------

function applyPlanStyle(style: StyleImage, add: CellStyle): StyleImage {
  return {
    bold: add.bold ?? style.bold,
    italic: add.italic ?? style.italic,
    underline: add.underline ?? style.underline,
    fontSize: add.fontSize ?? style.fontSize,
    fontColor: upperColour(add.fontColor) ?? style.fontColor,
    fill: add.fill !== undefined ? upperColour(add.fill) : style.fill,
    wrap: add.wrap ?? style.wrap,
    horizontal: add.horizontal ?? style.horizontal,
    vertical: add.vertical ?? style.vertical,
    numberFormat: add.numberFormat ?? style.numberFormat,
    border: add.border === "thin" ? "thin" : style.border,
    locked: add.locked ?? style.locked,
  };
}

function planStyles(sheet: SheetPlan): Record<string, StyleImage> {
  const styles: Record<string, StyleImage> = {};
  for (const styled of sheet.styles) {
    for (const address of cellsIn(styled.range))
      styles[address] = applyPlanStyle(styles[address] ?? DEFAULT_STYLE, styled.style);
  }
  return styles;
}

function planValidations(sheet: SheetPlan): Record<string, ValidationImage> {
  const validations: Record<string, ValidationImage> = {};
  for (const v of sheet.validations) {
    const rule = v.type === "list" ? "list" : `date>=${v.minimum}`;
    for (const address of cellsIn(v.range)) {
      validations[address] = {
        rule,
        prompt: `${v.prompt.title}|${v.prompt.message}`,
        error: `${v.error.title}|${v.error.message}`,
        ignoreBlanks: v.allowBlank,
      };
    }
  }
  return validations;
}

function planConditional(format: ConditionalFormat): string {
  if (format.type === "expression") {
    const s = format.style;
    return `${format.range} custom =${format.formula} fill=${upperColour(s.fill)} font=${upperColour(s.fontColor)} bold=${s.bold ?? null} italic=${s.italic ?? null}`;
  }
  if (format.type === "colorScale") return `${format.range} colorScale ${format.colors.map(upperColour).join(",")}`;
  return `${format.range} dataBar ${format.min}..${format.max} ${upperColour(format.color)}`;
}

function planCharts(sheet: SheetPlan, { altText }: { altText: boolean }): ChartImage[] {
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
      color: upperColour(series.color) ?? "",
    })),
    axis: `${chart.axis.min}..${chart.axis.max} step ${chart.axis.majorUnit}`,
    position: chart.position,
  }));
}

/** One sheet's formats as a writer within `limits` should leave them. */
function planSheet(sheet: SheetPlan, { excelApi19, chartAltText }: Required<WriterLimits>): SheetFormats {
  const print =
    sheet.print && excelApi19
      ? `${sheet.print.orientation} fit=${sheet.print.fitToWidth} titles=${sheet.print.titleRows ? `$${sheet.print.titleRows.replace(/\$/g, "").replace(":", ":$")}` : null} paper=${sheet.print.paper} margins=${sheet.print.margins}`
      : "portrait fit=false titles=null paper=none margins=normal";
  return {
    name: sheet.name,
    tabColor: upperColour(sheet.tabColor) ?? "",
    styles: planStyles(sheet),
    merges: [...sheet.merges].sort(),
    validations: planValidations(sheet),
    conditionalFormats: sheet.conditionalFormats.map(planConditional),
    tables: sheet.tables.map((t) => `${t.name} ${t.range} ${t.style}`),
    autoFilter: sheet.autoFilter && excelApi19 ? sheet.autoFilter : "none",
    columnWidths: Object.fromEntries(sheet.columnWidths.map((w, i) => [i + 1, charactersToPoints(w)])),
    rowHeights: { ...sheet.rowHeights },
    freeze: `${sheet.freeze?.rows ?? 0}x${sheet.freeze?.columns ?? 0}`,
    protection: protectionOptions(sheet.protection && { ...sheet.protection }),
    print,
    charts: planCharts(sheet, { altText: chartAltText }),
  };
}

export interface WriterLimits {
  /** false: the writer had no ExcelApi 1.9, so no print setup and no AutoFilter. */
  excelApi19?: boolean;
  /** false: the writer has no way to set a chart's alt text (Office.js). */
  chartAltText?: boolean;
}

/** The formats of the plan, as a writer within `limits` should leave them. */
export function formatsOfPlan(plan: WorkbookPlan, { excelApi19 = true, chartAltText = true }: WriterLimits = {}) {
  return {
    sheets: plan.sheets.map((s) => planSheet(s, { excelApi19, chartAltText })),
    active: plan.sheets.find((s) => s.key === plan.activeSheetKey)!.name,
  };
}

/** Asserts a writer's formats are exactly the plan's (sheet by sheet and part by part, so a failure names both). */
export function expectFormatsMatch(actual: WorkbookFormats, expected: WorkbookFormats): void {
  expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  expected.sheets.forEach((sheet, i) => {
    for (const part of Object.keys(sheet) as (keyof SheetFormats)[]) {
      // Node's deep comparison first: a large group's styles are 100,000 cells, which jest's own comparison takes
      // many seconds over. Strictly equal parts are equal to jest too; any other goes to jest for its verdict.
      if (isDeepStrictEqual(actual.sheets[i][part], sheet[part])) continue;
      expect({ sheet: sheet.name, part, value: actual.sheets[i][part] }).toEqual({
        sheet: sheet.name,
        part,
        value: sheet[part],
      });
    }
  });
  expect(actual.active).toEqual(expected.active);
}

/**
 * Asserts a written workbook holds exactly the plan: its snapshot (read by the product's reader)
 * by the product's comparison, its formats (read by the writer's test) here.
 */
export function expectWorkbookMatchesPlan(
  written: { snapshot: WorkbookSnapshot; formats: WorkbookFormats },
  plan: WorkbookPlan,
  limits: WriterLimits = {},
): void {
  expect(exactDifferences(plan, written.snapshot)).toEqual([]);
  expectFormatsMatch(written.formats, formatsOfPlan(plan, limits));
}
