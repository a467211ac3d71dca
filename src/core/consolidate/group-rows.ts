/**
 * The rows of Group Data, one per return × behaviour of the group's toolkit, as plain values: the one
 * source for the Group Data sheet and the CSV. Everything copied from a return stays as it was typed
 * (text is data, never a formula); levels are read as the workbook's own score formulas read them.
 */
import type { BehaviourAnswer } from "../plan/answer-types";
import { canonicalLevel } from "../plan/answers";
import { GROUP_DATA, NOT_A_LEVEL } from "../plan/layout";
import { levelText } from "../plan/level-text";
import { workbookWords } from "../words/workbook";
import type { Consolidation, UsedReturn } from "./types";

export type GroupDataKey = keyof typeof GROUP_DATA.columns;
export type GroupValue = string | number | null;
export type GroupDataRow = Record<GroupDataKey, GroupValue>;

/** A return is Final only while its answers are the ones signed off; one changed since counts as a draft. */
export const SIGN_OFF_LABEL = {
  final: workbookWords.groupData.finalOrDraft.final,
  draft: workbookWords.groupData.finalOrDraft.draft,
  changed: workbookWords.groupData.finalOrDraft.draft,
} as const;

/** A level as the group shows it: its canonical name and score, blank when blank, NOT_A_LEVEL otherwise. */
function level(levels: readonly string[], typed: string | undefined): { name: GroupValue; score: GroupValue } {
  if (typed === undefined || levelText(typed) === "") return { name: null, score: null };
  const name = canonicalLevel(levels, typed);
  return name ? { name, score: levels.indexOf(name) + 1 } : { name: typed, score: NOT_A_LEVEL };
}

type Level = ReturnType<typeof level>;

/**
 * level(), remembered by typed text for one Group Data: 400 returns type a handful of distinct levels,
 * and reading each of their 80,000 the long way took a fifth of a second.
 */
function levelReader(levels: readonly string[]): (typed: string | undefined) => Level {
  const known = new Map<string, Level>();
  return (typed) => {
    if (typed === undefined) return level(levels, typed);
    const found = known.get(typed) ?? level(levels, typed);
    known.set(typed, found);
    return found;
  };
}

const textOrNull = (text: string | undefined) => (text === undefined || text === "" ? null : text);

function returnRows(
  used: UsedReturn,
  consolidation: Consolidation,
  readLevel: (typed?: string) => Level,
): GroupDataRow[] {
  const { toolkit } = consolidation;
  const { identity } = used;
  const rows: GroupDataRow[] = [];
  for (const theme of toolkit.themes)
    for (const keyArea of theme.keyAreas)
      for (const behaviour of keyArea.behaviours) {
        const answer: BehaviourAnswer = used.answers[behaviour.id] ?? {};
        const current = readLevel(answer.current);
        const target = readLevel(answer.target);
        const previous = readLevel(used.previousLevels?.[behaviour.id]);
        const gap =
          typeof current.score === "number" && typeof target.score === "number"
            ? Math.max(0, target.score - current.score)
            : null;
        rows.push({
          returnNumber: used.number,
          council: textOrNull(identity.council),
          respondent: textOrNull(identity.respondent),
          role: textOrNull(identity.role),
          // A council type with a region can name a council: an anonymised group keeps them to Group Summary's groups.
          councilType: consolidation.anonymised ? null : textOrNull(identity.councilType),
          region: consolidation.anonymised ? null : textOrNull(identity.region),
          assessmentDate: textOrNull(identity.assessmentDate),
          toolkitVersion: textOrNull(identity.toolkitLabel),
          theme: theme.name,
          keyArea: keyArea.name,
          id: behaviour.id,
          behaviour: behaviour.name,
          currentLevel: current.name,
          currentScore: current.score,
          targetLevel: target.name,
          targetScore: target.score,
          gap,
          evidence: textOrNull(answer.evidence),
          owner: textOrNull(answer.owner),
          previousLevel: previous.name,
          previousScore: previous.score,
          // As the return's own Change: current less previous score, blank unless both are levels.
          change:
            typeof current.score === "number" && typeof previous.score === "number"
              ? current.score - previous.score
              : null,
          sourceFile: consolidation.anonymised ? null : used.file,
          status: SIGN_OFF_LABEL[identity.status],
          moderatedFrom: identity.moderatedFrom ?? null,
        });
      }
  return rows;
}

/** Every Group Data row, return by return in toolkit order. */
export function groupDataRows(consolidation: Consolidation): GroupDataRow[] {
  const readLevel = levelReader(consolidation.toolkit.levels);
  return consolidation.returns.flatMap((used) => returnRows(used, consolidation, readLevel));
}
