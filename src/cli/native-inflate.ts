/**
 * Node's own inflate for the reader's guard (zip-guard.ts): native zlib inflates a workbook's parts
 * several times faster than JSZip's JavaScript inflate. `maxOutputLength` makes zlib stop as soon as
 * a part would produce more than the limit has left, so the guard still counts the bytes actually
 * inflated, whatever the zip declares.
 */
import { inflateRawSync } from "zlib";
import type { InflateRaw } from "../xlsx/read-xlsx";

export const nodeInflateRaw: InflateRaw = (compressed, maxBytes) => {
  try {
    return inflateRawSync(compressed, { maxOutputLength: maxBytes });
  } catch (problem) {
    // zlib's way of saying the output passed maxOutputLength.
    if ((problem as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return undefined;
    throw problem;
  }
};
