import ExcelJS from "exceljs";
import { cellsIn, parseCell, parseRange, cellAddress } from "../core/util/a1";
import { serialToDate } from "../core/util/dates";
import {
  isFormula,
  type CellStyle,
  type ConditionalFormat,
  type PlanCell,
  type PrintSetup,
  type SheetPlan,
  type Validation,
  type WorkbookPlan,
} from "../core/plan/types";
import { GENERATOR_NAME } from "../core/plan/layout";
import { SIDE_MARGIN_INCHES } from "../core/plan/print";
import { locatePlanCell } from "../core/plan/locate";
import { fixOoxml } from "./ooxml-fixups";
import { isSplicedRow, tableBodies, withoutSplicedRows, type TableBody } from "./table-bodies";

/** "#RRGGBB" → ExcelJS ARGB. */
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function toExcelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.underline) font.underline = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length > 0) out.font = font;
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.horizontal || style.vertical) {
    out.alignment = {
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical === "center" ? "middle" : style.vertical } : {}),
    };
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  if (style.border) {
    const edge: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
    out.border = { top: edge, left: edge, bottom: edge, right: edge };
  }
  if (style.locked === false) out.protection = { locked: false };
  return out;
}

/**
 * ExcelJS leaves a column of width exactly 9 (its own default) out of the file, so Excel would show
 * it at Excel's default of 8.43; a hair more keeps the width the plan asks for.
 */
const exceljsWidth = (width: number) => (width === 9 ? 9.0001 : width);

/** Later styles add to earlier ones, cell by cell, as the plan's convention says (spliced rows left out). */
function resolvedStyles(sheet: SheetPlan, bodies: TableBody[]): Map<string, CellStyle> {
  const byCell = new Map<string, CellStyle>();
  for (const { range, style } of sheet.styles) {
    for (const address of cellsIn(withoutSplicedRows(bodies, range)))
      byCell.set(address, { ...byCell.get(address), ...style });
  }
  return byCell;
}

function cellValue(cell: PlanCell): ExcelJS.CellValue {
  // Strings go in as shared strings: ExcelJS never parses them, so "=…" stays text.
  return isFormula(cell) ? { formula: cell.formula, date1904: false } : cell;
}

/** The blocks' cells, but for tables' cells (ExcelJS's addTable writes those, or they are spliced in). */
function writeBlocks(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  const inTable = sheet.tables.map((table) => parseRange(table.range));
  const isTableCell = (row: number, column: number) =>
    inTable.some((t) => row >= t.top && row <= t.bottom && column >= t.left && column <= t.right);
  for (const block of sheet.blocks) {
    const { row, column } = parseCell(block.at);
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell !== null && !isTableCell(row + r, column + c)) ws.getCell(row + r, column + c).value = cellValue(cell);
      }),
    );
  }
}

/** The plan's cell at an address, from its blocks (for the table rows ExcelJS writes itself). */
function planCellAt(sheet: SheetPlan, row: number, column: number): PlanCell {
  const found = locatePlanCell(sheet, row, column);
  return found ? found.line[found.index] : null;
}

/** Each table with its header and first body row; the rows after it are spliced in (table-bodies.ts). */
function writeTables(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  for (const table of sheet.tables) {
    const { top, left, bottom, right } = parseRange(table.range);
    const columns = [];
    for (let c = left; c <= right; c++) columns.push({ name: String(planCellAt(sheet, top, c)), filterButton: true });
    const rows = [];
    for (let r = top + 1; r <= Math.min(bottom, top + 1); r++) {
      const line = [];
      for (let c = left; c <= right; c++) line.push(cellValue(planCellAt(sheet, r, c)));
      rows.push(line);
    }
    ws.addTable({
      name: table.name,
      displayName: table.name,
      ref: cellAddress(top, left),
      headerRow: true,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns,
      rows,
    });
  }
}

function validationModel(v: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorTitle: v.error.title,
    error: v.error.message,
  } as const;
  return v.type === "list"
    ? { ...common, type: "list", formulae: [v.source ?? `"${v.values.join(",")}"`] }
    : // ExcelJS takes a date rule's bound as a Date (a number would be read as milliseconds since 1970).
      {
        ...common,
        type: "date",
        operator: "greaterThanOrEqual",
        formulae: [serialToDate(v.minimum)],
      };
}

