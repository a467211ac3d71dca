/**
 * The pane's consolidator: the .xlsx reader, the checker, the consolidation use case and the .xlsx writer.
 * Only ever imported with import("./file-consolidator"), so webpack gives them a chunk of their own.
 */
import { anonymiseConsolidation, returnKeyCsv } from "../core/consolidate/anonymise";
import { consolidateReturns } from "../core/consolidate/consolidate";
import { planGroupWorkbook } from "../core/consolidate/group-plan";
import { knownToolkits } from "../core/toolkit/registry";
import { todayIso } from "../core/util/dates";
import { paneWords } from "../core/words/pane";
import { writePlanToBuffer } from "../xlsx/write-xlsx";
import type { Consolidator } from "./features";
import { chosenReturn } from "./chosen-returns";
import { CSV_TYPE, saveBytes } from "./save-file";

/** "NPS group consolidation 2026-11-26.xlsx". */
export const groupFileName = (now: Date) => paneWords.fileNames.group(todayIso(now));

export const fileConsolidator: Consolidator = {
  consolidate: (files, options, onFile) =>
    consolidateReturns(files.map(chosenReturn), {
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
      const keyFileName = paneWords.fileNames.anonymisedKey(todayIso(now));
      saveBytes(key, keyFileName, { type: CSV_TYPE });
      return { fileName, keyFileName };
    }
    const bytes = await writePlanToBuffer(planGroupWorkbook(consolidation, { now }));
    const fileName = groupFileName(now);
    saveBytes(bytes, fileName);
    return { fileName };
  },
};
