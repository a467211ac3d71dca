/**
 * Consolidation's cost: 40 and 400 generated returns consolidated in one process (each file read with the
 * product's reader, checked, its answers read; then the group workbook planned and written), beside ExcelJS
 * merely loading the same files. Targets: ≤ 1.3× the loading; 400 about ten times 40; peak memory for 400
 * under 1 GB. Returns are made from a few distinct answer sets, each given its own council by rewriting only
 * the shared strings of the zip (JSZip keeps the other parts' compressed bytes), so every file is distinct and
 * every one is read, checked and consolidated in full.
 */
import ExcelJS from "exceljs";
import { withoutCalculatedColumns } from "../test/support/exceljs-load";
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

/** Where one consolidation's time and memory went, phase by phase. */
interface Phases {
  readMs: number;
  /** Checking each return and reading its answers (consolidateReturns less the reading). */
  examineMs: number;
  planMs: number;
  writeMs: number;
  /** Peak resident memory while returns were read and examined, and while the group workbook was planned and written. */
  examinePeak: number;
  writePeak: number;
}

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Reads, checks and consolidates every file, then plans and writes the group workbook; its size and phases. */
async function consolidateAll(files: Uint8Array[]): Promise<{ bytes: number; phases: Phases }> {
  const examining = new PeakMemory();
  let readMs = 0;
  const timedRead = async (bytes: Uint8Array) => {
    const start = process.hrtime.bigint();
    const read = await readReturn(bytes, { inflateRaw: nodeInflateRaw });
    readMs += since(start);
    return read;
  };
  const start = process.hrtime.bigint();
  const consolidation = await examining.during(() =>
    consolidateReturns(
      files.map((bytes, i) => ({ file: `return-${i + 1}.xlsx`, read: () => timedRead(bytes) })),
      { registry: knownToolkits(), today: TODAY, includeErrors: false, finalOnly: false, onProgress: examining.sample },
    ),
  );
  const examineMs = since(start) - readMs;
  if (consolidation.returns.length !== files.length)
    throw new Error(`only ${consolidation.returns.length} of ${files.length} returns were used`);
  const writing = new PeakMemory();
  let planMs = 0;
  const written = await writing.during(async () => {
    const planStart = process.hrtime.bigint();
    const plan = planGroupWorkbook(consolidation, { now: new Date(`${TODAY}T09:00:00Z`) });
    planMs = since(planStart);
    return writePlanToBuffer(plan);
  });
  const phases = { readMs, examineMs, planMs, writeMs: since(start) - readMs - examineMs - planMs };
  return { bytes: written.length, phases: { ...phases, examinePeak: examining.peak, writePeak: writing.peak } };
}

/** ExcelJS loading every file, made loadable beforehand (ExcelJS cannot load the Actions table's calculated columns). */
async function loadAll(loadable: Uint8Array[]): Promise<void> {
  for (const bytes of loadable) await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
}

interface Figures {
  ms: number;
  loadMs: number;
  ratio: number;
  peakMb: number;
}

type Measured = Figures & { groupKb: number; phases: Phases };

const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * Consolidating and loading in turn, `rounds` times (medians compared), with the consolidations' peak memory
 * (the higher of the two phases' peaks: resident memory is sampled on a timer and after each file) and the
 * last consolidation's phases.
 */
async function measure(sets: AnswerSet[], count: number, rounds: number): Promise<Measured> {
  const files = await returnFiles(sets, count);
  const loadable = await Promise.all(files.map(withoutCalculatedColumns));
  let peak = 0;
  let last: { bytes: number; phases: Phases } | undefined;
  const [ms, loadMs] = await interleavedMedians(
    [
      async () => {
        const done = await consolidateAll(files);
        peak = Math.max(peak, done.phases.examinePeak, done.phases.writePeak);
        last = done;
      },
      () => loadAll(loadable),
    ],
    { rounds },
  );
  const round = (n: number, digits = 1) => Number(n.toFixed(digits));
  if (!last) throw new Error("No consolidation was measured");
  return {
    ms: round(ms),
    loadMs: round(loadMs),
    ratio: round(ms / loadMs, 2),
    peakMb: round(mb(peak)),
    groupKb: Math.round(last.bytes / 1024),
    phases: last.phases,
  };
}

async function run(): Promise<BenchResult> {
  const sets = await answerSets();
  const n40 = await measure(sets, 40, 3);
  const n400 = await measure(sets, 400, 1);
  const line = (n: number, f: Measured) =>
    `${n} returns: consolidate ${fixed(f.ms, 0)} ms  ExcelJS load ${fixed(f.loadMs, 0)} ms  ratio ${f.ratio}x  peak ${fixed(f.peakMb, 0)} MB  (group workbook ${f.groupKb} KB)`;
  const phases = ({ phases: p }: Measured) =>
    `  read ${fixed(p.readMs, 0)} ms, check and answers ${fixed(p.examineMs, 0)} ms (peak ${fixed(mb(p.examinePeak), 0)} MB); ` +
    `group plan ${fixed(p.planMs, 0)} ms, write ${fixed(p.writeMs, 0)} ms (peak ${fixed(mb(p.writePeak), 0)} MB)`;
  const strip = ({ ms, loadMs, ratio, peakMb }: Figures): Figures => ({ ms, loadMs, ratio, peakMb });
  return {
    lines: [
      "Consolidating generated returns: read, check and read answers of each, then plan and write the group workbook",
      "(target ≤ 1.3× ExcelJS alone loading the same files; 400 about 10× 40; peak resident memory for 400 under 1 GB)",
      line(40, n40),
      phases(n40),
      line(400, n400),
      phases(n400),
      `400 / 40: ${fixed(n400.ms / n40.ms, 1)}× the time`,
    ],
    json: { consolidate: { n40: strip(n40), n400: strip(n400) } },
  };
}

export const consolidateSection: BenchSection = { title: "Consolidation", run };
