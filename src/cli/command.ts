import type { ParseArgsConfig } from "util";

/**
 * One command of the command line (`new`, `check`, `repair`, …). Each lives in src/cli/commands/
 * and is listed once in COMMANDS there; main.ts parses its options with util.parseArgs and runs it.
 */
export interface Command {
  name: string;
  /** One line for the list of commands in `nps-toolkit --help`. */
  summary: string;
  /** The command's own `--help` text: usage, what it does, its options, its exit codes. */
  help: string;
  /** util.parseArgs options (without --help, which every command has). */
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Returns the exit code. Throws UsageError for a request that cannot be carried out as asked. */
  run(args: ParsedArgs, output: CliOutput): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** Where a command writes: lines for the user (standard output) and problems (standard error). */
export interface CliOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** A problem with what the user asked for, reported in one line without a stack trace (exit 2). */
export class UsageError extends Error {}
