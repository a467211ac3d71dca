import type { ActionAnswer, BehaviourAnswer } from "../plan/answer-types";
import type { SignOffState } from "../assessment/sign-off";
import type { Severity } from "../check/types";
import type { WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { workbookWords } from "../words/workbook";

/** What reading one returned file gave: its snapshot, or why it could not be read (in words for the user). */
export type ReadReturn = { snapshot: WorkbookSnapshot } | { unreadable: string };

/**
 * One returned file, read only when its turn comes, so a batch of hundreds never holds more than one
 * workbook in memory. The reader (the .xlsx reader on the command line, the page or the pane) turns its
 * own "not a workbook" errors into `unreadable`; any other error is a bug and is thrown.
 */
export interface ReturnSource {
  /** The file's name as the user knows it (a path on the command line). */
  file: string;
  /** When the file was last saved (milliseconds since 1970), where known: the later of two duplicates wins. */
  modified?: number;
  read: () => Promise<ReadReturn>;
}

export type FindingCounts = Record<Severity, number>;

/** Who and what a return is, as its Guide and metadata say. */
export interface ReturnIdentity {
  council: string;
  respondent: string;
  role: string;
  /** As the Guide holds them: a picked entry of COUNCIL_TYPES / REGIONS, text typed instead, or "". */
  councilType: string;
  region: string;
  /** As read: an ISO date (YYYY-MM-DD) when it is a date, otherwise the text typed, or "". */
  assessmentDate: string;
  /** "nps-2018 1.0.0", as the Data sheet labels it; "" when the workbook does not say. */
  toolkitLabel: string;
  /** The toolkit version the answers were read as, when this product knows it. */
  toolkitVersion?: string;
  /** Final only while the answers are still the ones signed off. */
  status: SignOffState;
  /** How many respondents' returns it was moderated from, when it is a moderated return (src/core/moderate). */
  moderatedFrom?: number;
}

/** One file after reading and checking, before the batch decides whether it is used. */
export interface ExaminedReturn {
  file: string;
  /** Position in the batch, from 0. */
  position: number;
  modified?: number;
  /** "unreadable": not a workbook; "not-an-assessment": a workbook without an assessment; "assessment": usable. */
  kind: "unreadable" | "not-an-assessment" | "assessment";
  /** Why it cannot be used at all: why it is unreadable, or what it is when not an assessment (if known). */
  problem?: string;
  counts: FindingCounts;
  /** The first error findings, in words with their cells, for the log. */
  firstErrors: string[];
  identity?: ReturnIdentity;
  /** Answers by behaviour ID of the group's toolkit (older versions mapped by ID). */
  answers?: Record<string, BehaviourAnswer>;
  /** Answered behaviours the group's toolkit no longer has, so not consolidated. */
  retiredAnswers: number;
  /** Last year's current level as the return's Previous columns show it, by behaviour ID of the group's toolkit. */
  previousLevels?: Record<string, string>;
  /** The return's action plan, as typed (Group Actions). */
  actions?: ActionAnswer[];
}

export interface ConsolidationOptions {
  /** Use returns whose check found errors too (they are left out by default). */
  includeErrors: boolean;
  /** Leave out returns that are not signed off. */
  finalOnly: boolean;
}

/** A return the group workbook holds, numbered from 1 in the order the files were given. */
export interface UsedReturn {
  number: number;
  file: string;
  identity: ReturnIdentity;
  answers: Record<string, BehaviourAnswer>;
  /** Last year's current level by behaviour ID, where the return was started from last year's. */
  previousLevels?: Record<string, string>;
  /** Its action plan, as typed (none when not given). */
  actions?: ActionAnswer[];
}

export type LogOutcome = "used" | "used-with-errors" | "left-out";

export const OUTCOME_LABEL: Record<LogOutcome, string> = {
  used: workbookWords.consolidationLog.outcome.used,
  "used-with-errors": workbookWords.consolidationLog.outcome.usedWithErrors,
  "left-out": workbookWords.consolidationLog.outcome.leftOut,
};

/** One line of the Consolidation Log: every file given has exactly one. */
export interface LogEntry {
  file: string;
  outcome: LogOutcome;
  returnNumber?: number;
  identity?: ReturnIdentity;
  counts?: FindingCounts;
  /** Why it was left out, or what to know about it; "" when there is nothing to say. */
  reason: string;
}

export interface Consolidation {
  /** The toolkit version the group is expressed in: the newest the product knows. */
  toolkit: Toolkit;
  returns: UsedReturn[];
  log: LogEntry[];
  /**
   * Fit to send back to every council (anonymise.ts): returns known by number only, with no council, person,
   * evidence, owner or file name; figures drawn from too few returns are not shown.
   */
  anonymised?: boolean;
}

/** Reported after each file, for a progress bar and a line per file. */
export interface ConsolidationProgress {
  done: number;
  total: number;
  file: string;
  kind: ExaminedReturn["kind"];
  counts: FindingCounts;
}
