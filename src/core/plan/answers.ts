import type { Answers, BehaviourAnswer, PreviousAnswer, PreviousAnswers } from "./answer-types";
import type { Toolkit } from "../toolkit/schema";
import { isIsoDate } from "../util/dates";
import { peerWords } from "../words/peers";
import { workbookWords } from "../words/workbook";
import { listedChoice, type CouncilGrouping } from "./council-groups";
import { levelText } from "./level-text";

const said = workbookWords.answerWarnings;

/** An answer ready to write: levels are canonical level names, dates are valid ISO dates. */
export type CleanAnswer = BehaviourAnswer;

export interface CleanedAnswers {
  council?: string;
  assessmentDate?: string;
  respondent?: string;
  role?: string;
  councilType?: string;
  region?: string;
  behaviours: Record<string, CleanAnswer>;
  /** Answers for behaviours this toolkit does not have (a later version dropped them), kept as they were. */
  retired: Record<string, BehaviourAnswer>;
  /** Last year's answers, levels as level names, for behaviours of this toolkit only. */
  previous?: PreviousAnswers;
  warnings: string[];
}

/**
 * The canonical level name for what was typed, if any: read as the workbook's score formulas read it
 * (level-text.ts), so an answer carried by an upgrade counts exactly when it counted in the workbook.
 */
export function canonicalLevel(levels: readonly string[], typed: string): string | undefined {
  const wanted = levelText(typed).toLowerCase();
  return levels.find((level) => level.toLowerCase() === wanted);
}

const nonBlank = (text: string | undefined) => (text !== undefined && text.trim() !== "" ? text : undefined);

/**
 * Checks answers against the toolkit before they are written. Anything that is not a level name,
 * not a date or not a behaviour of this toolkit is left out with a warning, never written as a level.
 */
export function cleanAnswers(toolkit: Toolkit, answers: Answers): CleanedAnswers {
  const warnings: string[] = [];
  const known = new Set(toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id))));
  const behaviours: Record<string, CleanAnswer> = {};
  const retired: Record<string, BehaviourAnswer> = {};

  const level = (id: string, which: string, typed: string | undefined) => {
    // Blank as the workbook sees it: a cell holding only spaces, tabs or line breaks scores "".
    if (typed === undefined || levelText(typed) === "") return undefined;
    const name = canonicalLevel(toolkit.levels, typed as string);
    if (!name) warnings.push(said.notALevel(id, which, typed, toolkit.levels));
    return name;
  };
  const date = (where: string, typed: string | undefined) => {
    if (nonBlank(typed) === undefined) return undefined;
    if (isIsoDate((typed as string).trim())) return (typed as string).trim();
    warnings.push(said.notADate(where, typed as string));
    return undefined;
  };

  // A council type or region not on the list is written as typed (never lost), and the checker names it.
  const choice = (grouping: CouncilGrouping) => {
    const typed = nonBlank(answers[grouping]);
    if (typed === undefined) return undefined;
    const listed = listedChoice(grouping, typed);
    if (!listed) warnings.push(peerWords.notListedWarning(grouping, typed));
    return listed ?? typed;
  };

  for (const [id, answer] of Object.entries(answers.behaviours)) {
    if (!known.has(id)) {
      retired[id] = answer;
      warnings.push(said.retired(id, toolkit.version));
      continue;
    }
    const clean: CleanAnswer = {
      current: level(id, said.current, answer.current),
      target: level(id, said.target, answer.target),
      evidence: nonBlank(answer.evidence),
      owner: nonBlank(answer.owner),
      reviewDate: date(said.reviewDate(id), answer.reviewDate),
    };
    behaviours[id] = Object.fromEntries(Object.entries(clean).filter(([, v]) => v !== undefined));
  }
  const previous = answers.previous && {
    source: answers.previous.source,
    behaviours: cleanPrevious(answers.previous.behaviours, known, (id, which, typed) =>
      level(id, said.previous(which), typed),
    ),
  };
  return {
    council: nonBlank(answers.council),
    assessmentDate: date(said.assessmentDate, answers.assessmentDate),
    respondent: nonBlank(answers.respondent),
    role: nonBlank(answers.role),
    councilType: choice("councilType"),
    region: choice("region"),
    behaviours,
    retired,
    ...(previous ? { previous } : {}),
    warnings,
  };
}

/**
 * The previous answers the Previous columns show: those of this toolkit's behaviours (the carry-forward
 * matched them by ID already), levels as level names (anything else is left out, with the level's warning).
 */
function cleanPrevious(
  previous: Record<string, PreviousAnswer>,
  known: Set<string>,
  level: (id: string, which: string, typed: string | undefined) => string | undefined,
): Record<string, PreviousAnswer> {
  const clean: Record<string, PreviousAnswer> = {};
  for (const [id, answer] of Object.entries(previous)) {
    if (!known.has(id)) continue;
    const kept: PreviousAnswer = {
      current: level(id, said.current, answer.current),
      target: level(id, said.target, answer.target),
      evidence: nonBlank(answer.evidence),
    };
    const filled = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined));
    if (Object.keys(filled).length > 0) clean[id] = filled;
  }
  return clean;
}
