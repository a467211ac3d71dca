/**
 * ts-node's transpiler for jest runs: TypeScript's own, with each file's JavaScript kept for the rest of the run.
 *
 * The command line reads workbooks in a worker thread (src/cli/read-in-worker.ts), and every command a test runs
 * starts a new one. Run from the TypeScript source, as the tests run it, each worker starts ts-node, which
 * transpiled the reader's sixty files afresh: about three seconds of CPU each time, several times what the read
 * itself costs. Here each file's output is kept in the run's temporary folder (test/support/temp-root.ts) under a
 * hash of all it depends on (the TypeScript version, the compiler options, the file's path and its text), and the
 * next worker loads it: a changed file has another hash, and the folder goes with the run.
 *
 * Chosen by tsconfig.ts-node.json beside it, which jest's global setup names in TS_NODE_PROJECT. Outside a jest
 * run, or in a process that may not use the run's folder (a test's command run as another user), it only
 * transpiles. Plain JavaScript: ts-node loads it before it can compile TypeScript.
 */
"use strict";

const { createHash, randomUUID } = require("crypto");
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

/** The run's folder (test/support/temp-root.ts names the variable). */
const RUN_ROOT_VARIABLE = "NPS_TEST_RUN_ROOT";
const FOLDER = "transpiled";

/** Where this run keeps transpiled files; undefined without a run folder this process may write in. */
function cacheFolder() {
  const root = process.env[RUN_ROOT_VARIABLE];
  if (!root || !mayWrite(root)) return undefined;
  const folder = path.join(root, FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

function mayWrite(folder) {
  try {
    fs.accessSync(folder, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    return true;
  } catch (error) {
    if (error.code === "EACCES" || error.code === "ENOENT") return false;
    throw error;
  }
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/** ts-node's factory for a transpiler (its TranspilerModule interface). */
exports.create = function create({ service }) {
  const compilerOptions = service.config.options;
  const folder = cacheFolder();
  const options = sha256(`${ts.version}\0${JSON.stringify(compilerOptions)}`);
  return {
    transpile(input, { fileName }) {
      const kept = folder && path.join(folder, `${sha256(`${options}\0${fileName}\0${input}`)}.json`);
      if (kept && fs.existsSync(kept)) return JSON.parse(fs.readFileSync(kept, "utf8"));
      const result = ts.transpileModule(input, { fileName, compilerOptions, reportDiagnostics: true });
      // Only a clean result is kept: a file that does not parse says so every time it is loaded.
      if (!kept || (result.diagnostics ?? []).length > 0) return result;
      const output = { outputText: result.outputText, sourceMapText: result.sourceMapText };
      // Written aside under a name of its own, then renamed: another worker may be writing or reading it too.
      const aside = `${kept}.${randomUUID()}.part`;
      fs.writeFileSync(aside, JSON.stringify(output));
      fs.renameSync(aside, kept);
      return output;
    },
  };
};
