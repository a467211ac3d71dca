import type { FoundAssessment } from "../answers/from-snapshot";
import type { Toolkit } from "../toolkit/schema";

/** final: signed off, nothing changed since; draft: never signed off; changed: signed off, changed since. */
export type SignOffState = "final" | "draft" | "changed";

/**
 * A placeholder until the sign-off cells and the answers' fingerprint exist (issue 8, items 3–4: the sign-off
 * work replaces this file, with the same signature): no return can be signed off yet, so every return is a draft.
 */
export function signOffState(found: FoundAssessment, toolkit: Toolkit): SignOffState {
  void found;
  void toolkit;
  return "draft";
}
