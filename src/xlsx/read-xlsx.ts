import { guardedCells } from "../core/snapshot/guarded-cells";
import { sheetsMadeByUs } from "../core/snapshot/our-sheets";
import type { SheetChoice } from "../core/snapshot/sheet-choice";
import type { SheetLooks, SnapshotSheet, SnapshotValidation, WorkbookSnapshot } from "../core/snapshot/types";
import { parseCell } from "../core/util/a1";
import { readError } from "./read-errors";
import { readSharedStrings } from "./read/shared-strings";
import { readWorksheetPart, type WorksheetContext, type WorksheetPart } from "./read/sheet";
import { FURNITURE_PART, readFurniture } from "./read/furniture";
import { readCellFormats } from "./read/styles";
import { validationAt } from "./read/validations";
import { readWorkbookPart, type SheetEntry } from "./read/workbook";
import {
  DEFAULT_READ_LIMITS,
  guardWorkbookBytes,
  noCounters,
  type InflateRaw,
  type ReadCounters,
  type ReadLimits,
  WORKSHEET_PART,
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

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const SHARED_STRINGS = "xl/sharedStrings.xml";
const STYLES = "xl/styles.xml";

/** The parts the reader reads: the workbook, its relationships, strings, styles and every worksheet. */
const isReaderPart = (part: string) =>
  part === WORKBOOK ||
  part === WORKBOOK_RELS ||
  part === SHARED_STRINGS ||
  part === STYLES ||
  WORKSHEET_PART.test(part) ||
  FURNITURE_PART.test(part);

/**
 * How the sheet shows its filled cells, and the rows and columns it hides: every cell format's look,
 * which each filled cell points at by its `s` (a merged-away cell's pointer stays, and is not read).
 */
function looksOf(part: WorksheetPart, context: WorksheetContext): SheetLooks {
  return {
    looks: context.formats.map((format) => format.look),
    cells: part.cellFormatOf,
    fonts: true,
    hiddenRows: part.hiddenRows,
    hiddenColumns: part.hiddenColumns,
  };
}

/** A sheet of the snapshot, with the protection, locks and validations of its guarded cells. */
function snapshotSheet(
  entry: SheetEntry,
  part: WorksheetPart,
  names: Record<string, string>,
  context: WorksheetContext & { ours: boolean },
): SnapshotSheet {
  const sheet: SnapshotSheet = {
    name: entry.name,
    visibility: entry.visibility,
    cells: part.cells,
    ...(context.ours ? { looks: looksOf(part, context) } : {}),
    ...(part.merges.length > 0 ? { merges: part.merges } : {}),
  };
  const guarded = guardedCells(entry.name, names, part.cells);
  if (guarded.locked.length === 0) return { ...sheet, protected: part.protected };
  const isLocked = (address: string) => context.formats[part.formatOf(address)]?.locked ?? true;
  const validations: Record<string, SnapshotValidation> = {};
  for (const address of guarded.validated) {
    const { row, column } = parseCell(address);
    const validation = validationAt(part.validations, row, column);
    if (validation) validations[address] = validation;
  }
  return {
    ...sheet,
    protected: part.protected,
    locked: Object.fromEntries(guarded.locked.map((address) => [address, isLocked(address)])),
    validations,
  };
}

/** Which of a file's sheets a read parses: a caller that needs a few need not pay for the rest. */
export interface ReadChoice {
  /** Read only the sheets this names (see sheet-choice.ts); every sheet when not given. */
  sheets?: SheetChoice;
}

/** How readSnapshotFromBuffer reads: each option has the default a plain read needs. */
export interface ReadOptions extends ReadChoice {
  /** The bounds the guard holds the file to; DEFAULT_READ_LIMITS when not given. */
  limits?: ReadLimits;
  /** Filled in with what the guard measured; fresh counters when not given. */
  counters?: ReadCounters;
  /** The platform's native inflate for the guard, where there is one; JSZip's otherwise. */
  inflateRaw?: InflateRaw;
}

/** The sheets of `entries` that `choose` asks for, in rounds until it asks for none not yet read. */
function readChosenSheets(
  entries: readonly SheetEntry[],
  names: Record<string, string>,
  choose: SheetChoice,
  readSheet: (entry: SheetEntry) => SnapshotSheet,
): SnapshotSheet[] {
  const read = new Map<string, SnapshotSheet>();
  const inOrder = () => entries.flatMap((entry) => read.get(entry.name) ?? []);
  for (;;) {
    const chosen = choose({ listing: entries, names, read: { sheets: inOrder(), names } });
    const wanted = chosen === "every" ? undefined : new Set(chosen);
    const fresh = entries.filter((entry) => !read.has(entry.name) && (!wanted || wanted.has(entry.name)));
    if (fresh.length === 0) return inOrder();
    for (const entry of fresh) read.set(entry.name, readSheet(entry));
  }
}

/**
 * The one entry point for reading an .xlsx file (command line, standalone page, tests): its bytes
 * into a snapshot. Anything that is not a readable workbook within the limits is refused with a
 * WorkbookReadError by the guard before any part is parsed, which is what bounds the time and memory
 * of a parse (see zip-guard.ts); `counters` receives what the guard measured. The guard hands back
 * the parts it inflated, so each is inflated once, and they are read with the product's own SAX
 * reader (src/xlsx/read/), which builds only what a snapshot holds. `inflateRaw` is a native inflate
 * for the guard where the platform has one (the command line passes Node's: src/cli/native-inflate.ts).
 * With `sheets`, only the sheets it chooses are parsed (and their tables and charts); the guard
 * still measures and bounds every part of the file, so the same files are refused as by a full read.
 */
export async function readSnapshotFromBuffer(
  bytes: Uint8Array,
  { limits = DEFAULT_READ_LIMITS, counters = noCounters(), inflateRaw, sheets: chooseSheets }: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const listed: string[] = [];
  const parts = await guardWorkbookBytes(bytes, {
    limits,
    counters,
    inflateRaw,
    keep: (part) => {
      listed.push(part);
      return isReaderPart(part);
    },
  });
  const workbookXml = parts.get(WORKBOOK);
  // The guard has seen xl/workbook.xml in the zip's directory; missing here, its entry was not a file.
  if (!workbookXml) throw readError("not-a-workbook");
  const workbook = readWorkbookPart(workbookXml, parts.get(WORKBOOK_RELS), (part) => parts.has(part));
  const context: WorksheetContext = {
    sharedStrings: readSharedStrings(parts.get(SHARED_STRINGS)),
    formats: readCellFormats(parts.get(STYLES)),
    date1904: workbook.date1904,
  };
  const ours = new Set(sheetsMadeByUs(workbook.sheets, workbook.names));
  const readSheet = (entry: SheetEntry) =>
    snapshotSheet(entry, readWorksheetPart(parts.get(entry.part)!, context), workbook.names, {
      ...context,
      ours: ours.has(entry.name),
    });
  const sheets = chooseSheets
    ? readChosenSheets(workbook.sheets, workbook.names, chooseSheets, readSheet)
    : workbook.sheets.map(readSheet);
  const read = new Set(sheets.map((sheet) => sheet.name));
  const furniture = readFurniture(
    parts,
    workbook.sheets.filter((entry) => ours.has(entry.name) && read.has(entry.name)),
  );
  return {
    sheets,
    names: workbook.names,
    sheetScopedNames: workbook.sheetScopedNames,
    settings: workbook.settings,
    parts: listed,
    ...furniture,
  };
}
