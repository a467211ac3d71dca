import type { Consolidation, ConsolidationProgress } from "../../src/core/consolidate/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import type { Moderation } from "../../src/core/moderate/moderate";
import {
  initialState,
  isBusy,
  paneReducer,
  type ConsolidateRunAction,
  type ModerateRunAction,
  type PaneAction,
  type PaneState,
} from "../../src/taskpane/state";

const now = new Date(2026, 10, 26, 10, 0, 0);
const counts = { error: 0, warning: 1, info: 0 };
const read = (done: number, file: string): ConsolidationProgress => ({
  done,
  total: 4,
  file,
  kind: "assessment",
  counts,
});
const consolidation: Consolidation = {
  toolkit: canonicalToolkit(),
  returns: [],
  log: [{ file: "a.xlsx", outcome: "left-out", reason: "Could not be read." }],
};
const shown = { message: "Excel is busy.", nextStep: "Try again.", offerDownload: false };

const run = (state: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, state);
const standalone = () => initialState("standalone", now);
/** A step of the consolidation's run, as the pane dispatches it. */
const step = (action: ConsolidateRunAction): PaneAction => ({ type: "consolidateRun", run: action });
const started = () => run(standalone(), step({ type: "started", total: 4 }));

describe("consolidate in the pane's reducer", () => {
  it("starts with both options off and nothing run", () => {
    const view = standalone().consolidate;
    expect(view).toMatchObject({ includeErrors: false, finalOnly: false, progress: null, files: [], result: null });
  });

  it("adds a line per file as each is read, and moves the overall bar over the reading share", () => {
    const state = run(started(), step({ type: "fileRead", progress: read(1, "a.xlsx") }));
    expect(isBusy(state)).toBe(true);
    expect(state.consolidate.files.map((f) => f.file)).toEqual(["a.xlsx"]);
    expect(state.consolidate.progress).toEqual({ step: "Read 1 of 4: a.xlsx", fraction: 0.2 });
    const all = run(state, step({ type: "fileRead", progress: read(4, "d.xlsx") }));
    expect(all.consolidate.progress?.fraction).toBeCloseTo(0.8);
  });

  it("writing fills the rest of the bar; a late callback after the end does not bring it back", () => {
    const writing = run(started(), step({ type: "progressed", update: { step: "Writing", fraction: 0.5 } }));
    expect(writing.consolidate.progress).toEqual({ step: "Writing", fraction: 0.9 });
    const written = { sheets: ["Group Data"], replaced: ["Group Data"] };
    const done = run(writing, step({ type: "succeeded", result: consolidation, written }));
    expect(done.consolidate).toMatchObject({ progress: null, result: consolidation, written });
    expect(isBusy(done)).toBe(false);
    expect(paneReducer(done, step({ type: "progressed", update: { step: "Late", fraction: 1 } }))).toBe(done);
  });

  it("a second start while running is ignored; a new run after one clears its lines but keeps the options", () => {
    const running = run(
      standalone(),
      { type: "consolidateOptionChanged", option: "finalOnly", value: true },
      step({ type: "started", total: 4 }),
    );
    const withLine = run(running, step({ type: "fileRead", progress: read(1, "a.xlsx") }));
    expect(paneReducer(withLine, step({ type: "started", total: 2 }))).toBe(withLine);
    const done = run(withLine, step({ type: "succeeded", result: consolidation, downloaded: "g.xlsx" }));
    const again = run(done, step({ type: "started", total: 2 }));
    expect(again.consolidate).toMatchObject({ finalOnly: true, files: [], result: null, downloaded: null });
    expect(again.consolidate.progress?.step).toBe("Reading 2 files");
  });

  it("options cannot change mid-run", () => {
    const state = started();
    expect(paneReducer(state, { type: "consolidateOptionChanged", option: "includeErrors", value: true })).toBe(state);
  });

  it("a failure ends the run and keeps the log beside the error", () => {
    const failed = run(started(), step({ type: "failed", error: shown, result: consolidation }));
    expect(failed.consolidate).toMatchObject({ progress: null, error: shown, result: consolidation });
    expect(isBusy(failed)).toBe(false);
  });

  it("Moderate's run goes through the same steps, with its own words and its own share of the bar for reading", () => {
    const moderate = (action: ModerateRunAction): PaneAction => ({ type: "moderateRun", run: action });
    const moderation = { log: [], warnings: [], summary: "None used." } as unknown as Moderation;
    const reading = run(standalone(), moderate({ type: "started", total: 4 }));
    expect(reading.moderate.progress).toEqual({ step: "Reading 4 returns", fraction: 0 });
    expect(isBusy(reading)).toBe(true);
    const oneRead = run(reading, moderate({ type: "fileRead", progress: read(2, "b.xlsx") }));
    expect(oneRead.moderate.progress).toEqual({ step: "Read 2 of 4: b.xlsx", fraction: 0.35 });
    const making = run(oneRead, moderate({ type: "progressed", update: { step: "Making", fraction: 0.5 } }));
    expect(making.moderate.progress?.fraction).toBeCloseTo(0.85);
    // The consolidation is not touched by the moderation's run.
    expect(making.consolidate).toBe(standalone().consolidate);
    const failed = run(making, moderate({ type: "failed", error: shown, result: moderation }));
    expect(failed.moderate).toMatchObject({
      progress: null,
      error: shown,
      result: moderation,
      files: [read(2, "b.xlsx")],
    });
    expect(paneReducer(failed, moderate({ type: "progressed", update: { step: "Late", fraction: 1 } }))).toBe(failed);
  });
});
