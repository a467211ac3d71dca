/**
 * What "Consolidate" does: reads the chosen files one at a time through the (lazily loaded) consolidator,
 * a line per file as each is read, then writes the group sheets into the workbook through the host (one host
 * call at a time, as every other) or, standalone, downloads the group workbook.
 */
import type { Dispatch } from "react";
import { UserFacingError, type WorkbookHost } from "../app/workbook-host";
import type { Consolidation } from "../core/consolidate/types";
import type { Consolidator } from "./consolidator";
import type { Exclusive } from "./check-actions";
import { isBusy, toShownError, type PaneAction, type PaneState } from "./state";

interface ConsolidateDeps {
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  host: WorkbookHost | null;
  consolidator: Consolidator;
  exclusive: Exclusive;
}

export function useConsolidateAction({ state, dispatch, host, consolidator, exclusive }: ConsolidateDeps) {
  const busy = isBusy(state);
  const { includeErrors, finalOnly } = state.consolidate;
  return async (files: readonly File[]) => {
    if (busy || files.length === 0) return;
    dispatch({ type: "consolidateStarted", total: files.length });
    let consolidation: Consolidation | undefined;
    try {
      consolidation = await consolidator.consolidate(files, { includeErrors, finalOnly }, (progress) =>
        dispatch({ type: "consolidateFileRead", progress }),
      );
      if (consolidation.returns.length === 0) throw nothingUsed();
      const used = consolidation;
      const onProgress = (update: { step: string; fraction: number }) =>
        dispatch({ type: "consolidateProgressed", update });
      if (host) {
        const written = await exclusive(() => host.writeGroupSheets(used, onProgress));
        dispatch({ type: "consolidateSucceeded", consolidation, written });
      } else {
        onProgress({ step: "Making the group workbook", fraction: 0.2 });
        const downloaded = await consolidator.downloadGroupWorkbook(consolidation);
        dispatch({ type: "consolidateSucceeded", consolidation, downloaded });
      }
    } catch (error) {
      // The lines per file stay in view beside the error: they say why each file was left out.
      dispatch({ type: "consolidateFailed", error: toShownError(error), consolidation });
    }
  };
}

const nothingUsed = () =>
  new UserFacingError(
    "None of the chosen files could be consolidated, so no group sheets were made.",
    "The list below says why each file was left out. Fix those returns, or choose to include returns with errors, then consolidate again.",
  );