function conditionalModel(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  switch (cf.type) {
    case "expression":
      return {
        type: "expression",
        priority,
        formulae: [cf.formula],
        style: {
          ...(cf.style.fill
            ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } } }
            : {}),
          font: {
            ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}),
            ...(cf.style.bold ? { bold: true } : {}),
            ...(cf.style.italic ? { italic: true } : {}),
          },
        },
      } as ExcelJS.ConditionalFormattingRule;
    case "colorScale":
      return {
        type: "colorScale",
        priority,
        cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
        color: cf.colors.map((c) => ({ argb: argb(c) })),
      } as ExcelJS.ConditionalFormattingRule;
    case "dataBar":
      return {
        type: "dataBar",
        priority,
        minLength: 0,
        maxLength: 100,
        gradient: false,
        border: false,
        cfvo: [
          { type: "num", value: cf.min },
          { type: "num", value: cf.max },
        ],
        color: { argb: argb(cf.color) },
      } as unknown as ExcelJS.ConditionalFormattingRule;
  }
}

async function writeSheet(
  workbook: ExcelJS.Workbook,
  sheet: SheetPlan,
  { active }: { active: boolean },
): Promise<void> {
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.visibility,
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: [
      (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
        ? { state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows, tabSelected: active }
        : { state: "normal", tabSelected: active }) as unknown as ExcelJS.WorksheetView,
    ],
  });
  const bodies = tableBodies(sheet);
  sheet.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = exceljsWidth(width)));
  for (const [row, height] of Object.entries(sheet.rowHeights))
    if (!isSplicedRow(bodies, Number(row))) ws.getRow(Number(row)).height = height;
  writeBlocks(ws, sheet);
  writeTables(ws, sheet);
  const styleCache = new Map<string, Partial<ExcelJS.Style>>();
  for (const [address, style] of resolvedStyles(sheet, bodies)) {
    const key = JSON.stringify(style);
    if (!styleCache.has(key)) styleCache.set(key, toExcelStyle(style));
    ws.getCell(address).style = styleCache.get(key) as ExcelJS.Style;
  }
  sheet.merges.forEach((range) => ws.mergeCells(range));
  sheet.validations.forEach((v) =>
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      v.range,
      validationModel(v),
    ),
  );
  sheet.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({ ref: cf.range, rules: [conditionalModel(cf, i + 1)] }),
  );
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  if (sheet.protection) {
    const p = sheet.protection;
    // No password: protection guards against accidental edits, and anyone may lift it.
    await ws.protect("", {
      formatColumns: p.allowFormatColumns,
      formatRows: p.allowFormatRows,
      sort: p.allowSort,
      autoFilter: p.allowAutoFilter,
    });
  }
  if (sheet.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: sheet.print.orientation,
      fitToPage: sheet.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: PAPER_CODE[sheet.print.paper],
      margins: {
        ...MARGINS,
        left: SIDE_MARGIN_INCHES[sheet.print.margins],
        right: SIDE_MARGIN_INCHES[sheet.print.margins],
      },
      ...(sheet.print.titleRows ? { printTitlesRow: sheet.print.titleRows } : {}),
    };
  }
}

/**
 * The file format's paper codes (ECMA-376 Part 1, 18.3.1.63 pageSetup, paperSize): 9 is A4, 8 is A3.
 * ExcelJS's PaperSize type lists A4 but not A3, though it writes any code it is given.
 */
const PAPER_CODE = { A4: 9, A3: 8 } as unknown as Record<PrintSetup["paper"], ExcelJS.PaperSize>;

/** Excel's Normal margins above and below (inches); left and right are the plan's. */
const MARGINS = { top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** Writes a plan as an .xlsx file's bytes. Works in Node and in the browser. */
export async function writePlanToBuffer(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = GENERATOR_NAME;
  const activeIndex = plan.sheets.findIndex((s) => s.key === plan.activeSheetKey);
  for (const [i, sheet] of plan.sheets.entries()) await writeSheet(workbook, sheet, { active: i === activeIndex });
  workbook.views = [
    {
      activeTab: Math.max(0, activeIndex),
      firstSheet: 0,
      visibility: "visible",
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
    },
  ];
  for (const { name, reference } of plan.names) workbook.definedNames.add(reference, name);
  // Stored, not deflated: fixOoxml rewrites some parts and deflates the whole package once, so nothing is
  // deflated twice or inflated again to be read.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return fixOoxml(new Uint8Array(buffer as ArrayBuffer), plan.sheets);
}
