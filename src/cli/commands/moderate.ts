import * as path from "path";
import { moderateIntoNewWorkbook, type Moderation } from "../../core/moderate/moderate";
import { knownToolkits } from "../../core/toolkit/registry";
import { isIsoDate, todayIso } from "../../core/util/dates";
import { moderationWords } from "../../core/words/moderation";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type CliOutput, type Command, type ParsedArgs } from "../command";
import { textTable } from "../text-table";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";
import { filesFrom, sources } from "./consolidate";

const words = moderationWords.cli;

function printLog(moderation: Moderation, output: CliOutput): void {
  const rows: string[][] = [[...words.logHeadings]];
  for (const entry of moderation.log)
    rows.push([entry.used ? words.status.used : words.status.leftOut, entry.file, entry.council, entry.respondent]);
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
  if (!isIsoDate(today)) throw new UsageError(words.todayInvalid(today));
  const output = args.values.output;
  if (typeof output !== "string") throw new UsageError(words.noOutput);
  const council = args.values.council;
  return { today, output, ...(typeof council === "string" ? { council } : {}), force: args.values.force === true };
}

async function run(args: ParsedArgs, output: CliOutput): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError(words.noFiles);
  const options = optionsOf(args);
  const target = checkTarget(options.output, { force: options.force });
  const files = filesFrom(args.positionals, [target]);
  for (const file of files) if (isSameFile(path.resolve(file), target)) throw new UsageError(words.isAReturn(file));
  const { moderation, plan } = await moderateIntoNewWorkbook(sources(files), {
    registry: knownToolkits(),
    today: options.today,
    includeErrors: args.values["include-errors"] === true,
    ...(options.council ? { council: options.council } : {}),
    now: new Date(),
  });
  if (!plan) {
    output.log(moderation.summary);
    printLog(moderation, output);
    return 2;
  }
  await writeAllOrNothing([{ target, bytes: await writePlanToBuffer(plan), shownAs: options.output }]);
  output.log(words.wrote(options.output, moderation.summary));
  printLog(moderation, output);
  return moderation.log.every((entry) => entry.used) ? 0 : 1;
}

export const moderateCommand: Command = {
  name: "moderate",
  summary: words.summary,
  help: words.help,
  options: {
    output: { type: "string", short: "o" },
    council: { type: "string" },
    "include-errors": { type: "boolean" },
    force: { type: "boolean" },
    today: { type: "string" },
  },
  run,
};
