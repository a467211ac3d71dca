import { readFile } from "fs/promises";
import { plural } from "../../core/util/words";
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

const HELP = `Usage:
  nps-toolkit check <file.xlsx>... [--json] [--today YYYY-MM-DD] [--source R1.xlsx --source R2.xlsx …]

Checks each assessment workbook against the toolkit version it was made from, cell by cell, and
lists what differs: edited toolkit text, changed formulas, entries that are not levels, pickers
pasted away, missing evidence, past review dates, protection lifted and more. Each finding names
its rule, sheet, cell and severity, with what was expected and what was found.

  error     a figure on Summary, Gaps or Data cannot be trusted, or the text is not the toolkit's
  warning   the figures stand, but something needs attention before the return is signed off
  info      worth knowing

The files are only read, never changed.

Options:
  --json               Print the findings as JSON instead of a table.
  --today YYYY-MM-DD   The date review dates are compared with (default: today).
  --source FILE        A return a moderated workbook was made from (nps-toolkit moderate), given again:
                       the check says whether it changed since. Give it once for each return.

Exit codes:
  0  no file has errors
  1  some file has errors
  2  some file could not be read (the other files are still checked)
`;

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
    output.error(`${report.file}: not checked. ${report.problem}`);
    return;
  }
  const { findings, toolkit } = report.result;
  const against = toolkit ? ` (checked against toolkit ${toolkit.id} ${toolkit.version})` : "";
  log(
    `${report.file}: ${plural(count(findings, "error"), "error")}, ${plural(count(findings, "warning"), "warning")}, ${plural(count(findings, "info"), "note")}${against}`,
  );
  if (findings.length === 0) return;
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const rows = [["Severity", "Sheet", "Cell", "Rule", "Finding"]];
  for (const f of sorted) {
    rows.push([f.severity, f.sheet?.name ?? "", f.cell ?? "", f.rule, f.message]);
    if (f.expected !== undefined) rows.push(["", "", "", "", `  expected: ${clip(f.expected)}`]);
    if (f.found !== undefined) rows.push(["", "", "", "", `  found:    ${clip(f.found)}`]);
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
  for (const source of notRead) output.error(`${source.file}: not compared as a source. ${source.reason}`);
  return given;
}

export const checkCommand: Command = {
  name: "check",
  summary: "Check assessment workbooks against the canonical toolkit, cell by cell.",
  help: HELP,
  options: {
    json: { type: "boolean" },
    today: { type: "string" },
    source: { type: "string", multiple: true },
  },
  async run(args: ParsedArgs, output: CliOutput): Promise<number> {
    if (args.positionals.length === 0)
      throw new UsageError("Say which workbooks to check, for example: nps-toolkit check assessment.xlsx");
    const today = (args.values.today as string | undefined) ?? todayIso();
    if (!isIsoDate(today))
      throw new UsageError(`--today must be a real date written YYYY-MM-DD, for example 2026-03-31 (got "${today}").`);
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
