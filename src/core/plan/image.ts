/**
 * A workbook plan as a plain image: what a workbook that holds exactly the plan shows, part by part
 * (cells, styles per cell, merges, validations per cell, conditional formats, tables, autofilter,
 * sizes, freeze, protection, print, names, visibility, charts). Each writer's tests turn what the
 * writer made into the same image and compare the two; the checker reads the plan's cells through
 * the same plannedCells. SHEET_PLAN_PARTS names, for every part of a SheetPlan, where the image holds it.
 */
import type { SnapshotCell } from "../snapshot/types";
import { cellAddress, cellsIn, parseCell } from "../util/a1";
import {
  isFormula,
  type CellStyle,
  type ConditionalFormat,
  type PlanCell,
  type SheetPlan,
  type WorkbookPlan,
} from "./types";
import { charactersToPoints } from "./units";

export type CellImage = { text: string } | { number: number } | { boolean: boolean } | { formula: string };

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
  cells: Record<string, CellImage>;
  styles: Record<string, StyleImage>;
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

// --- The plan's side ------------------------------------------------------------------------

/** A sheet's planned cells by row, then column: later blocks overwrite earlier ones, and an empty cell clears one, as the writers apply them. */
export type PlannedCells = Map<number, Map<number, FilledPlanCell>>;

/** A cell the plan writes something into. */
export type FilledPlanCell = Exclude<PlanCell, null>;

export function plannedCells(sheet: SheetPlan): PlannedCells {
  const rows: PlannedCells = new Map();
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.cells.forEach((line, r) => {
      const row = at.row + r;
      line.forEach((cell, c) => {
        const cells = rows.get(row);
        if (cell === null || cell === "") cells?.delete(at.column + c);
        else if (cells) cells.set(at.column + c, cell);
        else rows.set(row, new Map([[at.column + c, cell]]));
      });
    });
  }
  return rows;
}

function planCellImage(cell: FilledPlanCell): CellImage {
  if (isFormula(cell)) return { formula: `=${cell.formula}` };
  if (typeof cell === "string") return { text: cell };
  if (typeof cell === "number") return { number: cell };
  return { boolean: cell };
}

function planCells(sheet: SheetPlan): Record<string, CellImage> {
  const cells: Record<string, CellImage> = {};
  for (const [row, line] of plannedCells(sheet))
    for (const [column, cell] of line) cells[cellAddress(row, column)] = planCellImage(cell);
  return cells;
}

/** A snapshot's cells as the image shows them: a formula as its text, otherwise the value. */
export function snapshotCellsImage(cells: Record<string, SnapshotCell>): Record<string, CellImage> {
  const image: Record<string, CellImage> = {};
  for (const [address, cell] of Object.entries(cells)) {
    if (cell.formula !== undefined) image[address] = { formula: `=${cell.formula}` };
    else if (typeof cell.value === "string") image[address] = { text: cell.value };
    else if (typeof cell.value === "number") image[address] = { number: cell.value };
    else if (typeof cell.value === "boolean") image[address] = { boolean: cell.value };
  }
  return image;
}

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
    return `${format.range} custom =${format.formula} fill=${upperColour(s.fill)} font=${upperColour(s.fontColor)} bold=${s.bold ?? null} italic=${s.italic ?? null}`;
  }
  if (format.type === "colorScale") return `${format.range} colorScale ${format.colors.map(upperColour).join(",")}`;
  return `${format.range} dataBar ${format.min}..${format.max} ${upperColour(format.color)}`;
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
      color: upperColour(series.color) ?? "",
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
    tabColor: upperColour(sheet.tabColor) ?? "",
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
