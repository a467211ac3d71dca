/**
 * The pane's consolidator: the .xlsx reader, the checker, the consolidation use case and the .xlsx writer.
 * Only ever imported with import("./file-consolidator"), so webpack gives them a chunk of their own.
 */
import { anonymiseConsolidation, returnKeyCsv } from "../core/consolidate/anonymise";
import { consolidateReturns } from "../core/consolidate/consolidate";
import { planGroupWorkbook } from "../core/consolidate/group-plan";
import type { ReadReturn, ReturnSource } from "../core/consolidate/types";
import { knownToolkits } from "../core/toolkit/registry";
import { todayIso } from "../core/util/dates";
import { paneWords } from "../core/words/pane";
import { checkFileSize, WorkbookReadError } from "../xlsx/read-xlsx";
import { readReturn } from "../xlsx/read-return";
import { writePlanToBuffer } from "../xlsx/write-xlsx";
import type { Consolidator } from "./features";
import { fileBytes } from "./file-bytes";
import { CSV_TYPE, saveBytes } from "./save-file";

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

const source = (file: File): ReturnSource => ({
  file: file.name,
  modified: file.lastModified,
  read: () => readChosen(file),
});

/** "NPS group consolidation 2026-11-26.xlsx". */
export const groupFileName = (now: Date) => paneWords.fileNames.group(todayIso(now));

export const fileConsolidator: Consolidator = {
  consolidate: (files, options, onFile) =>
    consolidateReturns(files.map(source), {
      ...options,
      registry: knownToolkits(),
      today: todayIso(),
      onProgress: onFile,
    }),

  async downloadGroupWorkbook(consolidation, options) {
    const now = new Date();
    if (options?.anonymise) {
      const anonymised = anonymiseConsolidation(consolidation);
      const bytes = await writePlanToBuffer(planGroupWorkbook(anonymised.consolidation, { now }));
      const fileName = paneWords.fileNames.anonymisedGroup(todayIso(now));
      saveBytes(bytes, fileName);
      const key = new TextEncoder().encode(returnKeyCsv(anonymised.key));
      saveBytes(key, paneWords.fileNames.anonymisedKey(todayIso(now)), { type: CSV_TYPE });
      return fileName;
    }
    const bytes = await writePlanToBuffer(planGroupWorkbook(consolidation, { now }));
    const fileName = groupFileName(now);
    saveBytes(bytes, fileName);
    return fileName;
  },
};
