#!/usr/bin/env node
// Makes sure the real engines the tests use are on this machine: LibreOffice Calc (recalculates
// workbooks), Chromium (runs the task pane), xmllint (validates the manifest) and pdftoppm (turns
// LibreOffice's PDF of a sheet into an image, to see the chart drawn). CI starts on a
// fresh Debian machine, so a missing tool is installed with apt when we are root; anywhere else we
// stop at once with the command to run, because skipping those tests would prove nothing.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const TOOLS = [
  { name: "LibreOffice Calc", command: "soffice", pkg: "libreoffice-calc" },
  // The Debian package's launcher, never a browser that playwright would download.
  { name: "Chromium", command: "/usr/bin/chromium", pkg: "chromium" },
  { name: "xmllint", command: "xmllint", pkg: "libxml2-utils" },
  // pdftoppm has no --version (it reads it as a file name); -v prints the version and exits 0.
  { name: "pdftoppm", command: "pdftoppm", pkg: "poppler-utils", versionFlag: "-v" },
];
// Calc renders and measures text with it; without a font, column widths and shaping differ.
const FONT_PKG = "fonts-dejavu-core";
// Chromium's British English strings (en-GB.pak): the pane is opened with an en-GB locale, as the pictures show it.
const CHROMIUM_LOCALES_PKG = "chromium-l10n";

function versionOf(tool) {
  const run = spawnSync(tool.command, [tool.versionFlag || "--version"], {
    encoding: "utf8",
    timeout: 60000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (run.error || run.status !== 0) return null;
  // xmllint and pdftoppm print their version on stderr.
  return `${run.stdout}${run.stderr}`.trim().split("\n")[0];
}

function onPath(command) {
  if (command.includes("/")) return fs.existsSync(command);
  return (process.env.PATH || "").split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

function isDebianLike() {
  if (fs.existsSync("/etc/debian_version")) return true;
  try {
    return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(fs.readFileSync("/etc/os-release", "utf8"));
  } catch {
    return false;
  }
}

function canInstall() {
  return (
    process.platform === "linux" &&
    typeof process.getuid === "function" &&
    process.getuid() === 0 &&
    onPath("apt-get") &&
    isDebianLike()
  );
}

function run(command, args, env) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  if (result.error || result.status !== 0) {
    fail(`${command} ${args.join(" ")} failed (${result.error ? result.error.message : `exit ${result.status}`})`);
  }
}

function fail(message) {
  console.error(`ensure-system-tools: ${message}`);
  process.exit(1);
}

function main() {
  const missing = TOOLS.filter((tool) => versionOf(tool) === null);
  if (missing.length > 0) {
    const packages = [...missing.map((tool) => tool.pkg), FONT_PKG, CHROMIUM_LOCALES_PKG];
    const install = `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(" ")}`;
    console.log(`ensure-system-tools: missing ${missing.map((tool) => tool.name).join(", ")}`);
    if (!canInstall()) {
      fail(
        `cannot install them here (needs root on Debian/Ubuntu with apt-get). Run:\n  sudo apt-get update && sudo ${install}`,
      );
    }
    run("apt-get", ["update"]);
    run("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { DEBIAN_FRONTEND: "noninteractive" });
  }
  for (const tool of TOOLS) {
    const version = versionOf(tool);
    if (version === null)
      fail(
        `${tool.name} (${tool.command} ${tool.versionFlag || "--version"}) does not run${missing.includes(tool) ? " even after installing it" : ""}`,
      );
    console.log(`ensure-system-tools: ${tool.name}: ${version}`);
  }
}

main();
