import { readFileSync, statSync, type Stats } from "fs";
import * as path from "path";
import { planRepairedCopy, type RepairedCopy } from "../../core/assessment/plan-assessment";
import type { WorkbookSnapshot } from "../../core/snapshot/types";
import { canonicalToolkit } from "../../core/toolkit/canonical";
import type { Toolkit } from "../../core/toolkit/schema";
import { checkFileSize, WorkbookReadError } from "../../xlsx/read-xlsx";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type Command, type CliOutput, type ParsedArgs } from "../command";
import { readSnapshotInWorker, type WorkerReadChoice } from "../read-in-worker";
import { unreadableFile } from "../read-workbook";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";
import { cliWords } from "../../core/words/cli";

/** The input's details; undefined when there is no such file, and a folder we may not look in said as check says it. */
function statOf(file: string, input: string): Stats | undefined {
  try {
    return statSync(input, { throwIfNoEntry: false });
  } catch (problem) {
    const unreadable = unreadableFile(file, problem);
    if (unreadable) throw new UsageError(unreadable);
    throw problem;
  }
}

/** The input's full path, after the checks that need no reading. */
export function checkInput(file: string): string {
  const input = path.resolve(file);
  const stats = statOf(file, input);
  if (!stats) throw new UsageError(cliWords.files.doesNotExist(file));
  if (stats.isDirectory()) throw new UsageError(cliWords.files.folderNotWorkbook(file));
  return input;
}

/** The workbook `file` (resolved as `input`): every sheet, or those of `choice`; an unreadable one is a usage error. */
export async function readInput(file: string, input: string, choice: WorkerReadChoice = {}): Promise<WorkbookSnapshot> {
  try {
    checkFileSize(statSync(input).size);
    return await readSnapshotInWorker(new Uint8Array(readFileSync(input)), choice);
  } catch (problem) {
    // An unreadable workbook is a request that cannot be carried out: one line, exit 2, as check says it.
    if (problem instanceof WorkbookReadError) throw new UsageError(`${file}: ${problem.message}`);
    const unreadable = unreadableFile(file, problem);
    if (unreadable) throw new UsageError(unreadable);
    throw problem;
  }
}

function report(inFile: string, outFile: string, copy: RepairedCopy, toolkit: Toolkit, output: CliOutput): void {
  const retired = copy.retired.length > 0 ? cliWords.repair.retired(copy.retired.length) : "";
  output.log(cliWords.repair.wrote(outFile, toolkit.version, copy.carried.length, inFile, retired));
  if (copy.notCarried.length > 0) output.log(cliWords.notCarried(copy.notCarried));
  for (const warning of copy.warnings) output.log(cliWords.warning(warning));
}

async function run(args: ParsedArgs, output: CliOutput): Promise<number> {
  const [inFile, outFile, ...extra] = args.positionals;
  if (!inFile || !outFile || extra.length > 0) throw new UsageError(cliWords.repair.noFiles);
  const input = checkInput(inFile);
  if (isSameFile(input, path.resolve(outFile))) throw new UsageError(cliWords.repair.sameFile(outFile));
  const target = checkTarget(outFile, { force: args.values.force === true });
  const toolkit = canonicalToolkit();
  const copy = planRepairedCopy(await readInput(inFile, input), toolkit, new Date());
  if (!copy) throw new UsageError(cliWords.repair.noAssessment(inFile));
  await writeAllOrNothing([{ target, bytes: await writePlanToBuffer(copy.plan), shownAs: outFile }]);
  report(inFile, outFile, copy, toolkit, output);
  return 0;
}

export const repairCommand: Command = {
  name: "repair",
  summary: cliWords.repair.summary,
  help: cliWords.repair.help,
  options: { force: { type: "boolean" } },
  run,
};
