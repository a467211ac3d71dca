// Where npm start records the background dev server, so npm stop (and a second npm start) can find it.
"use strict";

const fs = require("fs");
const path = require("path");

const stateDir = path.join(__dirname, "..", "node_modules", ".cache", "nps-toolkit");
const pidFile = path.join(stateDir, "dev-server.pid");

/** The recorded dev server's process id, or 0 when none was recorded. */
function recordedPid() {
  return fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) : 0;
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

module.exports = { stateDir, pidFile, recordedPid, isRunning };
