import { readFile } from "fs/promises";
import { findingWords } from "../../core/words/findings";
import { textTable } from "../text-table";
import { checkWorkbook } from "../../core/check/check";
import type { GivenSource } from "../../core/check/moderation";
import { givenSources } from "../../core/moderate/moderate";
import type { CheckResult, Finding, Severity } from "../../core/check/types";
import { knownToolkits } from "../../core/toolkit/registry";
import { isIsoDate, todayIso } from "../../core/util/dates";
import { WorkbookReadError } from "../../xlsx/read-xlsx";
import { readSnapshotInWorker } from "../read-in-worker";
import { UsageError, type CliOutput, type Command, type ParsedArgs } from "../command";
import { unreadableFile } from "../read-workbook";
import { sources as returnSources } from "./consolidate";
import { cliWords } from "../../core/words/cli";

type FileReport =
  { file: string; readable: true; result: CheckResult } | { file: string; readable: false; problem: string };

async function checkFile(file: string, today: string, sources: readonly GivenSource[]): Promise<FileReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (problem) {
    const unreadable = unreadableFile(file, problem);
    if (!unreadable) throw problem;
    return { file, readable: false, problem: unreadable };
  }
  try {
    const snapshot = await readSnapshotInWorker(bytes);
    return { file, readable: true, result: checkWorkbook(snapshot, knownToolkits(), { today, sources }) };
  } catch (problem) {
    if (problem instanceof WorkbookReadError) return { file, readable: false, problem: problem.message };
    throw problem;
  }
}

const count = (findings: Finding[], severity: Severity) => findings.filter((f) => f.severity === severity).length;

/** Long toolkit texts are cut in the table; --json has them whole. */
const clip = (text: string, width = 100) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

function readableReport(report: FileReport, output: CliOutput): void {
  const log = output.log;
  if (!report.readable) {
    output.error(cliWords.check.notChecked(report.file, report.problem));
    return;
  }
  const { findings, toolkit } = report.result;
  const against = toolkit ? findingWords.report.againstInline(toolkit.version) : "";
  log(
    cliWords.check.counts(
      report.file,
      count(findings, "error"),
      count(findings, "warning"),
      count(findings, "info"),
      against,
    ),
  );
  if (findings.length === 0) return;
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const rows: string[][] = [[...cliWords.check.columns]];
  for (const f of sorted) {
    rows.push([cliWords.check.severity[f.severity], f.sheet?.name ?? "", f.cell ?? "", f.rule, f.message]);
    if (f.expected !== undefined) rows.push(["", "", "", "", cliWords.check.expected(clip(f.expected))]);
    if (f.found !== undefined) rows.push(["", "", "", "", cliWords.check.found(clip(f.found))]);
    if (f.repairable) rows.push(["", "", "", "", cliWords.repairFixesThis]);
  }
  for (const line of textTable(rows)) log(`  ${line}`);
}

function jsonReport(reports: FileReport[]): string {
  return JSON.stringify(
    {
      files: reports.map((report) =>
        report.readable
          ? {
              file: report.file,
              readable: true,
              toolkit: report.result.toolkit ?? null,
              counts: Object.fromEntries(SEVERITY_ORDER.map((s) => [s, count(report.result.findings, s)])),
              findings: report.result.findings,
            }
          : { file: report.file, readable: false, problem: report.problem },
      ),
    },
    null,
    2,
  );
}

/** The source returns given with --source, read as moderation reads them; each one that cannot be used is said. */
async function sourcesGiven(files: string[], today: string, output: CliOutput): Promise<GivenSource[]> {
  if (files.length === 0) return [];
  const { given, notRead } = await givenSources(returnSources(files), { registry: knownToolkits(), today });
  for (const { file, reason } of notRead) output.error(cliWords.check.sourceNotCompared({ file, reason }));
  return given;
}

export const checkCommand: Command = {
  name: "check",
  summary: cliWords.check.summary,
  help: cliWords.check.help,
  options: {
    json: { type: "boolean" },
    today: { type: "string" },
    source: { type: "string", multiple: true },
  },
  async run(args: ParsedArgs, output: CliOutput): Promise<number> {
    if (args.positionals.length === 0) throw new UsageError(cliWords.check.noFiles);
    const today = (args.values.today as string | undefined) ?? todayIso();
    if (!isIsoDate(today)) throw new UsageError(cliWords.todayInvalid(today));
    const sources = await sourcesGiven((args.values.source as string[] | undefined) ?? [], today, output);
    const reports: FileReport[] = [];
    for (const file of args.positionals) reports.push(await checkFile(file, today, sources));
    if (args.values.json) output.log(jsonReport(reports));
    else
      reports.forEach((report, i) => {
        if (i > 0) output.log("");
        readableReport(report, output);
      });
    if (reports.some((r) => !r.readable)) return 2;
    return reports.some((r) => r.readable && r.result.findings.some((f) => f.severity === "error")) ? 1 : 0;
  },
};
