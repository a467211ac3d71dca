/**
 * Cold start of the built command line: `nps-toolkit new x.xlsx`, a fresh process each time, beside the floor of
 * any Node tool that writes .xlsx with ExcelJS: `node -e "require('exceljs')"`. Rounds run the two in turn so that
 * machine noise hits both alike; the figures are medians. Target: ≤ 1.5× the floor.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { interleavedMedians } from "./timing";

const ROOT = path.resolve(__dirname, "..");
const ROUNDS = 15;
const WARM_UP_ROUNDS = 2;

export interface CliStartFigures {
  ms: number;
  floorMs: number;
  ratio: number;
}

/** Builds the command line from the current sources (webpack's cache makes this quick when nothing changed). */
function buildCli(): void {
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  run([webpack, "-c", "webpack.cli.config.js", "--stats", "errors-only"], ROOT);
}

function run(args: string[], cwd: string): void {
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 600_000 });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
}

export async function measureCliStart(): Promise<{ lines: string[]; json: { cli: { new: CliStartFigures } } }> {
  buildCli();
  const folder = mkdtempSync(path.join(tmpdir(), "nps-bench-cli-"));
  const bin = path.join(ROOT, "bin", "nps-toolkit.js");
  const tasks = [() => run([bin, "new", "x.xlsx", "--force"], folder), () => run(["-e", "require('exceljs')"], ROOT)];
  let ms: number;
  let floorMs: number;
  try {
    [ms, floorMs] = await interleavedMedians(tasks, { rounds: ROUNDS, warmUpRounds: WARM_UP_ROUNDS });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const figures = { ms: Math.round(ms), floorMs: Math.round(floorMs), ratio: Number((ms / floorMs).toFixed(2)) };
  return {
    lines: [
      `Command line cold start (median of ${ROUNDS} fresh processes; target ≤ 1.5× Node loading ExcelJS)`,
      `nps-toolkit new x.xlsx ${figures.ms} ms  node -e "require('exceljs')" ${figures.floorMs} ms  ratio ${figures.ratio.toFixed(2)}x`,
    ],
    json: { cli: { new: figures } },
  };
}
