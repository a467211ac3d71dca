import type { ReadReturn } from "../core/consolidate/types";
import {
  DEFAULT_READ_LIMITS,
  noCounters,
  readSnapshotFromBuffer,
  WorkbookReadError,
  type InflateRaw,
} from "./read-xlsx";

/**
 * A returned workbook's bytes as consolidation takes them (command line, standalone page, pane): its snapshot,
 * or, for a file that is not a readable workbook within the reader's bounds, why, in the user's words. Any
 * other failure is a bug and is thrown. `inflateRaw`: a native inflate for the reader's guard, where there is one.
 */
export async function readReturn(bytes: Uint8Array, inflateRaw?: InflateRaw): Promise<ReadReturn> {
  try {
    return { snapshot: await readSnapshotFromBuffer(bytes, DEFAULT_READ_LIMITS, noCounters(), inflateRaw) };
  } catch (problem) {
    if (problem instanceof WorkbookReadError) return { unreadable: problem.message };
    throw problem;
  }
}
