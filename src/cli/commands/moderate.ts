import * as path from "path";
import { moderateReturns, planModeratedWorkbook, type Moderation } from "../../core/moderate/moderate";
import { knownToolkits } from "../../core/toolkit/registry";
import { isIsoDate, todayIso } from "../../core/util/dates";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type CliOutput, type Command, type ParsedArgs } from "../command";
import { textTable } from "../text-table";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";
import { filesFrom, sources } from "./consolidate";

const HELP = `Usage:
  nps-toolkit moderate <file.xlsx or folder>... -o council.xlsx [--council NAME]
                       [--include-errors] [--force] [--today YYYY-MM-DD]

Turns several respondents' returns of one council into the council's agreed return, for a moderation
meeting: an ordinary assessment (respondent "Moderated") whose Current level and Target level pickers
hold the agreed levels, plus a Moderation sheet with every respondent's levels side by side, their
spread, a flag where they differ by two levels or more, and a moderation note to type in.

The rule: where the respondents' levels are within one level of each other, the picker is filled with
their lower median (the middle level, or the lower of the two middle levels); where they are two levels
or more apart it is left blank for the meeting to agree. Each respondent's evidence (with any owner and
review date) is merged into Evidence, named. A folder stands for the .xlsx files in it.

Each file is checked first and chosen as consolidate chooses returns: a file that is not an
assessment, or whose check finds errors, is left out; of two returns of one respondent the later is
used; an older toolkit version is matched by behaviour ID. Returns of other councils are left out.
The returns are only read, never changed; check the result later with its sources to see whether any
changed since: nps-toolkit check council.xlsx --source R1.xlsx --source R2.xlsx

Options:
  -o, --output FILE    The council's moderated workbook to write (.xlsx). Required.
  --council NAME       The council to moderate (default: the council most of the returns name).
  --include-errors     Use returns whose check found errors too.
  --force              Replace the output file if it exists.
  --today YYYY-MM-DD   The moderation's assessment date, and the date the check compares review dates with
                       (default: today).

Exit codes:
  0  every file was moderated
  1  some files were left out (the log says why)
  2  fewer than two returns of the council could be used, or wrong usage (no file is written)
`;

function printLog(moderation: Moderation, output: CliOutput): void {
  const rows = [["Status", "File", "Council", "Respondent"]];
  for (const entry of moderation.log)
    rows.push([entry.used ? "Used" : "Left out", entry.file, entry.council, entry.respondent]);
  const [heading, ...lines] = textTable(rows);
  output.log(`  ${heading}`);
  lines.forEach((line, i) => {
    output.log(`  ${line}`);
    output.log(`      ${moderation.log[i].reason}`);
  });
  for (const warning of moderation.warnings) output.log(`  ${warning}`);
}

function optionsOf(args: ParsedArgs) {
  const today = (args.values.today as string | undefined) ?? todayIso();
  if (!isIsoDate(today))
    throw new UsageError(`--today must be a real date written YYYY-MM-DD, for example 2026-03-31 (got "${today}").`);
  const output = args.values.output;
  if (typeof output !== "string")
    throw new UsageError("Say where to write the council's workbook: nps-toolkit moderate returns/ -o council.xlsx");
  const council = args.values.council;
  return { today, output, ...(typeof council === "string" ? { council } : {}), force: args.values.force === true };
}

async function run(args: ParsedArgs, output: CliOutput): Promise<number> {
  if (args.positionals.length === 0)
    throw new UsageError(
      "Say which returns to moderate (files or a folder): nps-toolkit moderate R1.xlsx R2.xlsx R3.xlsx -o council.xlsx",
    );
  const options = optionsOf(args);
  const target = checkTarget(options.output, options.force);
  const files = filesFrom(args.positionals, [target]);
  for (const file of files)
    if (isSameFile(path.resolve(file), target))
      throw new UsageError(`${file} is one of the returns; moderate never writes over a return. Name a new file.`);
  const moderation = await moderateReturns(sources(files), {
    registry: knownToolkits(),
    today: options.today,
    includeErrors: args.values["include-errors"] === true,
    ...(options.council ? { council: options.council } : {}),
  });
  if (!moderation.agreed) {
    output.log(moderation.summary);
    printLog(moderation, output);
    return 2;
  }
  const workbook = await writePlanToBuffer(planModeratedWorkbook(moderation, { now: new Date() }));
  await writeAllOrNothing([{ target, bytes: workbook, shownAs: options.output }]);
  output.log(`Wrote ${options.output}: ${moderation.summary}`);
  printLog(moderation, output);
  return moderation.log.every((entry) => entry.used) ? 0 : 1;
}

export const moderateCommand: Command = {
  name: "moderate",
  summary: "Moderate several respondents' returns of one council into its agreed return, with a Moderation sheet.",
  help: HELP,
  options: {
    output: { type: "string", short: "o" },
    council: { type: "string" },
    "include-errors": { type: "boolean" },
    force: { type: "boolean" },
    today: { type: "string" },
  },
  run,
};
