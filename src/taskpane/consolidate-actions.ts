/**
 * What "Consolidate" does: reads the chosen files one at a time through the (lazily loaded) consolidator,
 * a line per file as each is read, then writes the group sheets into the workbook through the host (one host
 * call at a time, as every other) or, standalone, downloads the group workbook.
 */
import { UserFacingError, type GroupSheetsOutcome } from "../app/workbook-host";
import type { Consolidation } from "../core/consolidate/types";
import { paneWords } from "../core/words/pane";
import { runOverChosenReturns, type ChosenReturnsDeps } from "./chosen-returns-actions";
import type { Consolidator } from "./features";

/** Where focus goes once a consolidation has ended: what happened, at the top of the task. */
export const CONSOLIDATE_RESULT_ID = "consolidate-result";

export function useConsolidateAction(deps: ChosenReturnsDeps & { consolidator: Consolidator }) {
  const { state, dispatch, host, consolidator, exclusive } = deps;
  const { includeErrors, finalOnly, anonymise } = state.consolidate;
  const making = { step: paneWords.consolidate.making, fraction: 0.2 };
  return (files: readonly File[]) =>
    runOverChosenReturns<Consolidation, GroupSheetsOutcome>({
      deps,
      files,
      report: (run) => dispatch({ type: "consolidateRun", run }),
      resultId: CONSOLIDATE_RESULT_ID,
      work: async ({ fileRead, progressed, read }) => {
        const result = read(await consolidator.consolidate(files, { includeErrors, finalOnly }, fileRead));
        if (result.returns.length === 0) throw nothingUsed(result, { includeErrors });
        if (anonymise) {
          // Never into the open workbook, which holds more than the group and is not one to send round.
          progressed(making);
          const { fileName, keyFileName } = await consolidator.downloadGroupWorkbook(result, { anonymise });
          return { result, downloaded: fileName, keyDownloaded: keyFileName };
        }
        if (host) return { result, written: await exclusive(() => host.writeGroupSheets(result, progressed)) };
        progressed(making);
        return { result, downloaded: (await consolidator.downloadGroupWorkbook(result)).fileName };
      },
    });
}

/** Only advice that can help: including returns with errors helps only when a file was left out for its errors. */
function nothingUsed(consolidation: Consolidation, { includeErrors }: { includeErrors: boolean }): UserFacingError {
  const words = paneWords.consolidate;
  const forErrors = !includeErrors && consolidation.log.some((entry) => (entry.counts?.error ?? 0) > 0);
  return new UserFacingError({
    message: words.nothingUsed,
    nextStep: forErrors ? words.nothingUsedErrors : words.nothingUsedOther,
  });
}
