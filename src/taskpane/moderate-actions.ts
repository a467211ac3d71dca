/**
 * What "Moderate returns" does: reads the chosen returns one at a time through the (lazily loaded) moderator, a
 * line per file as each is read, then writes the moderation into the open workbook through the host (one host
 * call at a time, as every other) or downloads the council's moderated workbook.
 */
import { UserFacingError, type ModerationOutcome } from "../app/workbook-host";
import type { Moderation } from "../core/moderate/moderate";
import { moderationWords } from "../core/words/moderation";
import { runOverChosenReturns, type ChosenReturnsDeps } from "./chosen-returns-actions";
import type { Moderator } from "./features";

/** Where focus goes once a moderation has ended: what happened, at the top of the task. */
export const MODERATE_RESULT_ID = "moderate-result";

/** Too few returns of one council could be used: the list of files says why each was left out. */
const nothingModerated = (moderation: Moderation) =>
  new UserFacingError({ message: moderation.summary, nextStep: moderationWords.pane.nothingNext });

/** The two ways a moderation ends: written into the open workbook (Excel only), or downloaded. */
export type ModerateTo = "workbook" | "download";

export function useModerateAction(deps: ChosenReturnsDeps & { moderator: Moderator; onWritten: () => void }) {
  const { dispatch, host, moderator, exclusive, onWritten } = deps;
  return (files: readonly File[], to: ModerateTo) =>
    runOverChosenReturns<Moderation, ModerationOutcome>({
      deps,
      files,
      report: (run) => dispatch({ type: "moderateRun", run }),
      resultId: MODERATE_RESULT_ID,
      work: async ({ fileRead, progressed, read }) => {
        if (to === "workbook" && host) {
          const result = read(await moderator.moderate(files, fileRead));
          if (!result.agreed) throw nothingModerated(result);
          const written = await exclusive(() => host.writeModeration(result, progressed));
          onWritten();
          return { result, written };
        }
        // Once the last file is read, the workbook is made in the same call: the bar says so.
        const downloaded = await moderator.download(files, (progress) => {
          fileRead(progress);
          if (progress.done === progress.total) progressed({ step: moderationWords.pane.making, fraction: 0.2 });
        });
        const result = read(downloaded.moderation);
        if (!downloaded.fileName) throw nothingModerated(result);
        return { result, downloaded: downloaded.fileName };
      },
    });
}
