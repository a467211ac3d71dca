/// <reference types="office-js" />
/**
 * Reads the open workbook into the same WorkbookSnapshot the .xlsx reader produces, in a fixed
 * number of syncs: one for the sheet list and names, one for every sheet's used range and
 * protection, one for the locks and validations of the guarded cells (which the cells decide).
 * Everything used is in ExcelApi 1.8 (data validation) or older.
 */
import { guardedCells } from "../core/snapshot/guarded-cells";
import { normaliseReference } from "../core/snapshot/references";
import type {
  SheetLooks,
  SnapshotCell,
  SnapshotSheet,
  SnapshotValidation,
  WorkbookSnapshot,
} from "../core/snapshot/types";
import { cellAddress, parseRange, rangeAddress } from "../core/util/a1";
import { excelWords } from "../core/words/excel";

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
export function queueOverview(
  context: Excel.RequestContext,
  /** More of each sheet to load in the same operation (paths such as "protection/protected"). */
  sheetPaths: readonly string[] = [],
): {
  sheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
} {
  // A string: the real client reads "items/" off a collection's paths in a string, not in an array.
  const sheets = context.workbook.worksheets.load(
    ["name", "visibility", ...sheetPaths].map((p) => `items/${p}`).join(","),
  );
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

/**
 * Queues a load of a sheet's used range (values only, so formats alone do not widen it), with each
 * cell's number format (ExcelApi 1.1), which the check reads for formats that disguise a figure.
 */
export function queueUsedRange(sheet: Excel.Worksheet): Excel.Range {
  return sheet.getUsedRangeOrNullObject(true).load("address,values,formulas,numberFormat");
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
  // Fonts, fills and hidden rows need ExcelApi 1.9 (Range.getCellProperties, getRowProperties): not read here.
  const looks: SheetLooks = { looks: [], cells: {}, fonts: false };
  const lookOf = new Map<string, number>();
  if (!used.isNullObject) {
    const { top, left } = parseRange(used.address.slice(used.address.lastIndexOf("!") + 1));
    used.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const cell = snapshotCell(value, used.formulas[r][c]);
        if (!cell) return;
        const address = cellAddress(top + r, left + c);
        cells[address] = cell;
        const numberFormat = String(used.numberFormat[r][c] ?? "General");
        let index = lookOf.get(numberFormat);
        if (index === undefined) lookOf.set(numberFormat, (index = looks.looks.push({ numberFormat }) - 1));
        looks.cells[address] = index;
      }),
    );
  }
  return { name: summary.name, visibility: summary.visibility, cells, looks };
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

const VALIDATION_TYPES: Record<string, SnapshotValidation["type"]> = { List: "list", Date: "date" };

/**
 * An inline list's items. Office.js writes and reads the source with commas, but a list a user set again in
 * Excel in a locale whose list separator is ";" reads back with semicolons (the source is not locale-aware,
 * OfficeDev/office-js #2128): a source with semicolons and no comma is split on them, so the check sees the
 * same levels rather than a changed picker. Level names hold neither character.
 */
function listItems(source: string): string[] {
  return source.split(source.includes(";") && !source.includes(",") ? ";" : ",");
}

/** A cell's validation as Office reports it; null when it has none. */
function snapshotValidation(validation: Excel.DataValidation): SnapshotValidation | null {
  if (validation.type === "None") return null;
  const type = VALIDATION_TYPES[validation.type] ?? "other";
  const source = validation.rule.list?.source;
  // An inline list's source is its items; a list drawn from cells has a formula ("=$A$1:$A$5").
  const list = type === "list" && typeof source === "string" && !source.startsWith("=") ? listItems(source) : undefined;
  const alert = validation.errorAlert;
  return {
    type,
    ...(list ? { list } : {}),
    alert: alert.showAlert ? (alert.style.toLowerCase() as SnapshotValidation["alert"]) : "none",
  };
}

/** Guarded cells' locks and validations, as queued for one sync. */
export interface GuardReads {
  /** After the sync: a cell's lock; undefined when it was not asked for, or its block's locks differ. */
  lock: (address: string) => boolean | undefined;
  rules: Map<string, Excel.DataValidation>;
}

