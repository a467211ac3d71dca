/** The Consolidation Log's rows, in one place for the log sheet and the command line's printout. */
import { CONSOLIDATION_LOG } from "../plan/layout";
import { todayIso, ukDate } from "../util/dates";
import { plural } from "../util/words";
import { SIGN_OFF_LABEL, type GroupValue } from "./group-rows";
import { OUTCOME_LABEL, type Consolidation, type LogEntry } from "./types";

export type LogKey = keyof typeof CONSOLIDATION_LOG.columns;
export type LogRow = Record<LogKey, GroupValue>;

export function logRow(entry: LogEntry): LogRow {
  const identity = entry.identity;
  return {
    file: entry.file,
    outcome: OUTCOME_LABEL[entry.outcome],
    returnNumber: entry.returnNumber ?? null,
    council: identity?.council || null,
    respondent: identity?.respondent || null,
    assessmentDate: identity?.assessmentDate || null,
    toolkitVersion: identity?.toolkitLabel || null,
    status: identity ? SIGN_OFF_LABEL[identity.status] : null,
    errors: entry.counts?.error ?? null,
    warnings: entry.counts?.warning ?? null,
    notes: entry.counts?.info ?? null,
    reason: entry.reason || null,
  };
}

/** "40 files: 37 returns used (2 with errors), 3 left out." */
export function logSummaryLine(consolidation: Consolidation): string {
  const { log } = consolidation;
  const used = log.filter((e) => e.outcome !== "left-out").length;
  const withErrors = log.filter((e) => e.outcome === "used-with-errors").length;
  const leftOut = log.length - used;
  return `${plural(log.length, "file")}: ${plural(used, "return")} used${withErrors > 0 ? ` (${withErrors} with errors)` : ""}, ${leftOut} left out.`;
}

/** The summary line, when and against which toolkit: under the titles of Group Summary and the log. */
export function consolidationLine(consolidation: Consolidation, now: Date): string {
  const { toolkit } = consolidation;
  return `${logSummaryLine(consolidation)} Consolidated on ${ukDate(todayIso(now))} against toolkit ${toolkit.id} ${toolkit.version}.`;
}
