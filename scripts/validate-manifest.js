#!/usr/bin/env node
// Validates add-in manifests offline against the XSDs in manifest-schemas/ with xmllint.
//   node scripts/validate-manifest.js                 manifest.xml, and dist/manifest.xml when a build made one
//   node scripts/validate-manifest.js a.xml b.xml     the given files
// Exit code 0 when every file validates; 1 when any fails; 2 when xmllint is missing.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const schema = path.join(root, "manifest-schemas", "OfficeAppManifestV1_1.xsd");

function validate(file) {
  // --nonet: the schemas import each other by relative path; nothing may be fetched from the network.
  const result = spawnSync("xmllint", ["--nonet", "--noout", "--schema", schema, file], { encoding: "utf8" });
  if (result.error && result.error.code === "ENOENT") {
    console.error(
      "xmllint is not installed, so the manifest cannot be validated.\n" +
        "Install it with: apt-get install libxml2-utils   (macOS: it ships with the system; Windows: use WSL)",
    );
    process.exit(2);
  }
  const output = `${result.stdout}${result.stderr}`.trim();
  return { ok: result.status === 0, output };
}

function main() {
  const args = process.argv.slice(2);
  const files =
    args.length > 0
      ? args
      : ["manifest.xml", path.join("dist", "manifest.xml")].filter(
          (f, i) => i === 0 || fs.existsSync(path.resolve(root, f)),
        );
  let failed = false;
  for (const file of files) {
    const full = path.resolve(args.length > 0 ? process.cwd() : root, file);
    if (!fs.existsSync(full)) {
      console.error(`${file}: file not found`);
      failed = true;
      continue;
    }
    const { ok, output } = validate(full);
    console.log(ok ? `${file}: valid` : `${file}: INVALID\n${output}`);
    failed = failed || !ok;
  }
  process.exit(failed ? 1 : 0);
}

main();
