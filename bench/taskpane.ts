/** The task pane's initial JavaScript, gzipped (ExcelJS must stay in a lazily loaded chunk). */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { fixed, type BenchResult, type BenchSection } from "./section";

async function taskPaneScripts(): Promise<BenchResult> {
  const root = path.join(__dirname, "..");
  const dist = path.join(root, "dist");
  if (!existsSync(path.join(dist, "taskpane.html"))) {
    // webpack's output goes to stderr: stdout is the JSON object's alone in --json mode.
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      stdio: ["ignore", process.stderr, process.stderr],
      cwd: root,
    });
  }
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !src.startsWith("http"));
  const gzippedBytes = initial.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(dist, file.replace(/^\//, "")))).length,
    0,
  );
  const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !initial.some((file) => file.endsWith(f)));
  return {
    lines: [
      `initial scripts: ${initial.join(", ")}: ${fixed(gzippedBytes / 1024)} KB gzipped; lazily loaded: ${lazy.join(", ")}`,
    ],
    json: { taskpane: { initialScriptsGzippedBytes: gzippedBytes, initialScripts: initial, lazyScripts: lazy } },
  };
}

export const taskPaneSection: BenchSection = {
  title:
    "Task pane initial JavaScript (target ≤ 160 KB gzipped; ExcelJS, the check and the consolidation views in lazy chunks)",
  run: taskPaneScripts,
};
