/**
 * The command line reads each foreign workbook in a worker thread with a time limit (run here from
 * the TypeScript source, as the built command line runs it from its bundle).
 */
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { readSnapshotInWorker } from "../../src/cli/read-in-worker";
import { readSnapshotFromBuffer, WorkbookReadError } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { craftZip, filledCells, minimalWorkbook } from "../xlsx/hostile-files";

const now = new Date("2026-11-25T09:00:00Z");

async function failure(promise: Promise<unknown>): Promise<WorkbookReadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  return error as WorkbookReadError;
}

test("a workbook read in the worker is the snapshot the reader makes in this thread", async () => {
  const bytes = await writePlanToBuffer(buildWorkbookPlan(canonicalToolkit(), { behaviours: {} }, { now }));
  expect(await readSnapshotInWorker(bytes)).toEqual(await readSnapshotFromBuffer(bytes));
});

test("a file that is not a workbook is refused with the reader's own problem and message", async () => {
  const refused = await failure(readSnapshotInWorker(new TextEncoder().encode("not a workbook")));
  expect(refused.problem).toBe("not-a-zip");
  expect(refused.message).toMatch(/^This file is not an Excel workbook/);
});

test("a read that outlasts its time limit is stopped, and says so", async () => {
  // Within every limit of the guard, but far more cells than an assessment: seconds to parse.
  const bytes = craftZip(minimalWorkbook(filledCells(190_000)));
  const started = Date.now();
  const stopped = await failure(readSnapshotInWorker(bytes, 1500));
  expect(Date.now() - started).toBeLessThan(1500 + 2000);
  expect(stopped.problem).toBe("too-slow");
  expect(stopped.message).toBe(
    "Reading this workbook took longer than 2 seconds, so it was stopped. If it is the assessment's file, copy the assessment's sheets into a new workbook and try that.",
  );
});
