import * as path from "path";
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
import { cliWords } from "../../core/words/cli";

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
  if (!inFile || extra.length > 0 || by === undefined) throw new UsageError(cliWords.signOff.noFile);
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
    const where = f.sheet ? cliWords.signOff.where(f.sheet.name, f.cell) : "";
    log(cliWords.signOff.finding(where, f.message, f.rule));
    if (f.repairable) log(`  ${cliWords.repairFixesThis}`);
  }
}

/** Why the return was not signed off, with what to do: the command line's own next steps, which name its options. */
function refuse(request: SignOffArgs, refused: SignOffRefusal, output: CliOutput): number {
  if (refused.refused === "no-assessment") throw new UsageError(cliWords.signOff.noAssessment(request.inFile));
  output.error(cliWords.signOff.refused(request.inFile, refused.message));
  if (refused.refused === "errors") {
    listFindings(refused.errors, output.error);
    output.error(cliWords.signOff.correctErrors);
  } else if (refused.refused === "incomplete") {
    output.error(cliWords.signOff.completeFirst);
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
    throw new UsageError(cliWords.signOff.sameFile(request.outFile));
  const target = checkTarget(request.outFile, { force: request.force });
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
  output.log(cliWords.signOff.wrote(request.outFile, request.inFile));
  const errors = check.findings.filter((f) => f.severity === "error");
  const warnings = check.findings.filter((f) => f.severity === "warning");
  const [signedOff, ...notes] = copy.notes;
  output.log(signedOff);
  if (errors.length > 0) {
    output.log(cliWords.signOff.withErrors(errors.length));
    listFindings(errors, output.log);
  }
  if (warnings.length > 0) {
    output.log(cliWords.signOff.warnings(warnings.length, request.inFile));
    listFindings(warnings, output.log);
  }
  if (copy.planned.sheetsNotInPlan.length > 0) output.log(cliWords.notCarried(copy.planned.sheetsNotInPlan));
  for (const note of notes) output.log(note);
  return 0;
}

export const signOffCommand: Command = {
  name: "sign-off",
  summary: cliWords.signOff.summary,
  help: cliWords.signOff.help,
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
