/**
 * The task pane's state and every way it changes, as a pure reducer: components dispatch what
 * happened, and the tests can check each transition without rendering anything.
 */
import {
  UserFacingError,
  type AssessmentOutcome,
  type GroupSheetsOutcome,
  type ModerationOutcome,
  type ProgressUpdate,
  type WorkbookStatus,
} from "../app/workbook-host";
import type { CheckResult } from "../core/check/types";
import type { Consolidation } from "../core/consolidate/types";
import type { Moderation } from "../core/moderate/moderate";
import { dateSaid, todayIso, ukDate } from "../core/util/dates";
import { moderationWords } from "../core/words/moderation";
import { paneWords } from "../core/words/pane";
import {
  chosenReturnsReducer,
  emptyRun,
  running,
  type ChosenReturnsAction,
  type ChosenReturnsRun,
  type RunBar,
} from "./chosen-returns-state";
import { type DetailsErrors, type DetailsForm } from "./details";
import { unhandled } from "./unhandled";

/** Where the pane runs: inside Excel with a workbook, or in a plain browser with downloads only. */
export type PaneMode = "excel" | "standalone";

/**
 * The pane's tasks, one shown at a time. In Excel: the assessment (where it stands, build or upgrade),
 * its check, its sign-off, and consolidating returns; standalone, "assessment" is the new workbook's
 * download and "check" the check of a chosen file (there is nothing to sign off without Excel).
 */
export type PaneTab = "assessment" | "check" | "signOff" | "consolidate" | "moderate";

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
  /** Next year's assessment made: opened in Excel, or downloaded (notInExcel: why Excel did not open it). */
  | { kind: "nextYearStarted"; started: NextYearStarted }
  | { kind: "failed"; error: ShownError };

/** What "Start next year's assessment" did. */
export interface NextYearStarted {
  opened: boolean;
  fileName: string;
  notes: string[];
  /** In Excel: why it was downloaded instead of opened. */
  notInExcel?: ShownError;
}

/**
 * The check of the assessment (in Excel) or of a chosen file (standalone): its latest result and what
 * the user has done with it. Kept apart from `phase`, so that a build's result and a check's findings
 * can stand side by side (Repair shows both).
 */
export interface CheckView {
  /** The latest result: from the status read when the pane opened, or from the last Check. */
  result: CheckResult | null;
  /** Standalone: the file the result is for. */
  fileName: string | null;
  /** Whether the findings are listed: on opening only the counts show, until the user checks. */
  listed: boolean;
  /** A check running, and how far it is. */
  progress: ProgressUpdate | null;
  /** Counts up with each result, so the view can move focus to a new one (and not to the same one twice). */
  resultNumber: number;
  /** A check, go-to-cell, report or repaired copy that failed; the list stays in view beside it. */
  error: ShownError | null;
  /** The sheet the report was written to, once added. */
  reportSheet: string | null;
  /** The repaired copy downloaded (standalone). */
  repairedFile: string | null;
  /** The report copied, or the text to copy by hand when the clipboard was refused. */
  copy: { kind: "copied" } | { kind: "refused"; text: string } | null;
}

/** The options of "Consolidate returns", each a checkbox. */
export type ConsolidateOption = "includeErrors" | "finalOnly" | "anonymise";

/**
 * "Consolidate returns": the options, and a run over the chosen returns (its bar and a line per file, then where
 * the group sheets went: written into the workbook, in place of an earlier consolidation's, or downloaded).
 */
export interface ConsolidateView extends ChosenReturnsRun<Consolidation, GroupSheetsOutcome> {
  includeErrors: boolean;
  finalOnly: boolean;
  /** Download an anonymised group and its key, in Excel too (the open workbook is not one to share). */
  anonymise: boolean;
}

/** "Moderate returns": a run over the chosen returns, then the moderation written into the workbook or downloaded. */
export type ModerateView = ChosenReturnsRun<Moderation, ModerationOutcome>;

/** Reading the files takes this share of each task's bar, writing the rest; and the first step's words. */
const CONSOLIDATE_BAR: RunBar = { readingShare: 0.8, reading: paneWords.consolidate.reading };
const MODERATE_BAR: RunBar = { readingShare: 0.7, reading: moderationWords.pane.reading };

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
  check: CheckView;
  consolidate: ConsolidateView;
  moderate: ModerateView;
  /** The task in view. */
  tab: PaneTab;
}

