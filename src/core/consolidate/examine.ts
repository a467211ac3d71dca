/**
 * One returned file: checked with the checker, then its answers read by behaviour ID and expressed in the
 * group's toolkit, so a return made from an older version lines up with the newest one. Pure.
 */
import { readAssessment } from "../answers/from-snapshot";
import { readModeration } from "../answers/moderation";
import type { BehaviourAnswer, PreviousAnswer } from "../plan/answer-types";
import { signOffState } from "../assessment/sign-off";
import { checkWorkbook } from "../check/check";
import type { Finding } from "../check/types";
import { GROUP_DATA } from "../plan/layout";
import type { WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { isIsoDate } from "../util/dates";
import { consolidateWords } from "../words/consolidate";
import type { ExaminedReturn, FindingCounts, ReadReturn } from "./types";

export interface ExamineContext {
  /** Every toolkit version the product knows. */
  registry: readonly Toolkit[];
  /** The version the group is expressed in. */
  target: Toolkit;
  /** ISO date taken as today by the check. */
  today: string;
}

/** How many error findings the log spells out; the count says how many there are in all. */
const ERRORS_SHOWN = 2;

const countBySeverity = (findings: Finding[]): FindingCounts => ({
  error: findings.filter((f) => f.severity === "error").length,
  warning: findings.filter((f) => f.severity === "warning").length,
  info: findings.filter((f) => f.severity === "info").length,
});

const NO_FINDINGS: FindingCounts = { error: 0, warning: 0, info: 0 };

/** "Sheet!D9: the finding's message" without its full stop, so findings can be joined into one sentence. */
const located = (f: Finding) =>
  `${f.sheet ? `${f.sheet.name}${f.cell ? `!${f.cell}` : ""}: ` : ""}${f.message.replace(/\.$/, "")}`;

const hasAnswer = (answer: BehaviourAnswer) => Object.values(answer).some((value) => (value ?? "").trim() !== "");

const behaviourIdsOf = (target: Toolkit) =>
  new Set(target.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id))));

/** The answers of the target toolkit's behaviours, by ID, and how many answered behaviours it lacks. */
function mapAnswers(
  answers: Record<string, BehaviourAnswer>,
  target: Toolkit,
): { answers: Record<string, BehaviourAnswer>; retired: number } {
  const ids = behaviourIdsOf(target);
  const mapped: Record<string, BehaviourAnswer> = {};
  let retired = 0;
  for (const [id, answer] of Object.entries(answers)) {
    if (ids.has(id)) mapped[id] = answer;
    else if (hasAnswer(answer)) retired++;
  }
  return { answers: mapped, retired };
}

/** Last year's current levels shown in the Previous columns, of the target toolkit's behaviours; undefined when none. */
function previousLevels(
  previous: Record<string, PreviousAnswer> | undefined,
  target: Toolkit,
): Record<string, string> | undefined {
  const ids = behaviourIdsOf(target);
  const levels = Object.entries(previous ?? {}).flatMap(([id, answer]) =>
    ids.has(id) && answer.current !== undefined && answer.current.trim() !== "" ? [[id, answer.current] as const] : [],
  );
  return levels.length > 0 ? Object.fromEntries(levels) : undefined;
}

/** The columns every layout of Group Data has had: later layouts only added columns, never renamed or moved one. */
const FIRST_GROUP_DATA_COLUMNS = ["returnNumber", "council", "id", "currentLevel", "sourceFile"] as const;

/** A sheet's header row as text, from column A to the first empty cell. */
function headerTexts(cells: WorkbookSnapshot["sheets"][number]["cells"]): string[] {
  const texts: string[] = [];
  for (let column = 1; ; column++) {
    const value = cells[cellAddress(GROUP_DATA.headerRow, column)]?.value;
    if (typeof value !== "string" || value === "") return texts;
    texts.push(value);
  }
}

/**
 * Which Group Data header a sheet has: this layout's, an earlier layout's (this one's columns in this order, but
 * for some added since), or none.
 */
function groupDataLayout(found: readonly string[]): "current" | "earlier" | undefined {
  const current = GROUP_DATA.headers;
  if (current.every((header, i) => found[i] === header)) return "current";
  let next = 0;
  for (const header of found) {
    const at = current.indexOf(header, next);
    if (at < 0) return undefined;
    next = at + 1;
  }
  return FIRST_GROUP_DATA_COLUMNS.every((key) => found.includes(GROUP_DATA.header[key])) ? "earlier" : undefined;
}

