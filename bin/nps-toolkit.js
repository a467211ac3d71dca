#!/usr/bin/env node
// The installed command: runs the command line built to plain JavaScript by `npm run build:cli`.
"use strict";

const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const built = path.join(root, "build", "cli", "nps-toolkit.js");

/**
 * The newest change to a file under `folder`, in milliseconds since 1970 (0 when there is no such folder). Only
 * files count: a folder's time changes when a file is added to it, which says nothing the file's own time does not.
 */
function newestChange(folder) {
  if (!fs.existsSync(folder)) return 0;
  return fs.readdirSync(folder, { recursive: true }).reduce((newest, file) => {
    const stats = fs.statSync(path.join(folder, file));
    return stats.isFile() ? Math.max(newest, stats.mtimeMs) : newest;
  }, 0);
}

let cli;
try {
  cli = require(built);
} catch (error) {
  if (error.code !== "MODULE_NOT_FOUND" || !String(error.message).includes(built)) throw error;
  console.error("nps-toolkit: the command line is not built yet. In the project folder, run: npm run build:cli");
  process.exit(1);
}
// Only a clone of the project has src/ beside bin/ (the package holds just the build): say when the build is older.
const sources = Math.max(newestChange(path.join(root, "src")), newestChange(path.join(root, "toolkit")));
if (sources > fs.statSync(built).mtimeMs) {
  console.error(
    "nps-toolkit: note: src/ or toolkit/ has changed since this was built: run npm run build:cli, or npm run cli -- …",
  );
}
cli.main(process.argv.slice(2)).then((code) => (process.exitCode = code));
