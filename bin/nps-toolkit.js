#!/usr/bin/env node
// Runs the TypeScript command line directly (types are checked by the test suite, not at each start).
const path = require("path");
require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "..", "tsconfig.json") });
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then((code) => (process.exitCode = code));
