#!/usr/bin/env node
// The installed command: runs the command line built to plain JavaScript by `npm run build:cli`.
"use strict";

const path = require("path");

const built = path.join(__dirname, "..", "build", "cli", "nps-toolkit.js");
let cli;
try {
  cli = require(built);
} catch (error) {
  if (error.code !== "MODULE_NOT_FOUND" || !String(error.message).includes(built)) throw error;
  console.error("nps-toolkit: the command line is not built yet. In the project folder, run: npm run build:cli");
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => (process.exitCode = code));
