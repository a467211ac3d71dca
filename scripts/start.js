#!/usr/bin/env node
// npm start: builds the task pane in development mode and serves it on https://localhost:3000 in the background,
// then sideloads manifest.xml into desktop Excel where it is installed (Windows, Mac). Without desktop Excel
// (e.g. Linux) it still serves and says how to use the page. `npm stop` (scripts/stop.js) undoes it.
"use strict";

const fs = require("fs");
const path = require("path");
const https = require("https");
const { spawn, spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const { stateDir, pidFile, recordedPid, isRunning } = require("./dev-server-state");
const logFile = path.join(stateDir, "dev-server.log");
const pageUrl = "https://localhost:3000/taskpane.html";
// The dev server serves the manifest too (webpack copies it), so both addresses work for sideloading.
const manifestUrl = "https://localhost:3000/manifest.xml";
const manifestFile = path.join(root, "manifest.xml");
const READY_TIMEOUT_MS = 5 * 60 * 1000; // a first development build on a slow machine takes a minute or two

/** Resolves with the HTTP status of the page, or 0 while nothing answers. */
function probe() {
  return new Promise((resolve) => {
    // The certificate may be the dev server's own self-signed one: we only ask whether it answers.
    const request = https.get(pageUrl, { rejectUnauthorized: false, timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode || 0);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(0));
  });
}

function desktopExcelInstalled() {
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    // Every Excel install (Click-to-Run or MSI) registers itself under App Paths.
    const key = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe";
    return spawnSync("reg", ["query", key], { stdio: "ignore" }).status === 0;
  }
  return false;
}

function startServer() {
  fs.mkdirSync(stateDir, { recursive: true });
  const log = fs.openSync(logFile, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  // Detached, so that the server outlives this script the way office-addin-debugging's dev server does.
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    windowsHide: true,
  });
  fs.writeFileSync(pidFile, String(child.pid));
  child.unref();
  return child;
}

async function waitUntilServing(child) {
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !exited) {
    const status = await probe();
    if (status === 200) return;
    if (status !== 0) throw new Error(`the dev server answered ${pageUrl} with HTTP ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(exited ? "the dev server stopped" : "the dev server did not answer in time");
}

function tail(file, lines = 25) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "";
}

async function main() {
  const existing = recordedPid();
  if (existing && isRunning(existing)) {
    console.log(`The dev server is already running (process ${existing}) at ${pageUrl}. Stop it with: npm stop`);
    console.log(`The add-in's manifest: ${manifestFile} (also served at ${manifestUrl}).`);
    return;
  }
  if ((await probe()) !== 0) {
    console.error(`Something else is already serving https://localhost:3000. Stop it, then run npm start again.`);
    process.exitCode = 1;
    return;
  }

  console.log("Building the task pane and starting the dev server on https://localhost:3000 ...");
  const child = startServer();
  try {
    await waitUntilServing(child);
  } catch (error) {
    console.error(`npm start failed: ${error.message}. Last lines of ${logFile}:\n${tail(logFile)}`);
    if (isRunning(child.pid)) process.kill(child.pid);
    fs.rmSync(pidFile, { force: true });
    process.exitCode = 1;
    return;
  }
  const note = tail(logFile, 200)
    .split("\n")
    .find((line) => line.startsWith("Note: "));
  if (note) console.log(note);
  console.log(`Serving ${pageUrl} (process ${child.pid}; log: ${path.relative(root, logFile)}).`);
  console.log(`The add-in's manifest: ${manifestFile} (also served at ${manifestUrl}).`);

  if (desktopExcelInstalled()) {
    console.log("Sideloading manifest.xml into desktop Excel ...");
    const cli = require.resolve("office-addin-debugging/cli.js");
    const args = [cli, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server-port", "3000"];
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
    if (result.status !== 0) process.exitCode = result.status || 1;
  } else {
    console.log(
      [
        "",
        "No desktop Excel here, so nothing was sideloaded. You can:",
        `  - open the standalone page in a browser: ${pageUrl}`,
        "    (accept the certificate warning if the dev certificate could not be installed)",
        "  - or sideload into Excel for the web: open a workbook at https://www.office.com, then",
        `    Insert > Add-ins > Upload My Add-in, and choose ${manifestFile}.`,
        "    Excel for the web loads the pane from https://localhost:3000 on the machine running the browser.",
      ].join("\n"),
    );
  }
  console.log("\nStop the dev server with: npm stop");
}

main();
