/** The zip's own structure, read before JSZip reads its directory: the end record and the count of parts. */
import JSZip from "jszip";
import { readError } from "../read-errors";
import { count, tooBig, type ReadLimits } from "./limits";

const END_RECORD = 0x06054b50;
const END_RECORD_BYTES = 22;
const MAX_ZIP_COMMENT = 0xffff;

/** Reads the zip's end record: a file that lacks one was cut short; the part count is checked here. */
export function checkEndRecord(bytes: Uint8Array, limits: ReadLimits): void {
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

export function checkPartCount(parts: number, limits: ReadLimits): void {
  if (parts > limits.maxParts) throw tooBig(`${count(parts)} parts in the file`);
}

export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    // JSZip's own messages ("Corrupted zip: …") mean nothing to a user: they stay as the cause.
    throw readError("damaged", error);
  }
}
