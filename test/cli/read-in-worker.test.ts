/**
 * The command line reads each foreign workbook in a worker thread with a time limit (run here from
 * the TypeScript source, as the built command line runs it from its bundle).
 */
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { sheetsTheAssessmentReads } from "../../src/core/answers/sheets-to-read";
import { endReadWorker, readSnapshotInWorker, readWorkerThreadId } from "../../src/cli/read-in-worker";
import { readSnapshotFromBuffer, WorkbookReadError } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { craftZip, filledCells, minimalWorkbook } from "../xlsx/hostile-files";
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import { runRoot } from "../support/temp-root";

const now = new Date("2026-11-25T09:00:00Z");

afterAll(endReadWorker);

/**
 * Within every limit of the guard, but far more cells than an assessment: about a second to parse on
 * an idle two-core machine, in a worker already started, so well beyond the 300 ms the tests allow.
 */
const tooSlowFile = () => craftZip(minimalWorkbook(filledCells(190_000)));

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

test("run from the TypeScript source, the worker's ts-node keeps what it transpiles for the rest of the run", async () => {
  // test/support/ts-node-transpiler.js keeps each file's JavaScript in the run's folder: the worker's module is there.
  // (Other files of the run may keep it too, transpiled under their own options: count, do not expect one.)
  const folder = path.join(runRoot() ?? "", "transpiled");
  const keptWorkers = () =>
    readdirSync(folder).filter((name) =>
      readFileSync(path.join(folder, name), "utf8").includes("npsToolkitReadWorker"),
    );
  await readSnapshotInWorker(new TextEncoder().encode("not a workbook")).catch(() => undefined);
  const kept = keptWorkers();
  expect(kept.length).toBeGreaterThan(0);
  // A new worker loads what the last one kept rather than transpiling and keeping it again.
  await endReadWorker();
  await readSnapshotInWorker(new TextEncoder().encode("not a workbook")).catch(() => undefined);
  expect(keptWorkers()).toEqual(kept);
});

test("asked for the sheets the assessment reads (as new --from asks), the worker reads those as this thread does", async () => {
  const bytes = await writePlanToBuffer(buildWorkbookPlan(canonicalToolkit(), { behaviours: {} }, { now }));
  const some = await readSnapshotInWorker(bytes, { sheets: "assessment" });
  const inThisThread = await readSnapshotFromBuffer(bytes, { sheets: sheetsTheAssessmentReads });
  expect(some).toEqual(inThisThread);
  expect(some.sheets.map((sheet) => sheet.name)).not.toContain("Data");
  expect((await readSnapshotFromBuffer(bytes)).sheets.map((sheet) => sheet.name)).toContain("Data");
});

test("a file that is not a workbook is refused with the reader's own problem and message", async () => {
  const refused = await failure(readSnapshotInWorker(new TextEncoder().encode("not a workbook")));
  expect(refused.problem).toBe("not-a-zip");
  expect(refused.message).toMatch(/^This file is not an Excel workbook/);
});

test("files are read one after another by the same worker, also when asked for at once", async () => {
  const bytes = await writePlanToBuffer(buildWorkbookPlan(canonicalToolkit(), { behaviours: {} }, { now }));
  await readSnapshotInWorker(bytes);
  const worker = readWorkerThreadId();
  expect(worker).toBeDefined();
  const [first, notAWorkbook, second] = await Promise.allSettled([
    readSnapshotInWorker(bytes),
    readSnapshotInWorker(new TextEncoder().encode("not a workbook")),
    readSnapshotInWorker(bytes),
  ]);
  expect(first).toEqual({ status: "fulfilled", value: await readSnapshotFromBuffer(bytes) });
  expect(notAWorkbook.status).toBe("rejected");
  expect(second).toEqual(first);
  expect(readWorkerThreadId()).toBe(worker);
});

test("a read that outlasts its time limit is stopped, and says so", async () => {
  const bytes = tooSlowFile();
  const started = Date.now();
  const stopped = await failure(readSnapshotInWorker(bytes, { limitMs: 300 }));
  expect(Date.now() - started).toBeLessThan(300 + 2000);
  expect(stopped.problem).toBe("too-slow");
  expect(stopped.message).toBe(
    "Reading this workbook took longer than 0.3 seconds, so it was stopped. If it is the assessment's file, copy the assessment's sheets into a new workbook and try that.",
  );
});

test("after a read is stopped, the next file is read by a new worker, with its own time limit", async () => {
  const bytes = await writePlanToBuffer(buildWorkbookPlan(canonicalToolkit(), { behaviours: {} }, { now }));
  await readSnapshotInWorker(bytes);
  const before = readWorkerThreadId();
  const [stopped, next] = await Promise.allSettled([
    readSnapshotInWorker(tooSlowFile(), { limitMs: 300 }),
    readSnapshotInWorker(bytes),
  ]);
  expect(stopped.status === "rejected" && (stopped.reason as WorkbookReadError).problem).toBe("too-slow");
  expect(next).toEqual({ status: "fulfilled", value: await readSnapshotFromBuffer(bytes) });
  expect(readWorkerThreadId()).toBeDefined();
  expect(readWorkerThreadId()).not.toBe(before);
});

test("the worker does not outlive endReadWorker", async () => {
  await readSnapshotInWorker(new TextEncoder().encode("not a workbook")).catch(() => undefined);
  expect(readWorkerThreadId()).toBeDefined();
  await endReadWorker();
  expect(readWorkerThreadId()).toBeUndefined();
});
