import * as path from "path";
import { plural } from "../../core/util/words";
import { isRefusal, planSignedOffCopy, type SignOffRefusal } from "../../core/sign-off/sign-off";
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

const HELP = `Usage: nps-toolkit sign-off <file.xlsx> --by NAME [--on YYYY-MM-DD] [-o OUT.xlsx] [--force] [--allow-incomplete] [--with-errors]

Signs the answers of an assessment off as final: writes a NEW workbook with every answer carried
across, "Signed off by" and "Signed off on" filled in on the Guide, and a fingerprint of every
answer recorded with them. If any answer changes afterwards, nps-toolkit check warns
(signoff.answers-changed) and the return no longer counts as final.

<file.xlsx> is only read, never changed. Sheets of your own in it are not copied (the command names
them). The workbook is checked first: a return with errors (a figure cannot be trusted) is not
signed off; the errors are listed so they can be corrected or repaired first. Warnings are
listed too, but do not stop a sign-off. A return with no current level at all is never signed
off; one whose key areas are not all complete (a behaviour without a current level) is signed off
only with --allow-incomplete, and the key areas are named either way.

Options:
  --by NAME            Who signs the answers off (required).
  --on YYYY-MM-DD      The sign-off date (default: today); not in the future.
  -o, --output FILE    The new workbook (default: <file>-signed-off.xlsx beside <file.xlsx>).
  --force              Replace the new workbook's file if it already exists.
  --allow-incomplete   Sign off even though some behaviours have no current level yet.
  --with-errors        Sign off even though the check finds errors (they are still listed).
                       An entry that is not a level (or a review date that is not a date)
                       moves into the Evidence cell, with a note that the sign-off moved it.
  -h, --help           Show this help.

Example:
  nps-toolkit sign-off anytown.xlsx --by "Sam Lead" --on 2026-11-20 -o anytown-final.xlsx

Exit codes: 0 written; 1 not signed off because the check found errors, the return has no
answers or is not complete, or any other failure;
2 when <file.xlsx> cannot be read or holds no assessment, or the request cannot be carried out as
asked (no --by, a date that is not a date, the new file is <file.xlsx>).`;

interface SignOffArgs {
  inFile: string;
  outFile: string;
  by: string;
  on: string;
  force: boolean;
  withErrors: boolean;
  allowIncomplete: boolean;
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
    allowIncomplete: values["allow-incomplete"] === true,
  };
}

function listFindings(findings: Finding[], log: (line: string) => void): void {
  for (const f of findings) {
    const where = f.sheet ? `${f.sheet.name}${f.cell ? `!${f.cell}` : ""}: ` : "";
    log(`  ${where}${f.message} (${f.rule})`);
  }
}

/** Why the return was not signed off, with what to do: the command line's own next steps, which name its options. */
function refuse(request: SignOffArgs, refused: SignOffRefusal, output: CliOutput): number {
  if (refused.refused === "no-assessment")
    throw new UsageError(
      `${request.inFile}: this workbook holds no assessment made by the NPS toolkit, so there is nothing to sign off.`,
    );
  output.error(`${request.inFile}: ${refused.message}`);
  if (refused.refused === "errors") {
    listFindings(refused.errors, output.error);
    output.error(
      `Correct them (nps-toolkit repair fixes the ones marked repairable by nps-toolkit check), then sign off again; or add --with-errors to sign off as it is.`,
    );
  } else if (refused.refused === "incomplete") {
    output.error(
      "Pick a current level for every behaviour, then sign off again; or add --allow-incomplete to sign off as it is.",
    );
  } else {
    output.error(refused.nextStep);
  }
  return 1;
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
  const copy = planSignedOffCopy({
    snapshot,
    toolkit: canonicalToolkit(),
    request: {
      by: request.by,
      on: request.on,
      now,
      allowIncomplete: request.allowIncomplete,
      allowErrors: request.withErrors,
    },
    check,
  });
  if (isRefusal(copy)) return refuse(request, copy, output);
  await writeAllOrNothing([{ target, bytes: await writePlanToBuffer(copy.planned.plan), shownAs: request.outFile }]);
  output.log(`Wrote ${request.outFile}: a signed-off copy of ${request.inFile}, which was not changed.`);
  const errors = check.findings.filter((f) => f.severity === "error");
  const warnings = check.findings.filter((f) => f.severity === "warning");
  const [signedOff, ...notes] = copy.notes;
  output.log(signedOff);
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
  if (copy.planned.sheetsNotInPlan.length > 0)
    output.log(
      `Not carried across (copy them in Excel if you need them): ${copy.planned.sheetsNotInPlan.map((name) => `"${name}"`).join(", ")}.`,
    );
  for (const note of notes) output.log(note);
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
    "allow-incomplete": { type: "boolean" },
  },
  run,
};
