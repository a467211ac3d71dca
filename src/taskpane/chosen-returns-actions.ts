/**
 * How Consolidate and Moderate run over the returns the user chose: the run starts, the task reads the files (a
 * line per file as each is read) and writes into the workbook or makes a file, and the run ends with what it did or
 * why it could not; focus then goes to what happened, at the top of the task.
 */
import type { Dispatch } from "react";
import type { ProgressUpdate, WorkbookHost } from "../app/workbook-host";
import type { ConsolidationProgress } from "../core/consolidate/types";
import type { Exclusive } from "./check-actions";
import type { ChosenReturnsAction } from "./chosen-returns-state";
import { isBusy, toShownError, type PaneAction, type PaneState } from "./state";

/** What a task over chosen returns takes from the pane, besides its own feature. */
export interface ChosenReturnsDeps {
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  host: WorkbookHost | null;
  exclusive: Exclusive;
  /** Moves focus to the element with this id once React has shown it. */
  focusAfterRender: (id: string) => void;
}

/** What the task's work reports as it goes. */
export interface RunSteps<Result> {
  fileRead: (progress: ConsolidationProgress) => void;
  progressed: (update: ProgressUpdate) => void;
  /** The files' fates, once read: kept so that, should the run fail after, the lines stay beside the error. */
  read: (result: Result) => Result;
}

/** How the task's work ended well: its result, and what it wrote into the workbook or the file it downloaded. */
export interface RunEnd<Result, Written> {
  result: Result;
  written?: Written;
  downloaded?: string;
  /** The key to an anonymised group's return numbers, downloaded beside the workbook. */
  keyDownloaded?: string;
}

interface RunOverChosenReturns<Result, Written> {
  /** The pane's: while another task is going on, nothing starts. */
  deps: Pick<ChosenReturnsDeps, "state" | "focusAfterRender">;
  files: readonly File[];
  report: (run: ChosenReturnsAction<Result, Written>) => void;
  /** The element focus goes to once the run has ended. */
  resultId: string;
  /** Reads the files and writes or downloads; throws (a UserFacingError where it can say why) when it cannot. */
  work: (steps: RunSteps<Result>) => Promise<RunEnd<Result, Written>>;
}

export async function runOverChosenReturns<Result, Written>({
  deps,
  files,
  report,
  resultId,
  work,
}: RunOverChosenReturns<Result, Written>): Promise<void> {
  if (isBusy(deps.state) || files.length === 0) return;
  report({ type: "started", total: files.length });
  let result: Result | undefined;
  const steps: RunSteps<Result> = {
    fileRead: (progress) => report({ type: "fileRead", progress }),
    progressed: (update) => report({ type: "progressed", update }),
    read: (read) => (result = read),
  };
  try {
    report({ type: "succeeded", ...(await work(steps)) });
  } catch (error) {
    // The lines per file stay in view beside the error: they say why each file was left out.
    report({ type: "failed", error: toShownError(error), result });
  }
  deps.focusAfterRender(resultId);
}
