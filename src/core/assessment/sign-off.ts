/**
 * Sign-off as it is read: who said the answers are final, and whether they still are. Sign off records the
 * signer, the date and a fingerprint of every answer (answers/fingerprint.ts) in the metadata, and shows the
 * signer and date on the Guide. A return is final only while the answers and the Guide's sign-off still match
 * that record; a name typed into the Guide by hand signs nothing off. The use case that signs off, which reads
 * the check's findings, is above the check, in src/core/sign-off/sign-off.ts.
 */
import { answersFingerprint, recordedSignOff } from "../answers/fingerprint";
import type { FoundAssessment } from "../answers/from-snapshot";
import type { SignOffRecord } from "../plan/answer-types";
import type { Toolkit } from "../toolkit/schema";

/** final: signed off, nothing changed since; draft: never signed off; changed: signed off, changed since. */
export type SignOffState = "final" | "draft" | "changed";

export interface SignOffReading {
  state: SignOffState;
  /** The sign-off the metadata records, if any. */
  recorded?: SignOffRecord;
  /** The answers are not the ones signed off. */
  answersChanged: boolean;
  /** The Guide's Signed off by / on are not the recorded sign-off (typed or cleared by hand). */
  guideDiffers: boolean;
}

/** Whether the answers found are still the ones signed off, and why not. */
export function readSignOff(found: FoundAssessment, toolkit: Toolkit): SignOffReading {
  const recorded = recordedSignOff(found.info.metadata);
  const guide = { by: found.info.signedOffBy, on: found.info.signedOffOn };
  if (!recorded)
    return { state: "draft", answersChanged: false, guideDiffers: guide.by.trim() !== "" || guide.on.trim() !== "" };
  const answersChanged = answersFingerprint(found.answers, recorded, toolkit) !== recorded.answersFingerprint;
  const guideDiffers = guide.by !== recorded.by || guide.on !== recorded.on;
  return { state: answersChanged || guideDiffers ? "changed" : "final", recorded, answersChanged, guideDiffers };
}

/** Final, draft, or signed off but changed since (the consolidation's Final/Draft column reads this). */
export function signOffState(found: FoundAssessment, toolkit: Toolkit): SignOffState {
  return readSignOff(found, toolkit).state;
}
