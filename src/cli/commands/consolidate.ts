import { readdirSync, statSync } from "fs";
import { textTable } from "../text-table";
import * as path from "path";
import { consolidateReturns } from "../../core/consolidate/consolidate";
import { anonymiseConsolidation, returnKeyCsv } from "../../core/consolidate/anonymise";
import { groupDataCsv } from "../../core/consolidate/csv";
import { groupActionRows, groupActionsCsv } from "../../core/consolidate/group-actions";
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
import { cliWords } from "../../core/words/cli";

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
    if (inFolder.length === 0) throw new UsageError(cliWords.consolidate.noXlsxInFolder(arg));
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
  const rows: string[][] = [[...cliWords.consolidate.columns]];
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
  /** Group Actions as CSV. */
  actionsCsv?: string;
  /** The anonymised group's key; given exactly when the group is anonymised. */
  key?: string;
  force: boolean;
}

function outputsOf(args: ParsedArgs): Outputs {
  const xlsx = args.values.output;
  if (typeof xlsx !== "string") throw new UsageError(cliWords.consolidate.noOutput);
  const { csv, key } = args.values;
  const actionsCsv = args.values["actions-csv"];
  const anonymise = args.values.anonymise === true;
  if (anonymise && typeof key !== "string") throw new UsageError(cliWords.consolidate.noKey);
  if (!anonymise && typeof key === "string") throw new UsageError(cliWords.consolidate.keyWithoutAnonymise);
  return {
    xlsx,
    ...(typeof csv === "string" ? { csv } : {}),
    ...(typeof actionsCsv === "string" ? { actionsCsv } : {}),
    ...(typeof key === "string" ? { key } : {}),
    force: args.values.force === true,
  };
}

async function run(args: ParsedArgs, output: CliOutput): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError(cliWords.consolidate.noFiles);
  const today = (args.values.today as string | undefined) ?? todayIso();
  if (!isIsoDate(today)) throw new UsageError(cliWords.todayInvalid(today));
  const outputs = outputsOf(args);
  const xlsxTarget = checkTarget(outputs.xlsx, { force: outputs.force });
  const csvTarget =
    outputs.csv === undefined ? undefined : checkTarget(outputs.csv, { force: outputs.force, extension: ".csv" });
  const actionsTarget =
    outputs.actionsCsv === undefined
      ? undefined
      : checkTarget(outputs.actionsCsv, { force: outputs.force, extension: ".csv" });
  const keyTarget =
    outputs.key === undefined ? undefined : checkTarget(outputs.key, { force: outputs.force, extension: ".csv" });
  const targets = [xlsxTarget, csvTarget, actionsTarget, keyTarget].filter((t): t is string => t !== undefined);
  if (new Set(targets).size < targets.length) throw new UsageError(cliWords.consolidate.sameOutput);
  const files = filesFrom(args.positionals, targets);
  for (const file of files)
    if (targets.some((target) => isSameFile(path.resolve(file), target)))
      throw new UsageError(cliWords.consolidate.isReturn(file));

  const consolidation = await consolidateReturns(sources(files), {
    registry: knownToolkits(),
    today,
    includeErrors: args.values["include-errors"] === true,
    finalOnly: args.values["final-only"] === true,
  });
  if (consolidation.returns.length === 0) {
    output.log(cliWords.consolidate.nothing(logSummaryLine(consolidation)));
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
    ...(actionsTarget && outputs.actionsCsv
      ? [{ target: actionsTarget, bytes: text(groupActionsCsv(groupActionRows(shared))), shownAs: outputs.actionsCsv }]
      : []),
    ...(keyTarget && outputs.key && anonymised
      ? [{ target: keyTarget, bytes: text(returnKeyCsv(anonymised.key)), shownAs: outputs.key }]
      : []),
  ]);
  output.log(
    cliWords.consolidate.wrote(
      cliWords.consolidate.andCsv(outputs.xlsx, outputs.csv, outputs.actionsCsv, outputs.key),
      logSummaryLine(consolidation),
      rows.length,
      consolidation.toolkit.id,
      consolidation.toolkit.version,
    ),
  );
  printLog(consolidation, output);
  return consolidation.log.every((entry) => entry.outcome !== "left-out") ? 0 : 1;
}

export const consolidateCommand: Command = {
  name: "consolidate",
  summary: cliWords.consolidate.summary,
  help: cliWords.consolidate.help,
  options: {
    output: { type: "string", short: "o" },
    csv: { type: "string" },
    "actions-csv": { type: "string" },
    anonymise: { type: "boolean" },
    key: { type: "string" },
    "include-errors": { type: "boolean" },
    "final-only": { type: "boolean" },
    force: { type: "boolean" },
    today: { type: "string" },
  },
  run,
};
