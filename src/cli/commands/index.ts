import type { Command } from "../command";
import { checkCommand } from "./check";
import { consolidateCommand } from "./consolidate";
import { moderateCommand } from "./moderate";
import { newCommand } from "./new";
import { repairCommand } from "./repair";
import { signOffCommand } from "./sign-off";

/** Every command, in the order `nps-toolkit --help` lists them. */
export const COMMANDS: Command[] = [
  newCommand,
  checkCommand,
  repairCommand,
  signOffCommand,
  consolidateCommand,
  moderateCommand,
];
