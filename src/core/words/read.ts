/**
 * Why a file could not be read as a workbook, in the words every reader of a file shows (the command line,
 * the standalone page, the consolidation's log): what the file is, and what to do about it. Beside the other
 * catalogues; test/core/words/words.test.ts checks each entry is used and none is built elsewhere.
 */
const SAVE_AS_XLSX = "open it in Excel, choose File > Save As > Excel Workbook (*.xlsx), and use that copy";

export const readWords = {
  /** The message for each problem that needs no figures. */
  problems: {
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
  },
  tooBig: (detail: string) =>
    `This workbook is much larger than an assessment ever is (${detail}), so it was not read. If it is the right file, copy the assessment's sheets into a new workbook and try that.`,
  fileTooLarge: (size: string, limit: string) =>
    `This file is ${size}; files over ${limit} are not read, as no assessment comes near that size.`,
  unpacksTooLarge: (limit: string) =>
    `This file unpacks to more than ${limit}, far more than an assessment ever needs, so it was not read. It may not be a real workbook: check that this is the assessment's file.`,
  /** What is too big, in tooBig's brackets. */
  hugeTag: "a single XML tag of more than 1 MB",
  elements: (limit: string) => `more than ${limit} XML elements`,
  cells: (limit: string) => `more than ${limit} filled cells`,
  spannedCells: (limit: string) => `merged cells or data validation over more than ${limit} cells`,
  parts: (parts: string) => `${parts} parts in the file`,
} as const;
