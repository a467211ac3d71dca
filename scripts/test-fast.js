#!/usr/bin/env node
// npm run test:fast: the inner loop, meant to take under a minute. Runs every jest test file that starts nothing
// outside its own process and is not a property test, chosen by what each test file imports (directly or through its
// helpers, the product's own files included), so a new slow test is left out without being listed. Left out:
// LibreOffice and Chromium, the real office.js client (megabytes of script in jsdom), the in-memory Excel (test/fakes,
// and so the Office layer's tests and the pane's over it), child processes (the validator, npm, eslint, the built
// command line), worker threads, *.property.test.ts files (hundreds of random runs) and
// *.scale.test.ts files (a case whose point is its size, such as two hundred returns, split from its file's examples).
// The full suite stays `npm test`. Words narrow the files to those whose path contains one of them
// (`npm run test:fast -- test/taskpane`); options go to jest (`npm run test:fast -- --verbose`).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const jestBin = require.resolve("jest/bin/jest", { paths: [ROOT] });
// What makes a test slow: importing one of these means it starts an engine, a process or a worker thread. The
// in-memory Excel counts as an engine: it models a whole workbook and sizes every request as Office would, so a
// file that runs the Office layer or the pane over it spends seconds there (most of the fast loop's time when it
// was in it).
const ENGINES = [
  path.join(ROOT, "test", "support", "libreoffice.ts"),
  path.join(ROOT, "test", "support", "office-real.ts"),
  path.join(ROOT, "test", "fakes", "excel-fake.ts"),
  "playwright-core",
  "child_process",
  "worker_threads",
];
// Property tests are named for it: fast-check runs each of them hundreds of times. Scale tests too: their point is
// their size (hundreds of returns), which takes seconds however it is written.
const SLOW_BY_NAME = /\.(property|scale)\.test\.tsx?$/;
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

/** The file a relative import names, or the bare package name. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith(".")) return specifier;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/** What a file imports, resolved; read once per run, as most test files share most of what they import. */
const importsOf = new Map();
function importsIn(file) {
  if (!importsOf.has(file)) {
    const source = fs.readFileSync(file, "utf8");
    const targets = [...source.matchAll(IMPORT)].map(([, specifier]) => resolveImport(file, specifier));
    importsOf.set(file, targets.filter(Boolean));
  }
  return importsOf.get(file);
}

function needsAnEngine(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  for (const target of importsIn(file)) {
    if (ENGINES.includes(target)) return true;
    // Only the project's own files lead further; packages other than the engines are not followed.
    if (path.isAbsolute(target) && !target.includes(`${path.sep}node_modules${path.sep}`)) {
      if (needsAnEngine(target, seen)) return true;
    }
  }
  return false;
}

/**
 * Every test file jest runs, as `jest --listTests` lists them, without starting jest (a second or two): the files
 * under the config's roots whose names end as its testMatch patterns say. Only the patterns this project uses are
 * understood (roots under `<rootDir>`, testMatch patterns of a name's ending in any folder, no testRegex or ignore
 * patterns); a config that says anything else stops here rather than listing the wrong files.
 * test/scripts/test-fast.test.ts holds the list to jest's own.
 */
function listTestFiles(config = require(path.join(ROOT, "jest.config.js"))) {
  const refuse = (what) => {
    throw new Error(`test:fast lists test files itself and does not understand the jest config's ${what}`);
  };
  for (const key of ["testRegex", "testPathIgnorePatterns", "modulePathIgnorePatterns", "projects", "rootDir"])
    if (key in config) refuse(key);
  const endings = (config.testMatch ?? []).map((pattern) => {
    const match = /^\*\*\/\*(\.[\w.]+)$/.exec(pattern);
    return match ? match[1] : refuse(`testMatch "${pattern}"`);
  });
  const roots = (config.roots ?? []).map((root) =>
    root.startsWith("<rootDir>/") ? path.join(ROOT, root.slice("<rootDir>/".length)) : refuse(`root "${root}"`),
  );
  if (endings.length === 0 || roots.length === 0) refuse("roots or testMatch (none given)");
  const files = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      // As jest: node_modules left out, symbolic links not followed.
      if (entry.isDirectory() && entry.name !== "node_modules") walk(file);
      else if (entry.isFile() && endings.some((ending) => entry.name.endsWith(ending))) files.push(file);
    }
  };
  for (const root of roots) walk(root);
  return [...new Set(files)].sort();
}

/** The test files `npm run test:fast` runs: every one that starts no engine, process or worker, by name and imports. */
function fastTestFiles(all = listTestFiles()) {
  return all.filter((file) => !SLOW_BY_NAME.test(file) && !needsAnEngine(file));
}

module.exports = { listTestFiles, fastTestFiles };
if (require.main !== module) return;

const all = listTestFiles();
const fast = fastTestFiles(all);
const args = process.argv.slice(2);
const words = args.filter((arg) => !arg.startsWith("-")).map((word) => path.resolve(ROOT, word));
const chosen = words.length === 0 ? fast : fast.filter((file) => words.some((word) => file.startsWith(word)));
console.log(
  `test:fast: ${chosen.length} of ${all.length} test files (the rest start an engine, the in-memory Excel, a process or a worker, or are property or scale tests: npm test)`,
);
if (chosen.length === 0) {
  console.error(`test:fast: no fast test file under ${words.join(", ")} (npm test runs them all)`);
  process.exit(1);
}
const options = args.filter((arg) => arg.startsWith("-"));
// Jest keeps a core for itself by default; these tests start no other process, so every core runs a worker.
const workers = options.some((option) => option.startsWith("--maxWorkers") || option === "-w")
  ? []
  : [`--maxWorkers=${os.cpus().length}`];
const run = spawnSync(process.execPath, [jestBin, "--runTestsByPath", ...chosen, ...workers, ...options], {
  cwd: ROOT,
  stdio: "inherit",
});
process.exitCode = run.status ?? 1;
