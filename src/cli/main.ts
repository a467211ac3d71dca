import { parseArgs } from "util";
import { GENERATOR_VERSION } from "../core/version";
import { UsageError, type CliOutput, type Command, type ParsedArgs } from "./command";
import { COMMANDS } from "./commands";
import { endReadWorker } from "./read-in-worker";
import { closest } from "./suggest";
import { cliWords } from "../core/words/cli";

export { UsageError };

type Options = Command["options"];

/** Options every command takes, and the only ones before or without a command. */
const GLOBAL_OPTIONS: Options = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
};

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return cliWords.topHelp(GENERATOR_VERSION, list);
}

/** Every option spelling (--name and -x) that takes a value, in any command: they consume the next argument. */
function optionsTakingValues(): Set<string> {
  const spellings = [GLOBAL_OPTIONS, ...COMMANDS.map((c) => c.options)].flatMap((options) =>
    Object.entries(options)
      .filter(([, option]) => option.type === "string")
      .flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]),
  );
  return new Set(spellings);
}

/** The command's name (the first argument that is neither an option nor an option's value) and the rest. */
function splitCommand(argv: string[]): { name?: string; rest: string[] } {
  const takesValue = optionsTakingValues();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") break;
    if (arg.startsWith("-") && arg !== "-") {
      if (takesValue.has(arg)) i++;
      continue;
    }
    return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { rest: argv };
}

/**
 * util.parseArgs, with each mistake said plainly: an unknown option (with the nearest known one), an option that
 * needs a value and got none or got the next option instead (`--council --sample`), a switch given a value.
 */
function parseOptions(args: string[], options: Options, helpHint: string): ParsedArgs {
  const { values, positionals, tokens } = parseArgs({
    args,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = options[token.name];
    if (option === undefined) {
      const near = closest(token.name, Object.keys(options));
      throw new UsageError(cliWords.unknownOption(token.rawName, near, helpHint));
    }
    if (option.type === "boolean" && token.value !== undefined)
      throw new UsageError(cliWords.takesNoValue(token.rawName, token.value));
    if (option.type === "string" && token.value === undefined) throw new UsageError(cliWords.needsValue(token.rawName));
    if (option.type === "string" && !token.inlineValue && token.value?.startsWith("-"))
      throw new UsageError(cliWords.needsValueNotOption(token.rawName, token.value));
  }
  return { values, positionals };
}

async function runCommand(command: Command, rest: string[], output: CliOutput): Promise<number> {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  const parsed = parseOptions(rest, options, cliWords.commandHelpHint(command.name));
  if (parsed.values.help) {
    output.log(command.help);
    return 0;
  }
  if (parsed.values.version) {
    output.log(GENERATOR_VERSION);
    return 0;
  }
  return command.run(parsed, output);
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const near = closest(
    name,
    COMMANDS.map((c) => c.name),
  );
  throw new UsageError(cliWords.unknownCommand(name, near));
}

/** `nps-toolkit`, `--help`, `--version` and `help [command]`: everything but running a command. */
function runWithoutCommand(name: string | undefined, rest: string[], output: CliOutput): number {
  const parsed = parseOptions(rest, GLOBAL_OPTIONS, cliWords.topHelpHint);
  if (parsed.values.version) {
    output.log(GENERATOR_VERSION);
    return 0;
  }
  if (name === "help" && parsed.positionals.length > 0) {
    output.log(findCommand(parsed.positionals[0]).help);
    return 0;
  }
  output.log(topHelp());
  // Asking for help succeeds; running with nothing to do is wrong usage, even though it shows the same help.
  return name === "help" || parsed.values.help ? 0 : 2;
}

/** Runs the command line; returns the exit code (0 success, 1 failure, 2 wrong usage). */
export async function main(
  argv: string[],
  output: CliOutput = { log: console.log, error: console.error },
): Promise<number> {
  try {
    return await runCommandLine(argv, output);
  } finally {
    // The worker that read this run's files (if any) ends with the run.
    await endReadWorker();
  }
}

/**
 * As main, but the worker that read the files (src/cli/read-in-worker.ts) stays for the next command, with the same
 * time limit on each read: for a process that runs one command after another (the tests run hundreds), where
 * starting a worker for each would cost more than most reads. Such a process ends the worker with endReadWorker.
 */
export async function runCommandLine(argv: string[], output: CliOutput): Promise<number> {
  try {
    const { name, rest } = splitCommand(argv);
    if (name === undefined || name === "help") return runWithoutCommand(name, rest, output);
    return await runCommand(findCommand(name), rest, output);
  } catch (problem) {
    output.error(cliWords.problem((problem as Error).message));
    return problem instanceof UsageError ? 2 : 1;
  }
}
