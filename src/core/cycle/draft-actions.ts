/**
 * Draft actions from the gaps: one new action for each behaviour whose current level is below its target and that
 * has no action yet, suggesting the next level's description as the aim. The actions already in the plan are kept
 * as they are, in their order, and the drafts follow them: nothing is overwritten.
 */
import type { ActionAnswer, Answers } from "../plan/answer-types";
import { canonicalLevel } from "../plan/answers";
import { ACTION_STATUSES } from "../plan/layout";
import type { Toolkit } from "../toolkit/schema";
import { richTextToCell } from "../toolkit/text";
import { cycleWords } from "../words/cycle";

export interface DraftedActions {
  answers: Answers;
  /** The actions added, in toolkit order. */
  drafted: ActionAnswer[];
  /** How many behaviours are below their target, with an action or without. */
  belowTarget: number;
  note: string;
}

/** The answers with a drafted action for every behaviour below its target that has none. */
export function draftActions(toolkit: Toolkit, answers: Answers): DraftedActions {
  const levels = toolkit.levels;
  const existing = answers.actions ?? [];
  const planned = new Set(existing.map((action) => action.behaviourId?.trim().toLowerCase()));
  const score = (typed: string | undefined) => {
    const level = typed === undefined ? undefined : canonicalLevel(levels, typed);
    return level === undefined ? undefined : levels.indexOf(level);
  };
  const drafted: ActionAnswer[] = [];
  let belowTarget = 0;
  for (const behaviour of toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours))) {
    const answer = answers.behaviours[behaviour.id] ?? {};
    const [current, target] = [score(answer.current), score(answer.target)];
    if (current === undefined || target === undefined || current >= target) continue;
    belowTarget++;
    if (planned.has(behaviour.id.toLowerCase())) continue;
    drafted.push({
      behaviourId: behaviour.id,
      action: cycleWords.draftedAim(levels[current + 1], richTextToCell(behaviour.descriptors[current + 1])),
      status: ACTION_STATUSES[0],
    });
  }
  return {
    answers: { ...answers, actions: [...existing, ...drafted] },
    drafted,
    belowTarget,
    note: cycleWords.draftedNote(drafted.length),
  };
}
