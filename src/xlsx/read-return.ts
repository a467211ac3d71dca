import type { ReadReturn } from "../core/consolidate/types";
import { readSnapshotFromBuffer, WorkbookReadError, type ReadOptions } from "./read-xlsx";

/**
 * A returned workbook's bytes as consolidation takes them (command line, standalone page, pane): its snapshot,
 * or, for a file that is not a readable workbook within the reader's bounds, why, in the user's words. Any
 * other failure is a bug and is thrown. `inflateRaw`: a native inflate for the reader's guard, where there is one.
 */
export async function readReturn(
  bytes: Uint8Array,
  { inflateRaw }: Pick<ReadOptions, "inflateRaw"> = {},
): Promise<ReadReturn> {
  try {
    return { snapshot: await readSnapshotFromBuffer(bytes, { inflateRaw }) };
  } catch (problem) {
    if (problem instanceof WorkbookReadError) return { unreadable: problem.message };
    throw problem;
  }
}
