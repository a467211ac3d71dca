/**
 * The moderated return planned into a workbook that is open: the Excel host's half of the pane's Moderate returns.
 * Kept apart from moderate.ts, which reads and checks the returns (the consolidation's code, fetched by the pane
 * only when it moderates): this part needs only the plan and the assessment's reader, which the pane's first
 * script already holds. Types alone come from moderate.ts.
 */
import { readAssessment } from "../answers/from-snapshot";
import { madeSheets, type PlannedAssessment } from "../assessment/plan-assessment";
import { chooseSheetNames } from "../assessment/sheet-names";
import { movedNotes } from "../assessment/notes";
import type { Answers } from "../plan/answer-types";
import { buildWorkbookPlan, defaultSheetNames } from "../plan/build-plan";
import type { WorkbookSnapshot } from "../snapshot/types";
import { sameness } from "../util/words";
import { moderationWords } from "../words/moderation";
import type { Moderation } from "./moderate";

export interface ModerationIntoOptions {
  /** What the open workbook holds of an assessment made by the add-in; undefined when it holds none. */
  snapshot?: WorkbookSnapshot;
  /** Every sheet of the open workbook, the user's own included, so no new sheet takes a user's sheet's name. */
  workbookSheets: string[];
  now: Date;
}

export type ModerationInto =
  { ok: true; planned: PlannedAssessment } | { ok: false; message: string; nextStep: string };

/** How many behaviours have anything typed or picked, and how many action rows there are: what must not be overwritten. */
function answeredCount(answers: Answers): number {
  const answered = Object.values(answers.behaviours).filter((a) =>
    [a.current, a.target, a.evidence, a.owner, a.reviewDate].some((entry) => (entry ?? "").trim() !== ""),
  );
  return answered.length + (answers.actions?.length ?? 0);
}

/**
 * Plans the agreed return into the open workbook: as a new assessment beside the user's sheets when it holds none;
 * in place of the add-in's sheets when it holds an assessment with no answers yet (a blank one made for the
 * meeting), keeping the names the user gave them. Refused when that assessment already holds answers, or is of
 * another council: a user's answer is never overwritten (the download is the way then).
 */
export function planModerationInto(moderation: Moderation, options: ModerationIntoOptions): ModerationInto {
  const { agreed, toolkit, council } = moderation;
  if (!agreed) throw new Error("Nothing was moderated: there is no plan to write");
  const words = moderationWords.pane;
  const found = options.snapshot ? readAssessment(options.snapshot, toolkit) : null;
  if (found) {
    const answered = answeredCount(found.answers);
    if (answered > 0) return { ok: false, message: words.answersInTheWay(answered), nextStep: words.useDownload };
    const named = found.info.council.trim();
    if (named !== "" && sameness(named) !== sameness(council))
      return { ok: false, message: words.otherCouncilWorkbook(named, council), nextStep: words.useDownload };
  }
  const roles = found?.roles ?? {};
  const choice = chooseSheetNames(defaultSheetNames(toolkit), options.workbookSheets, roles);
  // The Guide's council type and region, when the blank assessment already had them picked, stay.
  const answers: Answers = {
    ...agreed.answers,
    ...(found?.answers.councilType ? { councilType: found.answers.councilType } : {}),
    ...(found?.answers.region ? { region: found.answers.region } : {}),
  };
  const plan = buildWorkbookPlan(toolkit, answers, {
    now: options.now,
    sheetNames: choice.names,
    moderation: agreed.record,
    ...(found?.info.metadata.created ? { created: found.info.metadata.created } : {}),
  });
  const reuse = Object.fromEntries(Object.entries(roles).filter(([key]) => plan.sheets.some((s) => s.key === key)));
  return {
    ok: true,
    planned: {
      action: found ? "repaired" : "built",
      plan,
      reuse,
      sheets: madeSheets(plan),
      sheetsNotInPlan: [],
      carriedIds: Object.keys(agreed.answers.behaviours),
      warnings: plan.warnings,
      notes: [...movedNotes(plan, choice), ...plan.warnings],
    },
  };
}
