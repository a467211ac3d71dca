/**
 * The pane's moderator: the .xlsx reader, the checker, the moderation use case and the .xlsx writer. Only ever
 * imported with import("./file-moderator"), so webpack gives them a chunk of their own.
 */
import type { ConsolidationProgress } from "../core/consolidate/types";
import { moderateIntoNewWorkbook, moderateReturns, type ModerateOptions } from "../core/moderate/moderate";
import { knownToolkits } from "../core/toolkit/registry";
import { todayIso } from "../core/util/dates";
import { moderationWords } from "../core/words/moderation";
import { writePlanToBuffer } from "../xlsx/write-xlsx";
import { chosenReturn } from "./chosen-returns";
import { safeFileNamePart } from "./details";
import type { Moderator } from "./features";
import { saveBytes } from "./save-file";

const optionsOf = (onFile: (progress: ConsolidationProgress) => void): ModerateOptions => ({
  registry: knownToolkits(),
  today: todayIso(),
  includeErrors: false,
  onProgress: onFile,
});

export const fileModerator: Moderator = {
  moderate: (files, onFile) => moderateReturns(files.map(chosenReturn), optionsOf(onFile)),

  async download(files, onFile) {
    const now = new Date();
    const { moderation, plan } = await moderateIntoNewWorkbook(files.map(chosenReturn), {
      ...optionsOf(onFile),
      now,
    });
    if (!plan) return { moderation };
    const fileName = moderationWords.pane.fileName(safeFileNamePart(moderation.council), todayIso(now));
    saveBytes(await writePlanToBuffer(plan), fileName);
    return { moderation, fileName };
  },
};
