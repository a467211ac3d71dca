/**
 * The task pane's state and every way it changes, as a pure reducer: components dispatch what
 * happened, and the tests can check each transition without rendering anything.
 */
import {
  UserFacingError,
  type AssessmentOutcome,
  type ProgressUpdate,
  type WorkbookStatus,
} from "../app/workbook-host";
import { todayIso } from "../core/util/dates";
import type { DetailsErrors, DetailsForm } from "./details";

/** Where the pane runs: inside Excel with a workbook, or in a plain browser with downloads only. */
export type PaneMode = "excel" | "standalone";

/** An error as the pane shows it: what went wrong and what to do next, in plain English. */
export interface ShownError {
  message: string;
  nextStep: string;
  offerDownload: boolean;
}

export type Phase =
  | { kind: "checking" }
  | { kind: "ready" }
  | { kind: "working"; progress: ProgressUpdate }
  /** statusError: reading the workbook again after the work failed; the work itself succeeded. */
  | { kind: "built"; outcome: AssessmentOutcome; statusError?: ShownError }
  | { kind: "downloaded"; fileName: string }
  | { kind: "failed"; error: ShownError };

export interface PaneState {
  mode: PaneMode;
  /** What the open workbook holds; null until read, and always null outside Excel. */
  status: WorkbookStatus | null;
  form: DetailsForm;
  /** Once the user edits a field, a later status read must not overwrite what they typed. */
  touched: Record<keyof DetailsForm, boolean>;
  fieldErrors: DetailsErrors;
  /** Set once the host has said it cannot do the work here: from then on the action is a download. */
  downloadOffered: boolean;
  phase: Phase;
}

export type PaneAction =
  | { type: "statusLoaded"; status: WorkbookStatus }
  | { type: "fieldChanged"; field: keyof DetailsForm; value: string }
  | { type: "validationFailed"; errors: DetailsErrors }
  | { type: "workStarted"; step: string }
  | { type: "progressed"; update: ProgressUpdate }
  | { type: "buildSucceeded"; outcome: AssessmentOutcome }
  | { type: "downloadSucceeded"; fileName: string }
  | { type: "failed"; error: ShownError }
  | { type: "statusFailed"; error: ShownError };

export function initialState(mode: PaneMode, now: Date = new Date()): PaneState {
  return {
    mode,
    status: null,
    form: { council: "", assessmentDate: todayIso(now) },
    touched: { council: false, assessmentDate: false },
    fieldErrors: {},
    downloadOffered: false,
    // Outside Excel there is no workbook to read, so the form is ready at once.
    phase: mode === "excel" ? { kind: "checking" } : { kind: "ready" },
  };
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "statusLoaded": {
      const existing = action.status.existing;
      // Upgrading keeps the council's details, so start from the ones the workbook holds.
      const form = {
        council: existing && !state.touched.council ? existing.council : state.form.council,
        assessmentDate:
          existing && !state.touched.assessmentDate && existing.assessmentDate !== ""
            ? existing.assessmentDate
            : state.form.assessmentDate,
      };
      // A status read after a build must not hide the result the user is looking at.
      const phase = state.phase.kind === "checking" ? { kind: "ready" as const } : state.phase;
      return { ...state, status: action.status, form, phase };
    }
    case "fieldChanged": {
      const { [action.field]: _cleared, ...fieldErrors } = state.fieldErrors;
      return {
        ...state,
        form: { ...state.form, [action.field]: action.value },
        touched: { ...state.touched, [action.field]: true },
        fieldErrors,
      };
    }
    case "validationFailed":
      return { ...state, fieldErrors: action.errors };
    case "workStarted":
      if (state.phase.kind === "working") return state;
      return { ...state, fieldErrors: {}, phase: { kind: "working", progress: { step: action.step, fraction: 0 } } };
    case "progressed":
      // A late progress callback after the work ended must not bring the progress bar back.
      if (state.phase.kind !== "working") return state;
      return {
        ...state,
        phase: { kind: "working", progress: { step: action.update.step, fraction: clamp01(action.update.fraction) } },
      };
    case "buildSucceeded":
      return { ...state, phase: { kind: "built", outcome: action.outcome } };
    case "downloadSucceeded":
      return { ...state, phase: { kind: "downloaded", fileName: action.fileName } };
    case "statusFailed":
      // After a build the result stays in view: the assessment was made, only the re-read failed.
      if (state.phase.kind === "built") {
        return {
          ...state,
          downloadOffered: state.downloadOffered || action.error.offerDownload,
          phase: { ...state.phase, statusError: action.error },
        };
      }
      return paneReducer(state, { type: "failed", error: action.error });
    case "failed":
      return {
        ...state,
        downloadOffered: state.downloadOffered || action.error.offerDownload,
        phase: { kind: "failed", error: action.error },
      };
  }
}

export type PrimaryAction = "build" | "upgrade" | "repair" | "download";

/** Which single action the main button performs now. */
export function primaryAction(state: PaneState): PrimaryAction {
  if (state.mode === "standalone" || state.downloadOffered) return "download";
  const existing = state.status?.existing;
  if (!existing) return "build";
  return existing.upgradeAvailable ? "upgrade" : "repair";
}

/** Button labels say exactly what will happen. */
export const primaryActionLabel: Record<PrimaryAction, string> = {
  build: "Build assessment",
  upgrade: "Upgrade assessment",
  repair: "Repair assessment",
  download: "Download a new assessment workbook",
};

export const isBusy = (state: PaneState) => state.phase.kind === "working" || state.phase.kind === "checking";

/**
 * Turns anything thrown into words for the user; only UserFacingError carries its own next step.
 * Checked by shape as well as by class, because a lazily loaded chunk could carry its own copy.
 */
export function toShownError(error: unknown): ShownError {
  if (error instanceof UserFacingError || isUserFacingShape(error)) {
    return { message: error.message, nextStep: error.nextStep, offerDownload: error.offerDownload === true };
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
  return {
    message: `Something went wrong that the add-in did not expect${detail}.`,
    nextStep:
      "Try again. If it keeps happening, close and reopen the add-in, and tell your IT team what this message said.",
    offerDownload: false,
  };
}

function isUserFacingShape(error: unknown): error is UserFacingError {
  return (
    error instanceof Error &&
    error.name === "UserFacingError" &&
    typeof (error as Partial<UserFacingError>).nextStep === "string"
  );
}
