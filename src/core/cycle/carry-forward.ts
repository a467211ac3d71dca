/**
 * Starting this year's assessment from last year's return: the answers a new workbook is built from, read
 * from last year's snapshot. Last year's answers are matched to this toolkit by behaviour ID exactly as an
 * upgrade matches them (readAssessment, carryAnswers), and shown in the Previous columns; this year's
 * pickers start blank unless the levels are carried as a starting point. Snapshot in; answers and notes out.
 * Reading the file (bounded) and writing the workbook are the callers'.
 */
import { previousFingerprint } from "../answers/fingerprint";
import { readAssessment } from "../answers/from-snapshot";
import { carryAnswers } from "../assessment/carry";
import type { Answers, BehaviourAnswer, PreviousAnswer, PreviousAnswers } from "../plan/answer-types";
import { CLOSED_ACTION_STATUSES } from "../plan/layout";
import type { WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cycleWords } from "../words/cycle";

export interface CarryForwardRequest {
  /** Last year's workbook, as read. */
  snapshot: WorkbookSnapshot;
  /** Its file's name (no folder), recorded in the metadata and named in the notes. */
  fileName: string;
  /** This year's assessment date, ISO YYYY-MM-DD. */
  assessmentDate: string;
  /** Pick last year's levels again in this year's pickers, as a starting point. */
  carryLevels: boolean;
  toolkit: Toolkit;
}

export type CarriedForward =
  | { ok: true; answers: Answers; notes: string[] }
  /**
   * Refused: nothing to build from (why, in a sentence the user reads); laterThanNew when last year's return is
   * dated after this one, which the caller's next step is about (the command line's --date, the pane's field).
   */
  | { ok: false; reason: string; laterThanNew?: true };

/** What this year's workbook starts from: last year's answers as carried, and what carrying them decided. */
interface LastYear {
  answers: Answers;
  previous: PreviousAnswers;
  carryLevels: boolean;
  assessmentDate: string;
  /** The behaviour IDs of this toolkit. */
  known: Set<string>;
}

/**
 * This year's answer to a behaviour, field by field from last year's: a field added to BehaviourAnswer must
 * be decided here (the compiler asks for it).
 */
const THIS_YEARS_ANSWER: {
  [K in keyof Required<BehaviourAnswer>]: (last: BehaviourAnswer, carried: { levels: boolean }) => BehaviourAnswer[K];
} = {
  current: (last, { levels }) => (levels ? last.current : undefined),
  target: (last, { levels }) => (levels ? last.target : undefined),
  // Last year's evidence is shown read-only as Previous evidence; this year's is written afresh.
  evidence: () => undefined,
  // Whoever owns a behaviour usually still does; the officer changes it where not.
  owner: (last) => last.owner,
  // Last year's review dates have passed: each is set again as the answer is reviewed.
  reviewDate: () => undefined,
};

/**
 * This year's answers, field by field from last year's: a field added to Answers must be decided here.
 */
const THIS_YEARS_ANSWERS: { [K in keyof Required<Answers>]: (last: LastYear) => Answers[K] } = {
  council: (last) => last.answers.council,
  assessmentDate: (last) => last.assessmentDate,
  respondent: (last) => last.answers.respondent,
  role: (last) => last.answers.role,
  // The same council, so the same type and region.
  councilType: (last) => last.answers.councilType,
  region: (last) => last.answers.region,
  behaviours: (last) =>
    Object.fromEntries(
      Object.entries(last.answers.behaviours)
        .filter(([id]) => last.known.has(id))
        .map(([id, answer]) => [id, thisYears(answer, { levels: last.carryLevels })]),
    ),
  previous: (last) => last.previous,
  // The action plan goes on: every action not Done or Dropped (status as typed, so "done " counts as Done), as it was.
  actions: (last) => {
    const open = (last.answers.actions ?? []).filter((action) => !isClosedStatus(action.status));
    return open.length > 0 ? open : undefined;
  },
};

const isClosedStatus = (status: string | undefined) =>
  CLOSED_ACTION_STATUSES.some((closed) => closed.toLowerCase() === (status ?? "").trim().toLowerCase());

