/**
 * npm run bench: how the product's costs grow, measured as ratios within one run (never as
 * timed tests). Prints plan and .xlsx write times against an ExcelJS baseline, Office.js round trips
 * and the task pane's initial JavaScript size.
 */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import ExcelJS from "exceljs";
import { sampleAnswers } from "../src/core/answers/sample";
import { buildWorkbookPlan } from "../src/core/plan/build-plan";
import { isFormula, type WorkbookPlan } from "../src/core/plan/types";
import { parseCell } from "../src/core/util/a1";
import { canonicalToolkit } from "../src/core/toolkit/canonical";
import type { Toolkit } from "../src/core/toolkit/schema";
import { measureRoundTrips } from "../src/office/bench-support";
import { scaleToolkit } from "../src/core/toolkit/scale";
import { writePlanToBuffer } from "../src/xlsx/write-xlsx";
import { measureCheck } from "./check";
import { interleavedMedians } from "./timing";
import { createFakeExcel } from "../test/fakes/excel-fake";

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
  bytes: number;
}

async function measureWrites(toolkit: Toolkit): Promise<WriteFigures> {
  const answers = sampleAnswers(toolkit, "2026-04-01");
  const build = () => buildWorkbookPlan(toolkit, answers, { now });
  const plan = build();
  // Warm-up rounds let the JIT settle before anything is timed.
  await interleavedMedians([build, () => writePlanToBuffer(plan), () => baselineWrite(plan)], 3);
  const [planMs, writeMs, baselineMs] = await interleavedMedians(
    [build, () => writePlanToBuffer(plan), () => baselineWrite(plan)],
    RUNS,
  );
  return {
    behaviours: toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length,
    planMs,
    writeMs,
    baselineMs,
    bytes: (await writePlanToBuffer(plan)).length,
  };
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

function printWrites(label: string, f: WriteFigures): void {
  console.log(
    `${label.padEnd(22)} behaviours ${String(f.behaviours).padStart(4)}  plan ${fixed(f.planMs).padStart(7)} ms  write ${fixed(f.writeMs).padStart(8)} ms  baseline ${fixed(f.baselineMs).padStart(8)} ms  ratio ${fixed(f.writeMs / f.baselineMs, 2)}x  (${Math.round(f.bytes / 1024)} KB)`,
  );
}

async function officeFigures(toolkit: Toolkit, label: string) {
  const fake = createFakeExcel();
  const report = await measureRoundTrips(toolkit, fake, now);
  console.log(
    `${label.padEnd(22)} key areas ${String(report.keyAreas).padStart(3)}  build: ${report.build.syncs} syncs, ${report.build.operations} operations, ${Math.round(report.build.requestBytes / 1024)} KB  upgrade: ${report.upgrade.syncs} syncs, ${report.upgrade.operations} operations, ${Math.round(report.upgrade.requestBytes / 1024)} KB`,
  );
  return report;
}

/** Gzipped size of the scripts the task pane page loads at start (not the lazily loaded chunks). */
function initialScriptBytes(): { files: string[]; gzipped: number; lazy: string[] } {
  const dist = path.join(__dirname, "..", "dist");
  if (!existsSync(path.join(dist, "taskpane.html"))) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      stdio: "inherit",
      cwd: path.join(__dirname, ".."),
    });
  }
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const files = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !src.startsWith("http"));
  const gzipped = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(dist, file.replace(/^\//, "")))).length,
    0,
  );
  const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !files.some((initial) => initial.endsWith(f)));
  return { files, gzipped, lazy };
}

async function main(): Promise<void> {
  const toolkit = canonicalToolkit();
  const large = scaleToolkit(toolkit, 10);

  console.log(`\n.xlsx writing (median of ${RUNS} runs; target: write ≤ 1.5× the unformatted ExcelJS baseline)`);
  const real = await measureWrites(toolkit);
  const big = await measureWrites(large);
  printWrites("canonical toolkit", real);
  printWrites("toolkit × 10", big);
  console.log(
    `growth for 10× the behaviours: plan ${fixed(big.planMs / real.planMs, 2)}x, write ${fixed(big.writeMs / real.writeMs, 2)}x, baseline ${fixed(big.baselineMs / real.baselineMs, 2)}x`,
  );

  console.log(
    "\nOffice.js round trips (in-memory Excel fake; targets: build ≤ 2 syncs, upgrade ≤ 3, the same for 10×)",
  );
  const officeReal = await officeFigures(toolkit, "canonical toolkit");
  const officeBig = await officeFigures(large, "toolkit × 10");
  console.log(
    `growth for 10× the key areas: build operations ${fixed(officeBig.build.operations / officeReal.build.operations, 2)}x, upgrade operations ${fixed(officeBig.upgrade.operations / officeReal.upgrade.operations, 2)}x`,
  );

  const check = await measureCheck();
  console.log(`\n${check.lines.join("\n")}`);
  console.log(`JSON: ${JSON.stringify(check.json)}`);

  console.log("\nTask pane initial JavaScript (target ≤ 350 KB gzipped, ExcelJS only in a lazy chunk)");
  const scripts = initialScriptBytes();
  console.log(
    `initial scripts: ${scripts.files.join(", ")}: ${fixed(scripts.gzipped / 1024)} KB gzipped; lazily loaded: ${scripts.lazy.join(", ")}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
