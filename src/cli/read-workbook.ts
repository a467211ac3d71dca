import { readFile, stat } from "fs/promises";
import { checkFileSize, WorkbookReadError } from "../xlsx/read-xlsx";
import { readReturn } from "../xlsx/read-return";
import type { ReadReturn } from "../core/consolidate/types";

/** Problems with the file itself (not there, a folder, not allowed) that mean "cannot be read", not a bug. */
export const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: "there is no such file",
  EISDIR: "it is a folder, not a file",
  EACCES: "it may not be read (permission denied)",
};

/**
 * A returned workbook's snapshot, or why it cannot be read, in words: the size is checked before the file is
 * loaded, and the reader's own bounds apply as it unpacks. Any other failure is a bug and is thrown.
 */
export async function readWorkbookFile(file: string): Promise<ReadReturn> {
  let bytes: Buffer;
  try {
    checkFileSize((await stat(file)).size);
    bytes = await readFile(file);
  } catch (problem) {
    if (problem instanceof WorkbookReadError) return { unreadable: problem.message };
    const reason = FILE_PROBLEMS[(problem as NodeJS.ErrnoException).code ?? ""];
    if (!reason) throw problem;
    return { unreadable: `${file} could not be read: ${reason}.` };
  }
  return readReturn(bytes);
}
