/**
 * The checker's cost: checking the canonical workbook (reading it with the product's .xlsx reader,
 * as the command line reads it, then every rule) beside ExcelJS alone loading the same file. Target: ≤ 1.3×.
 */
import ExcelJS from "exceljs";
import { withoutCalculatedColumns } from "../test/support/exceljs-load";
import { sampleAnswers } from "../src/core/answers/sample";
import { checkWorkbook } from "../src/core/check/check";
import { buildWorkbookPlan } from "../src/core/plan/build-plan";
import { canonicalToolkit } from "../src/core/toolkit/canonical";
import { knownToolkits } from "../src/core/toolkit/registry";
import { nodeInflateRaw } from "../src/cli/native-inflate";
import { readSnapshotFromBuffer } from "../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../src/xlsx/write-xlsx";
import { interleavedMedians } from "./timing";

const RUNS = 15;
const TODAY = "2026-11-25";

export interface CheckBenchmark {
  lines: string[];
  json: { check: { canonical: { ms: number; loadMs: number; ratio: number } } };
}

export async function measureCheck(): Promise<CheckBenchmark> {
  const toolkit = canonicalToolkit();
  const plan = buildWorkbookPlan(toolkit, sampleAnswers(toolkit, TODAY), {
    now: new Date(`${TODAY}T09:00:00Z`),
  });
  const bytes = await writePlanToBuffer(plan);
  const check = async () => {
    // Read as the command line reads (its guard inflates with Node's zlib).
    const snapshot = await readSnapshotFromBuffer(bytes, { inflateRaw: nodeInflateRaw });
    const findings = checkWorkbook(snapshot, knownToolkits(), { today: TODAY }).findings;
    // A benchmark of a checker that found errors in a clean workbook would measure the wrong thing.
    if (findings.some((f) => f.severity !== "info")) throw new Error("the canonical workbook did not check clean");
  };
  // ExcelJS cannot load the Actions table's calculated columns: it loads the package without them.
  const loadable = await withoutCalculatedColumns(bytes);
  const load = () => new ExcelJS.Workbook().xlsx.load(loadable as unknown as ArrayBuffer);
  const [ms, loadMs] = await interleavedMedians([check, load], { rounds: RUNS, warmUpRounds: 3 });
  const round = (n: number, digits = 1) => Number(n.toFixed(digits));
  const ratio = round(ms / loadMs, 2);
  return {
    lines: [
      `Checking the canonical workbook (median of ${RUNS} runs; target ≤ 1.3× ExcelJS alone loading it)`,
      `check ${round(ms)} ms  ExcelJS load ${round(loadMs)} ms  ratio ${ratio}x  (${Math.round(bytes.length / 1024)} KB)`,
    ],
    json: { check: { canonical: { ms: round(ms), loadMs: round(loadMs), ratio } } },
  };
}