/**
 * Queues the lock of each block of `lockBlocks` (one cell, or a rectangle: Excel answers a
 * rectangle's lock when all its cells share it, null otherwise) and the validation of each of
 * `validated`, on `sheet`.
 */
export function queueGuardReads(sheet: Excel.Worksheet, lockBlocks: string[], validated: string[]): GuardReads {
  const blockOf = new Map<string, Excel.FormatProtection>();
  for (const block of lockBlocks) {
    const protection = sheet.getRange(block).format.protection.load("locked");
    const { top, left, bottom, right } = parseRange(block);
    for (let row = top; row <= bottom; row++)
      for (let column = left; column <= right; column++) blockOf.set(cellAddress(row, column), protection);
  }
  const lock = (address: string) => {
    const locked = blockOf.get(address)?.locked;
    return locked === null || locked === undefined ? undefined : locked === true;
  };
  const rules = new Map(
    validated.map((address) => [address, sheet.getRange(address).dataValidation.load("type,rule,errorAlert")]),
  );
  return { lock, rules };
}

/**
 * The snapshot sheet with the locks and validations of its guarded cells (see guardedCells); null
 * when `reads` cannot tell one of them (rows below what was expected, or a block of mixed locks).
 */
export function withGuards(
  snapshot: SnapshotSheet,
  names: Record<string, string>,
  reads: GuardReads,
): SnapshotSheet | null {
  const guarded = guardedCells(snapshot.name, names, snapshot.cells);
  if (guarded.locked.length === 0) return snapshot;
  const locked: Record<string, boolean> = {};
  for (const address of guarded.locked) {
    const lock = reads.lock(address);
    if (lock === undefined) return null;
    locked[address] = lock;
  }
  if (!guarded.validated.every((address) => reads.rules.has(address))) return null;
  const validations: Record<string, SnapshotValidation> = {};
  for (const address of guarded.validated) {
    const validation = snapshotValidation(reads.rules.get(address)!);
    if (validation) validations[address] = validation;
  }
  return { ...snapshot, locked, validations };
}

/** Queues the locks and validations of a sheet's guarded cells; the result fills them in after the sync. */
export function queueGuards(
  context: Excel.RequestContext,
  snapshot: SnapshotSheet,
  names: Record<string, string>,
): { queued: boolean; finish: () => SnapshotSheet } {
  const guarded = guardedCells(snapshot.name, names, snapshot.cells);
  if (guarded.locked.length === 0) return { queued: false, finish: () => snapshot };
  const sheet = context.workbook.worksheets.getItem(snapshot.name);
  // Cell by cell: a sheet read again for its guarded cells may be one whose locks a user changed.
  const reads = queueGuardReads(sheet, guarded.locked, guarded.validated);
  return { queued: true, finish: () => withGuards(snapshot, names, reads)! };
}

/** The whole workbook: 3 syncs whatever its size (2 when it holds no assessment). */
export async function readWorkbookSnapshot(context: Excel.RequestContext, sync: SyncFn): Promise<WorkbookSnapshot> {
  const overview = queueOverview(context);
  await sync(excelWords.step.readingSheetList);
  const summaries = sheetSummaries(overview.sheets);
  return readSheets(context, summaries, snapshotNames(overview.names), sync);
}

/** Only the given sheets (whose names and visibility are already known), in 2 syncs (1 without an assessment). */
export async function readSheets(
  context: Excel.RequestContext,
  summaries: SheetSummary[],
  names: Record<string, string>,
  sync: SyncFn,
): Promise<WorkbookSnapshot> {
  const reads = summaries.map((summary) => {
    const sheet = context.workbook.worksheets.getItem(summary.name);
    return { used: queueUsedRange(sheet), protection: sheet.protection.load("protected") };
  });
  await sync(excelWords.step.readingSheets);
  const sheets = summaries.map((summary, i) => ({
    ...snapshotSheet(summary, reads[i].used),
    protected: reads[i].protection.protected,
  }));
  const guarded = sheets.map((sheet) => queueGuards(context, sheet, names));
  // A workbook without an assessment has no guarded cells: no third round trip for nothing.
  if (guarded.some((guard) => guard.queued)) await sync(excelWords.step.readingGuards({ part: 1, parts: 1 }));
  return { sheets: guarded.map((guard) => guard.finish()), names };
}
