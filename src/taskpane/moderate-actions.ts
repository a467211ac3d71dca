/**
 * What "Moderate returns" does: reads the chosen returns one at a time through the (lazily loaded) moderator, a
 * line per file as each is read, then writes the moderation into the open workbook through the host (one host
 * call at a time, as every other) or downloads the council's moderated workbook.
 */
import type { Dispatch } from "react";
import { UserFacingError, type WorkbookHost } from "../app/workbook-host";
import type { Moderation } from "../core/moderate/moderate";
import { moderationWords } from "../core/words/moderation";
import type { Exclusive } from "./check-actions";
import type { Moderator } from "./features";
import { isBusy, toShownError, type PaneAction, type PaneState } from "./state";

interface ModerateDeps {
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  host: WorkbookHost | null;
  moderator: Moderator;
  exclusive: Exclusive;
  /** Moves focus to the element with this id once React has shown it. */
  focusAfterRender: (id: string) => void;
}

/** Where focus goes once a moderation has ended: what happened, at the top of the task. */
export const MODERATE_RESULT_ID = "moderate-result";

/** Too few returns of one council could be used: the list of files says why each was left out. */
const nothingModerated = (moderation: Moderation) =>
  new UserFacingError(moderation.summary, moderationWords.pane.nothingNext);

/** The two ways a moderation ends: written into the open workbook (Excel only), or downloaded. */
export type ModerateTo = "workbook" | "download";

export function useModerateAction({ state, dispatch, host, moderator, exclusive, focusAfterRender }: ModerateDeps) {
  const busy = isBusy(state);
  const onFile = (progress: Parameters<Parameters<Moderator["moderate"]>[1]>[0]) =>
    dispatch({ type: "moderateFileRead", progress });
  return async (files: readonly File[], to: ModerateTo) => {
    if (busy || files.length === 0) return;
    dispatch({ type: "moderateStarted", total: files.length });
    let moderation: Moderation | undefined;
    try {
      if (to === "workbook" && host) {
        moderation = await moderator.moderate(files, onFile);
        if (!moderation.agreed) throw nothingModerated(moderation);
        const agreed = moderation;
        const written = await exclusive(() =>
          host.writeModeration(agreed, (update) => dispatch({ type: "moderateProgressed", update })),
        );
        dispatch({ type: "moderateSucceeded", moderation, written });
      } else {
        // Once the last file is read, the workbook is made in the same call: the bar says so.
        const downloaded = await moderator.download(files, (progress) => {
          onFile(progress);
          if (progress.done === progress.total)
            dispatch({ type: "moderateProgressed", update: { step: moderationWords.pane.making, fraction: 0.2 } });
        });
        moderation = downloaded.moderation;
        if (!downloaded.fileName) throw nothingModerated(moderation);
        dispatch({ type: "moderateSucceeded", moderation, downloaded: downloaded.fileName });
      }
    } catch (error) {
      // The lines per file stay in view beside the error: they say why each file was left out.
      dispatch({ type: "moderateFailed", error: toShownError(error), moderation });
    }
    focusAfterRender(MODERATE_RESULT_ID);
  };
}
