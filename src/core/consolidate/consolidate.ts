/**
 * Consolidation: many returned workbooks → one group dataset and a log that accounts for every file.
 * Which returns are used, and why any is left out, is decided here, once, for the command line, the page
 * and the pane. Pure but for reading each file when its turn comes (the caller's reader).
 */
import { canonicalLevel } from "../plan/answers";
import { CANONICAL_TOOLKIT_ID } from "../toolkit/canonical";
import { newestVersion } from "../toolkit/registry";
import type { Toolkit } from "../toolkit/schema";
import { comparableDate, examineReturn, type ExamineContext } from "./examine";
import { sameness } from "../util/words";
import type {
  Consolidation,
  ConsolidationOptions,
  ConsolidationProgress,
  ExaminedReturn,
  LogEntry,
  ReturnIdentity,
  ReturnSource,
  UsedReturn,
} from "./types";
import { consolidateWords } from "../words/consolidate";

/** The version the group is expressed in: the newest of the canonical toolkit the product knows. */
export function groupToolkit(registry: readonly Toolkit[]): Toolkit {
  const newest = newestVersion(registry, CANONICAL_TOOLKIT_ID) ?? registry[0];
  if (!newest) throw new Error("No toolkit to consolidate against");
  return newest;
}

/** Two returns are duplicates when council and respondent match; a return without a council matches nothing. */
const duplicateKey = (identity: ReturnIdentity) =>
  identity.council.trim() === "" ? undefined : `${sameness(identity.council)}\u0000${sameness(identity.respondent)}`;

/** Why `a` is preferred to `b` (a reason in words), or undefined when it is not. Rules in order of weight. */
function preferredBecause(a: ExaminedReturn, b: ExaminedReturn): string | undefined {
  const [ia, ib] = [a.identity as ReturnIdentity, b.identity as ReturnIdentity];
  const [fa, fb] = [ia.status === "final", ib.status === "final"];
  if (fa !== fb) return fa ? consolidateWords.because.final : undefined;
  const [da, db] = [comparableDate(ia), comparableDate(ib)];
  if (da !== db) return da > db ? consolidateWords.because.laterDate(da, db) : undefined;
  // A file whose save time is unknown counts as the earliest saved, which keeps the order transitive.
  const [ma, mb] = [a.modified ?? -Infinity, b.modified ?? -Infinity];
  if (ma !== mb) return ma > mb ? consolidateWords.because.savedLater : undefined;
  return a.position > b.position ? consolidateWords.because.givenLater : undefined;
}

const errorsLine = (r: ExaminedReturn) => consolidateWords.checkFound(r.counts.error, r.firstErrors);

/** Why a return cannot or should not be used, before duplicates are looked at; undefined when it can be. */
function leftOutBecause(r: ExaminedReturn, options: ConsolidationOptions): string | undefined {
  if (r.kind === "unreadable") return consolidateWords.unreadable(r.problem);
  if (r.kind === "not-an-assessment") return consolidateWords.notAnAssessment(r.problem);
  if (r.counts.error > 0 && !options.includeErrors) return consolidateWords.leftOutErrors(errorsLine(r));
  if (options.finalOnly && r.identity?.status === "changed") return consolidateWords.leftOutChanged;
  if (options.finalOnly && r.identity?.status !== "final") return consolidateWords.leftOutDraft;
  return undefined;
}

/** What to know about a return that is used: errors included on request, an older toolkit, answers it could not map. */
function usedNotes(r: ExaminedReturn, target: Toolkit): string[] {
  const notes: string[] = [];
  if (r.counts.error > 0) notes.push(consolidateWords.includedWithErrors(errorsLine(r)));
  const version = r.identity?.toolkitVersion;
  if (version && version !== target.version) notes.push(consolidateWords.olderToolkit(version, target.version));
  if (r.identity?.moderatedFrom !== undefined) notes.push(consolidateWords.moderated(r.identity.moderatedFrom));
  if (r.identity?.status === "changed") notes.push(consolidateWords.changedSinceSignOff);
  if (r.retiredAnswers > 0) notes.push(consolidateWords.retiredAnswers(r.retiredAnswers, target.version));
  if (!hasCurrentLevel(r, target)) notes.push(consolidateWords.noCurrentLevels);
  return notes;
}

