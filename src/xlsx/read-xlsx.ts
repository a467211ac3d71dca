import ExcelJS from "exceljs";
import { normaliseReference } from "../core/snapshot/references";
import { readError } from "./read-errors";
import { DEFAULT_READ_LIMITS, guardWorkbookBytes, noCounters, type ReadCounters, type ReadLimits } from "./zip-guard";
import type { SnapshotCell, SnapshotSheet, WorkbookSnapshot } from "../core/snapshot/types";

export { checkFileSize, DEFAULT_READ_LIMITS, noCounters, type ReadCounters, type ReadLimits } from "./zip-guard";
export { WorkbookReadError, type WorkbookReadProblem } from "./read-errors";

function snapshotCell(value: ExcelJS.CellValue): SnapshotCell | undefined {
  if (value === null || value === undefined) return undefined;
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

/** ExcelJS turns date-formatted numbers into JS Dates (UTC); the snapshot keeps Excel's serial numbers. */
function dateToSerial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
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

/**
 * The one entry point for reading an .xlsx file (command line, standalone page, tests): its bytes
 * into a snapshot. Anything that is not a readable workbook within the limits is refused with a
 * WorkbookReadError before ExcelJS parses it, which is what bounds the time and memory of a parse
 * (see zip-guard.ts); `counters` receives what the guard measured.
 */
export async function readSnapshotFromBuffer(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  counters: ReadCounters = noCounters(),
): Promise<WorkbookSnapshot> {
  await guardWorkbookBytes(bytes, limits, counters);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    // The guard found a well-formed workbook zip within the limits; ExcelJS failing on it means a part is broken.
    throw readError("damaged", error);
  }
  return { sheets: workbook.worksheets.map(snapshotSheet), names: definedNames(workbook) };
}
