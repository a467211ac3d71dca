/**
 * .xlsx writing: plan and write times against ExcelJS writing the same cells with no formatting,
 * as medians of interleaved runs (never as timed tests).
 */
import ExcelJS from "exceljs";
import { sampleAnswers } from "../src/core/answers/sample";
import { buildWorkbookPlan } from "../src/core/plan/build-plan";
import { isFormula, type WorkbookPlan } from "../src/core/plan/types";
import { canonicalToolkit } from "../src/core/toolkit/canonical";
import { scaleToolkit } from "../test/support/scale";
import type { Toolkit } from "../src/core/toolkit/schema";
import { parseCell } from "../src/core/util/a1";
import { writePlanToBuffer } from "../src/xlsx/write-xlsx";
import { fixed, type BenchResult, type BenchSection } from "./section";
import { interleavedMedians } from "./timing";

const RUNS = 15;
const now = new Date("2026-11-25T09:00:00Z");

/** The same cell values and formulas, written by ExcelJS with no formatting, validation or tables. */
async function baselineWrite(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of plan.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const block of sheet.blocks) {
      const { row, column } = parseCell(block.at);
      block.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell !== null)
            ws.getCell(row + r, column + c).value = isFormula(cell) ? { formula: cell.formula, date1904: false } : cell;
        }),
      );
    }
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

interface WriteFigures {
  behaviours: number;
  planMs: number;
  writeMs: number;
  baselineMs: number;
  ratio: number;
  bytes: number;
}

async function measureWrites(toolkit: Toolkit): Promise<WriteFigures> {
  const answers = sampleAnswers(toolkit, "2026-04-01");
  const build = () => buildWorkbookPlan(toolkit, answers, { now });
  const plan = build();
  const tasks = [build, () => writePlanToBuffer(plan), () => baselineWrite(plan)];
  const [planMs, writeMs, baselineMs] = await interleavedMedians(tasks, { rounds: RUNS, warmUpRounds: 3 });
  return {
    behaviours: toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length,
    planMs,
    writeMs,
    baselineMs,
    ratio: writeMs / baselineMs,
    bytes: (await writePlanToBuffer(plan)).length,
  };
}

function line(label: string, f: WriteFigures): string {
  return `${label.padEnd(22)} behaviours ${String(f.behaviours).padStart(4)}  plan ${fixed(f.planMs).padStart(7)} ms  write ${fixed(f.writeMs).padStart(8)} ms  baseline ${fixed(f.baselineMs).padStart(8)} ms  ratio ${fixed(f.ratio, 2)}x  (${Math.round(f.bytes / 1024)} KB)`;
}

async function xlsxWriting(): Promise<BenchResult> {
  const canonical = await measureWrites(canonicalToolkit());
  const x10 = await measureWrites(scaleToolkit(canonicalToolkit(), 10));
  const growth = {
    plan: x10.planMs / canonical.planMs,
    write: x10.writeMs / canonical.writeMs,
    baseline: x10.baselineMs / canonical.baselineMs,
  };
  return {
    lines: [
      line("canonical toolkit", canonical),
      line("toolkit × 10", x10),
      `growth for 10× the behaviours: plan ${fixed(growth.plan, 2)}x, write ${fixed(growth.write, 2)}x, baseline ${fixed(growth.baseline, 2)}x`,
    ],
    json: { xlsx: { canonical, x10, growth } },
  };
}

export const xlsxSection: BenchSection = {
  title: `.xlsx writing (median of ${RUNS} runs; target: write ≤ 1.5× the unformatted ExcelJS baseline)`,
  run: xlsxWriting,
};
