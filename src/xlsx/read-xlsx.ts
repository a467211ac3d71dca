import ExcelJS from "exceljs";
import { normaliseReference } from "../core/snapshot/references";
import { guardedCells, type GuardedCells } from "../core/snapshot/guarded-cells";
import type { SnapshotCell, SnapshotSheet, SnapshotValidation, WorkbookSnapshot } from "../core/snapshot/types";
import { dateToSerial } from "../core/util/dates";
import { openRawPackage, type RawPackage } from "./raw-protection";
import { readError } from "./read-errors";
import {
  DEFAULT_READ_LIMITS,
  guardWorkbookBytes,
  noCounters,
  type InflateRaw,
  type ReadCounters,
  type ReadLimits,
} from "./zip-guard";

export {
  checkFileSize,
  DEFAULT_READ_LIMITS,
  noCounters,
  type InflateRaw,
  type ReadCounters,
  type ReadLimits,
} from "./zip-guard";
export { WorkbookReadError, type WorkbookReadProblem } from "./read-errors";

function snapshotCell(value: ExcelJS.CellValue): SnapshotCell | undefined {
  if (value === null || value === undefined) return undefined;
  // ExcelJS turns date-formatted numbers into JS Dates (UTC); the snapshot keeps Excel's serial numbers.
  if (value instanceof Date) return { value: dateToSerial(value) };
  if (typeof value !== "object") return { value };
  if ("formula" in value || "sharedFormula" in value) {
    const formula = "formula" in value ? value.formula : undefined;
    const result = snapshotCell((value.result ?? null) as ExcelJS.CellValue);
    return { value: result?.value ?? null, ...(formula ? { formula } : {}) };
  }
  if ("richText" in value) return { value: value.richText.map((run) => run.text).join("") };
  if ("error" in value) return { value: value.error };
  if ("hyperlink" in value) return { value: value.text };
  return undefined;
}

/** A formula cell. `cell.value.result` drops a cached 0, so the result is read from the cell itself. */
function formulaCell(cell: ExcelJS.Cell): SnapshotCell {
  const result = snapshotCell((cell.result ?? null) as ExcelJS.CellValue);
  return { value: result?.value ?? null, ...(cell.formula ? { formula: cell.formula } : {}) };
}

function snapshotSheet(sheet: ExcelJS.Worksheet): SnapshotSheet {
  const cells: Record<string, SnapshotCell> = {};
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const snap = cell.type === ExcelJS.ValueType.Formula ? formulaCell(cell) : snapshotCell(cell.value);
      if (snap) cells[cell.address] = snap;
    }),
  );
  return {
    name: sheet.name,
    visibility: sheet.state === "veryHidden" ? "veryHidden" : sheet.state === "hidden" ? "hidden" : "visible",
    cells,
  };
}

function definedNames(workbook: ExcelJS.Workbook): Record<string, string> {
  const names: Record<string, string> = {};
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const { name, ranges } of model) if (ranges.length === 1) names[name] = normaliseReference(ranges[0]);
  return names;
}

interface ExcelJsValidation {
  type?: string;
  formulae?: unknown[];
  errorStyle?: string;
  showErrorMessage?: boolean;
}

/** An inline list's items from its formula, "\"Minimum,Developing\""; undefined for a list drawn from cells. */
function inlineListItems(formula: unknown): string[] | undefined {
  const text = String(formula ?? "");
  return /^".*"$/.test(text) ? text.slice(1, -1).split(",") : undefined;
}

export function snapshotValidation(model: ExcelJsValidation): SnapshotValidation {
  const type = model.type === "list" || model.type === "date" ? model.type : "other";
  const alert = !model.showErrorMessage
    ? "none"
    : model.errorStyle === "warning" || model.errorStyle === "information"
      ? model.errorStyle
      : "stop";
  const list = type === "list" ? inlineListItems(model.formulae?.[0]) : undefined;
  return { type, ...(list ? { list } : {}), alert };
}

/**
 * Whether a sheet is protected. ExcelJS keeps the sheetProtection element it found; its `sheet` is
 * true only for "1", so anything else is settled from the XML.
 */
async function isProtected(sheet: ExcelJS.Worksheet, raw: RawPackage): Promise<boolean> {
  const protection = (sheet as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  if (!protection) return false;
  if (protection.sheet === true) return true;
  return (await raw.sheet(sheet.name)).protected;
}

/** Adds protection, and the locks and validations of the guarded cells, to a sheet read by ExcelJS. */
async function addGuards(
  snapshot: SnapshotSheet,
  sheet: ExcelJS.Worksheet,
  guarded: GuardedCells,
  raw: RawPackage,
): Promise<SnapshotSheet> {
  const isProtectedSheet = await isProtected(sheet, raw);
  if (guarded.locked.length === 0) return { ...snapshot, protected: isProtectedSheet };
  const models = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJsValidation> } }).dataValidations
    .model;
  const validations: Record<string, SnapshotValidation> = {};
  for (const address of guarded.validated) {
    const model = models[address];
    if (model && model.type !== "any") validations[address] = snapshotValidation(model);
  }
  // ExcelJS reads locked="0" rightly; only a "false" it would take for locked needs the XML.
  const rawSheet = raw.locksInWords ? await raw.sheet(sheet.name) : undefined;
  const isLocked = (address: string) =>
    rawSheet ? rawSheet.isLocked(address) : sheet.getCell(address).style.protection?.locked !== false;
  return {
    ...snapshot,
    protected: isProtectedSheet,
    locked: Object.fromEntries(guarded.locked.map((address) => [address, isLocked(address)])),
    validations,
  };
}

/**
 * The one entry point for reading an .xlsx file (command line, standalone page, tests): its bytes
 * into a snapshot. Anything that is not a readable workbook within the limits is refused with a
 * WorkbookReadError before ExcelJS parses it, which is what bounds the time and memory of a parse
 * (see zip-guard.ts); `counters` receives what the guard measured. `inflateRaw` is a native inflate
 * for the guard where the platform has one (the command line passes Node's: src/cli/native-inflate.ts).
 */
export async function readSnapshotFromBuffer(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  counters: ReadCounters = noCounters(),
  inflateRaw?: InflateRaw,
): Promise<WorkbookSnapshot> {
  await guardWorkbookBytes(bytes, limits, counters, inflateRaw);
  const workbook = new ExcelJS.Workbook();
  let raw: RawPackage;
  try {
    // The few small parts the raw reader needs are read beside ExcelJS's load, where they cost little time.
    [, raw] = await Promise.all([workbook.xlsx.load(bytes as unknown as ArrayBuffer), openRawPackage(bytes)]);
  } catch (error) {
    // The guard found a well-formed workbook zip within the limits; ExcelJS failing on it means a part is broken.
    throw readError("damaged", error);
  }
  const names = definedNames(workbook);
  const sheets = workbook.worksheets.map(snapshotSheet);
  const guarded = sheets.map((sheet) => guardedCells(sheet.name, names, sheet.cells));
  return {
    sheets: await Promise.all(sheets.map((sheet, i) => addGuards(sheet, workbook.worksheets[i], guarded[i], raw))),
    names,
  };
}
