/**
 * A run over the returns the user chose, as the pane's state holds it: Consolidate and Moderate both read the files
 * one at a time (a line per file), then write into the workbook or make a file, and end with a result or an error.
 * One slice for both: the task says only how much of the bar the reading takes and what its first step is called.
 * Pure, like state.ts, which calls it.
 */
import type { ProgressUpdate } from "../app/workbook-host";
import type { ConsolidationProgress } from "../core/consolidate/types";
import { paneWords } from "../core/words/pane";
import type { ShownError } from "./state";
import { unhandled } from "./unhandled";

/** A task's run: `Result` is what the core gave (which returns were used, why any was left out), `Written` what
 * the host wrote into the workbook. */
export interface ChosenReturnsRun<Result, Written> {
  /** A run going on: the overall bar (reading the files, then writing into the workbook or making the file). */
  progress: ProgressUpdate | null;
  /** One line per file as each is read, in the order given. */
  files: ConsolidationProgress[];
  /** The last run's result. */
  result: Result | null;
  /** In Excel: what was written into the workbook. */
  written: Written | null;
  /** The workbook downloaded. */
  downloaded: string | null;
  /** The key to an anonymised group's return numbers, downloaded beside it (a consolidation's only). */
  keyDownloaded: string | null;
  error: ShownError | null;
}

/** What happens in a run, in order: started, a file read (once per file), progressed, then succeeded or failed. */
export type ChosenReturnsAction<Result, Written> =
  | { type: "started"; total: number }
  | { type: "fileRead"; progress: ConsolidationProgress }
  /** Writing into the workbook (as the host reports it) or making the file. */
  | { type: "progressed"; update: ProgressUpdate }
  | { type: "succeeded"; result: Result; written?: Written; downloaded?: string; keyDownloaded?: string }
  /** result: the files' fates when they were read before the run failed, so their lines stay beside the error. */
  | { type: "failed"; error: ShownError; result?: Result };

export const emptyRun = {
  progress: null,
  files: [],
  result: null,
  written: null,
  downloaded: null,
  keyDownloaded: null,
  error: null,
} as const satisfies ChosenReturnsRun<never, never>;

/** How a task's bar reads: the share of it that reading the files takes, and the first step's words. */
export interface RunBar {
  readingShare: number;
  reading: (files: number) => string;
}

export const running = (view: ChosenReturnsRun<unknown, unknown>) => view.progress !== null;

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/**
 * The run's transitions. A view may carry more than the run (Consolidate's options): it is kept as it is. An
 * ignored action (a second start, a late callback) returns the same view, so nothing re-renders.
 */
export function chosenReturnsReducer<Result, Written, View extends ChosenReturnsRun<Result, Written>>(
  view: View,
  action: ChosenReturnsAction<Result, Written>,
  bar: RunBar,
): View {
  switch (action.type) {
    case "started":
      if (running(view)) return view;
      // A new run replaces the last one's lines and outcome at once.
      return { ...view, ...emptyRun, progress: { step: bar.reading(action.total), fraction: 0 } };
    case "fileRead": {
      if (!running(view)) return view;
      const { done, total, file } = action.progress;
      return {
        ...view,
        files: [...view.files, action.progress],
        progress: {
          step: paneWords.consolidate.read(done, total, file),
          fraction: clamp01((bar.readingShare * done) / total),
        },
      };
    }
    case "progressed":
      // A late callback after the run ended must not bring the bar back.
      if (!running(view)) return view;
      return {
        ...view,
        progress: {
          step: action.update.step,
          fraction: bar.readingShare + (1 - bar.readingShare) * clamp01(action.update.fraction),
        },
      };
    case "succeeded":
      return {
        ...view,
        progress: null,
        result: action.result,
        written: action.written ?? null,
        downloaded: action.downloaded ?? null,
        keyDownloaded: action.keyDownloaded ?? null,
        error: null,
      };
    case "failed":
      return { ...view, progress: null, result: action.result ?? view.result, error: action.error };
    default:
      return unhandled(action);
  }
}
