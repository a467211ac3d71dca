#!/usr/bin/env node
// npm stop: stops the dev server that `npm start` (scripts/start.js) started, by the process id it recorded, and
// removes the sideloaded add-in from desktop Excel where `npm start` put it there.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const { pidFile, recordedPid, isRunning } = require("./dev-server-state");

function stopServer() {
  const pid = recordedPid();
  fs.rmSync(pidFile, { force: true });
  if (!pid || !isRunning(pid)) {
    console.log("No dev server started by npm start is running.");
    return;
  }
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/PID", String(pid), "/T", "/F"], { stdio: "ignore" });
  } else {
    // start.js ran the server detached, so it leads its own process group: stop the group, children included.
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      process.kill(pid, "SIGTERM");
    }
  }
  console.log(`Stopped the dev server (process ${pid}).`);
}

stopServer();

// Only Windows and Mac have desktop Excel to unregister the add-in from.
if (process.platform === "win32" || process.platform === "darwin") {
  const cli = require.resolve("office-addin-debugging/cli.js");
  const result = spawnSync(process.execPath, [cli, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exitCode = result.status || 1;
}
