import { readFileSync, statSync, type Stats } from "fs";
import { plural } from "../../core/util/words";
import * as path from "path";
import { planRepairedCopy, type RepairedCopy } from "../../core/assessment/plan-assessment";
import type { WorkbookSnapshot } from "../../core/snapshot/types";
import { canonicalToolkit } from "../../core/toolkit/canonical";
import type { Toolkit } from "../../core/toolkit/schema";
import { checkFileSize, WorkbookReadError } from "../../xlsx/read-xlsx";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type Command, type CliOutput, type ParsedArgs } from "../command";
import { readSnapshotInWorker } from "../read-in-worker";
import { unreadableFile } from "../read-workbook";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";

const HELP = `Usage: nps-toolkit repair <in.xlsx> <out.xlsx> [--force]

Writes a NEW assessment workbook, generated from the canonical toolkit, with every answer of
<in.xlsx> carried across by behaviour ID: levels, evidence, owner, review date, the council and
the assessment date, and the answers on its Retired answers sheet. The names you gave the
assessment's sheets are kept.

<in.xlsx> is only read, never changed. Sheets of your own in it are not copied (a workbook saved
by this tool would lose what it cannot read, such as PivotTables, charts and pictures); the
command names them, so you can copy them across in Excel.

Options:
  --force    Replace <out.xlsx> if it already exists.

Exit codes: 0 written; 2 when <in.xlsx> cannot be read or holds no assessment, or the request
cannot be carried out as asked (for example <out.xlsx> is <in.xlsx>); 1 on any other failure.`;

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
  if (!stats) throw new UsageError(`"${file}" does not exist.`);
  if (stats.isDirectory()) throw new UsageError(`"${file}" is a folder, not a workbook.`);
  return input;
}

export async function readInput(file: string, input: string): Promise<WorkbookSnapshot> {
  try {
    checkFileSize(statSync(input).size);
    return await readSnapshotInWorker(new Uint8Array(readFileSync(input)));
  } catch (problem) {
    // An unreadable workbook is a request that cannot be carried out: one line, exit 2, as check says it.
    if (problem instanceof WorkbookReadError) throw new UsageError(`${file}: ${problem.message}`);
    const unreadable = unreadableFile(file, problem);
    if (unreadable) throw new UsageError(unreadable);
    throw problem;
  }
}

function report(inFile: string, outFile: string, copy: RepairedCopy, toolkit: Toolkit, output: CliOutput): void {
  const retired =
    copy.retired.length > 0
      ? ` (${copy.retired.length} of them retired answers, kept on the Retired answers sheet)`
      : "";
  output.log(
    `Wrote ${outFile}: a new assessment from toolkit ${toolkit.version} with ${plural(copy.carried.length, "answered behaviour", "answered behaviours")} carried across from ${inFile}${retired}. ${inFile} was not changed.`,
  );
  if (copy.notCarried.length > 0)
    output.log(
      `Not carried across (copy them in Excel if you need them): ${copy.notCarried.map((name) => `"${name}"`).join(", ")}.`,
    );
  for (const warning of copy.warnings) output.log(`Warning: ${warning}`);
}

async function run(args: ParsedArgs, output: CliOutput): Promise<number> {
  const [inFile, outFile, ...extra] = args.positionals;
  if (!inFile || !outFile || extra.length > 0)
    throw new UsageError(
      "Say which workbook to repair and where to write the new one: nps-toolkit repair in.xlsx out.xlsx",
    );
  const input = checkInput(inFile);
  if (isSameFile(input, path.resolve(outFile)))
    throw new UsageError(
      `${outFile} is the workbook being repaired; repair never rewrites it. Name a new file for the repaired copy.`,
    );
  const target = checkTarget(outFile, args.values.force === true);
  const toolkit = canonicalToolkit();
  const copy = planRepairedCopy(await readInput(inFile, input), toolkit, new Date());
  if (!copy)
    throw new UsageError(
      `${inFile}: this workbook holds no assessment made by the NPS toolkit, so there is nothing to repair. To start one, run nps-toolkit new.`,
    );
  await writeAllOrNothing([{ target, bytes: await writePlanToBuffer(copy.plan), shownAs: outFile }]);
  report(inFile, outFile, copy, toolkit, output);
  return 0;
}

export const repairCommand: Command = {
  name: "repair",
  summary: "Write a new, repaired copy of an assessment workbook, with every answer carried across.",
  help: HELP,
  options: { force: { type: "boolean" } },
  run,
};
