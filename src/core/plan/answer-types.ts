/**
 * The answers a plan is built from. They are the plan's input, so they are declared with the plan; src/core/answers
 * reads them from a workbook, samples them and fingerprints them.
 */

/** What a respondent has entered. Levels are level names as typed; the plan validates them. */
export interface BehaviourAnswer {
  current?: string;
  target?: string;
  evidence?: string;
  owner?: string;
  /** ISO date, YYYY-MM-DD. */
  reviewDate?: string;
}

/** Last year's answer to a behaviour, shown read-only in the Previous columns (src/core/cycle carries it). */
export interface PreviousAnswer {
  current?: string;
  target?: string;
  evidence?: string;
}

/** Where the previous answers came from, as the metadata records it. */
export interface PreviousSource {
  /** The file's name (no folder). */
  file: string;
  /** Its assessment date, ISO YYYY-MM-DD ("" when it had none). */
  assessmentDate: string;
  /** answers/fingerprint.ts previousFingerprint of the previous answers as written. */
  answersFingerprint: string;
}

export interface PreviousAnswers {
  source: PreviousSource;
  /** Keyed by behaviour ID (of this workbook's toolkit). */
  behaviours: Record<string, PreviousAnswer>;
}

/**
 * One row of the action plan (the Actions sheet), as typed: every entry is text except the due date, which is ISO
 * (YYYY-MM-DD) when the cell held a date and the text as typed otherwise. Blank entries are left out.
 */
export interface ActionAnswer {
  behaviourId?: string;
  action?: string;
  owner?: string;
  dueDate?: string;
  status?: string;
  note?: string;
}

export interface Answers {
  council?: string;
  /** ISO date, YYYY-MM-DD. */
  assessmentDate?: string;
  /** Who answered, so that several returns from one council can be told apart. */
  respondent?: string;
  /** The respondent's role or department. */
  role?: string;
  /** One of COUNCIL_TYPES (src/core/plan/council-groups.ts) when picked; what was typed otherwise. */
  councilType?: string;
  /** One of REGIONS when picked; what was typed otherwise. */
  region?: string;
  /** Keyed by behaviour ID. */
  behaviours: Record<string, BehaviourAnswer>;
  /** Last year's answers, when the workbook was started from last year's return. */
  previous?: PreviousAnswers;
  /** The action plan's rows, in the order they stand (none when absent). */
  actions?: ActionAnswer[];
}

export const emptyAnswers = (): Answers => ({ behaviours: {} });

/**
 * A sign-off as a workbook records it: who and when on the Guide, and in the metadata the same with
 * a fingerprint of the answers at that moment (src/core/assessment/sign-off.ts).
 */
export interface SignOffRecord {
  by: string;
  /** ISO date, YYYY-MM-DD. */
  on: string;
  /** SHA-256, in hex, of the answers and this sign-off. */
  answersFingerprint: string;
}
