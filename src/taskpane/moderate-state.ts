/**
 * "Moderate returns" in the pane's state: a run's progress and a line per file as each is read, then what the run
 * did (written into the workbook, or downloaded) or why it could not. Its own reducer, which state.ts calls.
 */
import type { ModerationOutcome, ProgressUpdate } from "../app/workbook-host";
import type { ConsolidationProgress } from "../core/consolidate/types";
import type { Moderation } from "../core/moderate/moderate";
import { moderationWords } from "../core/words/moderation";
import { paneWords } from "../core/words/pane";
import type { ShownError } from "./state";

export interface ModerateView {
  /** A run going on: reading the files, then writing the moderation into the workbook or the file. */
  progress: ProgressUpdate | null;
  /** One line per file as each is read, in the order given. */
  files: ConsolidationProgress[];
  /** The last run's moderation: which returns were used and why any was left out. */
  result: Moderation | null;
  /** In Excel: the sheets the moderation was written to. */
  written: ModerationOutcome | null;
  /** The moderated workbook downloaded. */
  downloaded: string | null;
  error: ShownError | null;
}

export type ModerateAction =
  | { type: "moderateStarted"; total: number }
  | { type: "moderateFileRead"; progress: ConsolidationProgress }
  /** Writing into the workbook (as the host reports it) or making the file. */
  | { type: "moderateProgressed"; update: ProgressUpdate }
  | { type: "moderateSucceeded"; moderation: Moderation; written?: ModerationOutcome; downloaded?: string }
  | { type: "moderateFailed"; error: ShownError; moderation?: Moderation };

export const emptyModerate: ModerateView = {
  progress: null,
  files: [],
  result: null,
  written: null,
  downloaded: null,
  error: null,
};

/** Reading the files takes this share of the overall bar; writing the rest. */
const READING_SHARE = 0.7;

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

export const moderating = (view: ModerateView) => view.progress !== null;

export function moderateReducer(view: ModerateView, action: ModerateAction): ModerateView {
  switch (action.type) {
    case "moderateStarted":
      if (moderating(view)) return view;
      // A new run replaces the last one's lines and outcome at once.
      return { ...emptyModerate, progress: { step: moderationWords.pane.reading(action.total), fraction: 0 } };
    case "moderateFileRead": {
      if (!moderating(view)) return view;
      const { done, total, file } = action.progress;
      return {
        ...view,
        files: [...view.files, action.progress],
        progress: { step: paneWords.consolidate.read(done, total, file), fraction: (READING_SHARE * done) / total },
      };
    }
    case "moderateProgressed":
      // A late callback after the run ended must not bring the bar back.
      if (!moderating(view)) return view;
      return {
        ...view,
        progress: {
          step: action.update.step,
          fraction: READING_SHARE + (1 - READING_SHARE) * clamp01(action.update.fraction),
        },
      };
    case "moderateSucceeded":
      return {
        ...view,
        progress: null,
        result: action.moderation,
        written: action.written ?? null,
        downloaded: action.downloaded ?? null,
        error: null,
      };
    case "moderateFailed":
      return { ...view, progress: null, result: action.moderation ?? view.result, error: action.error };
  }
}
