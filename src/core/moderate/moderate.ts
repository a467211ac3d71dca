/**
 * Moderation: several respondents' returns of one council → the council's agreed return. The returns are read,
 * checked and chosen exactly as consolidation chooses them (errors, duplicates, older toolkit versions), then those
 * of other councils are left out; the agreed levels are pre-filled by one rule, the lower median, where the
 * respondents are within one level of each other, and left blank for the meeting where they are further apart.
 * Pure but for reading each file when its turn comes (the caller's reader).
 */
import { answersFingerprint } from "../answers/fingerprint";
import { carryAnswers } from "../assessment/carry";
import { consolidateReturns, type ConsolidateReturnsOptions } from "../consolidate/consolidate";
import type { FindingCounts, LogEntry, ReturnSource, UsedReturn } from "../consolidate/types";
import type { Answers, BehaviourAnswer } from "../plan/answer-types";
import { buildWorkbookPlan } from "../plan/build-plan";
import { CELL_TEXT_LIMIT, MODERATION } from "../plan/layout";
import type { ModerationRecord, ModerationSource, RespondentLevels } from "../plan/moderation-types";
import { levelRange, type LevelRange } from "../plan/moderation-sheet";
import type { WorkbookPlan } from "../plan/types";
import type { GivenSource } from "../check/moderation";
import type { Toolkit } from "../toolkit/schema";
import { moderationWords as words } from "../words/moderation";
import { sameness } from "../util/words";

export type ModerateOptions = Omit<ConsolidateReturnsOptions, "finalOnly"> & {
  /** The council whose returns to moderate; by default the council most of the returns name. */
  council?: string;
};

/** One line of the moderation's log: every file given has exactly one. */
export interface ModerationLogEntry {
  file: string;
  used: boolean;
  council: string;
  respondent: string;
  counts?: FindingCounts;
  /** What to know about it, or why it was left out. */
  reason: string;
}

/** What moderating gives: the agreed return's answers and record, or (with too few returns) only the log. */
export interface Moderation {
  toolkit: Toolkit;
  council: string;
  log: ModerationLogEntry[];
  /** The returns moderated, in the order given. */
  sources: UsedReturn[];
  /** Undefined when fewer than two returns could be used: nothing is written. */
  agreed?: { answers: Answers; record: ModerationRecord; prefilled: number; open: number };
  warnings: string[];
  /** One line for the user: what was moderated, or why nothing was. */
  summary: string;
}

/** The council being moderated: the one asked for, else the one most returns name (the first given on a tie). */
function chooseCouncil(returns: UsedReturn[], asked: string | undefined): string {
  if (asked !== undefined && asked.trim() !== "") return asked.trim();
  const counts = new Map<string, { name: string; count: number }>();
  for (const r of returns) {
    if (r.identity.council === "" || r.identity.moderatedFrom !== undefined) continue;
    const key = sameness(r.identity.council);
    const seen = counts.get(key) ?? { name: r.identity.council, count: 0 };
    counts.set(key, { ...seen, count: seen.count + 1 });
  }
  return (
    [...counts.values()].reduce<{ name: string; count: number } | undefined>(
      (best, c) => (!best || c.count > best.count ? c : best),
      undefined,
    )?.name ?? ""
  );
}

/** Why a return the consolidation would use is not one of this council's respondents; undefined when it is. */
function notOfCouncil(r: UsedReturn, council: string): string | undefined {
  if (r.identity.moderatedFrom !== undefined) return words.alreadyModerated(r.identity.moderatedFrom);
  if (r.identity.council === "") return words.noCouncil;
  if (sameness(r.identity.council) !== sameness(council)) return words.otherCouncil(r.identity.council, council);
  return undefined;
}

/** A respondent as the sheet and the evidence name them: their name (or the file), with their role. */
const respondentOf = (r: UsedReturn) => r.identity.respondent || r.file;
const namedWithRole = (r: UsedReturn) => `${respondentOf(r)}${r.identity.role ? ` (${r.identity.role})` : ""}`;

/**
 * The fingerprint of a source return's answers as moderation reads them (behaviours of the moderation's toolkit,
 * with the Guide's details): the same return gives the same fingerprint, so a later change shows.
 */
