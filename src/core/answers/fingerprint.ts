/**
 * The fingerprint of a sign-off: SHA-256 over a canonical serialisation of every answer together
 * with who signed them off and when, so that any later change to an answer (or to the sign-off it
 * carries) gives another fingerprint.
 *
 * What counts as a change is what changes a figure or a word the respondent gave:
 * - a level counts as its level name, as the score formulas read it (" mature " is Mature); an entry
 *   that is not a level counts as typed;
 * - a level cell holding nothing but spaces, tabs or line breaks counts as blank, as the formulas read it,
 *   and so does any other cell holding only white space;
 * - any other text (evidence, owner, council, respondent, role) counts exactly as typed;
 * - dates count as ISO dates (the readers turn Excel's serial numbers into them), anything else as typed;
 * - answers kept on the Retired answers sheet count too, by their behaviour ID;
 * - council type and region count as typed, and only once either is given, so a sign-off recorded
 *   before the Guide had them keeps its fingerprint.
 */
import { canonicalLevel, cleanAnswers } from "../plan/answers";
import { levelText } from "../plan/level-text";
import type { MetadataKey } from "../plan/layout";
import type { Toolkit } from "../toolkit/schema";
import { sha256Hex } from "../util/sha256";
import type { Answers, BehaviourAnswer, PreviousAnswer, SignOffRecord } from "../plan/answer-types";

/** Names the serialisation, so that a later one can never give the same fingerprint by accident. */
const FORMAT = "nps-toolkit answers fingerprint 1";

/** Who signed off and when (ISO date). */
export interface SignOffBy {
  by: string;
  on: string;
}

/** Blank as the plan sees text (cleanAnswers writes no blank text). */
const blankAsNull = (text: string | undefined) => (text === undefined || text.trim() === "" ? null : text);

/** Blank as the score formulas see a level (level-text.ts). */
function level(levels: readonly string[], typed: string | undefined): string | null {
  if (typed === undefined || levelText(typed) === "") return null;
  return canonicalLevel(levels, typed) ?? typed;
}

const date = (typed: string | undefined) => blankAsNull(typed?.trim());

function behaviourLine(id: string, answer: BehaviourAnswer, levels: readonly string[]): (string | null)[] {
  return [
    id,
    level(levels, answer.current),
    level(levels, answer.target),
    blankAsNull(answer.evidence),
    blankAsNull(answer.owner),
    date(answer.reviewDate),
  ];
}

/** The answers as one string: fixed order, behaviours sorted by ID (code units, not locale), nothing blank. */
function serialise(answers: Answers, signOff: SignOffBy, toolkit: Toolkit): string {
  const behaviours = Object.entries(answers.behaviours)
    .map(([id, answer]) => behaviourLine(id, answer, toolkit.levels))
    .filter((line) => line.slice(1).some((value) => value !== null))
    .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0));
  return JSON.stringify([
    FORMAT,
    signOff.by,
    signOff.on,
    blankAsNull(answers.council),
    date(answers.assessmentDate),
    blankAsNull(answers.respondent),
    blankAsNull(answers.role),
    behaviours,
    ...(blankAsNull(answers.councilType) !== null || blankAsNull(answers.region) !== null
      ? [blankAsNull(answers.councilType), blankAsNull(answers.region)]
      : []),
  ]);
}

/** The fingerprint of `answers` signed off by `signOff` (hex SHA-256). */
export function answersFingerprint(answers: Answers, signOff: SignOffBy, toolkit: Toolkit): string {
  return sha256Hex(serialise(answers, signOff, toolkit));
}

/**
 * A sign-off of the answers a plan of `toolkit` will write from `answers`: the plan leaves out what
 * it cannot write (a date that is not a date, an entry that is not a level), so the fingerprint is
 * taken over exactly what a reader will find in the written workbook.
 */
export function signOffOfWritten(toolkit: Toolkit, answers: Answers, signOff: SignOffBy): SignOffRecord {
  const written = cleanAnswers(toolkit, answers);
  const asRead: Answers = {
    council: written.council,
    assessmentDate: written.assessmentDate,
    respondent: written.respondent,
    role: written.role,
    councilType: written.councilType,
    region: written.region,
    behaviours: { ...written.retired, ...written.behaviours },
  };
  return { ...signOff, answersFingerprint: answersFingerprint(asRead, signOff, toolkit) };
}

/** The sign-off the metadata records; undefined when the answers were never signed off with Sign off. */
export function recordedSignOff(metadata: Partial<Record<MetadataKey, string>>): SignOffRecord | undefined {
  const { signedOffBy, signedOffOn, answersFingerprint } = metadata;
  return answersFingerprint ? { by: signedOffBy ?? "", on: signedOffOn ?? "", answersFingerprint } : undefined;
}

/** Stands where a sign-off's "by" would: a previous-answers fingerprint is never a sign-off's. */
const PREVIOUS_ANSWERS = "previous answers";

/**
 * The fingerprint of the previous answers a workbook shows (levels and evidence by behaviour ID) and the
 * assessment date they were given on: the metadata records it when the Previous columns are written, so a
 * previous level edited by hand afterwards no longer matches it.
 */
export function previousFingerprint(
  behaviours: Record<string, PreviousAnswer>,
  assessmentDate: string,
  toolkit: Toolkit,
): string {
  const asAnswers: Answers = {
    assessmentDate,
    behaviours: Object.fromEntries(
      Object.entries(behaviours).map(([id, previous]) => [
        id,
        { current: previous.current, target: previous.target, evidence: previous.evidence },
      ]),
    ),
  };
  return answersFingerprint(asAnswers, { by: PREVIOUS_ANSWERS, on: assessmentDate }, toolkit);
}
