/** Counts what a parse would spend time on in the XML parts, as they inflate. */
import { columnNumber } from "../../core/util/a1";
import { concat } from "../bytes";
import { readError, type WorkbookReadError } from "../read-errors";
import { count, tooBig, type ReadCounters, type ReadLimits } from "./limits";
import { readWords } from "../../core/words/read";

/** No tag in a real worksheet comes near this; it stops a crafted endless tag being carried over and over. */
const MAX_TAG_BYTES = 1024 * 1024;
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/** Takes a part's bytes as they inflate; returns the limit they went over, if any. */
export interface PartSink {
  /** `last`: the part's final chunk, after which nothing is carried over. */
  push(chunk: Uint8Array, options?: { last?: boolean }): WorkbookReadError | undefined;
}

/** Keeps a small part whole, to read it as text. */
export class TextCollector implements PartSink {
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
export class XmlScanner implements PartSink {
  private carry: Uint8Array = new Uint8Array(0);

  private readonly counters: ReadCounters;
  private readonly limits: ReadLimits;
  /** Whether the part is a worksheet, whose cells and spans are counted as well as its elements. */
  private readonly worksheet: boolean;

  constructor({ counters, limits, worksheet }: { counters: ReadCounters; limits: ReadLimits; worksheet: boolean }) {
    this.counters = counters;
    this.limits = limits;
    this.worksheet = worksheet;
  }

  push(chunk: Uint8Array, { last = false }: { last?: boolean } = {}): WorkbookReadError | undefined {
    const bytes = this.carry.length > 0 ? concat([this.carry, chunk]) : chunk;
    // A tag cut off at the end of the chunk is kept for the next one. Only a tag can hold "<", so the last is where it starts.
    const open = bytes.lastIndexOf(LESS_THAN);
    const cut = !last && open >= 0 && tagEnd(bytes, open) < 0 ? open : bytes.length;
    this.carry = bytes.slice(cut);
    if (this.carry.length > MAX_TAG_BYTES) return tooBig(readWords.hugeTag);
    const problem = this.scan(bytes, cut);
    if (problem) return problem;
    if (this.counters.elements > this.limits.maxElements)
      return tooBig(readWords.elements(count(this.limits.maxElements)));
    if (this.counters.cells > this.limits.maxCells) return tooBig(readWords.cells(count(this.limits.maxCells)));
    if (this.counters.spannedCells > this.limits.maxSpannedCells)
      return tooBig(readWords.spannedCells(count(this.limits.maxSpannedCells)));
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
