/**
 * Why a file could not be read as a workbook, each with a message fit to show the user: what the
 * file is, and what to do about it. Kept apart from the reader so the guard and the reader share it.
 */
import { readWords } from "../core/words/read";

export type WorkbookReadProblem =
  /** The file is bigger than any assessment needs. */
  | "file-too-large"
  /** Not a zip at all: text, a PDF, a picture… */
  | "not-a-zip"
  /** A zip, or an older Office file, that holds no Excel workbook (a Word document, a folder of files…). */
  | "not-a-workbook"
  /** A zip cut short, as when a download or an email attachment did not finish. */
  | "truncated"
  /** A zip whose structure or compressed data is broken. */
  | "damaged"
  /** A workbook protected with a password to open (Office encrypts it into a compound file). */
  | "encrypted"
  /** A macro-enabled workbook (.xlsm, .xltm). */
  | "macro-enabled"
  /** A binary workbook (.xlsb). */
  | "binary-workbook"
  /** An Excel 97–2003 workbook (.xls). */
  | "old-xls"
  /** Unpacks to more bytes than the limit (a zip bomb, or simply far too much). */
  | "unpacks-too-large"
  /** More parts, cells, or merged or validated cells than the limit. */
  | "too-big"
  /** Reading it took longer than the time allowed, and was stopped. */
  | "too-slow";

export class WorkbookReadError extends Error {
  constructor(
    readonly problem: WorkbookReadProblem,
    message: string,
    /** The library's own error behind it, kept for whoever debugs it; the message is the user's. */
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The message for each problem that needs no figures. */
export const READ_MESSAGES = readWords.problems satisfies Partial<Record<WorkbookReadProblem, string>>;

export function readError(problem: keyof typeof READ_MESSAGES, cause?: unknown): WorkbookReadError {
  return new WorkbookReadError(problem, READ_MESSAGES[problem], cause);
}