/** What the check view's own reducer handles. */
type CheckAction =
  /** replacing: a new file is being checked, so the last one's findings go at once. */
  | { type: "checkStarted"; step: string; replacing?: boolean }
  | { type: "checkProgressed"; update: ProgressUpdate }
  /** A chosen file was checked (the standalone page). */
  | { type: "checkSucceeded"; result: CheckResult | null; fileName?: string }
  | { type: "checkFailed"; error: ShownError }
  /** Go to cell, Add report, Copy or the repaired copy failed: said beside the list, which stays. */
  | { type: "checkActionFailed"; error: ShownError }
  | { type: "cellSelected" }
  | { type: "reportAdded"; sheet: string }
  | { type: "repairedCopyDownloaded"; fileName: string }
  | { type: "copied" }
  | { type: "copyRefused"; text: string };

/** A step of a consolidation's run over the chosen returns. */
export type ConsolidateRunAction = ChosenReturnsAction<Consolidation, GroupSheetsOutcome>;
/** A step of a moderation's run over the chosen returns. */
export type ModerateRunAction = ChosenReturnsAction<Moderation, ModerationOutcome>;

export type PaneAction =
  | CheckAction
  /** The open workbook was read and checked: its status (progress, tasks) comes from the same read. */
  | { type: "workbookChecked"; status: WorkbookStatus }
  | { type: "consolidateOptionChanged"; option: ConsolidateOption; value: boolean }
  | { type: "consolidateRun"; run: ConsolidateRunAction }
  | { type: "moderateRun"; run: ModerateRunAction }
  | { type: "tabSelected"; tab: PaneTab }
  | { type: "statusLoaded"; status: WorkbookStatus }
  | { type: "fieldChanged"; field: keyof DetailsForm; value: string }
  | { type: "validationFailed"; errors: DetailsErrors }
  | { type: "workStarted"; step: string }
  | { type: "progressed"; update: ProgressUpdate }
  | { type: "buildSucceeded"; outcome: AssessmentOutcome }
  | { type: "downloadSucceeded"; fileName: string }
  | { type: "nextYearStarted"; started: NextYearStarted }
  | { type: "failed"; error: ShownError }
  | { type: "statusFailed"; error: ShownError };

export function initialState(mode: PaneMode, now: Date = new Date()): PaneState {
  return {
    mode,
    status: null,
    form: { council: "", assessmentDate: ukDate(todayIso(now)), councilType: "", region: "" },
    touched: { council: false, assessmentDate: false, councilType: false, region: false },
    fieldErrors: {},
    downloadOffered: false,
    // Outside Excel there is no workbook to read, so the form is ready at once.
    phase: mode === "excel" ? { kind: "checking" } : { kind: "ready" },
    check: emptyCheck,
    consolidate: emptyConsolidate,
    moderate: emptyRun,
    tab: "assessment",
  };
}

const emptyConsolidate: ConsolidateView = { includeErrors: false, finalOnly: false, anonymise: false, ...emptyRun };

const emptyCheck: CheckView = {
  result: null,
  fileName: null,
  listed: false,
  progress: null,
  resultNumber: 0,
  error: null,
  reportSheet: null,
  repairedFile: null,
  copy: null,
};

/** A new result replaces the old one and everything done with it (a report or copy of the old one is stale). */
function withResult(
  check: CheckView,
  { result, listed, fileName }: { result: CheckResult | null; listed: boolean; fileName: string | null },
): CheckView {
  return { ...emptyCheck, result, listed: listed && result !== null, fileName, resultNumber: check.resultNumber + 1 };
}

