/**
 * "The written file holds exactly the plan" (test/support/plan-formats.ts). The cells, formulas,
 * names, visibility, protection, locks and pickers are read by the product's reader
 * (readSnapshotFromBuffer) and compared strictly (exactDifferences in test/support/exact-plan.ts). This file reads
 * only what no snapshot carries, because no check needs it (formats, prompts, conditional formats,
 * tables, sizes, print setup, charts, the active sheet), with ExcelJS and from the package's chart
 * parts: only the writers' tests compare those, so they are here and not in src.
 */
import ExcelJS from "exceljs";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { charactersToPoints } from "../../src/core/plan/units";
import { cellsIn } from "../../src/core/util/a1";
import { isoDateToSerial } from "../../src/core/util/dates";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import {
  DEFAULT_STYLE,
  expectWorkbookMatchesPlan,
  protectionOptions,
  type SheetFormats,
  type StyleImage,
  type ValidationImage,
  type WorkbookFormats,
} from "../support/plan-formats";
import { chartsOfPackage } from "./chart-package";
import { loadWithExcelJs } from "../support/exceljs-load";

const colour = (c: Partial<ExcelJS.Color> | undefined): string | null =>
  c?.argb ? `#${c.argb.slice(2).toUpperCase()}` : null;

function borderImage(border: Partial<ExcelJS.Borders> | undefined): StyleImage["border"] {
  const edges = [border?.top, border?.bottom, border?.left, border?.right];
  const thin = edges.filter((e) => e?.style === "thin").length;
  return thin === 4 ? "thin" : edges.every((e) => !e?.style) ? "none" : "partial";
}

function styleImage(style: Partial<ExcelJS.Style>): StyleImage {
  const font = style.font ?? {};
  const alignment = style.alignment ?? {};
  return {
    bold: font.bold ?? false,
    italic: font.italic ?? false,
    underline: Boolean(font.underline),
    fontSize: font.size ?? 11,
    fontColor: colour(font.color) ?? DEFAULT_STYLE.fontColor,
    fill: style.fill?.type === "pattern" && style.fill.pattern === "solid" ? colour(style.fill.fgColor) : null,
    wrap: alignment.wrapText ?? false,
    horizontal: alignment.horizontal ?? "general",
    vertical: alignment.vertical === "middle" ? "center" : (alignment.vertical ?? "bottom"),
    numberFormat: style.numFmt ?? "General",
    border: borderImage(style.border),
    locked: style.protection?.locked ?? true,
  };
}

function validationsImage(ws: ExcelJS.Worksheet): Record<string, ValidationImage> {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
    .dataValidations.model;
  const image: Record<string, ValidationImage> = {};
  for (const [range, v] of Object.entries(model)) {
    if (!v) continue;
    const first = v.formulae[0] as unknown;
    const rule =
      v.type === "list"
        ? "list"
        : v.type === "date" && v.operator === "greaterThanOrEqual"
          ? `date>=${first instanceof Date ? isoDateToSerial(first.toISOString().slice(0, 10)) : first}`
          : JSON.stringify(v);
    for (const address of cellsIn(range)) {
      image[address] = {
        rule,
        prompt: v.showInputMessage ? `${v.promptTitle}|${v.prompt}` : "none",
        error: v.showErrorMessage ? `${v.errorTitle}|${v.error}` : "none",
        ignoreBlanks: Boolean(v.allowBlank),
      };
    }
  }
  return image;
}

function conditionalImage(ws: ExcelJS.Worksheet): string[] {
  const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, any>[] }[] })
    .conditionalFormattings;
  return formats.flatMap(({ ref, rules }) =>
    rules.map((r) => {
      if (r.type === "expression") {
        const s = r.style ?? {};
        return `${ref} custom =${r.formulae[0]} fill=${colour(s.fill?.bgColor)} font=${colour(s.font?.color)} bold=${s.font?.bold ?? null} italic=${s.font?.italic ?? null}`;
      }
      if (r.type === "colorScale") {
        const ok =
          r.cfvo[0].type === "min" &&
          r.cfvo[1].type === "percentile" &&
          r.cfvo[1].value === 50 &&
          r.cfvo[2].type === "max";
        return `${ref} colorScale${ok ? "" : "(odd criteria)"} ${r.color.map(colour).join(",")}`;
      }
      if (r.type === "dataBar") return `${ref} dataBar ${r.cfvo[0].value}..${r.cfvo[1].value} ${colour(r.color)}`;
      return `${ref} ${JSON.stringify(r)}`;
    }),
  );
}

