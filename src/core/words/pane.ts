/**
 * Every word the task pane shows that it writes itself (the checker, the Office layer and the
 * consolidation bring their own messages): plain data and small functions, in one place, so the pane
 * reads the same everywhere and a Welsh catalogue could sit beside this one later.
 * test/core/words/words.test.ts checks that each entry is used, and that the pane builds no sentence by hand.
 */
import { plural } from "../util/words";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export const paneWords = {
  title: "NPS self-assessment",
  /** Folds an unfolded form away again, changing nothing. */
  fold: "Cancel",
  intro: "Assess your council against the LGA's National Procurement Strategy 2018 toolkit.",

  // ---- Tabs ----
  tabs: {
    label: "Tasks",
    assessment: "Assessment",
    check: "Check",
    signOff: "Sign off",
    consolidate: "Consolidate",
    newWorkbook: "New workbook",
    checkFile: "Check a file",
    /** Shown for the moment a task's view takes to arrive the first time its tab is opened. */
    loading: "Loading…",
  },

  // ---- Waiting for Excel, and the standalone page ----
  waiting: "Waiting for Excel…",
  notice: {
    notConnected: "Excel is not connected.",
    waitingTitle: "Waiting for Excel…",
    noOffice: "This page is open in a web browser, not in Excel.",
    otherHost: "This page was opened outside Excel, so there is no workbook to build into.",
    hostFailed: "The add-in could not connect to the open workbook.",
    waiting: "Excel has not answered yet. This pane switches to your workbook as soon as it does.",
    errorWas: (detail: string) => `The error was: ${detail}`,
    meanwhile: "Meanwhile you can make, check, consolidate or moderate workbooks as files.",
    instead: "Here you can make, check, consolidate or moderate workbooks as files instead.",
  },

  // ---- Where the assessment stands ----
  actionPlan: {
    heading: "Action plan",
    explain:
      "Adds an action to the Actions sheet for each behaviour whose current level is below its target and that has no action yet, aiming at the next level. Actions already there are not changed.",
    button: "Draft actions from the gaps",
    /** An assessment made from an earlier toolkit or by an earlier version of the add-in: drafting is refused. */
    upgradeFirst:
      "Upgrade the assessment first (Upgrade assessment above keeps every answer); then actions can be drafted from the gaps here.",
  },
  status: {
    heading: "Where the assessment stands",
    council: "Council",
    date: "Date",
    toolkit: "Toolkit",
    signOff: "Sign-off",
    notGiven: "(not given)",
    toolkitVersion: (version: string) => (version ? `version ${version}` : "version not recorded"),
    newerToolkit: "A newer toolkit is available: Upgrade below brings it in and keeps every answer.",
    assessed: (assessed: number, total: number) => `Assessed ${assessed} of ${plural(total, "behaviour")}`,
    keyAreaLine: (name: string, assessed: number, total: number) => `${name}: ${assessed} of ${total}`,
    keyAreasLabel: "Behaviours assessed per key area",
    draft: "Draft: not signed off yet.",
    changedSinceSignOff: "Changed since it was signed off: a draft again.",
    lastCheck: "Last check:",
    seeFindings: "See the findings",
  },

  // ---- Details and the main action ----
  details: {
    heading: "Assessment details",
    /** Once the assessment is up to date, the details and Repair wait behind this button. */
    unfold: "Change the details, or repair…",
    council: "Council name",
    date: "Assessment date",
    dateHint: "As dd/mm/yyyy, for example 31/03/2025.",
    councilType: "Council type",
    region: "Region",
    /** The two pickers' hint: they are optional. */
    groupsHint: "Optional: lets a group of councils compare like with like.",
    /** The pickers' first choice, which leaves them blank. */
    choose: "Not chosen",
    notListed: (what: string) => `Choose the ${what} from the list.`,
    councilMissing: "Enter your council's name.",
    dateMissing: "Enter the assessment date.",
    dateInvalid: (first: number, last: number) =>
      `Enter a real date between ${first} and ${last} as dd/mm/yyyy, for example 31/03/2025.`,
  },
  action: {
    build: "Build assessment",
    upgrade: "Upgrade assessment",
    repair: "Repair assessment",
    download: "Download a new assessment workbook",
    checking: "Checking your workbook…",
    preparingDownload: "Preparing the download",
    readingWorkbook: "Reading your workbook",
    repairHint: "Repair rewrites the toolkit's sheets with these details and keeps every answer.",
  },

  // ---- What happened, at the top ----
  done: {
    built: "Assessment built.",
    upgraded: "Assessment upgraded.",
    repaired: "Assessment repaired.",
    signedOff: "Signed off.",
    actionsDrafted: "Actions drafted from the gaps.",
    pickLevels: "Next, choose a current and a target level for each behaviour on the key area sheets.",
    goTo: (sheet: string) => `Go to “${sheet}”`,
    notes: "Notes",
    downloaded: "Workbook downloaded.",
    openDownloaded: (fileName: string) =>
      `Open “${fileName}” from your downloads folder in Excel, then choose levels and add evidence on each key area sheet.`,
  },
  error: {
    whatToDo: "What to do:",
    useDownload: " Use the “Download a new assessment workbook” button below.",
    unexpected: (detail: string) =>
      `Something went wrong that the add-in did not expect${detail ? ` (${detail})` : ""}.`,
    unexpectedNext:
      "Try again. If it keeps happening, close and reopen the add-in, and tell your IT team what this message said.",
    missingDetails: "This assessment does not say which council it is for or when it was made.",
    missingDetailsNext: "Fill in the council name and assessment date on the Assessment tab, then choose Repair again.",
  },
  progress: "Progress",
  progressStep: (step: string, percent: number) => `${step} (${percent}%)`,

  // ---- Check ----
  check: {
    heading: "Check against the toolkit",
    button: "Check",
    openedWith: "When the pane opened, the check of this workbook found:",
    finished: "Check finished.",
    finishedFor: (fileName: string) => `Check finished for “${fileName}”.`,
    nothingFound: "No findings: the workbook matches its toolkit.",
    countsLabel: "Findings by severity",
    repairFixes: (n: number) =>
      `Repair fixes ${plural(n, "finding")}: it rewrites the toolkit's sheets, keeps every answer and checks again.`,
    repair: "Repair",
    upgrade: "Upgrade",
    upgradeFixes: (n: number) =>
      `Upgrade fixes ${plural(n, "finding")}: it brings in the newer toolkit, keeps every answer and checks again.`,
    addReport: "Add report to workbook",
    copy: "Copy",
    reportAdded: "Report added.",
    reportOn: (sheet: string) => `The findings are on the sheet “${sheet}”.`,
    copied: "Copied the findings to the clipboard, one line each: paste them into an email or a sheet.",
    copyLabel: "The findings as text",
    copyHint:
      "This browser did not let the add-in use the clipboard. The text below is selected: press Ctrl+C (⌘+C on a Mac) to copy it.",
    reading: "Reading your workbook",
    repairing: "Repairing the assessment",
    checkingRepaired: "Checking the repaired workbook",
    reportTitleFile: (fileName: string) => `Check of “${fileName}”`,
    reportTitleCouncil: (council: string) => `Check of the NPS assessment for ${council}`,
    reportTitle: "Check of the NPS assessment",
  },
  fileCheck: {
    heading: "Check a workbook",
    hint: "Choose an assessment workbook to check it against the toolkit it was made from, cell by cell. The file is read in this browser and is not uploaded anywhere.",
    label: "Workbook to check (.xlsx)",
    openInExcel: (fileName: string) =>
      `To go to a finding's cell, open “${fileName}” in Excel: each finding names its sheet and cell.`,
    repairedCopy: (fixes: number) =>
      `A repaired copy is a new workbook made from the toolkit with every answer carried across${fixes > 0 ? `; it fixes ${plural(fixes, "finding")}` : ""}. Sheets of your own are not copied into it, and the file you chose is not changed.`,
    downloadRepaired: "Download a repaired copy",
    repairedDownloaded: "Repaired copy downloaded.",
    openRepaired: (fileName: string) => `Open “${fileName}” from your downloads folder in Excel.`,
    loading: "Loading the workbook checker",
    preparing: "Preparing the repaired copy",
    checking: "Checking the workbook",
    carrying: "Carrying the answers into a new workbook",
    startingDownload: "Starting the download",
    chooseAnother: "If this is not the file you meant, choose the assessment's own .xlsx workbook.",
    noAssessment: (fileName: string) =>
      `"${fileName}" holds no assessment made by the NPS Toolkit, so there is nothing to check or repair.`,
    noAssessmentNext: "Choose the assessment's own .xlsx workbook, or download a new workbook to start an assessment.",
  },

  // ---- The names of the files the pane downloads ----
  fileNames: {
    assessment: (council: string, date: string) => `NPS assessment - ${council} - ${date}.xlsx`,
    councilMissing: "Council",
    undated: "undated",
    repaired: (base: string) => `${base} (repaired).xlsx`,
    repairedFallback: "NPS assessment",
    group: (date: string) => `NPS group consolidation ${date}.xlsx`,
    /** An anonymised group, to send to every council, and its key, which the lead keeps. */
    anonymisedGroup: (date: string) => `NPS group benchmarks to share ${date}.xlsx`,
    anonymisedKey: (date: string) => `NPS group key to return numbers ${date}.csv`,
  },

  // ---- Findings ----
  findings: {
    severity: { error: "Errors", warning: "Warnings", info: "Notes" },
    group: (label: string, count: number) => `${label} (${count})`,
    keyArea: "Key area",
    behaviour: "Behaviour",
    behaviourName: (id: string, name: string) => `${id} ${name}`,
    sheet: "Sheet",
    cell: "Cell",
    changedWords: "Changed words",
    removed: "removed",
    added: "added",
    expected: "Expected",
    found: "Found",
    empty: "(empty)",
    wholeWorkbook: "The whole workbook",
    hiddenData: "The add-in's hidden data",
    repairFixes: "Repair restores the toolkit's text and settings: it fixes this.",
    repairedCopyFixes: "The repaired copy fixes this.",
    upgradeFixes: "Upgrade fixes this.",
    goToCell: (cell: string) => `Go to cell ${cell}`,
    goToSheet: "Go to sheet",
    hiddenSheet:
      "This is on a sheet the add-in keeps hidden, so there is no cell to go to: Repair puts it right, or ask whoever sent the workbook for a fresh copy.",
    showAll: (n: number, label: string) => `Show all ${n} findings on ${label}`,
    showWhole: "Show it whole",
    showLess: "Show less",
  },

  // ---- Start next year's assessment ----
  nextYear: {
    heading: "Start next year's assessment",
    explainExcel:
      "Makes next year's workbook from this one: the council's details carried, and each behaviour's levels and evidence shown read-only in the Previous columns. This workbook is not changed.",
    explainFile:
      "Choose last year's assessment workbook to make next year's from it: the council's details carried, and each behaviour's levels and evidence shown read-only in the Previous columns. The file is read in this browser and is not uploaded anywhere.",
    fileLabel: "Last year's workbook (.xlsx)",
    chooseFile: "Choose last year's workbook first.",
    date: "Date of the new assessment",
    carryLevels: "Fill this year's levels with last year's as a starting point",
    draftActions: "Draft actions from the gaps",
    button: "Start next year's assessment",
    /** Unfolds the form: its options come next. */
    unfold: "Start next year's assessment…",
    loading: "Loading the workbook maker",
    carrying: "Carrying last year's answers across",
    writing: "Writing next year's workbook",
    opening: "Opening it in Excel",
    opened: "Next year's assessment opened in a new workbook.",
    openedNext: "Save it under a name of its own, then choose this year's levels on each key area sheet.",
    downloaded: "Next year's assessment downloaded.",
    downloadedInstead: "Excel could not open it as a new workbook, so it was downloaded instead.",
    noAssessment: "This workbook holds no assessment made by the NPS toolkit, so there is no return to start from.",
    openNotAnAssessmentNext: "Build or repair the assessment in this workbook first, then start next year's from it.",
  },

  // ---- Sign off ----
  signOff: {
    heading: "Sign off",
    explain:
      "When the answers are final, sign them off: your name and today's date go on the Guide, and the add-in records a check of every answer. If an answer changes afterwards, the return no longer counts as final.",
    name: "Your name",
    button: "Sign off",
    incomplete: (areas: number) =>
      `Not complete yet: ${areas === 1 ? "one key area has" : `${areas} key areas have`} behaviours without a current level.`,
    incompleteLabel: "Key areas not complete",
    allowIncomplete: "Sign off although these key areas are not complete",
    /** The refusal of an incomplete return, said above the form, which lists the key areas and the choice. */
    refusedIncomplete: (areas: number) =>
      `Not signed off: ${areas === 1 ? "one key area has" : `${areas} key areas have`} behaviours without a current level.`,
    allowIncompleteHint: "The sign-off then says that the return is not complete, and names these key areas.",
    again: "Sign off again",
  },

  // ---- Consolidate ----
  consolidate: {
    heading: "Consolidate returns",
    hintExcel:
      "Choose the returned assessment workbooks (one per council, or per respondent). Each is checked, and the group sheets (Group Summary, Group Data, Group Actions and the Consolidation Log) are added to this workbook, in place of those an earlier consolidation added; your own sheets are not changed. The files are read in this browser and are not uploaded anywhere.",
    hintStandalone:
      "Choose the returned assessment workbooks (one per council, or per respondent). Each is checked, and the group sheets (Group Summary, Group Data, Group Actions and the Consolidation Log) are downloaded as a new workbook. The files are read in this browser and are not uploaded anywhere.",
    label: "Returned workbooks (.xlsx)",
    includeErrors: "Include returns whose check found errors",
    finalOnly: "Final (signed-off) returns only",
    /** One line at task-pane width: the two downloads' names say the rest (returns by number, a key for the lead). */
    anonymise: "Anonymise, to share with every council",
    button: (files: number) => (files > 1 ? `Consolidate ${files} files` : "Consolidate"),
    reading: (files: number) => `Reading ${plural(files, "file")}`,
    read: (done: number, total: number, file: string) => `Read ${done} of ${total}: ${file}`,
    making: "Making the group workbook",
    filesHeading: "Files",
    filesLabel: "Files consolidated",
    sheetsLabel: "Group sheets written",
    downloadedTitle: "Group workbook downloaded.",
    addedTitle: "Group sheets added.",
    replacedTitle: "Group sheets replaced.",
    replacedAndAddedTitle: "Group sheets replaced and added.",
    someLeftOutTitle: (leftOut: number) => `${plural(leftOut, "file")} left out.`,
    openDownloaded: (fileName: string) => `Open “${fileName}” from your downloads folder in Excel.`,
    keyDownloaded: (fileName: string) =>
      `The key to the return numbers is “${fileName}”, beside it: keep it to yourself, and send only the workbook round.`,
    /** In Excel with Anonymise ticked: the group goes to two downloads, not into this workbook. */
    hintAnonymised:
      "Choose the returned assessment workbooks (one per council, or per respondent). Each is checked, and the group workbook, with each council as a number, is downloaded with the key to those numbers, which is for you alone. The files are read in this browser and are not uploaded anywhere.",
    replaced: (names: string, count: number) =>
      `The earlier consolidation's ${count === 1 ? "sheet" : "sheets"} ${names} ${count === 1 ? "was" : "were"} replaced in place, with the new figures; your own sheets were not changed.`,
    badge: { used: "Used", "used-with-errors": "Used with errors", "left-out": "Left out", instead: "Used instead of" },
    readKind: {
      assessment: "an assessment",
      "not-an-assessment": "not an NPS Toolkit assessment",
      unreadable: "could not be read",
    },
    readCounts: (errors: number, warnings: number) =>
      `; the check found ${plural(errors, "error")}, ${plural(warnings, "warning")}`,
    readLine: (file: string, kind: string, found: string) => `${file}: ${kind}${found}.`,
    emptyFile: "The file is empty (0 bytes): it holds no workbook. Ask for the return to be sent again.",
    nothingUsed: "None of the chosen files could be consolidated, so no group sheets were made.",
    nothingUsedErrors:
      "The list below says why each file was left out. Fix those returns, or tick “Include returns whose check found errors”, then consolidate again.",
    nothingUsedOther:
      "The list below says why each file was left out. Choose the assessment workbooks the councils returned, then consolidate again.",
  },

  // ---- Dates ----
  dateInWords: (iso: string): string => {
    const [year, month, day] = iso.split("-").map(Number);
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]} ${year}`;
  },
} as const;
