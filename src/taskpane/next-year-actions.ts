/**
 * What "Start next year's assessment" does. In Excel: reads the open workbook's assessment through the host (the
 * check's own read), has the lazily loaded maker build next year's workbook as a file in the browser, and asks
 * Excel to open it as a new workbook; where Excel cannot, the file is downloaded and the pane says why. Standalone:
 * the maker reads the chosen file and downloads the result. Either way the outcome is said at the top.
 */
import type { Dispatch } from "react";
import { UserFacingError, type ProgressUpdate, type WorkbookHost } from "../app/workbook-host";
import { paneWords } from "../core/words/pane";
import type { Exclusive } from "./check-actions";
import { ACTION_MESSAGE_ID } from "./components/ActionMessage";
import type { MadeNextYear, NextYearAsked, NextYearMaker } from "./features";
import { toShownError, type NextYearStarted, type PaneAction } from "./state";

interface NextYearDeps {
  dispatch: Dispatch<PaneAction>;
  host: WorkbookHost | null;
  maker: NextYearMaker | undefined;
  exclusive: Exclusive;
  busy: boolean;
  /** Moves focus to the element with this id once React has shown it. */
  focusAfterRender: (id: string) => void;
}

export function useNextYearAction({ dispatch, host, maker, exclusive, busy, focusAfterRender }: NextYearDeps) {
  const onProgress = (update: ProgressUpdate) => dispatch({ type: "progressed", update });
  /** Resolves to whether next year's assessment was made (the form folds away only then). */
  return async (asked: NextYearAsked, file: File | null): Promise<boolean> => {
    if (!maker || busy) return false;
    dispatch({ type: "workStarted", step: paneWords.action.readingWorkbook });
    let made = false;
    try {
      const started = host
        ? await inExcel({ host, maker, exclusive, asked, onProgress })
        : await fromFile({ maker, file, asked, onProgress });
      dispatch({ type: "nextYearStarted", started });
      made = true;
    } catch (error) {
      dispatch({ type: "failed", error: toShownError(error) });
    }
    focusAfterRender(ACTION_MESSAGE_ID);
    return made;
  };
}

interface Run {
  maker: NextYearMaker;
  asked: NextYearAsked;
  onProgress: (update: ProgressUpdate) => void;
}

async function inExcel({
  host,
  maker,
  exclusive,
  asked,
  onProgress,
}: Run & { host: WorkbookHost; exclusive: Exclusive }) {
  const open = await exclusive(() => host.readForNextYear(onProgress));
  if (!open)
    throw new UserFacingError({
      message: paneWords.nextYear.noAssessment,
      nextStep: paneWords.nextYear.openNotAnAssessmentNext,
    });
  const made = await maker.fromOpen(open, asked, onProgress);
  onProgress({ step: paneWords.nextYear.opening, fraction: 0.9 });
  try {
    await exclusive(() => host.openNewWorkbook(made.bytes));
    return startedOf(made, { opened: true });
  } catch (error) {
    // Not hidden: the message at the top says Excel could not open it, and why, beside the download.
    await maker.download(made);
    return { ...startedOf(made, { opened: false }), notInExcel: toShownError(error) };
  }
}

async function fromFile({ maker, file, asked, onProgress }: Run & { file: File | null }) {
  if (!file)
    throw new UserFacingError({ message: paneWords.nextYear.chooseFile, nextStep: paneWords.nextYear.explainFile });
  return startedOf(await maker.fromFile(file, asked, onProgress), { opened: false });
}

const startedOf = (made: MadeNextYear, { opened }: { opened: boolean }): NextYearStarted => ({
  opened,
  fileName: made.fileName,
  notes: made.notes,
});
