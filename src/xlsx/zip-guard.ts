/**
 * Bounds a foreign .xlsx before the reader parses it. A timer cannot stop a parse that runs in the same
 * thread, so everything that could make the parse long or large is measured first, here, and the
 * file is refused with a plain message when it is over a limit:
 *
 * - what kind of file it is, from its first bytes (a zip, an encrypted or old Office file, neither);
 * - the zip's own end record, so a truncated file or one with a huge number of parts is caught
 *   before JSZip reads its directory;
 * - every part is inflated once, counting the bytes actually produced, and inflation stops as soon
 *   as the total passes the limit: a crafted zip can declare any sizes it likes, so they are not used.
 *   The parts the reader asks for are handed back as inflated, so none is inflated twice;
 * - the XML parts are scanned as they inflate for what a parse spends time on in proportion to
 *   something other than the bytes: elements in every part; in worksheets, cells, and the ranges a
 *   reader may visit cell by cell (merged cells, and data validations, whose `sqref` ExcelJS expands
 *   into one entry per cell). The limits were set against ExcelJS, the slower of the two readers
 *   the product has had, and are kept as they are.
 *
 * Only JSZip and TextDecoder are needed, so the same guard bounds the reader in the browser. Where the
 * platform has a native inflate (Node's zlib, for the command line), the caller may pass it: JSZip's
 * inflate in JavaScript was most of the guard's time.
 */
import JSZip from "jszip";
import { columnNumber } from "../core/util/a1";
import { compoundFileKind, isCompoundFile } from "./compound-file";
import { megabytes, readError, WorkbookReadError } from "./read-errors";
import { concat } from "./bytes";

export interface ReadLimits {
  /** The file itself. */
  maxFileBytes: number;
  /** Bytes actually inflated, every part together. */
  maxUnpackedBytes: number;
  /** Parts (files) in the zip. */
  maxParts: number;
  /** XML elements in all parts together: a SAX parse takes time per element as well as per byte. */
  maxElements: number;
  /** Cells stored in all worksheets together. */
  maxCells: number;
  /** Cells covered by merged ranges and data-validation ranges, which a reader may visit one by one. */
  maxSpannedCells: number;
}

/**
 * An assessment workbook unpacks to about 0.5 MB with about 3,200 cells; these leave room for
 * users' own sheets beside it while keeping a parse to seconds. Measured on a shared two-core
 * machine, ExcelJS took about 5 s for 200,000 cells, 7 s for 48 MB of long text and 7 s for
 * 1.5 million elements (and 48 s, 1.2 GB, for the 5.5 million of a 99 MB shared-strings part).
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxParts: 2000,
  maxElements: 1_000_000,
  maxCells: 200_000,
  maxSpannedCells: 200_000,
};

/**
 * Inflates a raw DEFLATE stream (a zip part's data), producing at most `maxBytes`: returns undefined
 * when the part would inflate to more, having stopped there. A damaged stream throws.
 */
export type InflateRaw = (compressed: Uint8Array, maxBytes: number) => Uint8Array | undefined;

/** What the guard measured: how far it got, so a test can see that a refusal came early. */
export interface ReadCounters {
  inflatedBytes: number;
  parts: number;
  elements: number;
  cells: number;
  spannedCells: number;
}

export const noCounters = (): ReadCounters => ({
  inflatedBytes: 0,
  parts: 0,
  elements: 0,
  cells: 0,
  spannedCells: 0,
});

const END_RECORD = 0x06054b50;
const END_RECORD_BYTES = 22;
const MAX_ZIP_COMMENT = 0xffff;
/** No tag in a real worksheet comes near this; it stops a crafted endless tag being carried over and over. */
const MAX_TAG_BYTES = 1024 * 1024;
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;
/** The part names read as worksheets (named without a leading "/"). */
export const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** The parts a reader may parse as XML (pictures and other binaries are only counted). */
const XML_PART = /\.(xml|rels|vml)$/i;

const count = (n: number) => n.toLocaleString("en-GB");

