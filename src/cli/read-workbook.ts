import { readFile, stat } from "fs/promises";
import type { ReadReturn } from "../core/consolidate/types";
import { checkFileSize, WorkbookReadError } from "../xlsx/read-xlsx";
import { readSnapshotInWorker } from "./read-in-worker";
import { cliWords } from "../core/words/cli";

/** Problems with the file itself (not there, a folder, not allowed) that mean "cannot be read", not a bug. */
const FILE_PROBLEMS = cliWords.files.readProblems;

/**
 * Why a file could not be read, in the one line every command says it in; undefined when the
 * problem is not the file's (a bug, thrown on).
 */
export function unreadableFile(file: string, problem: unknown): string | undefined {
  const reason = FILE_PROBLEMS[(problem as NodeJS.ErrnoException).code ?? ""];
  return reason && cliWords.files.unreadable(file, reason);
}

/**
 * A returned workbook's snapshot, or why it cannot be read, in words: the size is checked before the file is
 * loaded, the reader's own bounds apply as it unpacks, and it is parsed in a worker stopped after a time limit
 * (read-in-worker.ts), so no file can hang a batch. Any other failure is a bug and is thrown.
 */
export async function readWorkbookFile(file: string): Promise<ReadReturn> {
  try {
    checkFileSize((await stat(file)).size);
    return { snapshot: await readSnapshotInWorker(await readFile(file)) };
  } catch (problem) {
    if (problem instanceof WorkbookReadError) return { unreadable: problem.message };
    const unreadable = unreadableFile(file, problem);
    if (!unreadable) throw problem;
    return { unreadable };
  }
}
