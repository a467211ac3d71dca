import { sampleAnswers } from "../../core/answers/sample";
import { emptyAnswers } from "../../core/plan/answer-types";
import { buildWorkbookPlan } from "../../core/plan/build-plan";
import { canonicalToolkit } from "../../core/toolkit/canonical";
import { isAssessmentDate, todayIso } from "../../core/util/dates";
import { writePlanToBuffer } from "../../xlsx/write-xlsx";
import { UsageError, type Command, type ParsedArgs } from "../command";
import { checkTarget, writeAllOrNothing } from "../write-file";
import { cliWords } from "../../core/words/cli";

interface NewOptions {
  file: string;
  council?: string;
  date: string;
  sample: boolean;
  force: boolean;
}

function newOptions({ values, positionals }: ParsedArgs): NewOptions {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(cliWords.new.noFile);
  if (extra.length > 0) throw new UsageError(cliWords.new.oneFile(file, extra[0]));
  const date = (values.date as string | undefined) ?? todayIso();
  if (!isAssessmentDate(date)) throw new UsageError(cliWords.new.dateInvalid(date));
  return {
    file,
    council: values.council as string | undefined,
    date,
    sample: values.sample === true,
    force: values.force === true,
  };
}

export const newCommand: Command = {
  name: "new",
  summary: cliWords.new.summary,
  help: cliWords.new.help,
  options: {
    council: { type: "string" },
    date: { type: "string" },
    sample: { type: "boolean" },
    force: { type: "boolean" },
  },
  async run(args, output) {
    const options = newOptions(args);
    const target = checkTarget(options.file, options.force);
    const toolkit = canonicalToolkit();
    const answers = options.sample ? sampleAnswers(toolkit, options.date) : emptyAnswers();
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
    for (const warning of plan.warnings) output.log(cliWords.warning(warning));
    return 0;
  },
};