function tooBig(detail: string): WorkbookReadError {
  return new WorkbookReadError(
    "too-big",
    `This workbook is much larger than an assessment ever is (${detail}), so it was not read. If it is the right file, copy the assessment's sheets into a new workbook and try that.`,
  );
}

/** Refuses a file over the size limit; exported so a caller can refuse it before loading it into memory. */
export function checkFileSize(size: number, limits: ReadLimits = DEFAULT_READ_LIMITS): void {
  if (size > limits.maxFileBytes) {
    throw new WorkbookReadError(
      "file-too-large",
      `This file is ${megabytes(size)}; files over ${megabytes(limits.maxFileBytes)} are not read, as no assessment comes near that size.`,
    );
  }
}

/** Refuses what is not a zip, and tells apart the Office files that are compound files instead. */
function checkFileKind(bytes: Uint8Array, limits: ReadLimits): void {
  checkFileSize(bytes.length, limits);
  if (isCompoundFile(bytes)) {
    const kind = compoundFileKind(bytes);
    throw readError(kind === "encrypted" ? "encrypted" : kind === "old-xls" ? "old-xls" : "not-a-workbook");
  }
  if (bytes.length < 2 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw readError("not-a-zip");
}

/** Reads the zip's end record: a file that lacks one was cut short; the part count is checked here. */
function checkEndRecord(bytes: Uint8Array, limits: ReadLimits): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const earliest = Math.max(0, bytes.length - END_RECORD_BYTES - MAX_ZIP_COMMENT);
  let at = -1;
  for (let i = bytes.length - END_RECORD_BYTES; i >= earliest; i--) {
    if (view.getUint32(i, true) === END_RECORD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw readError("truncated");
  const parts = view.getUint16(at + 10, true);
  const directoryBytes = view.getUint32(at + 12, true);
  const directoryStart = view.getUint32(at + 16, true);
  // All ones mark a ZIP64 file, whose real figures are elsewhere: JSZip reads them, and the parts are counted after.
  const zip64 = parts === 0xffff || directoryBytes === 0xffffffff || directoryStart === 0xffffffff;
  if (zip64) return;
  checkPartCount(parts, limits);
  if (directoryStart + directoryBytes > at) throw readError("truncated");
}

function checkPartCount(parts: number, limits: ReadLimits): void {
  if (parts > limits.maxParts) throw tooBig(`${count(parts)} parts in the file`);
}

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    // JSZip's own messages ("Corrupted zip: …") mean nothing to a user: they stay as the cause.
    throw readError("damaged", error);
  }
}

/** Takes a part's bytes as they inflate; returns the limit they went over, if any. */
interface PartSink {
  push(chunk: Uint8Array, last?: boolean): WorkbookReadError | undefined;
}

/** Keeps a small part whole, to read it as text. */
class TextCollector implements PartSink {
  private readonly chunks: Uint8Array[] = [];
  push(chunk: Uint8Array): undefined {
    this.chunks.push(chunk);
  }
  text(): string {
    return new TextDecoder("utf-8").decode(concat(this.chunks));
  }
}

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SLASH = 0x2f;
const COLON = 0x3a;

const isNameStart = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;
const isNameByte = (b: number) => isNameStart(b) || (b >= 0x30 && b <= 0x39) || b === 0x2e || b === 0x2d || b === COLON;
const endsName = (b: number) =>
  b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH || b === GREATER_THAN;

/** The worksheet elements counted, by their local name (a namespace prefix is allowed). */
const WORKSHEET_TAGS = ["c", "col", "mergeCell", "dataValidation"] as const;
type WorksheetTag = (typeof WORKSHEET_TAGS)[number];

