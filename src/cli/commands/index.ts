import type { Command } from "../command";
import { checkCommand } from "./check";

/** Every command but `new` (still parsed in main.ts), in the order `--help` lists them. */
export const COMMANDS: Command[] = [checkCommand];
