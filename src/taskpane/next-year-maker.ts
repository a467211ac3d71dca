/**
 * "Start next year's assessment" in the browser: the core's planNextYear over last year's snapshot (read from the
 * open workbook by the Excel host, or from a chosen file by the .xlsx reader), and the .xlsx writer. Only ever
 * imported with import() (lazy-features.ts), so webpack puts it in a chunk of its own that the pane fetches when
 * the user starts next year, never when it opens.
 */
import { UserFacingError, type ProgressUpdate } from "../app/workbook-host";
import { sheetsTheAssessmentReads } from "../core/answers/sheets-to-read";
import { planNextYear } from "../core/cycle/next-year";
import type { WorkbookSnapshot } from "../core/snapshot/types";
import { canonicalToolkit } from "../core/toolkit/canonical";
import { cycleWords } from "../core/words/cycle";
import { paneWords } from "../core/words/pane";
import { writePlanToBuffer } from "../xlsx/write-xlsx";
import { britishDates, downloadFileName } from "./details";
import type { MadeNextYear, NextYearAsked, NextYearMaker } from "./features";
import { readChosenFile } from "./file-checker";
import { saveBytes } from "./save-file";

type OnProgress = (update: ProgressUpdate) => void;

interface LastYear {
  snapshot: WorkbookSnapshot;
  /** Recorded in the new workbook's metadata and named in the notes. */
  fileName: string;
  /** What to do when it holds no assessment. */
  notAnAssessmentNext: string;
}

/** The core's use case and the writer; refusals in the command line's words, with the pane's next step. */
async function make(last: LastYear, asked: NextYearAsked, onProgress: OnProgress): Promise<MadeNextYear> {
  onProgress({ step: paneWords.nextYear.carrying, fraction: 0.5 });
  const planned = planNextYear({ ...last, ...asked, toolkit: canonicalToolkit(), now: new Date() });
  if (!planned.ok) {
    const next = planned.laterThanNew ? cycleWords.laterThanNewNext.pane : last.notAnAssessmentNext;
    throw new UserFacingError({ message: britishDates(planned.reason), nextStep: next });
  }
  onProgress({ step: paneWords.nextYear.writing, fraction: 0.7 });
  const bytes = await writePlanToBuffer(planned.plan);
  const council = planned.answers.council ?? "";
  return {
    bytes,
    fileName: downloadFileName({ council, assessmentDate: asked.assessmentDate }),
    notes: [...planned.notes, ...planned.plan.warnings].map(britishDates),
  };
}

export const nextYearMaker: NextYearMaker = {
  fromOpen: (open, asked, onProgress) =>
    make({ ...open, notAnAssessmentNext: paneWords.nextYear.openNotAnAssessmentNext }, asked, onProgress),

  async fromFile(file, asked, onProgress) {
    // Only the sheets the carry reads, as the command line's `new --from` reads them.
    const snapshot = await readChosenFile(file, onProgress, { sheets: sheetsTheAssessmentReads });
    const made = await make(
      { snapshot, fileName: file.name, notAnAssessmentNext: paneWords.fileCheck.chooseAnother },
      asked,
      onProgress,
    );
    onProgress({ step: paneWords.fileCheck.startingDownload, fraction: 0.9 });
    saveBytes(made.bytes, made.fileName);
    return made;
  },

  download: async (made) => saveBytes(made.bytes, made.fileName),
};
