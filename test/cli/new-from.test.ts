/** `nps-toolkit new NEXT --from LAST`: this year's workbook from last year's, end to end, recalculated by LibreOffice. */
import { readFileSync, writeFileSync } from "fs";
import { readFile } from "fs/promises";
import * as path from "path";
import { SUMMARY } from "../../src/core/plan/layout";
import type { WorkbookSnapshot } from "../../src/core/snapshot/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress } from "../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { tempDir } from "../support/fixtures";
import { recalculateAll } from "../support/libreoffice";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { runCli } from "./run-cli";

const toolkit = canonicalToolkit();
const folder = tempDir("nps-new-from-");
const last = path.join(folder, "anytown-2025.xlsx");
const next = path.join(folder, "anytown-2026.xlsx");
const overallRow = SUMMARY.firstRow + toolkit.themes.flatMap((t) => t.keyAreas).length + toolkit.themes.length;

const summaryValue = (snapshot: WorkbookSnapshot, column: number) =>
  snapshot.sheets.find((s) => s.name === "Summary")!.cells[cellAddress(overallRow, column)]?.value ?? null;

const draft = path.join(folder, "draft.xlsx");
let madeNext: Awaited<ReturnType<typeof runCli>>;
let madeDraft: Awaited<ReturnType<typeof runCli>>;
/** Last year's, this year's and the draft with last year's levels, as LibreOffice computes them. */
let recalculated: Record<"last" | "next" | "draft", WorkbookSnapshot>;

// The three workbooks are made first and recalculated together: one LibreOffice run rather than three.
beforeAll(async () => {
  const made = await runCli("new", last, "--council", "Anytown Council", "--date", "2025-03-31", "--sample");
  expect(made.code).toBe(0);
  madeNext = await runCli("new", next, "--from", last, "--date", "2026-03-31");
  madeDraft = await runCli("new", draft, "--from", last, "--date", "2026-03-31", "--carry-levels");
  expect([madeNext.err, madeDraft.err]).toEqual(["", ""]);
  const snapshots = await Promise.all(
    (await recalculateAll([last, next, draft])).map(async (file) => readSnapshotFromBuffer(await readFile(file))),
  );
  recalculated = { last: snapshots[0], next: snapshots[1], draft: snapshots[2] };
}, 240_000);

test("the Summary of this year's workbook, recalculated by LibreOffice, shows last year's average; the change waits for this year's levels", async () => {
  expect(madeNext).toEqual({
    code: 0,
    out: expect.stringMatching(
      /^Wrote .*anytown-2026\.xlsx: 14 sheets, 51 behaviours\.\nStarted from anytown-2025\.xlsx: \d+ behaviours' answers shown in the Previous columns\.\n3 actions not Done or Dropped carried into this year's action plan, as they were\.$/,
    ),
    err: "",
  });
  const { last: before, next: after } = recalculated;
  const lastAverage = summaryValue(before, SUMMARY.columns.averageCurrent);
  expect(typeof lastAverage).toBe("number");
  expect(summaryValue(after, SUMMARY.columns.previousAverageCurrent)).toBeCloseTo(lastAverage as number, 9);
  expect(summaryValue(after, SUMMARY.columns.averageCurrent)).toBeNull();
  expect(summaryValue(after, SUMMARY.columns.change)).toBeNull();
  await expectWorkbookClean(next);
});

test("--carry-levels picks last year's levels again: this year's average is last year's and the change is 0", async () => {
  expect(madeDraft).toMatchObject({ code: 0, err: "" });
  const after = recalculated.draft;
  const previous = summaryValue(after, SUMMARY.columns.previousAverageCurrent) as number;
  expect(summaryValue(after, SUMMARY.columns.averageCurrent)).toBeCloseTo(previous, 9);
  expect(summaryValue(after, SUMMARY.columns.change)).toBeCloseTo(0, 9);
});

test("refused with exit status 2 and one line: the same file, a later previous return, a file that is no assessment, --carry-levels alone", async () => {
  const notAssessment = path.join(folder, "notes.txt");
  writeFileSync(notAssessment, "not a workbook");
  const cases = [
    ["new", last, "--from", last, "--force"],
    ["new", path.join(folder, "early.xlsx"), "--from", last, "--date", "2024-03-31"],
    ["new", path.join(folder, "x.xlsx"), "--from", notAssessment],
    ["new", path.join(folder, "y.xlsx"), "--carry-levels"],
  ];
  const results = [];
  // One after another, as a user runs them (each read has a worker of its own).
  for (const args of cases) results.push(await runCli(...args));
  expect(results.map((r) => [r.code, r.err])).toEqual(cases.map(() => [2, expect.not.stringContaining("\n")]));
  expect(results[0].err).toMatch(/is the previous return; a new assessment never overwrites it/);
  expect(results[1].err).toMatch(/dated 31\/03\/2025, after this assessment's date \(31\/03\/2024\)/);
  expect(results[3].err).toMatch(/--carry-levels carries last year's levels/);
  // The previous return is as it was.
  expect((await runCli("check", last)).code).toBe(0);
  expect(readFileSync(last).length).toBeGreaterThan(0);
});
