/** The task pane's initial JavaScript, gzipped (ExcelJS must stay in a lazily loaded chunk). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { buildPane } from "../test/support/pane-build";
import { fixed, type BenchResult, type BenchSection } from "./section";

/** A production build of the pane made now, in a folder of its own (a dist/ left by an earlier build may be stale). */
async function taskPaneScripts(): Promise<BenchResult> {
  const dist = mkdtempSync(path.join(tmpdir(), "nps-bench-pane-"));
  try {
    // The browser test's build (test/support/pane-build.ts), made in this process: webpack prints nothing to stdout.
    await buildPane(dist);
    return measured(dist);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

function measured(dist: string): BenchResult {
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
