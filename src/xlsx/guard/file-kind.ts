import { compoundFileKind, isCompoundFile } from "../compound-file";
import { readError } from "../read-errors";
import { checkFileSize, type ReadLimits } from "./limits";

/** Refuses what is not a zip, and tells apart the Office files that are compound files instead. */
export function checkFileKind(bytes: Uint8Array, limits: ReadLimits): void {
  checkFileSize(bytes.length, limits);
  if (isCompoundFile(bytes)) {
    const kind = compoundFileKind(bytes);
    throw readError(kind === "encrypted" ? "encrypted" : kind === "old-xls" ? "old-xls" : "not-a-workbook");
  }
  if (bytes.length < 2 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw readError("not-a-zip");
}
