import { sampleAnswersWithActions } from "../../core/answers/sample";
import { draftActions } from "../../core/cycle/draft-actions";
import { emptyAnswers } from "../../core/plan/answer-types";
import { buildWorkbookPlan } from "../../core/plan/build-plan";
import { canonicalToolkit } from "../../core/toolkit/canonical";
import { ASSESSMENT_YEARS, isAssessmentDate, todayIso } from "../../core/util/dates";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type Command, type ParsedArgs } from "../command";
import { checkTarget, writeAllOrNothing } from "../write-file";

const { first, last } = ASSESSMENT_YEARS;

interface NewOptions {
  file: string;
  council?: string;
  date: string;
  sample: boolean;
  draftActions: boolean;
  force: boolean;
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
  return {
    file,
    council: values.council as string | undefined,
    date,
    sample: values.sample === true,
    draftActions: values["draft-actions"] === true,
    force: values.force === true,
  };
}

export const newCommand: Command = {
  name: "new",
  summary: "Write a new assessment workbook (.xlsx) that works in any Excel or LibreOffice, without the add-in.",
  help: `Usage: nps-toolkit new <file.xlsx> [--council NAME] [--date YYYY-MM-DD] [--sample] [--draft-actions] [--force]

Writes a new assessment workbook: a Guide, one sheet per key area with level pickers and evidence
cells, a Summary, a Gaps sheet and a Data table, all computed by formulas. It works in any Excel
(2010 or later, web, Mac) and in LibreOffice, without the add-in.

Options:
  --council NAME       The council's name, shown on every sheet (you can also type it later).
  --date YYYY-MM-DD    The assessment date, from ${first} to ${last} (default: today).
  --sample             Fill in realistic example answers and evidence, for training or to try pivots.
  --draft-actions      Add an action on the Actions sheet for each behaviour below its target that has
                       none, with the next level's description as the aim.
  --force              Replace the file if it already exists.
  -h, --help           Show this help.

Examples:
  nps-toolkit new assessment.xlsx
  nps-toolkit new anytown.xlsx --council "Anytown Council" --date 2026-03-31
  nps-toolkit new training.xlsx --sample
  nps-toolkit new training.xlsx --sample --draft-actions

The file is written whole or not at all. Exit status: 0 written, 1 could not write, 2 wrong usage.`,
  options: {
    council: { type: "string" },
    date: { type: "string" },
    sample: { type: "boolean" },
    "draft-actions": { type: "boolean" },
    force: { type: "boolean" },
  },
  async run(args, output) {
    const options = newOptions(args);
    const target = checkTarget(options.file, options.force);
    const toolkit = canonicalToolkit();
    const given = options.sample ? sampleAnswersWithActions(toolkit, options.date) : emptyAnswers();
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
    if (drafted) output.log(drafted.note);
    for (const warning of plan.warnings) output.log(`Warning: ${warning}`);
    return 0;
  },
};
