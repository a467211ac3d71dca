import { spawn } from "child_process";

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion, bounded by a timeout.
 * The child leads its own process group so that a timeout kills the whole tree:
 * `soffice` is a shell script that starts oosplash, which starts soffice.bin, and
 * killing only the first would leave the real worker running and holding its profile.
 */
export function runBounded(command: string, args: string[], timeoutMs: number): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${err.message}`));
    });
    // "close" waits until every holder of the pipes (the grandchildren too) has gone.
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) {
        const detail = stderr.trim() ? `\nstderr:\n${stderr.trim()}` : "";
        reject(new Error(`${command} timed out after ${timeoutMs} ms (process group ${child.pid} killed)${detail}`));
      } else {
        resolve({ code, stdout, stderr });
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group already exited between the timer firing and the kill.
  }
}
