import type { Command } from "../command";

/** Every command but `new` (still parsed in main.ts), in the order `--help` lists them. */
export const COMMANDS: Command[] = [];
