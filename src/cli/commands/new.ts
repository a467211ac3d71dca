import * as path from "path";
import { sampleAnswersWithActions } from "../../core/answers/sample";
import { carryForward } from "../../core/cycle/carry-forward";
import { draftActions } from "../../core/cycle/draft-actions";
import type { Answers } from "../../core/plan/answer-types";
import { emptyAnswers } from "../../core/plan/answer-types";
import { GROUPING_CHOICES, listedChoice, type CouncilGrouping } from "../../core/plan/council-groups";
import { buildWorkbookPlan } from "../../core/plan/build-plan";
import { canonicalToolkit } from "../../core/toolkit/canonical";
import { isAssessmentDate, todayIso } from "../../core/util/dates";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type Command, type ParsedArgs } from "../command";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";
import { cliWords } from "../../core/words/cli";
import { checkInput, readInput } from "./repair";

interface NewOptions {
  file: string;
  council?: string;
  respondent?: string;
  role?: string;
  /** As the Guide's pickers spell them. */
  councilType?: string;
  region?: string;
  date: string;
  sample: boolean;
  draftActions: boolean;
  force: boolean;
  /** Last year's workbook, to start from. */
  from?: string;
  carryLevels: boolean;
}

/** A --council-type or --region value as the Guide's picker spells it; a value not on its list is refused. */
function picked(values: ParsedArgs["values"], grouping: CouncilGrouping, option: string): string | undefined {
  const typed = values[option] as string | undefined;
  if (typed === undefined) return undefined;
  const choice = listedChoice(grouping, typed);
  if (!choice) throw new UsageError(cliWords.new.notListed(`--${option}`, typed, GROUPING_CHOICES[grouping]));
  return choice;
}

function newOptions({ values, positionals }: ParsedArgs): NewOptions {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(cliWords.new.noFile);
  if (extra.length > 0) throw new UsageError(cliWords.new.oneFile(file, extra[0]));
  const date = (values.date as string | undefined) ?? todayIso();
  if (!isAssessmentDate(date)) throw new UsageError(cliWords.new.dateInvalid(date));
  const from = values.from as string | undefined;
  if (from !== undefined && values.sample === true) throw new UsageError(cliWords.new.sampleWithFrom);
  if (from === undefined && values["carry-levels"] === true) throw new UsageError(cliWords.new.carryLevelsWithoutFrom);
  return {
    file,
    council: values.council as string | undefined,
    respondent: values.respondent as string | undefined,
    role: values.role as string | undefined,
    councilType: picked(values, "councilType", "council-type"),
    region: picked(values, "region", "region"),
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
  if (isSameFile(input, path.resolve(options.file))) throw new UsageError(cliWords.new.fromIsNew(options.file));
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
    ...(options.councilType ? { councilType: options.councilType } : {}),
    ...(options.region ? { region: options.region } : {}),
  };
  if (options.from !== undefined) {
    const carried = await fromLastYear({ ...options, from: options.from });
    return { ...carried, answers: { ...carried.answers, ...given } };
  }
  const answers = options.sample
    ? sampleAnswersWithActions(toolkit, options.date, sampleSeed(options.respondent))
    : emptyAnswers();
  return { answers: { ...answers, ...given }, notes: [] };
}

export const newCommand: Command = {
  name: "new",
  summary: cliWords.new.summary,
  help: cliWords.new.help,
  options: {
    council: { type: "string" },
    respondent: { type: "string" },
    role: { type: "string" },
    "council-type": { type: "string" },
    region: { type: "string" },
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
    output.log(cliWords.new.wrote(options.file, sheets, behaviours, options.sample ? assessed : undefined));
    for (const note of notes) output.log(note);
    if (drafted) output.log(drafted.note);
    for (const warning of plan.warnings) output.log(cliWords.warning(warning));
    return 0;
  },
};