/** The workbook's status as read, and the details form filled from it where the user has not typed. */
function withStatus(state: PaneState, status: WorkbookStatus): PaneState {
  const existing = status.existing;
  // Upgrading keeps the council's details, so start from the ones the workbook holds.
  const form = {
    council: existing && !state.touched.council ? existing.council : state.form.council,
    assessmentDate:
      existing && !state.touched.assessmentDate && existing.assessmentDate !== ""
        ? dateSaid(existing.assessmentDate)
        : state.form.assessmentDate,
    councilType: existing && !state.touched.councilType ? (existing.councilType ?? "") : state.form.councilType,
    region: existing && !state.touched.region ? (existing.region ?? "") : state.form.region,
  };
  return { ...state, status, form };
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "tabSelected":
      // What the last action said belongs to the task it was done in; a new task starts without it.
      if (action.tab === state.tab) return state;
      return { ...state, tab: action.tab, phase: settled(state.phase) ? { kind: "ready" } : state.phase };
    case "statusLoaded": {
      // A status read after a build must not hide the result the user is looking at.
      const phase = state.phase.kind === "checking" ? { kind: "ready" as const } : state.phase;
      // The status carries a fresh check of the workbook (after a build or repair too): its counts replace the old.
      const check = withResult(state.check, {
        result: action.status.check,
        listed: state.check.listed,
        fileName: null,
      });
      return { ...withStatus(state, action.status), phase, check };
    }
    case "workbookChecked": {
      const check = withResult(state.check, { result: action.status.check, listed: true, fileName: null });
      return { ...withStatus(state, action.status), check };
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
    case "nextYearStarted":
      return { ...state, phase: { kind: "nextYearStarted", started: action.started } };
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
    case "checkFailed":
      // As with the build: once the host says it cannot work here, the pane's action becomes the download.
      return {
        ...state,
        downloadOffered: state.downloadOffered || action.error.offerDownload,
        check: checkReducer(state.check, action),
      };
    case "checkStarted":
    case "checkProgressed":
    case "checkSucceeded":
    case "checkActionFailed":
    case "cellSelected":
    case "reportAdded":
    case "repairedCopyDownloaded":
    case "copied":
    case "copyRefused": {
      const check = checkReducer(state.check, action);
      // An ignored action (late progress, a second start) leaves the state as it was, so nothing re-renders.
      return check === state.check ? state : { ...state, check };
    }
    case "consolidateOptionChanged":
      // The options hold for the whole run: they cannot change mid-run.
      if (running(state.consolidate)) return state;
      return { ...state, consolidate: { ...state.consolidate, [action.option]: action.value } };
    case "consolidateRun": {
      const consolidate = chosenReturnsReducer(state.consolidate, action.run, CONSOLIDATE_BAR);
      return consolidate === state.consolidate ? state : { ...state, consolidate };
    }
    case "moderateRun": {
      const moderate = chosenReturnsReducer(state.moderate, action.run, MODERATE_BAR);
      return moderate === state.moderate ? state : { ...state, moderate };
    }
    default:
      return unhandled(action);
  }
}

/** A phase that says how something ended (and so may be cleared), not one still going on. */
const settled = (phase: Phase) =>
  phase.kind === "built" || phase.kind === "downloaded" || phase.kind === "nextYearStarted" || phase.kind === "failed";

const busyChecking = (check: CheckView) => check.progress !== null;

/** The check view's own transitions. */
function checkReducer(check: CheckView, action: CheckAction): CheckView {
  switch (action.type) {
    case "checkStarted":
      if (busyChecking(check)) return check;
      return {
        ...(action.replacing ? withResult(check, { result: null, listed: false, fileName: null }) : check),
        error: null,
        copy: null,
        progress: { step: action.step, fraction: 0 },
      };
    case "checkProgressed":
      // As with the build: a late callback must not bring the bar back.
      if (!busyChecking(check)) return check;
      return { ...check, progress: { step: action.update.step, fraction: clamp01(action.update.fraction) } };
    case "checkSucceeded":
      return withResult(check, { result: action.result, listed: true, fileName: action.fileName ?? null });
    case "checkFailed":
      return { ...check, progress: null, error: action.error };
    case "checkActionFailed":
      return { ...check, progress: null, error: action.error };
    case "cellSelected":
      return { ...check, error: null };
    case "reportAdded":
      return { ...check, error: null, reportSheet: action.sheet };
    case "repairedCopyDownloaded":
      return { ...check, progress: null, error: null, repairedFile: action.fileName };
    case "copied":
      return { ...check, error: null, copy: { kind: "copied" } };
    case "copyRefused":
      return { ...check, error: null, copy: { kind: "refused", text: action.text } };
    default:
      return unhandled(action);
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
  build: paneWords.action.build,
  upgrade: paneWords.action.upgrade,
  repair: paneWords.action.repair,
  download: paneWords.action.download,
};

export const isBusy = (state: PaneState) =>
  state.phase.kind === "working" ||
  state.phase.kind === "checking" ||
  busyChecking(state.check) ||
  running(state.consolidate) ||
  running(state.moderate);

/**
 * Turns anything thrown into words for the user; only UserFacingError carries its own next step.
 * Checked by shape as well as by class, because a lazily loaded chunk could carry its own copy.
 */
export function toShownError(error: unknown): ShownError {
  if (error instanceof UserFacingError || isUserFacingShape(error)) {
    return { message: error.message, nextStep: error.nextStep, offerDownload: error.offerDownload === true };
  }
  return {
    message: paneWords.error.unexpected(error instanceof Error ? error.message : ""),
    nextStep: paneWords.error.unexpectedNext,
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