export function sourceFingerprint(r: UsedReturn, toolkit: Toolkit): string {
  const { council, assessmentDate, respondent, role } = r.identity;
  return answersFingerprint(
    { council, assessmentDate, respondent, role, behaviours: r.answers },
    { by: "", on: "" },
    toolkit,
  );
}

/**
 * The one rule: the lower median of the levels given (the middle one, or the lower of the two middle ones) when
 * they are within one level of each other; none when they are further apart, or when nobody gave a level.
 */
export function agreedScore(range: LevelRange | undefined): number | undefined {
  if (!range || range.spread >= MODERATION.flagSpread) return undefined;
  return range.scores[Math.floor((range.scores.length - 1) / 2)];
}

/** One respondent's evidence (with any owner and review date, so nothing is lost), named; "" when they gave none. */
function evidenceOf(r: UsedReturn, answer: BehaviourAnswer): string {
  const extras = [
    ...(answer.owner?.trim() ? [words.evidenceOwner(answer.owner.trim())] : []),
    ...(answer.reviewDate?.trim() ? [words.evidenceReviewDate(answer.reviewDate.trim())] : []),
  ];
  const text = [answer.evidence?.trim() ?? "", extras.length > 0 ? `(${extras.join("; ")})` : ""]
    .filter(Boolean)
    .join(" ");
  return text === "" ? "" : `[${namedWithRole(r)}] ${text}`;
}

/** Every respondent's evidence in one cell, cut (with a mark and a warning) at what a cell holds. */
function mergedEvidence(id: string, parts: string[], warnings: string[]): string | undefined {
  const merged = parts.filter(Boolean).join("\n\n");
  if (merged === "") return undefined;
  if (merged.length <= CELL_TEXT_LIMIT) return merged;
  warnings.push(words.evidenceCut(id, CELL_TEXT_LIMIT));
  const mark = `\n${words.evidenceCutMark}`;
  return merged.slice(0, CELL_TEXT_LIMIT - mark.length) + mark;
}

const nameOf = (levels: readonly string[], score: number | undefined) =>
  score === undefined ? undefined : levels[score - 1];

/** The agreed answers and the record of every respondent's levels, behaviour by behaviour. */
function agree(sources: UsedReturn[], toolkit: Toolkit, council: string, today: string) {
  const warnings: string[] = [];
  const carried = sources.map((r) => {
    const c = carryAnswers({ behaviours: r.answers }, toolkit, "moderation");
    warnings.push(...c.warnings.map((w) => `${namedWithRole(r)}: ${w}`));
    return c.answers.behaviours;
  });
  const behaviours: Record<string, BehaviourAnswer> = {};
  const levels: Record<string, RespondentLevels[]> = {};
  let [prefilled, open] = [0, 0];
  for (const behaviour of toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours))) {
    const given = carried.map((answers) => answers[behaviour.id] ?? {});
    levels[behaviour.id] = given.map((a) => ({ current: a.current ?? "", target: a.target ?? "" }));
    const agreedLevel = (which: "current" | "target") => {
      const range = levelRange(
        given.map((a) => a[which] ?? ""),
        toolkit.levels,
      );
      const score = agreedScore(range);
      if (score !== undefined) prefilled++;
      else if (range) open++;
      return nameOf(toolkit.levels, score);
    };
    const answer: BehaviourAnswer = {
      current: agreedLevel("current"),
      target: agreedLevel("target"),
      evidence: mergedEvidence(
        behaviour.id,
        given.map((a, i) => evidenceOf(sources[i], a)),
        warnings,
      ),
    };
    behaviours[behaviour.id] = Object.fromEntries(Object.entries(answer).filter(([, v]) => v !== undefined));
  }
  const answers: Answers = {
    council,
    assessmentDate: today,
    respondent: words.respondent,
    role: words.role(sources.length),
    behaviours,
  };
  const record: ModerationRecord = {
    sources: sources.map((r): ModerationSource => ({
      file: r.file,
      respondent: r.identity.respondent,
      role: r.identity.role,
      answersFingerprint: sourceFingerprint(r, toolkit),
    })),
    levels,
    notes: {},
  };
  return { answers, record, prefilled, open, warnings };
}