function sameAscii(bytes: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[start + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Where the tag opened at `open` ends (just past its ">"), or -1 when it does not end in `bytes`. Quoted values may hold ">". */
function tagEnd(bytes: Uint8Array, open: number): number {
  let quote = 0;
  for (let i = open + 1; i < bytes.length; i++) {
    const b = bytes[i];
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === DOUBLE_QUOTE || b === SINGLE_QUOTE) quote = b;
    else if (b === GREATER_THAN) return i + 1;
  }
  return -1;
}

/**
 * Counts what a parse would spend time on in an XML part, from the XML as it inflates. It works on
 * the bytes, not decoded text: "<", ">", quotes and the ASCII names it looks for are single bytes in
 * UTF-8 and never part of a longer character, and no text is made for the elements it only counts.
 */
class XmlScanner implements PartSink {
  private carry: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly counters: ReadCounters,
    private readonly limits: ReadLimits,
    private readonly worksheet: boolean,
  ) {}

  push(chunk: Uint8Array, last = false): WorkbookReadError | undefined {
    const bytes = this.carry.length > 0 ? concat([this.carry, chunk]) : chunk;
    // A tag cut off at the end of the chunk is kept for the next one. Only a tag can hold "<", so the last is where it starts.
    const open = bytes.lastIndexOf(LESS_THAN);
    const cut = !last && open >= 0 && tagEnd(bytes, open) < 0 ? open : bytes.length;
    this.carry = bytes.slice(cut);
    if (this.carry.length > MAX_TAG_BYTES) return tooBig("a single XML tag of more than 1 MB");
    const problem = this.scan(bytes, cut);
    if (problem) return problem;
    if (this.counters.elements > this.limits.maxElements)
      return tooBig(`more than ${count(this.limits.maxElements)} XML elements`);
    if (this.counters.cells > this.limits.maxCells)
      return tooBig(`more than ${count(this.limits.maxCells)} filled cells`);
    if (this.counters.spannedCells > this.limits.maxSpannedCells)
      return tooBig(`merged cells or data validation over more than ${count(this.limits.maxSpannedCells)} cells`);
    return undefined;
  }

  /** Counts the elements that start before `end`, and in a worksheet the tags a reader does work for. */
  private scan(bytes: Uint8Array, end: number): WorkbookReadError | undefined {
    for (let at = bytes.indexOf(LESS_THAN); at >= 0 && at < end; at = bytes.indexOf(LESS_THAN, at + 1)) {
      if (!isNameStart(bytes[at + 1])) continue;
      this.counters.elements++;
      if (!this.worksheet) continue;
      const tag = worksheetTag(bytes, at, end);
      if (tag) {
        const problem = this.countWorksheetTag(tag.name, bytes, tag.attributesStart, at);
        if (problem) return problem;
      }
    }
    return undefined;
  }

  private countWorksheetTag(
    tag: WorksheetTag,
    bytes: Uint8Array,
    attributesStart: number,
    open: number,
  ): WorkbookReadError | undefined {
    if (tag === "c") {
      this.counters.cells++;
      return undefined;
    }
    const close = tagEnd(bytes, open);
    if (close < 0) return undefined;
    const attributes = new TextDecoder("utf-8").decode(bytes.subarray(attributesStart, close - 1));
    if (tag === "col") {
      // ExcelJS makes one column object for every column up to the last <col>'s max: past XFD is no workbook Excel writes.
      const lastColumn = Number(attribute(attributes, "max"));
      return lastColumn <= EXCEL_COLUMNS ? undefined : readError("damaged");
    }
    this.counters.spannedCells += spannedCells(attribute(attributes, tag === "mergeCell" ? "ref" : "sqref"));
    return undefined;
  }
}

/** The counted worksheet element whose tag opens at `open` (its "<"), if it is one, and where its attributes start. */
function worksheetTag(
  bytes: Uint8Array,
  open: number,
  end: number,
): { name: WorksheetTag; attributesStart: number } | undefined {
  let nameEnd = open + 1;
  while (nameEnd < end && isNameByte(bytes[nameEnd])) nameEnd++;
  if (nameEnd >= end || !endsName(bytes[nameEnd])) return undefined;
  let local = open + 1;
  for (let i = open + 1; i < nameEnd; i++) if (bytes[i] === COLON) local = i + 1;
  // One prefix at most, itself a name: "x:c", not ":c" or "a:b:c".
  if (local !== open + 1 && (local === nameEnd || bytes.subarray(open + 1, local - 1).includes(COLON)))
    return undefined;
  const name = WORKSHEET_TAGS.find((tag) => sameAscii(bytes, local, nameEnd, tag));
  return name ? { name, attributesStart: nameEnd } : undefined;
}

