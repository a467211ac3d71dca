import * as path from "path";
import { sampleAnswersWithActions } from "../../core/answers/sample";
import { carryForward } from "../../core/cycle/carry-forward";
import { draftActions } from "../../core/cycle/draft-actions";
import type { Answers } from "../../core/plan/answer-types";
import { emptyAnswers } from "../../core/plan/answer-types";
import { buildWorkbookPlan } from "../../core/plan/build-plan";
import { canonicalToolkit } from "../../core/toolkit/canonical";
import { ASSESSMENT_YEARS, isAssessmentDate, todayIso } from "../../core/util/dates";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type Command, type ParsedArgs } from "../command";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";
import { checkInput, readInput } from "./repair";

const { first, last } = ASSESSMENT_YEARS;

interface NewOptions {
  file: string;
  council?: string;
  respondent?: string;
  role?: string;
  date: string;
  sample: boolean;
  draftActions: boolean;
  force: boolean;
  /** Last year's workbook, to start from. */
  from?: string;
  carryLevels: boolean;
}

function newOptions({ values, positionals }: ParsedArgs): NewOptions {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError("Say which file to write, for example: nps-toolkit new assessment.xlsx");
  if (extra.length > 0)
    throw new UsageError(`Only one file can be written at a time (got "${file}" and "${extra[0]}").`);
  const date = (values.date as string | undefined) ?? todayIso();
  if (!isAssessmentDate(date))
    throw new UsageError(
      `--date must be a real date from ${first} to ${last}, written YYYY-MM-DD, for example 2026-03-31 (got "${date}").`,
    );
  const from = values.from as string | undefined;
  if (from !== undefined && values.sample === true)
    throw new UsageError("--sample and --from cannot go together: the answers come from one or the other.");
  if (from === undefined && values["carry-levels"] === true)
    throw new UsageError("--carry-levels carries last year's levels: say which file with --from LAST.xlsx.");
  return {
    file,
    council: values.council as string | undefined,
    respondent: values.respondent as string | undefined,
    role: values.role as string | undefined,
    date,
    sample: values.sample === true,
    draftActions: values["draft-actions"] === true,
    force: values.force === true,
    from,
    carryLevels: values["carry-levels"] === true,
  };
}

/** The sample's seed: the one sample for no respondent, and each respondent's own answers (the same every time). */
const sampleSeed = (respondent: string | undefined) =>
  respondent ? [...respondent].reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0, 2018) : undefined;

/** This year's answers from last year's workbook (read in a worker, within limits), and what the user is told. */
async function fromLastYear(options: NewOptions & { from: string }): Promise<{ answers: Answers; notes: string[] }> {
  const input = checkInput(options.from);
  if (isSameFile(input, path.resolve(options.file)))
    throw new UsageError(
      `${options.file} is the previous return; a new assessment never overwrites it. Name a new file for this year's.`,
    );
  const carried = carryForward({
    snapshot: await readInput(options.from, input),
    fileName: path.basename(options.from),
    assessmentDate: options.date,
    carryLevels: options.carryLevels,
    toolkit: canonicalToolkit(),
  });
  if (!carried.ok) throw new UsageError(carried.reason);
  return carried;
}

async function answersFor(options: NewOptions): Promise<{ answers: Answers; notes: string[] }> {
  const toolkit = canonicalToolkit();
  const given = {
    ...(options.respondent ? { respondent: options.respondent } : {}),
    ...(options.role ? { role: options.role } : {}),
  };
  if (options.from !== undefined) {
    const carried = await fromLastYear({ ...options, from: options.from });
    return { ...carried, answers: { ...carried.answers, ...given } };
  }
  const answers = options.sample ? sampleAnswersWithActions(toolkit, options.date, sampleSeed(options.respondent)) : emptyAnswers();
  return { answers: { ...answers, ...given }, notes: [] };
}

export const newCommand: Command = {
  name: "new",
  summary: "Write a new assessment workbook (.xlsx) that works in any Excel or LibreOffice, without the add-in.",
  help: `Usage: nps-toolkit new <file.xlsx> [--council NAME] [--respondent NAME] [--role ROLE]
                                   [--date YYYY-MM-DD] [--sample] [--from LAST.xlsx [--carry-levels]]
                                   [--draft-actions] [--force]

Writes a new assessment workbook: a Guide, one sheet per key area with level pickers and evidence
cells, a Summary, a Gaps sheet and a Data table, all computed by formulas. It works in any Excel
(2010 or later, web, Mac) and in LibreOffice, without the add-in.

Options:
  --council NAME       The council's name, shown on every sheet (you can also type it later).
  --respondent NAME    Who answers, on the Guide (several respondents of one council can then be moderated).
  --role ROLE          The respondent's role or department, on the Guide.
  --date YYYY-MM-DD    The assessment date, from ${first} to ${last} (default: today).
  --sample             Fill in realistic example answers and evidence, for training or to try pivots
                       (each respondent's own, when --respondent is given).
  --from LAST.xlsx     Start from last year's return: the council, respondent, role and owners are
                       carried, and each behaviour's levels and evidence are shown in the locked
                       Previous columns, with the change since on the Summary, Gaps and Data sheets.
                       LAST.xlsx is only read, never changed.
  --carry-levels       With --from: pick last year's levels again as a starting point.
  --draft-actions      Add an action on the Actions sheet for each behaviour below its target that has
                       none, with the next level's description as the aim.
  --force              Replace the file if it already exists.
  -h, --help           Show this help.

Examples:
  nps-toolkit new assessment.xlsx
  nps-toolkit new anytown.xlsx --council "Anytown Council" --date 2026-03-31
  nps-toolkit new training.xlsx --sample
  nps-toolkit new anytown-2026.xlsx --from anytown-2025.xlsx --date 2026-03-31
  nps-toolkit new training.xlsx --sample --draft-actions

The file is written whole or not at all. Exit status: 0 written, 1 could not write, 2 wrong usage
(or a --from file that cannot be read, holds no assessment, or is dated after this one).`,
  options: {
    council: { type: "string" },
    respondent: { type: "string" },
    role: { type: "string" },
    date: { type: "string" },
    sample: { type: "boolean" },
    "draft-actions": { type: "boolean" },
    force: { type: "boolean" },
    from: { type: "string" },
    "carry-levels": { type: "boolean" },
  },
  async run(args, output) {
    const options = newOptions(args);
    const target = checkTarget(options.file, options.force);
    const toolkit = canonicalToolkit();
    const { answers: given, notes } = await answersFor(options);
    const drafted = options.draftActions ? draftActions(toolkit, given) : undefined;
    const answers = drafted?.answers ?? given;
    const plan = buildWorkbookPlan(toolkit, answers, {
      council: options.council ?? answers.council,
      assessmentDate: options.date,
      now: new Date(),
    });
    await writeAllOrNothing([{ target, bytes: await writePlanToBuffer(plan), shownAs: options.file }]);
    const behaviours = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length;
    const assessed = Object.values(answers.behaviours).filter((a) => a.current).length;
    const sheets = plan.sheets.filter((s) => s.visibility === "visible").length;
    output.log(
      `Wrote ${options.file}: ${sheets} sheets, ${behaviours} behaviours${options.sample ? `, ${assessed} with sample answers` : ""}.`,
    );
    for (const note of notes) output.log(note);
    if (drafted) output.log(drafted.note);
    for (const warning of plan.warnings) output.log(`Warning: ${warning}`);
    return 0;
  },
};
