import type { ProgressUpdate } from "../app/workbook-host";
import type { CheckResult } from "../core/check/types";

/** A workbook file the user chose on the standalone page, checked in the browser. */
export interface CheckedFile {
  fileName: string;
  result: CheckResult;
}

/**
 * What the standalone page needs to check a chosen .xlsx file and offer a repaired copy. The real
 * one loads the reader lazily (it is only fetched when a file is chosen). Both reject with a
 * UserFacingError when the file cannot be read or holds no assessment.
 */
export interface FileChecker {
  check(file: File, onProgress: (update: ProgressUpdate) => void): Promise<CheckedFile>;
  /** Downloads a new workbook generated from the canonical toolkit with every answer of `file`; resolves to its name. */
  downloadRepairedCopy(file: File, onProgress: (update: ProgressUpdate) => void): Promise<string>;
}
