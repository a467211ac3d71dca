/**
 * Consolidation's cost: 40 and 400 generated returns consolidated in one process (each file read with the
 * product's reader, checked, its answers read; then the group workbook planned and written), beside ExcelJS
 * merely loading the same files. Targets: ≤ 1.3× the loading; 400 about ten times 40; peak memory for 400
 * under 1 GB. Returns are made from a few distinct answer sets, each given its own council by rewriting only
 * the shared strings of the zip (JSZip keeps the other parts' compressed bytes), so every file is distinct and
 * every one is read, checked and consolidated in full.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sampleAnswers } from "../src/core/answers/sample";
import { consolidateReturns } from "../src/core/consolidate/consolidate";
import { planGroupWorkbook } from "../src/core/consolidate/group-plan";
import { buildWorkbookPlan } from "../src/core/plan/build-plan";
import { canonicalToolkit } from "../src/core/toolkit/canonical";
import { knownToolkits } from "../src/core/toolkit/registry";
import { nodeInflateRaw } from "../src/cli/native-inflate";
import { readReturn } from "../src/xlsx/read-return";
import { writePlanToBuffer } from "../src/xlsx/write-xlsx";
import { fixed, type BenchResult, type BenchSection } from "./section";
import { interleavedMedians } from "./timing";

const TODAY = "2026-11-25";
const ANSWER_SETS = 8;
const PLACEHOLDER = "Council placeholder 0000";

interface AnswerSet {
  zip: JSZip;
  sharedStrings: string;
}

/** One file per distinct answer set, with a placeholder council to rewrite. */
async function answerSets(): Promise<AnswerSet[]> {
  const toolkit = canonicalToolkit();
  const sets: AnswerSet[] = [];
  for (let seed = 1; seed <= ANSWER_SETS; seed++) {
    const answers = { ...sampleAnswers(toolkit, TODAY, seed), council: PLACEHOLDER };
    const bytes = await writePlanToBuffer(buildWorkbookPlan(toolkit, answers, { now: new Date(`${TODAY}T09:00:00Z`) }));
    const zip = await JSZip.loadAsync(bytes);
    sets.push({ zip, sharedStrings: await zip.file("xl/sharedStrings.xml")!.async("string") });
  }
  return sets;
}

/** `count` distinct returns: answer set i % ANSWER_SETS, each under its own council name. */
async function returnFiles(sets: AnswerSet[], count: number): Promise<Uint8Array[]> {
  const files: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const { zip, sharedStrings } = sets[i % sets.length];
    const council = `Council ${String(i + 1).padStart(4, "0")}`.padEnd(PLACEHOLDER.length, " ").trimEnd();
    zip.file("xl/sharedStrings.xml", sharedStrings.replace(PLACEHOLDER, council));
    files.push(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  }
  return files;
}

/** Resident memory sampled while consolidating (on a timer, and after each file): its peak, in bytes. */
class PeakMemory {
  peak = 0;
  readonly sample = () => {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  };

  async during<T>(task: () => Promise<T>): Promise<T> {
    this.sample();
    const timer = setInterval(this.sample, 10);
    try {
      return await task();
    } finally {
      clearInterval(timer);
      this.sample();
    }
  }
}

/** Reads, checks and consolidates every file, then plans and writes the group workbook; returns its size. */
async function consolidateAll(files: Uint8Array[], memory: PeakMemory): Promise<number> {
  const consolidation = await consolidateReturns(
    files.map((bytes, i) => ({
      file: `return-${i + 1}.xlsx`,
      read: () => readReturn(bytes, nodeInflateRaw),
    })),
    { registry: knownToolkits(), today: TODAY, includeErrors: false, finalOnly: false, onProgress: memory.sample },
  );
  if (consolidation.returns.length !== files.length)
    throw new Error(`only ${consolidation.returns.length} of ${files.length} returns were used`);
  const written = await writePlanToBuffer(planGroupWorkbook(consolidation, { now: new Date(`${TODAY}T09:00:00Z`) }));
  return written.length;
}

async function loadAll(files: Uint8Array[]): Promise<void> {
  for (const bytes of files) await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
}

interface Figures {
  ms: number;
  loadMs: number;
  ratio: number;
  peakMb: number;
}

/**
 * Consolidating and loading in turn, `rounds` times (medians compared); resident memory is sampled throughout
 * the consolidations, on a timer and after each file, and its peak reported.
 */
/** Consolidating and loading in turn, `rounds` times (medians compared), with the consolidations' peak memory. */
async function measure(sets: AnswerSet[], count: number, rounds: number): Promise<Figures & { groupKb: number }> {
  const files = await returnFiles(sets, count);
  const memory = new PeakMemory();
  let groupBytes = 0;
  const [ms, loadMs] = await interleavedMedians(
    [async () => (groupBytes = await memory.during(() => consolidateAll(files, memory))), () => loadAll(files)],
    rounds,
  );
  const round = (n: number, digits = 1) => Number(n.toFixed(digits));
  return {
    ms: round(ms),
    loadMs: round(loadMs),
    ratio: round(ms / loadMs, 2),
    peakMb: round(memory.peak / (1024 * 1024)),
    groupKb: Math.round(groupBytes / 1024),
  };
}

async function run(): Promise<BenchResult> {
  const sets = await answerSets();
  const n40 = await measure(sets, 40, 3);
  const n400 = await measure(sets, 400, 1);
  const line = (n: number, f: Figures & { groupKb: number }) =>
    `${n} returns: consolidate ${fixed(f.ms, 0)} ms  ExcelJS load ${fixed(f.loadMs, 0)} ms  ratio ${f.ratio}x  peak ${fixed(f.peakMb, 0)} MB  (group workbook ${f.groupKb} KB)`;
  const strip = ({ ms, loadMs, ratio, peakMb }: Figures): Figures => ({ ms, loadMs, ratio, peakMb });
  return {
    lines: [
      "Consolidating generated returns: read, check and read answers of each, then plan and write the group workbook",
      "(target ≤ 1.3× ExcelJS alone loading the same files; 400 about 10× 40; peak resident memory for 400 under 1 GB)",
      line(40, n40),
      line(400, n400),
      `400 / 40: ${fixed(n400.ms / n40.ms, 1)}× the time`,
    ],
    json: { consolidate: { n40: strip(n40), n400: strip(n400) } },
  };
}

export const consolidateSection: BenchSection = { title: "Consolidation", run };
