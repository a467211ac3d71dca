/**
 * Sign-off: who says the answers are final, and whether they still are. Sign off records the
 * signer, the date and a fingerprint of every answer (answers/fingerprint.ts) in the metadata, and
 * shows the signer and date on the Guide. A return is final only while the answers and the Guide's
 * sign-off still match that record; a name typed into the Guide by hand signs nothing off.
 *
 * The use case (planSignOff) is the upgrade's, keeping every answer, with the sign-off recorded: the
 * Excel host writes its plan in place, the command line into a new file.
 */
import { answersFingerprint, recordedSignOff } from "../answers/fingerprint";
import type { FoundAssessment } from "../answers/from-snapshot";
import type { SignOffRecord } from "../plan/answer-types";
import type { WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { todayIso, ukDate } from "../util/dates";
import { plural } from "../util/words";
import { planUpgrade, type PlannedAssessment } from "./plan-assessment";
import { signOffProblem } from "./sign-off-request";

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

/** Why a return with `errors` errors is not signed off, in one sentence. */
export function blockedMessage(errors: number): string {
  return `This return has ${plural(errors, "error")} (a figure on Summary, Gaps or Data cannot be trusted, or the toolkit's text was changed), so it was not signed off.`;
}

export interface SignOffRequest {
  by: string;
  /** ISO date; today (of `now`) when not given. */
  on?: string;
  now: Date;
  /** As PlanningOptions: the sheets of the workbook written into; [] for a new workbook of its own. */
  workbookSheets?: string[];
  printAndFilters?: boolean;
}

export function signedOffNote(by: string, on: string): string {
  return `Signed off by ${by} on ${ukDate(on)}: a fingerprint of every answer is recorded with it, so any later change shows as changed since sign-off.`;
}

/**
 * The assessment in `snapshot` carried into a new plan (every answer kept, as an upgrade or repair
 * keeps them), signed off by `request.by` on `request.on`. null when there is no assessment. Throws
 * when the request itself is wrong (signOffProblem says so first, for callers that ask).
 */
export function planSignOff(
  snapshot: WorkbookSnapshot,
  toolkit: Toolkit,
  request: SignOffRequest,
): PlannedAssessment | null {
  const on = request.on ?? todayIso(request.now);
  const problem = signOffProblem(request.by, on, todayIso(request.now));
  if (problem) throw new Error(problem);
  const by = request.by.trim();
  const planned = planUpgrade(snapshot, toolkit, {
    details: { council: "", assessmentDate: "" },
    now: request.now,
    workbookSheets: request.workbookSheets,
    printAndFilters: request.printAndFilters,
    signOff: { by, on },
  });
  return planned && { ...planned, notes: [signedOffNote(by, on), ...planned.notes] };
}