/**
 * A group workbook (an earlier consolidation's output, often saved beside the returns) by its Group Data header,
 * this layout's or an earlier one's, as what the log says of it; undefined for any other workbook.
 */
function groupWorkbookProblem(snapshot: WorkbookSnapshot): string | undefined {
  const layouts = snapshot.sheets.map((sheet) => groupDataLayout(headerTexts(sheet.cells)));
  if (layouts.includes("current")) return consolidateWords.groupWorkbook;
  return layouts.includes("earlier") ? consolidateWords.olderGroupWorkbook : undefined;
}

function examineSnapshot(
  base: Pick<ExaminedReturn, "file" | "position" | "modified">,
  snapshot: WorkbookSnapshot,
  context: ExamineContext,
): ExaminedReturn {
  const result = checkWorkbook(snapshot, context.registry, { today: context.today });
  const counts = countBySeverity(result.findings);
  const errors = result.findings.filter((f) => f.severity === "error");
  const firstErrors = errors.slice(0, ERRORS_SHOWN).map(located);
  const madeFrom = context.registry.find((t) => t.id === result.toolkit?.id && t.version === result.toolkit?.version);
  const found = readAssessment(snapshot, madeFrom ?? context.target);
  const groupWorkbook = found ? undefined : groupWorkbookProblem(snapshot);
  if (!found)
    return {
      ...base,
      kind: "not-an-assessment",
      ...(groupWorkbook ? { problem: groupWorkbook } : {}),
      counts,
      firstErrors,
      retiredAnswers: 0,
    };
  const { toolkitId, toolkitVersion } = found.info.metadata;
  const { answers, retired } = mapAnswers(found.answers.behaviours, context.target);
  const moderation = readModeration(snapshot, found.roles);
  const previous = previousLevels(found.answers.previous?.behaviours, context.target);
  return {
    ...base,
    kind: "assessment",
    counts,
    firstErrors,
    identity: {
      council: found.info.council.trim(),
      respondent: found.info.respondent.trim(),
      role: found.info.role.trim(),
      councilType: found.info.councilType.trim(),
      region: found.info.region.trim(),
      assessmentDate: found.info.assessmentDate,
      toolkitLabel: toolkitId && toolkitVersion ? `${toolkitId} ${toolkitVersion}` : "",
      ...(madeFrom ? { toolkitVersion: madeFrom.version } : {}),
      status: signOffState(found, madeFrom ?? context.target),
      ...(moderation ? { moderatedFrom: moderation.sources.length } : {}),
    },
    answers,
    retiredAnswers: retired,
    ...(previous ? { previousLevels: previous } : {}),
    actions: found.answers.actions ?? [],
  };
}

/**
 * The examined return with every string copied. A string the reader cut out of a larger one (V8 keeps such a
 * "sliced string" as a view) holds that whole string alive: here each return's shared-strings text, about
 * 170 KB, kept for the rest of the batch by a few answers (70 MB over 400 returns). Keeping copies lets each
 * workbook go once it is examined. JSON is plain data in and out, and copies every string it parses.
 */
const detached = (examined: ExaminedReturn): ExaminedReturn => JSON.parse(JSON.stringify(examined)) as ExaminedReturn;

/** Checks one return and reads what the group needs from it, holding nothing of its workbook. */
export function examineReturn(
  source: { file: string; position: number; modified?: number },
  read: ReadReturn,
  context: ExamineContext,
): ExaminedReturn {
  const base = {
    file: source.file,
    position: source.position,
    ...(source.modified !== undefined ? { modified: source.modified } : {}),
  };
  if ("unreadable" in read)
    return {
      ...base,
      kind: "unreadable",
      problem: read.unreadable,
      counts: NO_FINDINGS,
      firstErrors: [],
      retiredAnswers: 0,
    };
  return detached(examineSnapshot(base, read.snapshot, context));
}

/** An ISO assessment date, or "" when the return has none that is a date (so any real date is later). */
export const comparableDate = (identity: { assessmentDate: string }) =>
  isIsoDate(identity.assessmentDate) ? identity.assessmentDate : "";
