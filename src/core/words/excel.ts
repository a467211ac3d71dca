/**
 * Words the Office layer (src/office) shows: its progress steps, what Excel was doing when it failed or took too
 * long, and its refusals when Excel itself stands in the way. Plain data and small functions, beside the pane's own
 * catalogue (pane.ts).
 */

/** A refusal or failure the pane shows: what happened, and what to do next (each a function, even without values). */
interface Told {
  message: string;
  nextStep: string;
}

/** " (part 2 of 3)" when a read or a write goes in more than one request; nothing when it goes in one. */
const ofParts = ({ part, parts }: InParts) => (parts > 1 ? ` (part ${Math.min(part, parts)} of ${parts})` : "");
interface InParts {
  part: number;
  parts: number;
}

/** What a plan writes into the workbook, in the progress and in any error. */
const written = { assessment: "the assessment", groupSheets: "the group sheets" } as const;
export type Written = keyof typeof written;

export const excelWords = {
  /** Draft actions from the gaps: its progress steps, and the step named should Excel not finish it. */
  draftActions: {
    checkingExcel: "Checking your version of Excel",
    reading: "Reading your workbook",
    finding: "Finding the gaps without an action",
    adding: "Adding the actions",
    finished: "Finished",
    addingStep: "adding the actions to the action plan",
  },
  /**
   * An upgrade or repair refused before anything is written: rows of a sheet it rewrites are hidden, and an Excel
   * with only ExcelApi 1.8 can neither see nor clear a sheet's filter (writing under it would put rows in the
   * wrong places).
   */
  hiddenRowsRefusal: ({ sheets }: { sheets: readonly string[] }) => ({
    message:
      sheets.length === 1
        ? `Rows on the ${sheets[0]} sheet are hidden, probably by a filter, and this version of Excel does not let the add-in clear it. Nothing has been changed.`
        : `Rows on the ${sheets.slice(0, -1).join(", ")} and ${sheets[sheets.length - 1]} sheets are hidden, probably by a filter, and this version of Excel does not let the add-in clear it. Nothing has been changed.`,
    nextStep: `On ${sheets.length === 1 ? `the ${sheets[0]} sheet` : "each of those sheets"}, choose Data > Clear to show every row (and unhide any rows you hid), then try again.`,
  }),

  // ---- The Office layer's progress, steps and refusals (moved from src/office, issue 15 §2). ----

  /** The steps the pane's progress bar shows while the host works. */
  progress: {
    checkingExcel: "Checking your version of Excel",
    reading: "Reading your workbook",
    checking: "Checking it against the toolkit",
    lookingForEarlier: "Looking for an assessment made earlier",
    preparing: "Preparing the assessment",
    checkingAnswers: "Checking the answers",
    recordingSignOff: "Recording the sign-off",
    writing: ({ what, ...parts }: { what: Written } & InParts) =>
      `Writing ${written[what]} into your workbook${ofParts(parts)}`,
    finished: "Finished",
  },
  /** What Excel was doing, in "Excel could not finish …" and "Excel did not answer … while …". */
  step: {
    starting: "starting",
    readingWorkbook: "reading your workbook",
    readingSheetList: "reading the list of sheets",
    readingSheets: "reading the sheets",
    readingAssessment: (parts: InParts) => `reading your assessment${ofParts(parts)}`,
    readingGuards: (parts: InParts) => `reading cell protection and pickers${ofParts(parts)}`,
    readingEarlierGroupSheets: "reading the group sheets of the earlier consolidation",
    findingSheet: ({ sheet }: { sheet: string }) => `finding the sheet "${sheet}"`,
    openingSheet: ({ sheet }: { sheet: string }) => `opening the sheet "${sheet}"`,
    selectingCell: ({ cell, sheet }: { cell: string; sheet: string }) => `selecting ${cell} on "${sheet}"`,
    addingCheckReport: "adding the check report to your workbook",
    recordingSignOff: "recording the sign-off",
    writing: ({ what, ...parts }: { what: Written } & InParts) =>
      `writing ${written[what]} into your workbook${ofParts(parts)}`,
  },

  /** Excel too old for the add-in (no ExcelApi 1.8): the pane offers the download instead. */
  unsupported: (): Told => ({
    message:
      "This version of Excel cannot run the assessment add-in: it needs Excel for Microsoft 365, Excel 2021 or later, Excel for the web, or Excel for Mac 16.17 or later.",
    nextStep:
      "Download the assessment as an Excel file instead: it works in any version of Excel, with nothing to install.",
  }),
  /** A new action asked for while a request that outlived its timeout may still be applied. */
  stillFinishing: (): Told => ({
    message: "Excel is still finishing the previous attempt, which took too long to answer.",
    nextStep:
      "Wait until Excel responds again, check the workbook (the previous attempt may have finished), then try again.",
  }),
  /** Excel failed a request; `step` is one of excelWords.step, `detail` Excel's own words. */
  couldNotFinish: ({ step, detail }: { step: string; detail: string }): Told => ({
    message: `Excel could not finish ${step}. Excel said: ${detail}`,
    nextStep:
      "Check the workbook: some changes may already have been made. If a sheet of the assessment is protected with a password, unprotect it; then try again. If it fails again, download the assessment as a file instead.",
  }),
  /** A request that Excel did not answer in time. */
  noAnswer: ({ seconds, step }: { seconds: number; step: string }): Told => ({
    message: `Excel did not answer within ${seconds} seconds while ${step}. The workbook may be very large, or Excel for the web may have lost its connection.`,
    nextStep:
      "Wait a moment, then check the workbook: some changes may already have been made. Save it, close and reopen it, and try again. If it keeps happening, download the assessment as a file instead.",
  }),
  readOnly: (): Told => ({
    message: "This workbook is open read-only, so the add-in cannot change it.",
    nextStep: "Open the workbook for editing (in Excel for the web, choose Editing), then try again.",
  }),
  structureProtected: (): Told => ({
    message: "This workbook's structure is protected, so the add-in cannot add sheets.",
    nextStep: "Unprotect the workbook (Review > Protect Workbook), then try again.",
  }),
  /** Go to cell on the add-in's very hidden data sheet, named by what it is (never by its internal name). */
  hiddenDataSheet: (): Told => ({
    message:
      "The add-in's hidden data sheet is kept hidden: it holds what the add-in records about the assessment, and Excel does not show it.",
    nextStep: "Repair the assessment to put right what the check found there.",
  }),
  sheetHidden: ({ sheet }: { sheet: string }): Told => ({
    message: `The sheet "${sheet}" is hidden, so the add-in cannot take you there.`,
    nextStep: "Unhide it (right-click a sheet tab, then Unhide), then try again.",
  }),
  sheetGone: ({ sheet }: { sheet: string }): Told => ({
    message: `The sheet "${sheet}" is no longer in this workbook.`,
    nextStep: "It may have been renamed or deleted. Check the workbook again to get a fresh list of sheets.",
  }),
  /** A table named as the group sheets' tables are, on a sheet the add-in did not write. */
  groupTableInTheWay: ({ sheet }: { sheet: string }): Told => ({
    message: `This workbook already holds a group table on the sheet "${sheet}", which the add-in does not recognise as the group sheets it wrote, so it cannot add or replace the group sheets.`,
    nextStep: `Delete the sheet "${sheet}" (or convert its table to a range), or open a new blank workbook, then consolidate again.`,
  }),
  /** Sign off asked without a name (the message says why). */
  typeYourName: "Type your name, then sign off again.",
  /** A rewrite that cleared the filters of sheets it rewrote, by the names they have in the workbook. */
  filtersCleared: ({ sheets }: { sheets: readonly string[] }) =>
    sheets.length === 1
      ? `The filter on ${sheets[0]} was cleared to rewrite it.`
      : `The filters on ${sheets.slice(0, -1).join(", ")} and ${sheets[sheets.length - 1]} were cleared to rewrite them.`,
  /** Excel refused to open next year's workbook as a new workbook (Excel.createWorkbook). */
  newWorkbookRefused: (detail: string) => ({
    message: `Excel could not open next year's workbook as a new workbook. Excel said: ${detail}`,
    nextStep: "The pane downloads it instead: open it from your downloads folder.",
  }),
  noCreateWorkbook: "this version of Excel cannot open a new workbook from an add-in.",
};
