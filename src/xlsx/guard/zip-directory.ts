/**
 * The zip's own structure, read from its bytes: the end record and the count of parts (before JSZip reads its
 * directory), and where each deflated part's compressed bytes are, for a native inflate.
 */
import JSZip from "jszip";
import { readError } from "../read-errors";
import { count, tooBig, type ReadLimits } from "./limits";
import { readWords } from "../../core/words/read";

const END_RECORD = 0x06054b50;
const END_RECORD_BYTES = 22;
const MAX_ZIP_COMMENT = 0xffff;

const CENTRAL_ENTRY = 0x02014b50;
const CENTRAL_ENTRY_BYTES = 46;
const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
const DEFLATE = 8;
const ENCRYPTED_FLAG = 0x1;

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

interface EndRecord {
  parts: number;
  directoryBytes: number;
  directoryStart: number;
  /** Where the record itself starts. */
  at: number;
  /** All ones mark a ZIP64 file, whose real figures are elsewhere. */
  zip64: boolean;
}

/** The zip's end record, searched for from the end (it may be followed by a comment); null when there is none. */
function endRecord(bytes: Uint8Array): EndRecord | null {
  const view = viewOf(bytes);
  const earliest = Math.max(0, bytes.length - END_RECORD_BYTES - MAX_ZIP_COMMENT);
  let at = -1;
  for (let i = bytes.length - END_RECORD_BYTES; i >= earliest; i--) {
    if (view.getUint32(i, true) === END_RECORD) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const parts = view.getUint16(at + 10, true);
  const directoryBytes = view.getUint32(at + 12, true);
  const directoryStart = view.getUint32(at + 16, true);
  const zip64 = parts === 0xffff || directoryBytes === 0xffffffff || directoryStart === 0xffffffff;
  return { parts, directoryBytes, directoryStart, at, zip64 };
}

/** Reads the zip's end record: a file that lacks one was cut short; the part count is checked here. */
export function checkEndRecord(bytes: Uint8Array, limits: ReadLimits): void {
  const end = endRecord(bytes);
  if (!end) throw readError("truncated");
  // A ZIP64 file's figures are elsewhere: JSZip reads them, and the parts are counted after.
  if (end.zip64) return;
  checkPartCount(end.parts, limits);
  if (end.directoryStart + end.directoryBytes > end.at) throw readError("truncated");
}

/**
 * The compressed bytes of each deflated part, by its name in the zip, read from the central directory and each
 * part's local header (the zip format's own records, which JSZip reads too but keeps private). Only what holds
 * together is listed: a part missing here (ZIP64, a record out of place, a name JSZip decodes otherwise) is
 * inflated through JSZip instead, which reports a damaged file as damaged.
 */
export function deflatedParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  const end = endRecord(bytes);
  if (!end || end.zip64) return parts;
  const view = viewOf(bytes);
  const names = new TextDecoder("utf-8");
  let at = end.directoryStart;
  for (let i = 0; i < end.parts && at + CENTRAL_ENTRY_BYTES <= bytes.length; i++) {
    if (view.getUint32(at, true) !== CENTRAL_ENTRY) break;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedBytes = view.getUint32(at + 20, true);
    const [nameBytes, extraBytes, commentBytes] = [28, 30, 32].map((offset) => view.getUint16(at + offset, true));
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + CENTRAL_ENTRY_BYTES, at + CENTRAL_ENTRY_BYTES + nameBytes));
    at += CENTRAL_ENTRY_BYTES + nameBytes + extraBytes + commentBytes;
    if (method !== DEFLATE || (flags & ENCRYPTED_FLAG) !== 0) continue;
    if (local + LOCAL_HEADER_BYTES > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) continue;
    const start = local + LOCAL_HEADER_BYTES + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedBytes <= bytes.length) parts.set(name, bytes.subarray(start, start + compressedBytes));
  }
  return parts;
}

export function checkPartCount(parts: number, limits: ReadLimits): void {
  if (parts > limits.maxParts) throw tooBig(readWords.parts(count(parts)));
}

export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    // JSZip's own messages ("Corrupted zip: …") mean nothing to a user: they stay as the cause.
    throw readError("damaged", error);
  }
}
