/**
 * How answers read from a workbook are carried into a new plan: the upgrade's decisions, not the
 * reader's (a checker sees every entry exactly as it was typed).
 */
import type { Answers, BehaviourAnswer } from "../plan/answer-types";
import { canonicalLevel } from "../plan/answers";
import { levelText } from "../plan/level-text";
import type { Toolkit } from "../toolkit/schema";
import { isIsoDate } from "../util/dates";
import { upgradeWords } from "../words/upgrade";

export interface CarriedAnswers {
  answers: Answers;
  /** One plain-English line for every entry that was moved rather than carried as it was. */
  warnings: string[];
}

const appendNote = (evidence: string | undefined, note: string) => (evidence ? `${evidence}\n${note}` : note);

/** The command that carries the answers into a new plan, as the notes it leaves in the evidence name it. */
export type CarryingCommand = "upgrade" | "repair" | "sign-off" | "moderation" | "new assessment";

/**
 * A level typed by hand that is not a level name (or a review date that is not a date) must not be
 * lost on upgrade, nor written back as one: it moves into the evidence text, where the user sees it,
 * with a note naming the command that moved it. A level typed in another case or with spaces is
 * carried as the level's own name.
 */
function carryAnswer(
  id: string,
  answer: BehaviourAnswer,
  levels: readonly string[],
  warnings: string[],
  by: CarryingCommand,
): BehaviourAnswer {
  const kept = { ...answer };
  for (const which of ["current", "target"] as const) {
    const typed = kept[which];
    if (typed === undefined) continue;
    // Only spaces, tabs or line breaks: the workbook's score formula reads that as blank, and so does the upgrade.
    if (levelText(typed) === "") {
      delete kept[which];
      continue;
    }
    const level = canonicalLevel(levels, typed);
    if (level) {
      kept[which] = level;
    } else {
      delete kept[which];
      kept.evidence = appendNote(kept.evidence, upgradeWords.levelMovedNote({ which, by, typed }));
      warnings.push(upgradeWords.levelMoved({ id, which, typed }));
    }
  }
  if (kept.reviewDate !== undefined && !isIsoDate(kept.reviewDate)) {
    const typed = kept.reviewDate;
    kept.evidence = appendNote(kept.evidence, upgradeWords.reviewDateMovedNote({ by, typed }));
    warnings.push(upgradeWords.reviewDateMoved({ id, typed }));
    delete kept.reviewDate;
  }
  return kept;
}

/**
 * Every answer as the new plan should receive it (retired answers included), with what was moved;
 * `by` is the command carrying them, named in the notes it leaves in the evidence.
 */
export function carryAnswers(answers: Answers, toolkit: Toolkit, by: CarryingCommand = "upgrade"): CarriedAnswers {
  const warnings: string[] = [];
  const behaviours = Object.fromEntries(
    Object.entries(answers.behaviours).map(([id, answer]) => [
      id,
      carryAnswer(id, answer, toolkit.levels, warnings, by),
    ]),
  );
  return { answers: { ...answers, behaviours }, warnings };
}

/**
 * Answers that the plan writes on the toolkit's own rows: an answer for a behaviour this toolkit no
 * longer has goes to the Retired answers sheet (the plan warns about it), so it is not counted as carried.
 */
export function answersOfToolkit(answers: Answers, toolkit: Toolkit): BehaviourAnswer[] {
  const ids = new Set(toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours.map((b) => b.id)));
  return Object.entries(answers.behaviours)
    .filter(([id]) => ids.has(id))
    .map(([, answer]) => answer);
}

/** Behaviours of the toolkit with anything entered at all. */
export function countAnswered(answers: Answers, toolkit: Toolkit): number {
  return answersOfToolkit(answers, toolkit).filter((a) => Object.values(a).some((v) => v !== undefined && v !== ""))
    .length;
}
