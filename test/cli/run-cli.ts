import { runCommandLine } from "../../src/cli/main";
import { endReadWorker } from "../../src/cli/read-in-worker";

// One read worker serves every command a test file runs (main would end it after each, and the next command would
// pay for starting it again); it ends with the file. Each read keeps its time limit.
afterAll(endReadWorker);

/** Runs the command line in this process; `out` and `err` are the lines it printed to each. */
export async function runCliLines(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommandLine(args, { log: (line) => out.push(line), error: (line) => err.push(line) });
  return { code, out, err };
}

/** As runCliLines, with each stream's lines joined into one text. */
export async function runCli(...args: string[]) {
  const { code, out, err } = await runCliLines(...args);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
