/**
 * The pane's heavy features, as the pane sees them. Each is one pattern: an interface here; its
 * real implementation in a module of its own that holds the .xlsx reader, checker or writer
 * (file-checker.ts, file-consolidator.ts, file-moderator.ts, workbook-download.ts, next-year-maker.ts), only ever
 * imported with import(); and a
 * lazy stand-in from lazy-features.ts, which the page's entry point hands to the pane. So none of them
 * weighs on the pane's opening, and no module imports back into the one that loads it.
 */
import type { AssessmentDetails, OpenAssessment, ProgressUpdate } from "../app/workbook-host";
import type { CheckResult } from "../core/check/types";
import type { Consolidation, ConsolidationOptions, ConsolidationProgress } from "../core/consolidate/types";
import type { Moderation } from "../core/moderate/moderate";

type OnProgress = (update: ProgressUpdate) => void;

/** Makes a new assessment workbook file and hands it to the browser; resolves to the file's name. */
export interface WorkbookDownloader {
  download(details: AssessmentDetails, onProgress: OnProgress): Promise<string>;
}

/** A workbook file the user chose on the standalone page, checked in the browser. */
export interface CheckedFile {
  fileName: string;
  result: CheckResult;
}

/**
 * Checks a chosen .xlsx file and offers a repaired copy. Both reject with a UserFacingError when the
 * file cannot be read or holds no assessment.
 */
export interface FileChecker {
  check(file: File, onProgress: OnProgress): Promise<CheckedFile>;
  /** Downloads a new workbook generated from the toolkit with every answer of `file`; resolves to its name. */
  downloadRepairedCopy(file: File, onProgress: OnProgress): Promise<string>;
}

/** Reads, checks and consolidates the chosen returns one at a time, and (standalone) downloads the group workbook. */
export interface Consolidator {
  /** Reads the files in turn (never more than one in memory), calling `onFile` as each is done. */
  consolidate(
    files: readonly File[],
    options: ConsolidationOptions,
    onFile: (progress: ConsolidationProgress) => void,
  ): Promise<Consolidation>;
  /**
   * Downloads the group workbook as a new .xlsx file; resolves to the names downloaded. Anonymised, it is fit to
   * share with every council, and the key to its return numbers is downloaded beside it.
   */
  downloadGroupWorkbook(consolidation: Consolidation, options?: { anonymise: boolean }): Promise<DownloadedGroup>;
}

/** The files a consolidation downloaded: the group workbook and, anonymised, the key to its return numbers. */
export interface DownloadedGroup {
  fileName: string;
  keyFileName?: string;
}

/** What the user asked of "Start next year's assessment". */
export interface NextYearAsked {
  /** Next year's assessment date, ISO YYYY-MM-DD. */
  assessmentDate: string;
  /** Pick last year's levels again as a starting point. */
  carryLevels: boolean;
  /** Add an action for each behaviour below its target with no action yet. */
  draftActions: boolean;
}

/** Next year's workbook, made as a file. */
export interface MadeNextYear {
  bytes: Uint8Array;
  /** The name it is downloaded under. */
  fileName: string;
  /** What carrying last year's answers decided, and the plan's warnings, in plain English. */
  notes: string[];
}

/**
 * Makes next year's assessment workbook from last year's (the core's planNextYear and the .xlsx writer). Both
 * reject with a UserFacingError what cannot be started from, in the command line's words.
 */
export interface NextYearMaker {
  /** From the assessment read from the open workbook (Excel opens the file, or it is downloaded). */
  fromOpen(open: OpenAssessment, asked: NextYearAsked, onProgress: OnProgress): Promise<MadeNextYear>;
  /** From a chosen file (standalone); the result is downloaded. */
  fromFile(file: File, asked: NextYearAsked, onProgress: OnProgress): Promise<MadeNextYear>;
  /** Hands the file to the browser as a download. */
  download(made: MadeNextYear): Promise<void>;
}

/** Reads, checks and moderates the chosen returns of one council's respondents (file-moderator.ts). */
export interface Moderator {
  /** Reads the files in turn (never more than one in memory), calling `onFile` as each is done. */
  moderate(files: readonly File[], onFile: (progress: ConsolidationProgress) => void): Promise<Moderation>;
  /**
   * Moderates the files as `moderate` does and, when two or more returns could be used, downloads the council's
   * moderated workbook as a new .xlsx file; with the file's name (none when nothing could be moderated).
   */
  download(
    files: readonly File[],
    onFile: (progress: ConsolidationProgress) => void,
  ): Promise<{ moderation: Moderation; fileName?: string }>;
}

/** All of them, as the pane receives them. */
export interface PaneFeatures {
  downloader: WorkbookDownloader;
  fileChecker: FileChecker;
  consolidator: Consolidator;
  moderator: Moderator;
  /** Start next year's assessment; the pane offers it only where given. */
  nextYear?: NextYearMaker;
}
