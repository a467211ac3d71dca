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
 *
 * Each job has its file in src/xlsx/guard/: the limits and counters (limits.ts), the file's kind (file-kind.ts),
 * the zip's end record and part count (zip-directory.ts), the XML scan (xml-scan.ts) and inflating a part
 * (inflate.ts); this file runs them in order.
 */
import { readError } from "./read-errors";
import { checkFileKind } from "./guard/file-kind";
import { inflatePart, type InflateRaw } from "./guard/inflate";
import { noCounters, type ReadCounters, type ReadLimits } from "./guard/limits";
import { TextCollector, XmlScanner } from "./guard/xml-scan";
import { checkEndRecord, checkPartCount, deflatedParts, openZip } from "./guard/zip-directory";

export { checkFileSize, DEFAULT_READ_LIMITS, noCounters, type ReadCounters, type ReadLimits } from "./guard/limits";
export { type InflateRaw } from "./guard/inflate";
export { spannedCells } from "./guard/xml-scan";

/** The part names read as worksheets (named without a leading "/"). */
export const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** The parts a reader may parse as XML (pictures and other binaries are only counted). */
const XML_PART = /\.(xml|rels|vml)$/i;

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
export interface GuardOptions {
  limits: ReadLimits;
  /** Filled in as the guard goes, so a caller sees how far it got; fresh counters when not given. */
  counters?: ReadCounters;
  /** The platform's native inflate (Node's zlib, for the command line); JSZip's inflate otherwise. */
  inflateRaw?: InflateRaw;
  /** Which parts to hand back inflated; none when not given. */
  keep?: (part: string) => boolean;
}

export async function guardWorkbookBytes(
  bytes: Uint8Array,
  { limits, counters = noCounters(), inflateRaw, keep = () => false }: GuardOptions,
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
  // Only a native inflate needs the compressed bytes; JSZip's stream finds its own.
  const deflated = inflateRaw ? deflatedParts(bytes) : new Map<string, Uint8Array>();
  const inflating = { counters, limits, inflateRaw };
  await inflatePart(contentTypes, {
    ...inflating,
    sink: contentTypesText,
    compressed: deflated.get(contentTypes.name),
  });
  checkContentTypes(contentTypesText.text());
  const parts: InflatedParts = new Map();
  for (const entry of entries) {
    if (entry === contentTypes) continue;
    counters.parts++;
    const name = entry.name.replace(/^\//, "");
    const xml = XML_PART.test(name);
    const scanner = xml ? new XmlScanner({ counters, limits, worksheet: WORKSHEET_PART.test(name) }) : undefined;
    const compressed = deflated.get(entry.name);
    const inflated = await inflatePart(entry, { ...inflating, sink: scanner, compressed, keep: keep(name) });
    if (inflated) parts.set(name, inflated);
  }
  return parts;
}
