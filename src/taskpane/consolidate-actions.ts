/**
 * What "Consolidate" does: reads the chosen files one at a time through the (lazily loaded) consolidator,
 * a line per file as each is read, then writes the group sheets into the workbook through the host (one host
 * call at a time, as every other) or, standalone, downloads the group workbook.
 */
import type { Dispatch } from "react";
import { UserFacingError, type WorkbookHost } from "../app/workbook-host";
import type { Consolidation } from "../core/consolidate/types";
import { paneWords } from "../core/words/pane";
import type { Consolidator } from "./features";
import type { Exclusive } from "./check-actions";
import { isBusy, toShownError, type PaneAction, type PaneState } from "./state";

interface ConsolidateDeps {
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  host: WorkbookHost | null;
  consolidator: Consolidator;
  exclusive: Exclusive;
  /** Moves focus to the element with this id once React has shown it. */
  focusAfterRender: (id: string) => void;
}

/** Where focus goes once a consolidation has ended: what happened, at the top of the task. */
export const CONSOLIDATE_RESULT_ID = "consolidate-result";

export function useConsolidateAction({
  state,
  dispatch,
  host,
  consolidator,
  exclusive,
  focusAfterRender,
}: ConsolidateDeps) {
  const busy = isBusy(state);
  const { includeErrors, finalOnly, anonymise } = state.consolidate;
  return async (files: readonly File[]) => {
    if (busy || files.length === 0) return;
    dispatch({ type: "consolidateStarted", total: files.length });
    let consolidation: Consolidation | undefined;
    try {
      consolidation = await consolidator.consolidate(files, { includeErrors, finalOnly }, (progress) =>
        dispatch({ type: "consolidateFileRead", progress }),
      );
      if (consolidation.returns.length === 0) throw nothingUsed(consolidation, includeErrors);
      const used = consolidation;
      const onProgress = (update: { step: string; fraction: number }) =>
        dispatch({ type: "consolidateProgressed", update });
      if (anonymise) {
        // Never into the open workbook, which holds more than the group and is not one to send round.
        onProgress({ step: paneWords.consolidate.making, fraction: 0.2 });
        const downloaded = await consolidator.downloadGroupWorkbook(consolidation, { anonymise });
        dispatch({ type: "consolidateSucceeded", consolidation, downloaded });
      } else if (host) {
        const written = await exclusive(() => host.writeGroupSheets(used, onProgress));
        dispatch({ type: "consolidateSucceeded", consolidation, written });
      } else {
        onProgress({ step: paneWords.consolidate.making, fraction: 0.2 });
        const downloaded = await consolidator.downloadGroupWorkbook(consolidation);
        dispatch({ type: "consolidateSucceeded", consolidation, downloaded });
      }
    } catch (error) {
      // The lines per file stay in view beside the error: they say why each file was left out.
      dispatch({ type: "consolidateFailed", error: toShownError(error), consolidation });
    }
    focusAfterRender(CONSOLIDATE_RESULT_ID);
  };
}

/** Only advice that can help: including returns with errors helps only when a file was left out for its errors. */
function nothingUsed(consolidation: Consolidation, includeErrors: boolean): UserFacingError {
  const words = paneWords.consolidate;
  const forErrors = !includeErrors && consolidation.log.some((entry) => (entry.counts?.error ?? 0) > 0);
  return new UserFacingError(words.nothingUsed, forErrors ? words.nothingUsedErrors : words.nothingUsedOther);
}
