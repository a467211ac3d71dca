/**
 * A group fit to send back to every council that took part: each return known only by its number, with no
 * council, respondent, role, evidence, owner, action text, progress note or file name left in it, and a key (for the group's lead
 * alone) saying which council's return has which number. Group Summary then shows no figure drawn from
 * fewer than MINIMUM_RETURNS returns (peer-groups.ts).
 */
import { canonicalLevel } from "../plan/answers";
import type { ActionAnswer } from "../plan/answer-types";
import { ACTION_STATUSES, GROUP_DATA, NOT_A_LEVEL } from "../plan/layout";
import { isIsoDate } from "../util/dates";
import { peerWords } from "../words/peers";
import { levelText } from "../plan/level-text";
import { csvText } from "./csv";
import type { Consolidation, LogEntry, ReturnIdentity, UsedReturn } from "./types";

/** One line of the key: a return's number and whose it is. */
export interface ReturnKeyLine {
  returnNumber: number;
  council: string;
  respondent: string;
  role: string;
  file: string;
}

export interface AnonymisedGroup {
  consolidation: Consolidation;
  key: ReturnKeyLine[];
}

/** What a return's identity may say in an anonymised group: its toolkit, date and status, nothing of who. */
const anonymousIdentity = (identity: ReturnIdentity): ReturnIdentity => ({
  ...identity,
  council: "",
  respondent: "",
  role: "",
});

/** A level as shared: a level's name as typed, or NOT_A_LEVEL for other text typed there (which could name anyone). */
const sharedLevel = (levels: readonly string[], typed: string | undefined) =>
  typed === undefined || levelText(typed) === "" || canonicalLevel(levels, typed) ? typed : NOT_A_LEVEL;

/**
 * An action as shared: its behaviour (when it is one of the toolkit's), due date and status (when a date and a
 * status); the action's words, owner and note, which could name the council or a person, are withheld.
 */
function anonymousAction(action: ActionAnswer, behaviourIds: ReadonlySet<string>): ActionAnswer {
  const { behaviourId, dueDate, status } = action;
  return {
    ...(behaviourId !== undefined && behaviourIds.has(behaviourId) ? { behaviourId } : {}),
    ...(dueDate !== undefined && isIsoDate(dueDate) ? { dueDate } : {}),
    ...(status !== undefined && (ACTION_STATUSES as readonly string[]).includes(status) ? { status } : {}),
  };
}

/** A return by number only: its levels and actions, without the words and owners that could name the council. */
function anonymousReturn(used: UsedReturn, levels: readonly string[], behaviourIds: ReadonlySet<string>): UsedReturn {
  const answers = Object.fromEntries(
    Object.entries(used.answers).map(([id, answer]) => [
      id,
      { current: sharedLevel(levels, answer.current), target: sharedLevel(levels, answer.target) },
    ]),
  );
  const previousLevels = used.previousLevels && {
    previousLevels: Object.fromEntries(
      Object.entries(used.previousLevels).map(([id, typed]) => [id, sharedLevel(levels, typed) as string]),
    ),
  };
  return {
    number: used.number,
    file: peerWords.anonymousLog.returnNumber({ number: used.number }),
    identity: anonymousIdentity(used.identity),
    answers,
    ...previousLevels,
    actions: (used.actions ?? []).map((action) => anonymousAction(action, behaviourIds)),
  };
}

/**
 * A log line without file names, identities or reasons (which name files and councils): a used return by
 * its number, a file left out only as one of so many.
 */
function anonymousLogEntry(entry: LogEntry): LogEntry {
  const file =
    entry.returnNumber === undefined
      ? peerWords.anonymousLog.leftOut
      : peerWords.anonymousLog.returnNumber({ number: entry.returnNumber });
  return {
    file,
    outcome: entry.outcome,
    ...(entry.returnNumber === undefined ? {} : { returnNumber: entry.returnNumber }),
    ...(entry.identity ? { identity: anonymousIdentity(entry.identity) } : {}),
    ...(entry.counts ? { counts: entry.counts } : {}),
    reason: "",
  };
}

/** The consolidation as it may be shared, and the key to it. */
export function anonymiseConsolidation(consolidation: Consolidation): AnonymisedGroup {
  const { toolkit } = consolidation;
  const behaviourIds = new Set(toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id))));
  return {
    consolidation: {
      toolkit,
      returns: consolidation.returns.map((used) => anonymousReturn(used, toolkit.levels, behaviourIds)),
      log: consolidation.log.map(anonymousLogEntry),
      anonymised: true,
    },
    key: consolidation.returns.map((used) => ({
      returnNumber: used.number,
      council: used.identity.council,
      respondent: used.identity.respondent,
      role: used.identity.role,
      file: used.file,
    })),
  };
}

const { header } = GROUP_DATA;

/** The key as CSV (as Group Data's: UTF-8 with a byte order mark, CRLF, fields that look like formulas neutralised). */
export function returnKeyCsv(key: readonly ReturnKeyLine[]): string {
  const orNull = (text: string) => text || null;
  return csvText([
    [header.returnNumber, header.council, header.respondent, header.role, header.sourceFile],
    ...key.map((line) => [
      line.returnNumber,
      orNull(line.council),
      orNull(line.respondent),
      orNull(line.role),
      line.file,
    ]),
  ]);
}