/** Whether any behaviour has a current level as the score formulas read it: a return without one adds no figure. */
const hasCurrentLevel = (r: ExaminedReturn, target: Toolkit) =>
  Object.values(r.answers ?? {}).some(
    (answer) => answer.current !== undefined && canonicalLevel(target.levels, answer.current) !== undefined,
  );

/** The returns kept after duplicates, with what the log says about each duplicate, by position. */
function resolveDuplicates(candidates: ExaminedReturn[]): { kept: ExaminedReturn[]; notes: Map<number, string> } {
  const winners = new Map<string, ExaminedReturn>();
  const groups = new Map<string, ExaminedReturn[]>();
  for (const r of candidates) {
    const key = duplicateKey(r.identity as ReturnIdentity);
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
    const best = winners.get(key);
    if (!best || preferredBecause(r, best)) winners.set(key, r);
  }
  const notes = new Map<number, string>();
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const winner = winners.get(key) as ExaminedReturn;
    const losers = members.filter((m) => m !== winner);
    const who = consolidateWords.who(winner.identity?.council, winner.identity?.respondent);
    for (const loser of losers)
      notes.set(loser.position, consolidateWords.duplicate(winner.file, who, preferredBecause(winner, loser)));
    notes.set(
      winner.position,
      consolidateWords.usedInstead(
        losers.map((l) => l.file),
        losers.map((l) => preferredBecause(winner, l)).filter((why, i, all) => all.indexOf(why) === i),
      ),
    );
  }
  const kept = candidates.filter((r) => {
    const key = duplicateKey(r.identity as ReturnIdentity);
    return key === undefined || winners.get(key) === r;
  });
  return { kept, notes };
}

/**
 * Decides which examined returns make up the group and writes the log: errors left out unless included,
 * drafts left out on request, and of duplicates (same council and respondent) the final one, then the one
 * with the later assessment date, then the one saved later, then the one given later.
 */
export function consolidate(examined: ExaminedReturn[], target: Toolkit, options: ConsolidationOptions): Consolidation {
  const reasons = new Map(examined.map((r) => [r.position, leftOutBecause(r, options)]));
  const candidates = examined.filter((r) => reasons.get(r.position) === undefined);
  const { kept, notes } = resolveDuplicates(candidates);
  const numbers = new Map(kept.map((r, i) => [r.position, i + 1]));
  const returns: UsedReturn[] = kept.map((r) => ({
    number: numbers.get(r.position) as number,
    file: r.file,
    identity: r.identity as ReturnIdentity,
    answers: r.answers ?? {},
    ...(r.previousLevels ? { previousLevels: r.previousLevels } : {}),
    actions: r.actions ?? [],
  }));
  const log: LogEntry[] = examined.map((r) => {
    const number = numbers.get(r.position);
    const used = number !== undefined;
    const reason = used
      ? [notes.get(r.position), ...usedNotes(r, target)].filter(Boolean).join(" ")
      : (reasons.get(r.position) ?? notes.get(r.position) ?? "");
    return {
      file: r.file,
      outcome: !used ? "left-out" : r.counts.error > 0 ? "used-with-errors" : "used",
      ...(used ? { returnNumber: number } : {}),
      ...(r.identity ? { identity: r.identity } : {}),
      ...(r.kind === "unreadable" ? {} : { counts: r.counts }),
      reason,
    };
  });
  return { toolkit: target, returns, log };
}

export interface ConsolidateReturnsOptions extends ConsolidationOptions {
  /** Every toolkit version the product knows (knownToolkits()). */
  registry: readonly Toolkit[];
  /** ISO date taken as today by the check. */
  today: string;
  onProgress?: (progress: ConsolidationProgress) => void;
}

/**
 * The use case: reads, checks and examines each file in turn (one workbook in memory at a time), reporting
 * progress after each, then consolidates. The group workbook's plan comes from planGroupWorkbook.
 */
export async function consolidateReturns(
  sources: readonly ReturnSource[],
  options: ConsolidateReturnsOptions,
): Promise<Consolidation> {
  const context: ExamineContext = {
    registry: options.registry,
    target: groupToolkit(options.registry),
    today: options.today,
  };
  const examined: ExaminedReturn[] = [];
  for (const [position, source] of sources.entries()) {
    const read = await source.read();
    const result = examineReturn({ file: source.file, position, modified: source.modified }, read, context);
    examined.push(result);
    options.onProgress?.({
      done: position + 1,
      total: sources.length,
      file: source.file,
      kind: result.kind,
      counts: result.counts,
    });
  }
  return consolidate(examined, context.target, options);
}
