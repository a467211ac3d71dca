#!/usr/bin/env node
// The one test command (`npm test`), run by developers and by CI alike. Each step must pass before the next runs
// (the compiler, lint and the manifest check run side by side as one step). Its last line is
// `tests: N passed, M failed`, which CI reads.
// Arguments go to jest (`npm test -- test/support` runs only those tests, after the same checks).
"use strict";

const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const RESULTS = path.join(ROOT, "test-output", "jest-results.json");

function step(title, command, args, options = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  const why = whyFailed(result);
  if (why) stop(`${title} failed (${why})`);
}

/** Why a process did not succeed (it could not start, was killed, or exited non-zero); "" when it did. */
function whyFailed({ error, status, signal }) {
  if (error) return error.message;
  if (status === 0) return "";
  return signal ? `killed by ${signal}` : `exit ${status}`;
}

function stop(message) {
  console.error(`\ntest-all: FAILED: ${message}`);
  process.exit(1);
}

function npmScripts() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts || {};
}

function runJest(extraArgs) {
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.rmSync(RESULTS, { force: true });
  console.log(`\n=== jest (results in ${path.relative(ROOT, RESULTS)})`);
  const jest = require.resolve("jest/bin/jest", { paths: [ROOT] });
  const args = [jest, "--ci", "--json", "--outputFile", RESULTS, ...workers(extraArgs), ...extraArgs];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  if (!fs.existsSync(RESULTS)) stop(`jest wrote no results (${run.error ? run.error.message : `exit ${run.status}`})`);
  return { status: run.status, results: JSON.parse(fs.readFileSync(RESULTS, "utf8")) };
}

/**
 * A worker per core. Jest's default keeps one core for itself, which on a 2-core machine means one test file at a
 * time; but its own process only hands out files, and much of each engine test is spent waiting for LibreOffice or
 * Chromium, so a worker per core keeps both cores busy. A --maxWorkers (or -w, or --runInBand) given wins.
 */
function workers(extraArgs) {
  const given = extraArgs.some((arg) => /^(--maxWorkers|-w|--runInBand|-i$)/.test(arg));
  return given ? [] : [`--maxWorkers=${os.availableParallelism ? os.availableParallelism() : os.cpus().length}`];
}

/** Why the jest run does not count as a pass; empty when it does. */
function problems(status, r) {
  const found = [];
  if (status !== 0) found.push(`jest exited with ${status}`);
  if (r.numTotalTests === 0) found.push("jest ran no tests");
  if (r.numFailedTestSuites > 0) found.push(`${r.numFailedTestSuites} test file(s) failed`);
  // A file that cannot even load counts no failed test, only a failed file: name it.
  if (r.numRuntimeErrorTestSuites > 0)
    found.push(`${r.numRuntimeErrorTestSuites} test file(s) could not run (import or compile error)`);
  const notRun = notRunTests(r);
  // A skipped test proves nothing and hides that it proves nothing: real engines are never optional.
  if (notRun.length > 0) found.push(`${notRun.length} test(s) skipped, pending or todo:\n    ${notRun.join("\n    ")}`);
  if (r.numPendingTestSuites > 0) found.push(`${r.numPendingTestSuites} test file(s) skipped entirely`);
  return found;
}

function notRunTests(r) {
  return r.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status !== "passed" && t.status !== "failed")
      .map((t) => `${path.relative(ROOT, file.name)}: ${t.fullName} (${t.status})`),
  );
}

/**
 * Runs the checks that read the code without running it (the compiler, lint, the manifest) side by side: each uses one
 * core, and this machine has at least two. Each check's output is printed whole when it ends, in the order listed, so
 * two checks' lines never mix. Resolves when all have ended; stops if any failed.
 */
async function checksSideBySide(checks) {
  const runs = checks.map(runCapturingOutput);
  const failed = [];
  for (const [i, run] of runs.entries()) {
    const { title, command, args } = checks[i];
    const { output, why, seconds } = await run;
    console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
    process.stdout.write(output);
    console.log(`(${title}: ${why || "passed"} in ${seconds.toFixed(0)} s)`);
    if (why) failed.push(`${title} failed (${why})`);
  }
  if (failed.length > 0) stop(failed.join("; "));
}

/** Runs a command with its output held back; resolves with that output, why it failed ("" if not) and its seconds. */
function runCapturingOutput({ command, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    // On Windows npm is npm.cmd, which Node (since 20.12) refuses to start without a shell.
    const child = spawn(command, args, { cwd: ROOT, shell: process.platform === "win32" && command === "npm" });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const ended = (why) => resolve({ output, why, seconds: (Date.now() - started) / 1000 });
    child.on("error", (error) => ended(whyFailed({ error })));
    child.on("close", (status, signal) => ended(whyFailed({ status, signal })));
  });
}

async function main() {
  step("system tools", process.execPath, [path.join(__dirname, "ensure-system-tools.js")]);
  const scripts = npmScripts();
  const checks = [
    {
      title: "typecheck",
      command: process.execPath,
      args: [require.resolve("typescript/bin/tsc", { paths: [ROOT] }), "--noEmit", "-p", "tsconfig.json"],
    },
  ];
  for (const script of ["lint", "validate"]) {
    if (scripts[script]) checks.push({ title: script, command: "npm", args: ["run", script] });
    else console.log(`\n=== ${script}: package.json has no ${script} script yet`);
  }
  await checksSideBySide(checks);

  const { status, results } = runJest(process.argv.slice(2));
  const found = problems(status, results);
  if (found.length > 0) console.error(`\ntest-all: FAILED:\n  - ${found.join("\n  - ")}`);
  else console.log("\ntest-all: all steps passed");
  console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  // exitCode rather than exit(): let the summary line drain to a piped stdout first.
  process.exitCode = found.length > 0 ? 1 : 0;
}

main().catch((error) => stop(error.stack || String(error)));
