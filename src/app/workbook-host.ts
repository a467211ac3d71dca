/**
 * What the task pane needs from wherever the assessment lives. In Excel the Office layer
 * (src/office) implements it; outside Office the standalone page offers a file download instead.
 * The task pane receives an implementation as a prop and never touches Excel.* itself.
 */

import type { AssessmentDetails, AssessmentStatus } from "../core/assessment/plan-assessment";
import type { CheckResult } from "../core/check/types";
import type { Consolidation } from "../core/consolidate/types";
import type { WorkbookSnapshot } from "../core/snapshot/types";
import type { Moderation } from "../core/moderate/moderate";

/** What the user enters before a build: the same shape the core plans from. */
export type { AssessmentDetails };

/** What the open workbook already holds, read before the user acts. */
export interface WorkbookStatus {
  /** An assessment made by this add-in, found by its metadata (even after sheets were renamed). */
  existing: AssessmentStatus | null;
  /** The assessment checked against its toolkit, from the same read; null when there is no assessment. */
  check: CheckResult | null;
}

export interface ProgressUpdate {
  /** Plain-English step, e.g. "Reading your workbook". */
  step: string;
  /** 0 to 1. */
  fraction: number;
}

export interface MadeSheet {
  name: string;
  role: "guide" | "keyArea" | "summary" | "gaps" | "data" | "actions" | "retired" | "moderation" | "checkReport";
}

/** What the user asked Sign off to do. */
export interface SignOffAsked {
  /** Who signs the answers off. */
  name: string;
  /** Sign off even though some behaviours have no current level yet (the key areas are named in the notes). */
  allowIncomplete?: boolean;
}

export interface AssessmentOutcome {
  action: "built" | "upgraded" | "repaired" | "signedOff" | "actionsDrafted";
  /** What happened in a sentence, where the action's own title would not say it (how many actions were drafted). */
  title?: string;
  /** The sheets made or rewritten; none for a sign-off, which writes only its own cells. */
  sheets: MadeSheet[];
  /** Plain-English notes for the user: renamed sheets, answers carried across, warnings. */
  notes: string[];
}

export interface WorkbookHost {
  status(): Promise<WorkbookStatus>;
  /** Builds a new assessment, or upgrades/repairs the existing one keeping every answer. */
  buildOrUpgrade(details: AssessmentDetails, onProgress: (update: ProgressUpdate) => void): Promise<AssessmentOutcome>;
  /** Activates a sheet the add-in made, so result links can take the user there. */
  selectSheet(name: string): Promise<void>;
  /**
   * Reads the workbook once and checks its assessment against the toolkit it was made from, as `status` does but
   * saying how far it has got: the status comes too, so the pane's progress and tasks follow levels picked since.
   */
  check(onProgress: (update: ProgressUpdate) => void): Promise<WorkbookStatus>;
  /**
   * Activates `sheet` and selects `cell` on it (a finding's "Go to cell"); without a cell (a finding
   * about a whole sheet) it activates the sheet.
   */
  selectCell(sheet: string, cell?: string): Promise<void>;
  /**
   * Writes the findings to the "Check report" sheet as an Excel table, replacing the report this
   * add-in wrote before (never a user's own sheet); resolves to the sheet's name.
   */
  addCheckReport(result: CheckResult): Promise<string>;
  /**
   * Signs the assessment's answers off as final by `request.name`, today: writes only "Signed off by" and
   * "Signed off on" on the Guide and, in the metadata, who, when and a fingerprint of the answers (no
   * sheet made, no answer rewritten). Refuses (UserFacingError) a blank name, a workbook with no
   * assessment, a check with errors, a return with no answers, and one whose key areas are not all
   * complete (naming them) unless `request.allowIncomplete`.
   */
  signOff(request: SignOffAsked, onProgress: (update: ProgressUpdate) => void): Promise<AssessmentOutcome>;
  /**
   * Drafts actions from the gaps: adds a row to the action plan's table for each behaviour below its target with
   * no action yet, aiming at the next level, in one request after the check's read; no row already there is
   * written or moved. Adds nothing when every gap has an action. Refuses (UserFacingError) a workbook with no
   * assessment, one made by an earlier version (upgrade first) and one whose action plan table is missing or
   * reshaped (repair first).
   */
  draftActions(onProgress: (update: ProgressUpdate) => void): Promise<AssessmentOutcome>;
  /**
   * Writes the group sheets (Group Summary, Group Data, Consolidation Log) of `consolidation` into the open
   * workbook: the add-in's group sheets of an earlier consolidation are replaced in place (same position, the
   * name the user gave them), the others added under names no sheet already has, so no sheet of the user's is
   * touched. Refuses (UserFacingError) a workbook whose Group Data table is on a sheet the add-in cannot
   * recognise as its own.
   */
  writeGroupSheets(
    consolidation: Consolidation,
    onProgress: (update: ProgressUpdate) => void,
  ): Promise<GroupSheetsOutcome>;
  /** Reads the assessment as the check does (nothing is changed); null when the workbook holds none. */
  readForNextYear(onProgress: (update: ProgressUpdate) => void): Promise<OpenAssessment | null>;
  /**
   * Opens an .xlsx file's bytes as a new workbook in Excel, beside this one (which is not changed). Rejects
   * (UserFacingError) when Excel cannot.
   */
  openNewWorkbook(bytes: Uint8Array): Promise<void>;
  /**
   * Writes the council's moderated return (its agreed levels in the key area pickers, and the Moderation sheet)
   * into the open workbook: beside the user's sheets when it holds no assessment, in place of the add-in's sheets
   * when it holds one with no answers yet. Refuses (UserFacingError) a workbook whose assessment already holds
   * answers, or is another council's: a user's answer is never overwritten.
   */
  writeModeration(moderation: Moderation, onProgress: (update: ProgressUpdate) => void): Promise<ModerationOutcome>;
}

/** The moderated return written into the open workbook. */
export interface ModerationOutcome {
  /** The sheets written, in tab order. */
  sheets: MadeSheet[];
  notes: string[];
}

/** The assessment in the open workbook as the check reads it, to start next year's from. */
export interface OpenAssessment {
  /** Its sheets (the add-in's only) and names. */
  snapshot: WorkbookSnapshot;
  /** The workbook's file name, as Excel gives it ("Anytown 2025.xlsx"; "Book1" before it is saved). */
  fileName: string;
}

/** The group sheets written into the open workbook. */
export interface GroupSheetsOutcome {
  /** Their names, in the order written (Group Summary, Group Data, Consolidation Log). */
  sheets: string[];
  /** Those of them that replaced the add-in's group sheets of an earlier consolidation, in the same order. */
  replaced: string[];
  /** What the user should know of the write, when there is something ("The filter on Group Data was cleared…"). */
  notes?: string[];
}

/** What the user is told: plain English, what to do next, and whether the pane should offer the download. */
export interface UserFacingProblem {
  message: string;
  nextStep: string;
  /** This Excel cannot do it (too old, or it stopped answering): from then on the pane's action is a download. */
  offerDownload?: boolean;
  /** What Office threw, kept for whoever debugs it; never shown. */
  cause?: unknown;
}

/** An error whose message is already plain English for the user, with what to do next. */
export class UserFacingError extends Error {
  readonly nextStep: string;
  readonly offerDownload: boolean;
  readonly cause?: unknown;

  constructor({ message, nextStep, offerDownload = false, cause }: UserFacingProblem) {
    super(message);
    this.name = "UserFacingError";
    this.nextStep = nextStep;
    this.offerDownload = offerDownload;
    if (cause !== undefined) this.cause = cause;
  }
}