function attribute(attributes: string, name: string): string {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes)?.slice(1).join("") ?? "";
}

/** Cells in a space-separated list of ranges such as "A1:B3 D4"; whole rows and columns count in full. */
export function spannedCells(ranges: string): number {
  let total = 0;
  for (const range of ranges.split(/\s+/).filter(Boolean)) {
    const [from, to = from] = range.split(":");
    const corner = (ref: string) => {
      const match = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(ref);
      return {
        column: match?.[1] ? columnNumber(match[1]) : undefined,
        row: match?.[2] ? Number(match[2]) : undefined,
      };
    };
    const a = corner(from);
    const b = corner(to);
    const rows = a.row !== undefined && b.row !== undefined ? Math.abs(b.row - a.row) + 1 : EXCEL_ROWS;
    const columns =
      a.column !== undefined && b.column !== undefined ? Math.abs(b.column - a.column) + 1 : EXCEL_COLUMNS;
    total += rows * columns;
  }
  return total;
}

/** JSZip documents ZipObject#internalStream (stuk.github.io/jszip, "internalStream") but its typings leave it out. */
type StreamingEntry = JSZip.JSZipObject & {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
};

function unpacksTooLarge(limits: ReadLimits): WorkbookReadError {
  return new WorkbookReadError(
    "unpacks-too-large",
    `This file unpacks to more than ${megabytes(limits.maxUnpackedBytes)}, far more than an assessment ever needs, so it was not read. It may not be a real workbook: check that this is the assessment's file.`,
  );
}

/**
 * A deflated part's compressed bytes, which JSZip 3 keeps as `_data` (its CompressedObject) until the
 * part is read. Not public, so the shape is checked: anything else is inflated through JSZip.
 */
function deflatedBytes(entry: JSZip.JSZipObject): Uint8Array | undefined {
  const data = (entry as unknown as { _data?: { compressedContent?: unknown; compression?: { magic?: unknown } } })
    ._data;
  const deflated = data?.compression?.magic === "\x08\x00" && data.compressedContent instanceof Uint8Array;
  return deflated ? (data.compressedContent as Uint8Array) : undefined;
}

const NATIVE_SLICE_BYTES = 256 * 1024;

/** Inflates one part at once with a native inflate that stops at the bytes the limit has left. */
function inflatePartNatively(
  compressed: Uint8Array,
  inflateRaw: InflateRaw,
  counters: ReadCounters,
  limits: ReadLimits,
  sink?: PartSink,
): Uint8Array {
  let inflated: Uint8Array | undefined;
  try {
    inflated = inflateRaw(compressed, limits.maxUnpackedBytes - counters.inflatedBytes + 1);
  } catch (error) {
    throw readError("damaged", error);
  }
  counters.inflatedBytes += inflated ? inflated.length : limits.maxUnpackedBytes + 1 - counters.inflatedBytes;
  if (!inflated || counters.inflatedBytes > limits.maxUnpackedBytes) throw unpacksTooLarge(limits);
  if (!sink) return inflated;
  // Scanned in slices, as JSZip's stream gives it, so a count over its limit stops the scan soon after.
  for (let at = 0; at < inflated.length || at === 0; at += NATIVE_SLICE_BYTES) {
    const end = Math.min(at + NATIVE_SLICE_BYTES, inflated.length);
    const over = sink.push(inflated.subarray(at, end), end === inflated.length);
    if (over) throw over;
  }
  return inflated;
}

/**
 * Inflates one part, adding every byte produced to the counters, and stops inflating (the stream is
 * paused, not thrown through: JSZip's callbacks run from a timer) as soon as a limit is passed.
 * With `keep`, the part's inflated bytes are the result.
 */