function thisYears(last: BehaviourAnswer, carried: { levels: boolean }): BehaviourAnswer {
  const answer = Object.fromEntries(
    (Object.keys(THIS_YEARS_ANSWER) as (keyof BehaviourAnswer)[]).map((key) => [
      key,
      THIS_YEARS_ANSWER[key](last, carried),
    ]),
  );
  return Object.fromEntries(Object.entries(answer).filter(([, v]) => v !== undefined)) as BehaviourAnswer;
}

const behaviourIds = (toolkit: Toolkit) =>
  new Set(toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id))));

/** Last year's levels and evidence for each behaviour of this toolkit that had any. */
function previousOf(answers: Answers, known: Set<string>): Record<string, PreviousAnswer> {
  const previous: Record<string, PreviousAnswer> = {};
  for (const [id, answer] of Object.entries(answers.behaviours)) {
    if (!known.has(id)) continue;
    const kept = Object.fromEntries(
      Object.entries({ current: answer.current, target: answer.target, evidence: answer.evidence }).filter(
        ([, v]) => v !== undefined && v.trim() !== "",
      ),
    ) as PreviousAnswer;
    if (Object.keys(kept).length > 0) previous[id] = kept;
  }
  return previous;
}

/** Refuses a previous return dated after this one; notes a missing or equal date. */
function checkDates(fileName: string, previousDate: string, newDate: string): { refused?: string; notes: string[] } {
  if (previousDate === "") return { notes: [cycleWords.noPreviousDate(fileName)] };
  if (previousDate > newDate) return { refused: cycleWords.laterThanNew(fileName, previousDate, newDate), notes: [] };
  return { notes: previousDate === newDate ? [cycleWords.sameDate(fileName, newDate)] : [] };
}

/**
 * This year's answers from last year's return: council, respondent and role carried; each behaviour's previous
 * current and target level and evidence in the Previous columns; this year's levels blank unless `carryLevels`.
 * What was not carried (entries that were not levels, which carryAnswers keeps in the evidence; answers of
 * behaviours this toolkit does not have; entries that belong to no behaviour) is named in the notes.
 */
export function carryForward(request: CarryForwardRequest): CarriedForward {
  const { snapshot, fileName, toolkit } = request;
  const found = readAssessment(snapshot, toolkit);
  if (!found) return { ok: false, reason: cycleWords.notAnAssessment(fileName) };
  // An ISO date, or "" when the Guide's date is blank or not a date.
  const previousDate = /^\d{4}-\d{2}-\d{2}$/.test(found.info.assessmentDate) ? found.info.assessmentDate : "";
  const dates = checkDates(fileName, previousDate, request.assessmentDate);
  if (dates.refused) return { ok: false, reason: dates.refused, laterThanNew: true };
  const carried = carryAnswers(found.answers, toolkit, "new assessment");
  const known = behaviourIds(toolkit);
  const behaviours = previousOf(carried.answers, known);
  const previous: PreviousAnswers = {
    source: {
      file: fileName,
      assessmentDate: previousDate,
      answersFingerprint: previousFingerprint(behaviours, previousDate, toolkit),
    },
    behaviours,
  };
  const last: LastYear = {
    answers: carried.answers,
    previous,
    carryLevels: request.carryLevels,
    assessmentDate: request.assessmentDate,
    known,
  };
  const answers = Object.fromEntries(
    (Object.keys(THIS_YEARS_ANSWERS) as (keyof Answers)[]).map((key) => [key, THIS_YEARS_ANSWERS[key](last)]),
  ) as unknown as Answers;
  const notCarried = Object.keys(carried.answers.behaviours).filter((id) => !known.has(id));
  const fromVersion = found.info.metadata.toolkitVersion ?? "";
  return {
    ok: true,
    answers,
    notes: [
      cycleWords.started({
        file: fileName,
        carried: Object.keys(behaviours).length,
        levels: request.carryLevels,
      }),
      ...(answers.actions ? [cycleWords.actionsCarried(answers.actions.length)] : []),
      ...(fromVersion !== toolkit.version ? [cycleWords.otherToolkit(fromVersion, toolkit.version)] : []),
      ...(notCarried.length > 0 ? [cycleWords.notInToolkit(notCarried, toolkit.version)] : []),
      ...dates.notes,
      ...found.unplaced,
      ...carried.warnings,
    ],
  };
}
