import type { FoundAssessment } from "../answers/from-snapshot";

/** Whether a return is signed off (Final) or not yet (Draft). */
export type SignOffStatus = "final" | "draft";

export interface SignOffState {
  status: SignOffStatus;
}

/**
 * A placeholder until the sign-off cells and the answers' fingerprint exist (issue 8, items 3–4, the sign-off
 * work, replaces this file): no return can be signed off yet, so every return is a draft.
 */
export function signOffState(found: FoundAssessment): SignOffState {
  void found;
  return { status: "draft" };
}