/** The sheet's AutoFilter range as read back ("A5:K56"); any other form shows as itself, so it fails to match. */
function autoFilterImage(ws: ExcelJS.Worksheet): string {
  const filter: unknown = ws.autoFilter;
  if (!filter) return "none";
  return typeof filter === "string" ? filter.replace(/\$/g, "") : JSON.stringify(filter);
}

function sheetFormats(ws: ExcelJS.Worksheet, columnCount: number): Omit<SheetFormats, "charts"> {
  const styles: Record<string, StyleImage> = {};
  const rowHeights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height !== undefined) rowHeights[rowNumber] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      // ExcelJS gives the cells merged into another a copy of its style; Excel shows only the master's.
      if (cell.isMerged && cell.master !== cell) return;
      const style = styleImage(cell.style);
      if (JSON.stringify(style) !== JSON.stringify(DEFAULT_STYLE)) styles[cell.address] = style;
    });
  });
  const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  const protection = (ws as unknown as { sheetProtection?: Record<string, boolean> }).sheetProtection;
  const setup = ws.pageSetup;
  return {
    name: ws.name,
    tabColor: colour(ws.properties.tabColor) ?? "",
    styles,
    merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
    validations: validationsImage(ws),
    conditionalFormats: conditionalImage(ws),
    tables: Object.values(
      (
        ws as unknown as {
          tables: Record<string, { table: { name: string; tableRef: string; style: { theme: string } } }>;
        }
      ).tables,
    ).map(({ table }) => `${table.name} ${table.tableRef} ${table.style.theme}`),
    autoFilter: autoFilterImage(ws),
    columnWidths: Object.fromEntries(
      Array.from({ length: columnCount }, (_, i) => [i + 1, charactersToPoints(ws.getColumn(i + 1).width ?? 0)]),
    ),
    rowHeights,
    freeze: view?.state === "frozen" ? `${view.ySplit ?? 0}x${view.xSplit ?? 0}` : "0x0",
    protection: protectionOptions(
      protection?.sheet
        ? {
            allowAutoFilter: Boolean(protection.autoFilter),
            allowFormatColumns: Boolean(protection.formatColumns),
            allowFormatRows: Boolean(protection.formatRows),
            allowSort: Boolean(protection.sort),
          }
        : undefined,
    ),
    print: `${setup.orientation ?? "portrait"} fit=${Boolean(setup.fitToPage && setup.fitToWidth === 1)} titles=${setup.printTitlesRow ? `$${setup.printTitlesRow.replace(":", ":$")}` : null} paper=${PAPER_NAME[setup.paperSize ?? 0] ?? "none"} margins=${setup.margins?.left === 0.25 && setup.margins.right === 0.25 ? "narrow" : "normal"}`,
  };
}

/** The file format's paper codes the writer uses (ECMA-376 Part 1, 18.3.1.63). */
const PAPER_NAME: Record<number, string> = { 9: "A4", 8: "A3" };

/** The formats of a written .xlsx, sheet by sheet (with the plan's column counts for widths). */
async function formatsOfXlsx(bytes: Uint8Array, columnCounts: number[]): Promise<WorkbookFormats> {
  const workbook = await loadWithExcelJs(bytes);
  // ExcelJS reads no charts: they come from the package itself.
  const charts = await chartsOfPackage(bytes);
  return {
    sheets: workbook.worksheets.map((ws, i) => ({
      ...sheetFormats(ws, columnCounts[i] ?? 0),
      charts: charts[ws.name] ?? [],
    })),
    active: workbook.worksheets[workbook.views[0]?.activeTab ?? 0].name,
  };
}

/** Asserts a written .xlsx holds exactly the plan. */
export async function expectXlsxMatchesPlan(bytes: Uint8Array, plan: WorkbookPlan): Promise<void> {
  const snapshot = await readSnapshotFromBuffer(bytes);
  const formats = await formatsOfXlsx(
    bytes,
    plan.sheets.map((s) => s.columnWidths.length),
  );
  expectWorkbookMatchesPlan({ snapshot, formats }, plan);
}
