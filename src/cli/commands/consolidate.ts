import { readdirSync, statSync } from "fs";
import { textTable } from "../text-table";
import * as path from "path";
import { consolidateReturns } from "../../core/consolidate/consolidate";
import { groupDataCsv } from "../../core/consolidate/csv";
import { planGroupWorkbook } from "../../core/consolidate/group-plan";
import { groupDataRows } from "../../core/consolidate/group-rows";
import { logRow, logSummaryLine } from "../../core/consolidate/log";
import type { Consolidation, ReturnSource } from "../../core/consolidate/types";
import { knownToolkits } from "../../core/toolkit/registry";
import { isIsoDate, todayIso } from "../../core/util/dates";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type CliOutput, type Command, type ParsedArgs } from "../command";
import { readWorkbookFile } from "../read-workbook";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";

const HELP = `Usage:
  nps-toolkit consolidate <file.xlsx or folder>... -o group.xlsx [--csv group.csv]
                          [--include-errors] [--final-only] [--force] [--today YYYY-MM-DD]

Consolidates returned assessment workbooks (one per council, or one per respondent in a council) into a
new group workbook: Group Summary (each return's average current score and typical level per key area
and theme, with the group's mean, lowest, highest and spread), Group Data (one row per return and
behaviour, an Excel table to pivot on) and the Consolidation Log (every file, its status, its findings
and why any was left out). A folder stands for the .xlsx files in it (Excel's ~$ lock files aside).

Each file is checked first. A file that is not an assessment, or whose check finds errors, is left out
(see nps-toolkit check). Returns from an older toolkit version are matched by behaviour ID. Of two
returns from the same council and respondent, the final one is used, then the one with the later
assessment date, then the one saved later. The returns are only read, never changed.

Options:
  -o, --output FILE    The group workbook to write (.xlsx). Required.
  --csv FILE           Also write Group Data as CSV (UTF-8), for Power BI and other tools.
  --include-errors     Use returns whose check found errors too.
  --final-only         Leave out returns that are not signed off.
  --force              Replace the output files if they exist.
  --today YYYY-MM-DD   The date the check compares review dates with (default: today).

Exit codes:
  0  every file was used
  1  some files were left out (the log says why)
  2  nothing could be consolidated, or wrong usage (no file is written)
`;

/** Excel's owner file beside an open workbook ("~$name.xlsx"): never a return. */
const isLockFile = (name: string) => name.startsWith("~$");

/** The files to consolidate: each argument, or the .xlsx files of a folder in name order; never our own outputs. */
export function filesFrom(args: string[], outputs: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    const isFolder = statSync(arg, { throwIfNoEntry: false })?.isDirectory() === true;
    if (!isFolder) {
      files.push(arg);
      continue;
    }
    const inFolder = readdirSync(arg)
      .filter((name) => path.extname(name).toLowerCase() === ".xlsx" && !isLockFile(name))
      .sort()
      .map((name) => path.join(arg, name))
      .filter((file) => statSync(file).isFile() && !outputs.some((output) => isSameFile(file, output)));
    if (inFolder.length === 0) throw new UsageError(`The folder "${arg}" holds no .xlsx files.`);
    files.push(...inFolder);
  }
  return files;
}

/** Each file as a return read when its turn comes, bounded as every command reads (read-workbook.ts). */
export function sources(files: string[]): ReturnSource[] {
  return files.map((file) => ({
    file,
    modified: statSync(file, { throwIfNoEntry: false })?.mtimeMs,
    read: () => readWorkbookFile(file),
  }));
}

function printLog(consolidation: Consolidation, output: CliOutput): void {
  const rows = [["Return", "Status", "Errors", "Warnings", "File", "Council"]];
  const reasons: string[] = [];
  for (const entry of consolidation.log) {
    const row = logRow(entry);
    const shown = (value: unknown) => (value === null ? "" : String(value));
    rows.push([
      shown(row.returnNumber) || "-",
      shown(row.outcome),
      shown(row.errors),
      shown(row.warnings),
      entry.file,
      [row.council, row.respondent].filter((v) => v !== null).join(", "),
    ]);
    reasons.push(entry.reason);
  }
  const [heading, ...lines] = textTable(rows);
  output.log(`  ${heading}`);
  lines.forEach((line, i) => {
    output.log(`  ${line}`);
    if (reasons[i]) output.log(`      ${reasons[i]}`);
  });
}

function outputsOf(args: ParsedArgs): { xlsx: string; csv?: string; force: boolean } {
  const xlsx = args.values.output;
  if (typeof xlsx !== "string")
    throw new UsageError("Say where to write the group workbook: nps-toolkit consolidate returns/ -o group.xlsx");
  const csv = args.values.csv;
  return { xlsx, ...(typeof csv === "string" ? { csv } : {}), force: args.values.force === true };
}

async function run(args: ParsedArgs, output: CliOutput): Promise<number> {
  if (args.positionals.length === 0)
    throw new UsageError(
      "Say which returns to consolidate (files or a folder): nps-toolkit consolidate returns/ -o group.xlsx",
    );
  const today = (args.values.today as string | undefined) ?? todayIso();
  if (!isIsoDate(today))
    throw new UsageError(`--today must be a real date written YYYY-MM-DD, for example 2026-03-31 (got "${today}").`);
  const outputs = outputsOf(args);
  const xlsxTarget = checkTarget(outputs.xlsx, outputs.force);
  const csvTarget = outputs.csv === undefined ? undefined : checkTarget(outputs.csv, outputs.force, ".csv");
  const targets = [xlsxTarget, ...(csvTarget ? [csvTarget] : [])];
  const files = filesFrom(args.positionals, targets);
  for (const file of files)
    if (targets.some((target) => isSameFile(path.resolve(file), target)))
      throw new UsageError(`${file} is one of the returns; consolidate never writes over a return. Name a new file.`);

  const consolidation = await consolidateReturns(sources(files), {
    registry: knownToolkits(),
    today,
    includeErrors: args.values["include-errors"] === true,
    finalOnly: args.values["final-only"] === true,
  });
  if (consolidation.returns.length === 0) {
    output.log(`${logSummaryLine(consolidation)} Nothing could be consolidated, so no file was written.`);
    printLog(consolidation, output);
    return 2;
  }
  const rows = groupDataRows(consolidation);
  const workbook = await writePlanToBuffer(planGroupWorkbook(consolidation, { now: new Date() }));
  await writeAllOrNothing([
    { target: xlsxTarget, bytes: workbook, shownAs: outputs.xlsx },
    ...(csvTarget && outputs.csv
      ? [{ target: csvTarget, bytes: new TextEncoder().encode(groupDataCsv(rows)), shownAs: outputs.csv }]
      : []),
  ]);
  const csvNote = outputs.csv ? ` and ${outputs.csv}` : "";
  output.log(
    `Wrote ${outputs.xlsx}${csvNote}: ${logSummaryLine(consolidation)} ${rows.length} rows on Group Data (toolkit ${consolidation.toolkit.id} ${consolidation.toolkit.version}).`,
  );
  printLog(consolidation, output);
  return consolidation.log.every((entry) => entry.outcome !== "left-out") ? 0 : 1;
}

export const consolidateCommand: Command = {
  name: "consolidate",
  summary: "Consolidate returned assessments into a group workbook (and CSV) to compare and pivot.",
  help: HELP,
  options: {
    output: { type: "string", short: "o" },
    csv: { type: "string" },
    "include-errors": { type: "boolean" },
    "final-only": { type: "boolean" },
    force: { type: "boolean" },
    today: { type: "string" },
  },
  run,
};
