/**
 * Returns the user chose in the pane, as the core's consolidation and moderation read them: one file's bytes in
 * memory at a time, and each file's size bounded before a byte of it is loaded. Imported only by the lazily loaded
 * consolidator and moderator (file-consolidator.ts, file-moderator.ts).
 */
import type { ReadReturn, ReturnSource } from "../core/consolidate/types";
import { paneWords } from "../core/words/pane";
import { checkFileSize, WorkbookReadError } from "../xlsx/read-xlsx";
import { readReturn } from "../xlsx/read-return";
import { fileBytes } from "./file-bytes";

/**
 * A file too large is refused by its size before a byte of it is loaded, and logged like any unreadable
 * file; an empty one is said to be empty (the reader would call it "not a workbook", which sends the
 * user looking for the wrong fault).
 */
async function readChosen(file: File): Promise<ReadReturn> {
  if (file.size === 0) return { unreadable: paneWords.consolidate.emptyFile };
  try {
    checkFileSize(file.size);
  } catch (problem) {
    if (problem instanceof WorkbookReadError) return { unreadable: problem.message };
    throw problem;
  }
  return readReturn(await fileBytes(file));
}

/** A chosen file as a return to read when its turn comes. */
export const chosenReturn = (file: File): ReturnSource => ({
  file: file.name,
  modified: file.lastModified,
  read: () => readChosen(file),
});
