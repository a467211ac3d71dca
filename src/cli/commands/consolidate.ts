import { readdirSync, statSync } from "fs";
import { textTable } from "../text-table";
import * as path from "path";
import { consolidateReturns } from "../../core/consolidate/consolidate";
import { anonymiseConsolidation, returnKeyCsv } from "../../core/consolidate/anonymise";
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
                          [--anonymise --key key.csv]
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

With --anonymise the group workbook is fit to send back to every council: returns are Return 1, 2, ...
with no council, respondent, role, evidence, owner or file name anywhere in it, and any group figure
drawn from fewer than 5 returns is not shown. Which council's return has which number is written only
to the key file (--key), for you to tell each council its own number.

Options:
  -o, --output FILE    The group workbook to write (.xlsx). Required.
  --csv FILE           Also write Group Data as CSV (UTF-8), for Power BI and other tools.
  --anonymise          Write a group workbook (and CSV) to share with every council.
  --key FILE           With --anonymise, required: the CSV saying whose return has which number.
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

interface Outputs {
  xlsx: string;
  csv?: string;
  /** The anonymised group's key; given exactly when the group is anonymised. */
  key?: string;
  force: boolean;
}

function outputsOf(args: ParsedArgs): Outputs {
  const xlsx = args.values.output;
  if (typeof xlsx !== "string")
    throw new UsageError("Say where to write the group workbook: nps-toolkit consolidate returns/ -o group.xlsx");
  const { csv, key } = args.values;
  const anonymise = args.values.anonymise === true;
  if (anonymise && typeof key !== "string")
    throw new UsageError(
      "Say where to write the key to the return numbers, which only you keep: nps-toolkit consolidate returns/ -o group.xlsx --anonymise --key key.csv",
    );
  if (!anonymise && typeof key === "string")
    throw new UsageError("--key is the key to an anonymised group: give --anonymise too, or leave --key out.");
  return {
    xlsx,
    ...(typeof csv === "string" ? { csv } : {}),
    ...(typeof key === "string" ? { key } : {}),
    force: args.values.force === true,
  };
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
  const keyTarget = outputs.key === undefined ? undefined : checkTarget(outputs.key, outputs.force, ".csv");
  const targets = [xlsxTarget, ...(csvTarget ? [csvTarget] : []), ...(keyTarget ? [keyTarget] : [])];
  if (new Set(targets).size < targets.length) throw new UsageError("Name a different file for each output.");
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
  const anonymised = keyTarget ? anonymiseConsolidation(consolidation) : undefined;
  const shared = anonymised?.consolidation ?? consolidation;
  const rows = groupDataRows(shared);
  const workbook = await writePlanToBuffer(planGroupWorkbook(shared, { now: new Date() }));
  const text = (csv: string) => new TextEncoder().encode(csv);
  await writeAllOrNothing([
    { target: xlsxTarget, bytes: workbook, shownAs: outputs.xlsx },
    ...(csvTarget && outputs.csv ? [{ target: csvTarget, bytes: text(groupDataCsv(rows)), shownAs: outputs.csv }] : []),
    ...(keyTarget && outputs.key && anonymised
      ? [{ target: keyTarget, bytes: text(returnKeyCsv(anonymised.key)), shownAs: outputs.key }]
      : []),
  ]);
  const csvNote = [outputs.csv, outputs.key]
    .filter(Boolean)
    .map((file) => ` and ${file}`)
    .join("");
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
    anonymise: { type: "boolean" },
    key: { type: "string" },
    "include-errors": { type: "boolean" },
    "final-only": { type: "boolean" },
    force: { type: "boolean" },
    today: { type: "string" },
  },
  run,
};
