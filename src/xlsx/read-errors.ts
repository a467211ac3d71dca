/**
 * Why a file could not be read as a workbook, each with a message fit to show the user: what the
 * file is, and what to do about it. Kept apart from the reader so the guard and the reader share it.
 */

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

const SAVE_AS_XLSX = "open it in Excel, choose File > Save As > Excel Workbook (*.xlsx), and use that copy";

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The message for each problem that needs no figures. */
export const READ_MESSAGES = {
  "not-a-zip":
    "This file is not an Excel workbook (.xlsx): it could not be opened as one. Choose the .xlsx file of the assessment.",
  "not-a-workbook":
    "This file is not an Excel workbook: it holds no spreadsheet (it may be a Word or PowerPoint file, or another kind of archive). Choose the .xlsx file of the assessment.",
  truncated:
    "This workbook file is incomplete: it ends too early, as happens when a download or an email attachment does not finish. Download or save it again, then try again.",
  damaged: `This workbook file is damaged and could not be read. If Excel can still open it, ${SAVE_AS_XLSX}; otherwise ask the sender for a fresh copy.`,
  encrypted:
    "This workbook is protected with a password, so it cannot be read. Open it in Excel with the password, remove it (File > Info > Protect Workbook > Encrypt with Password, then clear the password), save, and try again.",
  "macro-enabled": `This is a macro-enabled workbook (.xlsm), which is not read, because it can carry macros. To check it, ${SAVE_AS_XLSX} (the macros are left out; the assessment needs none).`,
  "binary-workbook": `This is an Excel binary workbook (.xlsb), which cannot be read. To check it, ${SAVE_AS_XLSX}.`,
  "old-xls": `This is an Excel 97–2003 workbook (.xls), which cannot be read. To check it, ${SAVE_AS_XLSX}.`,
} as const satisfies Partial<Record<WorkbookReadProblem, string>>;

export function readError(problem: keyof typeof READ_MESSAGES, cause?: unknown): WorkbookReadError {
  return new WorkbookReadError(problem, READ_MESSAGES[problem], cause);
}
