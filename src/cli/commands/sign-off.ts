import * as path from "path";
import { plural } from "../../core/util/words";
import { blockedMessage, planSignOff, signOffBlockers, signedOffNote } from "../../core/assessment/sign-off";
import { signOffProblem } from "../../core/assessment/sign-off-request";
import { checkWorkbook } from "../../core/check/check";
import type { Finding } from "../../core/check/types";
import { canonicalToolkit } from "../../core/toolkit/canonical";
import { knownToolkits } from "../../core/toolkit/registry";
import { todayIso } from "../../core/util/dates";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type CliOutput, type Command, type ParsedArgs } from "../command";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";
import { checkInput, readInput } from "./repair";

const HELP = `Usage: nps-toolkit sign-off <file.xlsx> --by NAME [--on YYYY-MM-DD] [-o OUT.xlsx] [--force] [--with-errors]

Signs the answers of an assessment off as final: writes a NEW workbook with every answer carried
across (as repair does), "Signed off by" and "Signed off on" filled in on the Guide, and a
fingerprint of every answer recorded with them. If any answer changes afterwards, nps-toolkit check
warns (signoff.answers-changed) and the return no longer counts as final.

<file.xlsx> is only read, never changed. Sheets of your own in it are not copied (the command names
them). The workbook is checked first: a return with errors (a figure cannot be trusted) is not
signed off; the errors are listed so they can be corrected or repaired first. Warnings are
listed too, but do not stop a sign-off.

Options:
  --by NAME            Who signs the answers off (required).
  --on YYYY-MM-DD      The sign-off date (default: today); not in the future.
  -o, --output FILE    The new workbook (default: <file>-signed-off.xlsx beside <file.xlsx>).
  --force              Replace the new workbook's file if it already exists.
  --with-errors        Sign off even though the check finds errors (they are still listed).
  -h, --help           Show this help.

Example:
  nps-toolkit sign-off anytown.xlsx --by "Sam Lead" --on 2026-11-20 -o anytown-final.xlsx

Exit codes: 0 written; 1 not signed off because the check found errors, or any other failure;
2 when <file.xlsx> cannot be read or holds no assessment, or the request cannot be carried out as
asked (no --by, a date that is not a date, the new file is <file.xlsx>).`;

interface SignOffArgs {
  inFile: string;
  outFile: string;
  by: string;
  on: string;
  force: boolean;
  withErrors: boolean;
}

/** <file>-signed-off.xlsx, in the same folder as <file>. */
const defaultOutput = (inFile: string) => path.join(path.dirname(inFile), `${path.parse(inFile).name}-signed-off.xlsx`);

function signOffArgs({ values, positionals }: ParsedArgs, today: string): SignOffArgs {
  const [inFile, ...extra] = positionals;
  const by = values.by as string | undefined;
  if (!inFile || extra.length > 0 || by === undefined)
    throw new UsageError(
      'Say which workbook to sign off and who signs it off, for example: nps-toolkit sign-off anytown.xlsx --by "Sam Lead"',
    );
  const on = (values.on as string | undefined) ?? today;
  const problem = signOffProblem(by, on, today);
  if (problem) throw new UsageError(problem);
  return {
    inFile,
    outFile: (values.output as string | undefined) ?? defaultOutput(inFile),
    by: by.trim(),
    on,
    force: values.force === true,
    withErrors: values["with-errors"] === true,
  };
}

function listFindings(findings: Finding[], log: (line: string) => void): void {
  for (const f of findings) {
    const where = f.sheet ? `${f.sheet.name}${f.cell ? `!${f.cell}` : ""}: ` : "";
    log(`  ${where}${f.message} (${f.rule})`);
  }
}

async function run(args: ParsedArgs, output: CliOutput): Promise<number> {
  const now = new Date();
  const today = todayIso(now);
  const request = signOffArgs(args, today);
  const input = checkInput(request.inFile);
  if (isSameFile(input, path.resolve(request.outFile)))
    throw new UsageError(
      `${request.outFile} is the workbook being signed off; sign-off never rewrites it. Name a new file with -o.`,
    );
  const target = checkTarget(request.outFile, request.force);
  const snapshot = await readInput(request.inFile, input);
  const check = checkWorkbook(snapshot, knownToolkits(), { today });
  const errors = signOffBlockers(check);
  const warnings = check.findings.filter((f) => f.severity === "warning");
  if (errors.some((f) => f.rule === "identity.not-an-assessment"))
    throw new UsageError(
      `${request.inFile}: this workbook holds no assessment made by the NPS toolkit, so there is nothing to sign off.`,
    );
  if (errors.length > 0 && !request.withErrors) {
    output.error(`${request.inFile}: ${blockedMessage(errors.length)}`);
    listFindings(errors, output.error);
    output.error(
      `Correct them (nps-toolkit repair fixes the ones marked repairable by nps-toolkit check), then sign off again; or add --with-errors to sign off as it is.`,
    );
    return 1;
  }
  const planned = planSignOff(snapshot, canonicalToolkit(), {
    by: request.by,
    on: request.on,
    now,
    workbookSheets: [],
  });
  if (!planned) throw new UsageError(`${request.inFile}: this workbook holds no assessment made by the NPS toolkit.`);
  await writeAllOrNothing([{ target, bytes: await writePlanToBuffer(planned.plan), shownAs: request.outFile }]);
  output.log(
    `Wrote ${request.outFile}: ${request.inFile} with ${plural(planned.carriedIds.length, "answered behaviour", "answered behaviours")} carried across. ${request.inFile} was not changed.`,
  );
  output.log(signedOffNote(request.by, request.on));
  if (errors.length > 0) {
    output.log(`Signed off with ${plural(errors.length, "error", "errors")}, as --with-errors asked:`);
    listFindings(errors, output.log);
  }
  if (warnings.length > 0) {
    output.log(
      `The check found ${plural(warnings.length, "warning")} in ${request.inFile}, which ${warnings.length === 1 ? "does" : "do"} not stop a sign-off:`,
    );
    listFindings(warnings, output.log);
  }
  if (planned.sheetsNotInPlan.length > 0)
    output.log(
      `Not carried across (copy them in Excel if you need them): ${planned.sheetsNotInPlan.map((name) => `"${name}"`).join(", ")}.`,
    );
  for (const warning of planned.warnings) output.log(`Warning: ${warning}`);
  return 0;
}

export const signOffCommand: Command = {
  name: "sign-off",
  summary: "Write a new copy of an assessment with its answers signed off as final, and their fingerprint.",
  help: HELP,
  options: {
    by: { type: "string" },
    on: { type: "string" },
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
    "with-errors": { type: "boolean" },
  },
  run,
};
