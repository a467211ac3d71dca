import type { Command } from "../command";
import { newCommand } from "./new";

/** Every command, in the order `nps-toolkit --help` lists them. */
export const COMMANDS: Command[] = [newCommand];
