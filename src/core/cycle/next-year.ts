/**
 * Starting next year's assessment, the one use case the command line (`new --from`) and the pane (in Excel and
 * on the standalone page) call: last year's snapshot in, the plan of this year's workbook and what the user is
 * told out. Reading last year's workbook and writing the new one are the callers'.
 */
import type { Answers } from "../plan/answer-types";
import { buildWorkbookPlan } from "../plan/build-plan";
import type { WorkbookPlan } from "../plan/types";
import { carryForward, type CarryForwardRequest } from "./carry-forward";
import { draftActions } from "./draft-actions";

export interface NewAssessmentRequest {
  toolkit: CarryForwardRequest["toolkit"];
  answers: Answers;
  /** This year's assessment date, ISO YYYY-MM-DD. */
  assessmentDate: string;
  /** The council's name, when given; otherwise the answers' own. */
  council?: string;
  /** Add one action for each behaviour below its target with no action yet. */
  draftActions: boolean;
  now: Date;
}

export interface PlannedNewAssessment {
  plan: WorkbookPlan;
  /** The answers the plan was built from, drafted actions included. */
  answers: Answers;
  /** What drafting the actions did, when asked. */
  draftedNote?: string;
}

/** A new assessment's plan from its answers, with actions drafted from the gaps when asked. */
export function planNewAssessment(request: NewAssessmentRequest): PlannedNewAssessment {
  const drafted = request.draftActions ? draftActions(request.toolkit, request.answers) : undefined;
  const answers = drafted?.answers ?? request.answers;
  const plan = buildWorkbookPlan(request.toolkit, answers, {
    council: request.council ?? answers.council,
    assessmentDate: request.assessmentDate,
    now: request.now,
  });
  return { plan, answers, ...(drafted ? { draftedNote: drafted.note } : {}) };
}

export interface NextYearRequest extends CarryForwardRequest {
  draftActions: boolean;
  now: Date;
  /** Replace what last year's return said of these (the command line's --council, --respondent, --role). */
  given?: Partial<Pick<Answers, "council" | "respondent" | "role" | "councilType" | "region">>;
}

export type PlannedNextYear =
  | (PlannedNewAssessment & {
      ok: true;
      /** What carrying last year's answers decided, then what drafting the actions did (the plan's warnings apart). */
      notes: string[];
    })
  /** Refused: last year's workbook cannot be started from (why, in a sentence the user reads). */
  | { ok: false; reason: string; laterThanNew: boolean };

/** This year's workbook from last year's return (carry-forward.ts), with actions drafted when asked. */
export function planNextYear(request: NextYearRequest): PlannedNextYear {
  const carried = carryForward(request);
  if (!carried.ok) return { ok: false, reason: carried.reason, laterThanNew: carried.laterThanNew === true };
  const given = Object.fromEntries(Object.entries(request.given ?? {}).filter(([, v]) => v !== undefined && v !== ""));
  const planned = planNewAssessment({
    toolkit: request.toolkit,
    answers: { ...carried.answers, ...given },
    assessmentDate: request.assessmentDate,
    draftActions: request.draftActions,
    now: request.now,
  });
  const drafted = planned.draftedNote === undefined ? [] : [planned.draftedNote];
  return { ok: true, ...planned, notes: [...carried.notes, ...drafted] };
}
