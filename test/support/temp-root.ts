/**
 * One temporary folder per jest run, removed at its end, so that tests leave nothing behind: jest's
 * globalSetup points TMPDIR at it before any worker starts, so os.tmpdir() in every test and the
 * temporary files of every engine a test starts (LibreOffice, Chromium, the validator) land in it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const PREFIX = "nps-test-run-";
export const RUN_ROOT_VARIABLE = "NPS_TEST_RUN_ROOT";

export function createRunRoot(): void {
  const parent = tmpdir();
  removeRootsOfEndedRuns(parent);
  const root = mkdtempSync(path.join(parent, `${PREFIX}${process.pid}-`));
  process.env[RUN_ROOT_VARIABLE] = root;
  process.env.TMPDIR = root;
}

/** The run's folder, while the run lasts. */
export function runRoot(): string | undefined {
  return process.env[RUN_ROOT_VARIABLE];
}

export function removeRunRoot(): void {
  const root = runRoot();
  if (root) rmSync(root, { recursive: true, force: true });
}

/** A run that was killed never reached its teardown: its folder goes at the start of the next run. */
function removeRootsOfEndedRuns(parent: string): void {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split("-")[0]);
    if (!isAlive(pid)) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
