/** What a respondent has entered. Levels are level names as typed; the plan validates them. */
export interface BehaviourAnswer {
  current?: string;
  target?: string;
  evidence?: string;
  owner?: string;
  /** ISO date, YYYY-MM-DD. */
  reviewDate?: string;
}

export interface Answers {
  council?: string;
  /** ISO date, YYYY-MM-DD. */
  assessmentDate?: string;
  /** Keyed by behaviour ID. */
  behaviours: Record<string, BehaviourAnswer>;
}

export const emptyAnswers = (): Answers => ({ behaviours: {} });
