import { main } from "../../src/cli/main";

/** Runs the command line in this process; `out` and `err` are the lines it printed to each. */
export async function runCliLines(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

/** As runCliLines, with each stream's lines joined into one text. */
export async function runCli(...args: string[]) {
  const { code, out, err } = await runCliLines(...args);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
