import { existsSync, renameSync, rmSync, statSync } from "fs";
import { writeFile } from "fs/promises";
import * as path from "path";
import { UsageError } from "./command";
import { cliWords } from "../core/words/cli";

/**
 * The absolute path of a file the user asked to write, once it is safe to write there: the name ends in
 * `extension` (.xlsx unless said), its folder exists, and it does not replace a file unless `force`. Throws
 * UsageError otherwise.
 */
export function checkTarget(
  file: string,
  { force, extension = ".xlsx" }: { force: boolean; extension?: string },
): string {
  const target = path.resolve(file);
  if (path.extname(target).toLowerCase() !== extension)
    throw new UsageError(cliWords.files.wrongExtension(extension, file));
  const folder = path.dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(cliWords.files.noFolder(folder));
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new UsageError(cliWords.files.isFolder(file));
    if (!force) throw new UsageError(cliWords.files.exists(file));
  }
  return target;
}

/** The same file under another spelling (a relative path, a link, a case-insensitive disc) is the same file. */
export function isSameFile(a: string, b: string): boolean {
  if (a === b) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

/** A file the operating system would not let us write, said in one line without the temporary file's name. */
export class WriteError extends Error {}

/** Plain words for the operating system's reasons a write fails (Node's error codes, as in `man 3 errno`). */
const WRITE_PROBLEMS = cliWords.files.writeProblems;

/** One file a command writes: where, what, and the name the user typed for it. */
export interface Output {
  target: string;
  bytes: Uint8Array;
  shownAs: string;
}

function writeError(problem: unknown, shownAs: string): unknown {
  const code = (problem as NodeJS.ErrnoException).code;
  if (!code) return problem;
  return new WriteError(cliWords.files.couldNotWrite(shownAs, WRITE_PROBLEMS[code], code));
}

const INTERRUPTS = ["SIGINT", "SIGTERM"] as const;

/**
 * Writes every output of a command, or none: each to a temporary file beside its target first, then
 * all renamed over their targets at once, so a failure (a CSV folder that cannot be written, a full
 * disc) or an interrupt (Ctrl-C, SIGTERM) never leaves one output without the others, nor half a
 * file. The renames run without a pause in between, so no signal handler can run among them. A
 * failure is a WriteError naming the file as the user typed it, and the reason; an interrupt removes
 * the temporary files and then ends the process by the same signal, as it would have without us.
 */
export async function writeAllOrNothing(outputs: readonly Output[]): Promise<void> {
  const partials = outputs.map((output) => `${output.target}.partial-${process.pid}`);
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => (interrupted = signal);
  const stopIfInterrupted = () => {
    if (!interrupted) return;
    removeAll(partials);
    for (const signal of INTERRUPTS) process.off(signal, onSignal);
    process.kill(process.pid, interrupted);
    // Should the signal not end the process at once (another listener keeps it), nothing more is written.
    throw new WriteError(cliWords.files.interrupted(interrupted));
  };
  for (const signal of INTERRUPTS) process.on(signal, onSignal);
  try {
    for (const [i, output] of outputs.entries()) {
      try {
        await writeFile(partials[i], output.bytes);
      } catch (problem) {
        throw writeError(problem, output.shownAs);
      }
      stopIfInterrupted();
    }
    outputs.forEach((output, i) => {
      try {
        renameSync(partials[i], output.target);
      } catch (problem) {
        throw writeError(problem, output.shownAs);
      }
    });
  } finally {
    removeAll(partials);
    for (const signal of INTERRUPTS) process.off(signal, onSignal);
  }
}

function removeAll(files: string[]): void {
  // existsSync rather than rmSync's force: a name too long to write is too long to remove, too.
  for (const file of files) if (existsSync(file)) rmSync(file);
}
