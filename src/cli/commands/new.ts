import * as path from "path";
import { sampleAnswersWithActions } from "../../core/answers/sample";
import { planNewAssessment, planNextYear, type PlannedNewAssessment } from "../../core/cycle/next-year";
import { emptyAnswers } from "../../core/plan/answer-types";
import { GROUPING_CHOICES, listedChoice, type CouncilGrouping } from "../../core/plan/council-groups";
import { canonicalToolkit } from "../../core/toolkit/canonical";
import { isAssessmentDate, todayIso } from "../../core/util/dates";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type Command, type ParsedArgs } from "../command";
import { checkTarget, isSameFile, writeAllOrNothing } from "../write-file";
import { cliWords } from "../../core/words/cli";
import { cycleWords } from "../../core/words/cycle";
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

/** This year's workbook from last year's (read in a worker, within limits): the core's use case, refusals as usage errors. */
async function fromLastYear(
  options: NewOptions & { from: string },
): Promise<PlannedNewAssessment & { notes: string[] }> {
  const input = checkInput(options.from);
  if (isSameFile(input, path.resolve(options.file))) throw new UsageError(cliWords.new.fromIsNew(options.file));
  const planned = planNextYear({
    // Only the sheets the carry reads (sheets-to-read.ts): the largest, Gaps and Data, are seldom among them.
    snapshot: await readInput(options.from, input, { sheets: "assessment" }),
    fileName: path.basename(options.from),
    assessmentDate: options.date,
    carryLevels: options.carryLevels,
    toolkit: canonicalToolkit(),
    draftActions: options.draftActions,
    now: new Date(),
    given: {
      council: options.council,
      respondent: options.respondent,
      role: options.role,
      councilType: options.councilType,
      region: options.region,
    },
  });
  if (!planned.ok) {
    const next = planned.laterThanNew ? ` ${cycleWords.laterThanNewNext.cli}` : "";
    throw new UsageError(`${planned.reason}${next}`);
  }
  return planned;
}

/** A new workbook: blank, the sample, or (--from) this year's from last year's. */
async function planFor(options: NewOptions): Promise<PlannedNewAssessment & { notes: string[] }> {
  if (options.from !== undefined) return fromLastYear({ ...options, from: options.from });
  const toolkit = canonicalToolkit();
  const answers = options.sample
    ? sampleAnswersWithActions(toolkit, options.date, sampleSeed(options.respondent))
    : emptyAnswers();
  const planned = planNewAssessment({
    toolkit,
    answers: {
      ...answers,
      ...(options.respondent ? { respondent: options.respondent } : {}),
      ...(options.role ? { role: options.role } : {}),
      ...(options.councilType ? { councilType: options.councilType } : {}),
      ...(options.region ? { region: options.region } : {}),
    },
    council: options.council,
    assessmentDate: options.date,
    draftActions: options.draftActions,
    now: new Date(),
  });
  return { ...planned, notes: planned.draftedNote === undefined ? [] : [planned.draftedNote] };
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
    const target = checkTarget(options.file, { force: options.force });
    const toolkit = canonicalToolkit();
    const { plan, answers, notes } = await planFor(options);
    await writeAllOrNothing([{ target, bytes: await writePlanToBuffer(plan), shownAs: options.file }]);
    const behaviours = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length;
    const assessed = Object.values(answers.behaviours).filter((a) => a.current).length;
    const sheets = plan.sheets.filter((s) => s.visibility === "visible").length;
    output.log(cliWords.new.wrote(options.file, sheets, behaviours, options.sample ? assessed : undefined));
    for (const note of notes) output.log(note);
    for (const warning of plan.warnings) output.log(cliWords.warning(warning));
    return 0;
  },
};
