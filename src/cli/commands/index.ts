import type { Command } from "../command";
import { checkCommand } from "./check";
import { repairCommand } from "./repair";

/** Every command but `new` (still parsed in main.ts), in the order `--help` lists them. */
export const COMMANDS: Command[] = [checkCommand, repairCommand];
