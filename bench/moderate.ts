/**
 * Moderation's cost: ten respondents' returns of one council moderated in one process (each file read with the
 * product's reader, checked, its answers read; then the agreed return planned and written, Moderation sheet and
 * all), beside ExcelJS merely loading the same ten files. Target: ≤ 1.3× the loading. Each respondent has their
 * own sample answers (another seed), so the levels spread as real respondents' do.
 */
import ExcelJS from "exceljs";
import { withoutCalculatedColumns } from "../test/support/exceljs-load";
import { sampleAnswers } from "../src/core/answers/sample";
import { moderateReturns, planModeratedWorkbook } from "../src/core/moderate/moderate";
import { buildWorkbookPlan } from "../src/core/plan/build-plan";
import { canonicalToolkit } from "../src/core/toolkit/canonical";
import { knownToolkits } from "../src/core/toolkit/registry";
import { nodeInflateRaw } from "../src/cli/native-inflate";
import { readReturn } from "../src/xlsx/read-return";
import { writePlanToBuffer } from "../src/xlsx/write-xlsx";
import { fixed, type BenchResult, type BenchSection } from "./section";
import { interleavedMedians } from "./timing";

const TODAY = "2026-11-25";
const NOW = new Date(`${TODAY}T09:00:00Z`);
const RESPONDENTS = 10;
const ROUNDS = 7;
/** Untimed rounds first, as the other sections have, so the JIT has settled on both before anything is timed. */
const WARM_UP_ROUNDS = 2;

/** Ten returns of one council, each a respondent with their own answers. */
async function returnFiles(): Promise<Uint8Array[]> {
  const toolkit = canonicalToolkit();
  const files: Uint8Array[] = [];
  for (let i = 1; i <= RESPONDENTS; i++) {
    const answers = {
      ...sampleAnswers(toolkit, TODAY, i),
      council: "Anytown Council",
      respondent: `Respondent ${i}`,
      role: "Procurement",
    };
    files.push(await writePlanToBuffer(buildWorkbookPlan(toolkit, answers, { now: NOW })));
  }
  return files;
}

/** Reads, checks and moderates every file, then plans and writes the council's workbook; its size in bytes. */
async function moderateAll(files: Uint8Array[]): Promise<number> {
  const moderation = await moderateReturns(
    files.map((bytes, i) => ({
      file: `respondent-${i + 1}.xlsx`,
      read: () => readReturn(bytes, { inflateRaw: nodeInflateRaw }),
    })),
    { registry: knownToolkits(), today: TODAY, includeErrors: false },
  );
  if (moderation.sources.length !== files.length)
    throw new Error(`only ${moderation.sources.length} of ${files.length} returns were moderated`);
  return (await writePlanToBuffer(planModeratedWorkbook(moderation, { now: NOW }))).length;
}

/** ExcelJS loading every file, made loadable beforehand (ExcelJS cannot load the Actions table's calculated columns). */
async function loadAll(loadable: Uint8Array[]): Promise<void> {
  for (const bytes of loadable) await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
}

async function run(): Promise<BenchResult> {
  const files = await returnFiles();
  const loadable = await Promise.all(files.map(withoutCalculatedColumns));
  let written = 0;
  const tasks = [
    async () => {
      written = await moderateAll(files);
    },
    () => loadAll(loadable),
  ];
  const [ms, loadMs] = await interleavedMedians(tasks, { rounds: ROUNDS, warmUpRounds: WARM_UP_ROUNDS });
  const round = (n: number, digits = 1) => Number(n.toFixed(digits));
  const n10 = { ms: round(ms), loadMs: round(loadMs), ratio: round(ms / loadMs, 2) };
  return {
    lines: [
      `Moderating ten respondents' returns of one council (median of ${ROUNDS} rounds): read, check and read answers of each, then plan and write`,
      "the council's workbook with its Moderation sheet (target ≤ 1.3× ExcelJS alone loading the same files)",
      `${RESPONDENTS} returns: moderate ${fixed(n10.ms, 0)} ms  ExcelJS load ${fixed(n10.loadMs, 0)} ms  ratio ${n10.ratio}x  (council workbook ${Math.round(written / 1024)} KB)`,
    ],
    json: { moderate: { n10 } },
  };
}

export const moderateSection: BenchSection = { title: "Moderation", run };