function inflatePart(
  entry: JSZip.JSZipObject,
  counters: ReadCounters,
  limits: ReadLimits,
  sink?: PartSink,
  inflateRaw?: InflateRaw,
  keep = false,
): Promise<Uint8Array | undefined> {
  const compressed = inflateRaw && deflatedBytes(entry);
  if (inflateRaw && compressed)
    return new Promise((resolve) => {
      const inflated = inflatePartNatively(compressed, inflateRaw, counters, limits, sink);
      resolve(keep ? inflated : undefined);
    });
  const kept: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    let stopped = false;
    const stop = (problem: WorkbookReadError) => {
      stopped = true;
      stream.pause();
      reject(problem);
    };
    const stream = (entry as StreamingEntry).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (stopped) return;
        counters.inflatedBytes += chunk.length;
        if (counters.inflatedBytes > limits.maxUnpackedBytes) {
          stop(unpacksTooLarge(limits));
          return;
        }
        if (keep) kept.push(chunk);
        const over = sink?.push(chunk);
        if (over) stop(over);
      })
      .on("error", (error) => {
        if (!stopped) stop(readError("damaged", error));
      })
      .on("end", () => {
        if (stopped) return;
        const over = sink?.push(new Uint8Array(0), true);
        if (over) stop(over);
        else resolve(keep ? concat(kept) : undefined);
      })
      .resume();
  });
}

/** The workbook part's content type decides: a plain workbook, or one of the kinds that are refused. */
function checkContentTypes(xml: string): void {
  const has = (type: string) => xml.includes(`application/vnd.${type}`);
  if (has("ms-excel.sheet.binary.macroEnabled.main+xml")) throw readError("binary-workbook");
  if (has("ms-excel.sheet.macroEnabled.main+xml") || has("ms-excel.template.macroEnabled.main+xml"))
    throw readError("macro-enabled");
  const workbook =
    has("openxmlformats-officedocument.spreadsheetml.sheet.main+xml") ||
    has("openxmlformats-officedocument.spreadsheetml.template.main+xml");
  if (!workbook) throw readError("not-a-workbook");
}

/** Part name → inflated bytes, for the parts a reader asked the guard to keep. */
export type InflatedParts = Map<string, Uint8Array>;

/**
 * Throws a WorkbookReadError unless the bytes are an .xlsx workbook within the limits. Every part
 * is inflated once here (by `inflateRaw` where given); the counters say how much was done before it
 * finished or gave up. The parts `keep` accepts (named without a leading "/") are handed back
 * inflated, once the whole file has passed.
 */
export async function guardWorkbookBytes(
  bytes: Uint8Array,
  limits: ReadLimits,
  counters: ReadCounters = noCounters(),
  inflateRaw?: InflateRaw,
  keep: (part: string) => boolean = () => false,
): Promise<InflatedParts> {
  checkFileKind(bytes, limits);
  checkEndRecord(bytes, limits);
  const zip = await openZip(bytes);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  checkPartCount(entries.length, limits);
  const contentTypes = entries.find((entry) => entry.name === "[Content_Types].xml");
  if (!contentTypes || !zip.file("xl/workbook.xml")) throw readError("not-a-workbook");
  counters.parts++;
  const contentTypesText = new TextCollector();
  await inflatePart(contentTypes, counters, limits, contentTypesText, inflateRaw);
  checkContentTypes(contentTypesText.text());
  const parts: InflatedParts = new Map();
  for (const entry of entries) {
    if (entry === contentTypes) continue;
    counters.parts++;
    const name = entry.name.replace(/^\//, "");
    const xml = XML_PART.test(name);
    const scanner = xml ? new XmlScanner(counters, limits, WORKSHEET_PART.test(name)) : undefined;
    const inflated = await inflatePart(entry, counters, limits, scanner, inflateRaw, keep(name));
    if (inflated) parts.set(name, inflated);
  }
  return parts;
}
