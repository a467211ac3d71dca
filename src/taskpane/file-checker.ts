/**
 * The standalone page's file checker: the .xlsx reader, the checker, the repaired-copy use case and
 * the .xlsx writer. Only ever imported with import("./file-checker"), so webpack puts all of them in
 * a chunk of their own that is fetched when the user chooses a file, never when the pane opens.
 */
import { UserFacingError, type ProgressUpdate } from "../app/workbook-host";
import { planRepairedCopy } from "../core/assessment/plan-assessment";
import { checkWorkbook } from "../core/check/check";
import { canonicalToolkit } from "../core/toolkit/canonical";
import { knownToolkits } from "../core/toolkit/registry";
import { todayIso } from "../core/util/dates";
import { paneWords } from "../core/words/pane";
import type { WorkbookSnapshot } from "../core/snapshot/types";
import { checkFileSize, readSnapshotFromBuffer, WorkbookReadError, type ReadChoice } from "../xlsx/read-xlsx";
import { writePlanToBuffer } from "../xlsx/write-xlsx";
import type { FileChecker } from "./features";
import { fileBytes } from "./file-bytes";
import { saveBytes } from "./save-file";

type OnProgress = (update: ProgressUpdate) => void;

/** The reader's messages say what is wrong and how to put it right; this covers having chosen the wrong file. */
const CHOOSE_ANOTHER = paneWords.fileCheck.chooseAnother;

function noAssessment(file: File): UserFacingError {
  return new UserFacingError({
    message: paneWords.fileCheck.noAssessment(file.name),
    nextStep: paneWords.fileCheck.noAssessmentNext,
  });
}

/**
 * The chosen file as a snapshot (every sheet, or those of `choice`); a file that is not a readable workbook is the
 * user's to fix, with a next step.
 */
export async function readChosenFile(
  file: File,
  onProgress: OnProgress,
  choice: ReadChoice = {},
): Promise<WorkbookSnapshot> {
  onProgress({ step: paneWords.check.reading, fraction: 0.1 });
  if (file.size === 0)
    throw new UserFacingError({ message: paneWords.consolidate.emptyFile, nextStep: CHOOSE_ANOTHER });
  try {
    // Refused by its size before a byte of it is loaded into memory.
    checkFileSize(file.size);
    return await readSnapshotFromBuffer(await fileBytes(file), choice);
  } catch (problem) {
    if (problem instanceof WorkbookReadError)
      throw new UserFacingError({ message: problem.message, nextStep: CHOOSE_ANOTHER });
    throw problem;
  }
}

/** "Return.xlsx" → "Return (repaired).xlsx"; the extension is the writer's, whatever the chosen file's case. */
export function repairedFileName(chosen: string): string {
  const base = chosen.replace(/\.xlsx$/i, "").trim() || paneWords.fileNames.repairedFallback;
  return paneWords.fileNames.repaired(base);
}

export const fileChecker: FileChecker = {
  async check(file, onProgress) {
    const snapshot = await readChosenFile(file, onProgress);
    onProgress({ step: paneWords.fileCheck.checking, fraction: 0.6 });
    const result = checkWorkbook(snapshot, knownToolkits(), { today: todayIso() });
    if (result.findings.some((f) => f.rule === "identity.not-an-assessment")) throw noAssessment(file);
    onProgress({ step: "Checked", fraction: 1 });
    return { fileName: file.name, result };
  },

  async downloadRepairedCopy(file, onProgress) {
    const snapshot = await readChosenFile(file, onProgress);
    onProgress({ step: paneWords.fileCheck.carrying, fraction: 0.5 });
    const copy = planRepairedCopy(snapshot, canonicalToolkit(), new Date());
    if (!copy) throw noAssessment(file);
    const bytes = await writePlanToBuffer(copy.plan);
    onProgress({ step: paneWords.fileCheck.startingDownload, fraction: 0.9 });
    const fileName = repairedFileName(file.name);
    saveBytes(bytes, fileName);
    return fileName;
  },
};
