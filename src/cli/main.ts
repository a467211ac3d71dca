import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { sampleAnswers } from "../core/answers/sample";
import { emptyAnswers } from "../core/answers/types";
import { buildWorkbookPlan } from "../core/plan/build-plan";
import { canonicalToolkit } from "../core/toolkit/canonical";
import { isIsoDate } from "../core/util/dates";
import { GENERATOR_VERSION } from "../core/version";
import { writePlanToBuffer } from "../xlsx/write-xlsx";
import { parseArgs } from "util";
import { UsageError } from "./command";
import { COMMANDS } from "./commands";

export { UsageError };

const HELP = `NPS Toolkit for Excel ${GENERATOR_VERSION}: self-assessment workbooks for the LGA National Procurement Strategy 2018 toolkit.

Usage:
  nps-toolkit new <file.xlsx> [--council NAME] [--date YYYY-MM-DD] [--sample] [--force]
  nps-toolkit --help
  nps-toolkit --version

Commands:
  new    Write a new assessment workbook: a Guide, one sheet per key area with level pickers
         and evidence cells, a Summary, a Gaps sheet and a Data table, all computed by formulas.
         It works in any Excel (2010 or later, web, Mac) and in LibreOffice, without the add-in.

Options for new:
  --council NAME       The council's name, shown on every sheet (you can also type it later).
  --date YYYY-MM-DD    The assessment date (default: today).
  --sample             Fill in realistic example answers and evidence, for training or to try pivots.
  --force              Replace the file if it already exists.
`;

interface NewOptions {
  file: string;
  council?: string;
  date: string;
  sample: boolean;
  force: boolean;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function parseNew(args: string[]): NewOptions {
  const options: Partial<NewOptions> = { sample: false, force: false, date: today() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === "--council") options.council = value();
    else if (arg === "--date") options.date = value();
    else if (arg === "--sample") options.sample = true;
    else if (arg === "--force") options.force = true;
    else if (arg.startsWith("--"))
      throw new UsageError(`Unknown option ${arg}. Run nps-toolkit --help for the options.`);
    else if (options.file === undefined) options.file = arg;
    else throw new UsageError(`Only one file can be written at a time (got "${options.file}" and "${arg}").`);
  }
  if (!options.file) throw new UsageError("Say which file to write, for example: nps-toolkit new assessment.xlsx");
  if (!isIsoDate(options.date as string))
    throw new UsageError(
      `--date must be a real date written YYYY-MM-DD, for example 2026-03-31 (got "${options.date}").`,
    );
  return options as NewOptions;
}

function checkTarget(file: string, force: boolean): string {
  const target = path.resolve(file);
  if (path.extname(target).toLowerCase() !== ".xlsx")
    throw new UsageError(`The file name must end in .xlsx (got "${file}").`);
  const folder = path.dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`The folder "${folder}" does not exist.`);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new UsageError(`"${file}" is a folder, not a file.`);
    if (!force) throw new UsageError(`"${file}" already exists. Use --force to replace it.`);
  }
  return target;
}

async function runNew(args: string[], log: (line: string) => void): Promise<void> {
  const options = parseNew(args);
  const target = checkTarget(options.file, options.force);
  const toolkit = canonicalToolkit();
  const answers = options.sample ? sampleAnswers(toolkit, options.date) : emptyAnswers();
  const plan = buildWorkbookPlan(toolkit, answers, {
    council: options.council ?? answers.council,
    assessmentDate: options.date,
    now: new Date(),
  });
  const bytes = await writePlanToBuffer(plan);
  // Write beside the target and rename, so a failure never leaves half a workbook behind.
  const partial = `${target}.partial-${process.pid}`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  const behaviours = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length;
  const assessed = Object.values(answers.behaviours).filter((a) => a.current).length;
  log(
    `Wrote ${options.file}: ${plan.sheets.filter((s) => s.visibility === "visible").length} sheets, ${behaviours} behaviours${options.sample ? `, ${assessed} with sample answers` : ""}.`,
  );
  for (const warning of plan.warnings) log(`Warning: ${warning}`);
}

/** Runs the command line; returns the exit code (0 success, 1 failure, 2 wrong usage). */
export async function main(argv: string[], log = console.log, error = console.error): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      log(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version") {
      log(GENERATOR_VERSION);
      return 0;
    }
    if (command === "new") {
      if (rest.includes("--help")) {
        log(HELP);
        return 0;
      }
      await runNew(rest, log);
      return 0;
    }
    const listed = COMMANDS.find((c) => c.name === command);
    if (listed) {
      if (rest.includes("--help")) {
        log(listed.help);
        return 0;
      }
      const parsed = parseArgs({ args: rest, options: listed.options, allowPositionals: true, strict: true });
      return await listed.run(parsed, { log, error });
    }
    throw new UsageError(`Unknown command "${command}". Run nps-toolkit --help for the commands.`);
  } catch (problem) {
    if (problem instanceof UsageError) {
      error(`nps-toolkit: ${problem.message}`);
      return 2;
    }
    error(`nps-toolkit: ${(problem as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
