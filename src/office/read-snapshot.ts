/// <reference types="office-js" />
/**
 * Reads the open workbook into the same WorkbookSnapshot the .xlsx reader produces, in a fixed
 * number of syncs: one for the sheet list and names, one for every sheet's used range.
 */
import { normaliseReference } from "../core/snapshot/references";
import type { SnapshotCell, SnapshotSheet, WorkbookSnapshot } from "../core/snapshot/types";
import { cellAddress, parseRange, rangeAddress } from "../core/util/a1";

export type SyncFn = (step: string) => Promise<void>;

export interface SheetSummary {
  name: string;
  visibility: SnapshotSheet["visibility"];
}

const VISIBILITY: Record<string, SnapshotSheet["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** Queues a load of the sheet list and the workbook-scope names. */
export function queueOverview(context: Excel.RequestContext): {
  sheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
} {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const names = context.workbook.names.load("items/name,items/formula");
  return { sheets, names };
}

export function sheetSummaries(sheets: Excel.WorksheetCollection): SheetSummary[] {
  return sheets.items.map((sheet) => ({ name: sheet.name, visibility: VISIBILITY[sheet.visibility] ?? "visible" }));
}

export function snapshotNames(names: Excel.NamedItemCollection): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of names.items) result[item.name] = normaliseReference(String(item.formula));
  return result;
}

/** Queues a load of a sheet's used range (values only, so formats alone do not widen it). */
export function queueUsedRange(sheet: Excel.Worksheet): Excel.Range {
  return sheet.getUsedRangeOrNullObject(true).load("address,values,formulas");
}

/**
 * A formula cell is one whose `formulas` entry is a formula that differs from its value. Text that
 * merely starts with "=" (stored with a quote prefix) reads the same through both, because
 * Office drops the quote prefix from `formulas`.
 */
function snapshotCell(value: unknown, formula: unknown): SnapshotCell | null {
  const constant = value === "" ? null : (value as SnapshotCell["value"]);
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  if (isFormula) return { value: constant, formula: formula.slice(1) };
  return constant === null ? null : { value: constant };
}

export function snapshotSheet(summary: SheetSummary, used: Excel.Range): SnapshotSheet {
  const cells: Record<string, SnapshotCell> = {};
  if (!used.isNullObject) {
    const { top, left } = parseRange(used.address.slice(used.address.lastIndexOf("!") + 1));
    used.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const cell = snapshotCell(value, used.formulas[r][c]);
        if (cell) cells[cellAddress(top + r, left + c)] = cell;
      }),
    );
  }
  return { name: summary.name, visibility: summary.visibility, cells };
}

/**
 * Where a table is on a sheet, from what was read: its header row holds its column names, in order,
 * and its body `bodyRows` rows under it. null unless exactly one place on the sheet matches.
 */
export function tableRange(sheet: SnapshotSheet, columnNames: string[], bodyRows: number): string | null {
  const textAt = (row: number, column: number) => {
    const value = sheet.cells[cellAddress(row, column)]?.value;
    return value === null || value === undefined ? "" : String(value);
  };
  const places = Object.keys(sheet.cells)
    .map((address) => parseRange(address))
    .filter(({ top, left }) => columnNames.every((name, i) => textAt(top, left + i) === name));
  if (places.length !== 1 || columnNames.length === 0) return null;
  const { top, left } = places[0];
  return rangeAddress(top, left, top + bodyRows, left + columnNames.length - 1);
}

/** The whole workbook: 2 syncs whatever its size. */
export async function readWorkbookSnapshot(context: Excel.RequestContext, sync: SyncFn): Promise<WorkbookSnapshot> {
  const overview = queueOverview(context);
  await sync("reading the list of sheets");
  const summaries = sheetSummaries(overview.sheets);
  return readSheets(context, summaries, snapshotNames(overview.names), sync);
}

/** Only the given sheets (whose names and visibility are already known), in 1 sync. */
export async function readSheets(
  context: Excel.RequestContext,
  summaries: SheetSummary[],
  names: Record<string, string>,
  sync: SyncFn,
): Promise<WorkbookSnapshot> {
  const used = summaries.map((summary) => queueUsedRange(context.workbook.worksheets.getItem(summary.name)));
  await sync("reading the sheets");
  return { sheets: summaries.map((summary, i) => snapshotSheet(summary, used[i])), names };
}