function logEntry(
  entry: LogEntry,
  leftOutBecause: string | undefined,
  used: UsedReturn | undefined,
): ModerationLogEntry {
  const isUsed = used !== undefined && leftOutBecause === undefined;
  return {
    file: entry.file,
    used: isUsed,
    council: entry.identity?.council ?? "",
    respondent: entry.identity?.respondent ?? "",
    ...(entry.counts ? { counts: entry.counts } : {}),
    reason: isUsed
      ? [words.used(namedWithRole(used)), entry.reason].filter(Boolean).join(" ")
      : (leftOutBecause ?? entry.reason),
  };
}

/**
 * The use case: reads, checks and examines each file in turn (as consolidation does, one workbook in memory at a
 * time), chooses the council's returns and agrees what the rule can agree. The workbook's plan comes from
 * planModeratedWorkbook.
 */
export async function moderateReturns(sources: readonly ReturnSource[], options: ModerateOptions): Promise<Moderation> {
  const consolidation = await consolidateReturns(sources, { ...options, finalOnly: false });
  const council = chooseCouncil(consolidation.returns, options.council);
  const byNumber = new Map(consolidation.returns.map((r) => [r.number, r]));
  const reasons = new Map(consolidation.returns.map((r) => [r.number, notOfCouncil(r, council)]));
  const used = consolidation.returns.filter((r) => reasons.get(r.number) === undefined);
  const log = consolidation.log.map((entry) =>
    logEntry(
      entry,
      entry.returnNumber === undefined ? entry.reason : reasons.get(entry.returnNumber),
      entry.returnNumber === undefined ? undefined : byNumber.get(entry.returnNumber),
    ),
  );
  const leftOut = log.filter((e) => !e.used).length;
  const base = { toolkit: consolidation.toolkit, council, log, sources: used };
  if (used.length < 2) return { ...base, warnings: [], summary: words.tooFew(used.length) };
  const { warnings, ...agreed } = agree(used, consolidation.toolkit, council, options.today);
  return {
    ...base,
    agreed,
    warnings,
    summary: words.summary(used.length, leftOut, council, agreed.prefilled, agreed.open),
  };
}

/** The moderated return as a new workbook: an ordinary assessment with its Moderation sheet. */
export function planModeratedWorkbook(
  moderation: Moderation,
  options: { now: Date; sheetNames?: Record<string, string> },
): WorkbookPlan {
  if (!moderation.agreed) throw new Error("Nothing was moderated: there is no workbook to plan");
  return buildWorkbookPlan(moderation.toolkit, moderation.agreed.answers, {
    now: options.now,
    moderation: moderation.agreed.record,
    ...(options.sheetNames ? { sheetNames: options.sheetNames } : {}),
  });
}

/** What moderating into a new workbook gives: the moderation, and the workbook's plan when there is one to write. */
export interface ModeratedWorkbook {
  moderation: Moderation;
  /** Undefined when fewer than two returns could be used: nothing is written. */
  plan?: WorkbookPlan;
}

/**
 * The use case the command line and the standalone page's download share: moderates the returns and, when two or
 * more could be used, plans the council's moderated workbook (a new file, so no sheet name is taken).
 */
export async function moderateIntoNewWorkbook(
  sources: readonly ReturnSource[],
  options: ModerateOptions & { now: Date },
): Promise<ModeratedWorkbook> {
  const { now, ...moderateOptions } = options;
  const moderation = await moderateReturns(sources, moderateOptions);
  return moderation.agreed ? { moderation, plan: planModeratedWorkbook(moderation, { now }) } : { moderation };
}

/**
 * Source returns given again to the check of a moderated return (checkWorkbook's `sources`): each read and
 * fingerprinted as moderation read it, so one that changed since tells; with the files that could not be used, and why.
 */
export async function givenSources(
  sources: readonly ReturnSource[],
  options: Omit<ConsolidateReturnsOptions, "finalOnly" | "includeErrors">,
): Promise<{ given: GivenSource[]; notRead: { file: string; reason: string }[] }> {
  const read = await consolidateReturns(sources, { ...options, finalOnly: false, includeErrors: true });
  return {
    given: read.returns.map((r) => ({
      file: r.file,
      respondent: r.identity.respondent,
      answersFingerprint: sourceFingerprint(r, read.toolkit),
    })),
    notRead: read.log.filter((e) => e.outcome === "left-out").map((e) => ({ file: e.file, reason: e.reason })),
  };
}
