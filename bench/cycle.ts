/**
 * Starting from last year's return: `new --from` (read last year's workbook, carry its answers forward, build
 * and write) against `new` alone (build and write), on the canonical toolkit with the sample answers as last
 * year's, as medians of interleaved runs in one process.
 */
import { sampleAnswers } from "../src/core/answers/sample";
import { carryForward } from "../src/core/cycle/carry-forward";
import { emptyAnswers } from "../src/core/plan/answer-types";
import { buildWorkbookPlan } from "../src/core/plan/build-plan";
import { canonicalToolkit } from "../src/core/toolkit/canonical";
import { sheetsTheAssessmentReads } from "../src/core/answers/sheets-to-read";
import { nodeInflateRaw } from "../src/cli/native-inflate";
import { readSnapshotFromBuffer } from "../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../src/xlsx/write-xlsx";
import { fixed, type BenchResult, type BenchSection } from "./section";
import { interleavedMedians } from "./timing";

// Enough rounds that one run's median is steady: with 9 the ratio ranged 1.38–1.82 on a quiet machine.
const RUNS = 41;
const now = new Date("2026-11-25T09:00:00Z");
const TARGET_RATIO = 1.5;

async function carryForwardTimes(): Promise<BenchResult> {
  const toolkit = canonicalToolkit();
  const last = await writePlanToBuffer(buildWorkbookPlan(toolkit, sampleAnswers(toolkit, "2025-04-01"), { now }));
  const newAlone = () => writePlanToBuffer(buildWorkbookPlan(toolkit, emptyAnswers(), { now }));
  const newFrom = async () => {
    // As `new --from` reads (src/cli/read-in-worker.ts): Node's own inflate, and only the sheets the carry reads.
    // The worker thread it reads in is not timed.
    const snapshot = await readSnapshotFromBuffer(last, {
      inflateRaw: nodeInflateRaw,
      sheets: sheetsTheAssessmentReads,
    });
    const carried = carryForward({
      snapshot,
      fileName: "last.xlsx",
      assessmentDate: "2026-04-01",
      carryLevels: false,
      toolkit,
    });
    if (!carried.ok) throw new Error(carried.reason);
    return writePlanToBuffer(buildWorkbookPlan(toolkit, carried.answers, { now }));
  };
  const [ms, newMs] = await interleavedMedians([newFrom, newAlone], { rounds: RUNS, warmUpRounds: 2 });
  const ratio = ms / newMs;
  return {
    lines: [`new --from ${fixed(ms)} ms, new alone ${fixed(newMs)} ms: ratio ${fixed(ratio, 2)}x`],
    json: { cycle: { carryForward: { ms, newMs, ratio } } },
  };
}

export const cycleSection: BenchSection = {
  title: `Starting from last year's return (median of ${RUNS} runs; target: new --from ≤ ${TARGET_RATIO}× new alone)`,
  run: carryForwardTimes,
};
