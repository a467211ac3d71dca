/**
 * Every word of the checker's findings and of the check report, as the officer who signs the return off
 * reads them: plain data and small functions for messages with values, grouped by rule family and named
 * after the rule (findingWords.answer.notALevel is the message of "answer.not-a-level"). A Welsh catalogue
 * would sit beside this one. test/core/words/words.test.ts checks that each entry is used and that the
 * checker builds no sentence of its own.
 */
import { listed, plural } from "../util/words";
import { dateSaid } from "../util/dates";

/** A sheet as a finding names it: the add-in's hidden data sheet by what it is, never by its internal name. */
interface NamedSheet {
  role: string;
  name: string;
}
const sheetCalled = (sheet: NamedSheet) =>
  sheet.role === "metadata" ? "add-in's hidden data sheet" : `sheet "${sheet.name}"`;
/** The respondents' levels a moderated level is compared with. */
interface LevelRange {
  which: "current" | "target";
  low: string;
  high: string;
}
/** A date as officers read it: dd/mm/yyyy (an ISO date is turned round; anything else is shown as it is). */
export const findingWords = {
  /** What a cell, a row or a sheet holds when there is nothing. */
  empty: "(empty)",
  blank: "(blank)",
  noSuchSheet: "(no such sheet)",
  noSuchName: "(no such name)",
  noSuchRow: "(no such row)",

  identity: {
    notAnAssessment:
      "This workbook is not an NPS Toolkit assessment: it has neither the add-in's hidden data nor its Guide sheet.",
    notAnAssessmentExpected: "an assessment made by NPS Toolkit for Excel",
    notAnAssessmentFound: "no assessment",
    metadataMissing: (version: string) =>
      `The add-in's hidden data sheet, which says which toolkit made this workbook, is missing; the workbook was checked against toolkit ${version}.`,
    metadataMissingExpected: "the add-in's hidden data sheet",
    metadataUnreadable: (version: string) =>
      `The add-in's hidden data does not say which toolkit made this workbook; it was checked against toolkit ${version}.`,
    metadataUnreadableExpected: "a toolkit ID and version",
    unknownToolkit: (id: string, version: string) =>
      `This workbook says it was made from toolkit ${id} ${version}, which this version of NPS Toolkit for Excel does not know, so it cannot be checked. Updating the add-in may let it check this workbook.`,
    fingerprintMismatch: (version: string) =>
      `The add-in's record of the toolkit text (a code worked out from every word of it) does not match toolkit ${version}, so the toolkit text in this workbook may not be that version's own.`,
    upgradeAvailable: (version: string, newest: string) =>
      `This workbook uses toolkit ${version}; version ${newest} is available, and an upgrade keeps every answer.`,
    /** The Guide lacks the cells a later layout added: the respondent and sign-off cells, or the council type and region pickers. */
    layoutOutdated: (missing: "details" | "peers" | "keyAreas") =>
      missing === "keyAreas"
        ? "This workbook was made by an earlier version of NPS Toolkit for Excel, whose key area sheets have last year's levels and evidence in other columns, so the key area sheets, Summary, Gaps and Data were not compared. Repair brings it up to date and keeps every answer."
        : `This workbook was made by an earlier version of NPS Toolkit for Excel, whose Guide has no ${missing === "details" ? "respondent or sign-off cells" : "council type or region pickers"}, so the Guide was not compared. Repair brings it up to date and keeps every answer.`,
    layoutOutdatedExpected: (layout: number) => `${layout} or later`,
  },

  structure: {
    sheetMissing: (name: string) => `The sheet "${name}" is missing.`,
    sheetVisible: (sheet: NamedSheet) => `The ${sheetCalled(sheet)} is visible; the add-in keeps it hidden.`,
    sheetHidden: (sheet: NamedSheet, found: string, expected: string) =>
      `The ${sheetCalled(sheet)} is ${found}; the add-in makes it ${expected}.`,
    visibility: { visible: "visible", hidden: "hidden", veryHidden: "very hidden" },
    nameMissing: (name: string) => `The name ${name}, by which the add-in finds part of the assessment, is missing.`,
    namePointsElsewhere: (name: string, found: string) =>
      `The name ${name}, by which the add-in finds part of the assessment, points at ${found} instead.`,
    columnDuplicated: (header: string) => `The column "${header}" appears more than once.`,
    columnDuplicatedExpected: (header: string) => `one column "${header}"`,
    columnMoved: (header: string) => `The column "${header}" has moved, so formulas read the wrong cells.`,
    columnMissing: (header: string) => `The column "${header}" is missing.`,
    column: (letter: string) => `column ${letter}`,
    row: (row: number) => `row ${row}`,
    rows: (rows: readonly number[]) => `rows ${rows.join(", ")}`,
    rowMissing: (id: string) => `The row for behaviour ${id} is missing.`,
    rowDuplicated: (id: string) => `Behaviour ${id} has more than one row.`,
    rowDuplicatedExpected: (id: string) => `one row for ${id}`,
    rowMoved: (id: string) => `The row for behaviour ${id} has moved.`,
    rowUnknown: (row: number, id: string) =>
      `Row ${row} is for behaviour ${id}, which this toolkit version does not have; it counts in no figure.`,
    rowInserted: (row: number) =>
      `Row ${row} was inserted into this sheet, so the add-in's rows below it moved down. The figures follow them, but a repair puts the rows back as the add-in keeps them (anything typed in this row is named then).`,
    rowDeleted: (row: number, held: string | undefined) =>
      `Row ${row} as the add-in made this sheet (${held === undefined ? "an empty row" : `the row that held "${held}"`}) was deleted, so the rows below it moved up. The figures follow them; a repair puts the row back.`,
    rowDeletedFound: "(deleted)",
    idNotExact: (id: string) =>
      `The behaviour ID ${id} has spaces or invisible characters around or inside it, so the Gaps and Data sheets cannot find its row and leave its answers out. Type the ID again.`,
    tableMissing: (table: string) =>
      `The table ${table} is gone or renamed, so PivotTables and formulas such as ${table}[Gap] built on it no longer find it.`,
    noTable: "(no table)",
    tableRangeChanged: (table: string) =>
      `The table ${table} covers other cells than the add-in gave it, so PivotTables and formulas built on it count the wrong rows.`,
    chartMissing: (title: string) => `The chart "${title}" is gone; the figures it drew are still on the sheet.`,
    noChart: "(no chart)",
    chartDataChanged: (title: string) =>
      `The chart "${title}" draws other cells than the key areas' averages, so what it shows is not this return's figures.`,
    noSeries: "(no series)",
  },

  /** What the toolkit's text in a cell is, in the content rules' messages. */
  content: {
    what: {
      "content.key-area-text-edited": "The key area's text",
      "content.principle-edited": "The high level principle's level description",
      "content.behaviour-name-edited": "The behaviour's name",
      "content.descriptor-edited": "The level description",
      "content.level-header-edited": "The level heading",
      "content.text-edited": "The text",
    },
    edited: (what: string) => `${what} differs from the toolkit's.`,
    rowDeleted: (what: string) => `${what} is gone: the row that held it was deleted.`,
    rowDeletedFound: "(row deleted)",
  },

  answer: {
    current: "current level",
    target: "target level",
    evidence: "evidence",
    reviewDate: "review date",
    errorValue: (label: string, value: string) =>
      `The ${label} is the error value ${value}, so this behaviour counts in no figure. Choose a level from the cell's list.`,
    notALevel: (label: string) =>
      `The ${label} is not one of the five levels, so this behaviour counts in no figure. Choose a level from the cell's list.`,
    writtenDifferently: (label: string, level: string) =>
      `The ${label} is counted as ${level}, but is written differently; repair writes the level's name.`,
    reviewDateNotADate: "The review date is text, not a date, so the Data sheet leaves it out. Type it as dd/mm/yyyy.",
    reviewDateNotADateExpected: "a date, for example 31/03/2027",
    reviewDatePast: "The review date has already passed.",
    onOrAfter: (isoDay: string) => `on or after ${dateSaid(isoDay)}`,
    /** A review date as found, dd/mm/yyyy. */
    date: dateSaid,
    evidenceMissing: (level: string) => `The current level is ${level}, but there is no evidence for it.`,
    evidenceMissingExpected: "evidence",
    targetBelowCurrent: "The target level is below the current level.",
    orAbove: (level: string) => `${level} or above`,
    keyAreaIncomplete: (assessed: number, total: number, keyArea: string) =>
      `${assessed} of ${total} behaviours in ${keyArea} have a current level.`,
    countOf: (assessed: number, total: number) => `${assessed} of ${total}`,
    pickerMissing: "This cell's level picker is gone (pasted over?), so anything can be typed in it.",
    pickerExpected: (list: string) => `a list of ${list} that stops other entries`,
    pickerFound: (type: string, list: string | undefined, alert: string) =>
      `${type}${list ? ` of ${list}` : ""}, ${alert} alert`,
    noPicker: "no picker",
    dateRuleMissing: ({ assessmentDate }: { assessmentDate: boolean }) =>
      `${assessmentDate ? "The assessment date cell" : "This review date cell"} no longer refuses entries that are not dates.`,
    dateRuleExpected: "a date rule that stops other entries",
    dateRuleFound: (type: string, alert: string) => `${type}, ${alert} alert`,
    noDateRule: "no rule",
    formulaInInput: (what: string) =>
      `The ${what} is a formula, not a typed answer: the figures count what it gives now, which can change without anyone answering, while the add-in reads what it gave when last saved. Type the answer instead.`,
    formulaInInputExpected: "a typed answer",
    inputMerged: (merge: string) =>
      `The cells ${merge} are merged over answers: what is hidden under the merge still counts on Summary, but the add-in cannot read it, so a repair or a consolidation would lose it. Unmerge them (Home > Merge & Center).`,
    inputMergedExpected: "no merged cells over answers",
    retiredNotCounted: (id: string) =>
      `The Retired answers sheet holds an answer for ${id}, a behaviour this workbook has its own row for. No figure counts it and the add-in does not read it: enter it on the behaviour's own row if it is meant.`,
    noAnswerHere: "(no answer here)",
  },

  formula: {
    changed: "This cell's formula is not the one the toolkit writes, so the figure it shows cannot be trusted.",
    errorValue: (error: string) =>
      `This formula shows the error ${error}, so a figure that depends on it cannot be trusted.`,
    errorValueExpected: "a value",
    savedValueDiffers: (shows: string, gives: string) =>
      `This cell shows ${shows}, but the answers give ${gives}: the workbook was saved without working its figures out again, or edited outside a spreadsheet, so the figures it shows cannot be trusted.`,
  },

  protection: {
    sheetUnprotected: (sheet: NamedSheet) =>
      `The ${sheetCalled(sheet)} is no longer protected, so the toolkit's text and formulas on it can be changed by accident.`,
    sheetProtected: (sheet: NamedSheet) =>
      `The ${sheetCalled(sheet)} is protected; the add-in leaves it open, so that it can be sorted and filtered.`,
    protected: "protected",
    notProtected: "not protected",
    inputLocked: "This input cell is locked, so nobody can answer in it while the sheet is protected.",
    cellUnlocked: "This toolkit text is unlocked, so protecting the sheet does not guard it.",
    locked: "locked",
    unlocked: "unlocked",
  },

  signOff: {
    answersChanged: (by: string, on: string) =>
      `Signed off by ${by} on ${dateSaid(on)}, but the answers have changed since, so this return is not final. Check the answers and sign it off again.`,
    notRecorded: (by: string, on: string) =>
      `The Guide's sign-off is not the one Sign off recorded (by ${by} on ${dateSaid(on)}), so this return is not final.`,
    filledByHand:
      "The Guide's sign-off cells were filled in by hand, not by Sign off, so this return is a draft, not final.",
    emptyUntilSignOff: "(empty until Sign off)",
    signedOff: (by: string, on: string) => `Signed off by ${by} on ${dateSaid(on)}; no answer has changed since.`,
    /** What the check found that does not stop a sign-off, for the signer. */
    warningsNote: (warnings: number) =>
      `The check found ${plural(warnings, "warning")}, which ${warnings === 1 ? "does" : "do"} not stop a sign-off: check the workbook to see ${warnings === 1 ? "it" : "them"}.`,
  },

  previous: {
    /** The Previous columns no longer hold what was carried from last year's return. */
    changed: (file: string, on: string) =>
      `The previous levels or evidence beside the pickers have been changed since they were carried from last year's return (${file || "a file not named"}, assessed on ${on ? dateSaid(on) : "a date not given"}), so the previous and change figures may not be last year's. Check them against that return.`,
    /** Values in the Previous columns of a workbook that was not started from last year's return. */
    notCarried:
      "The previous levels or evidence beside the pickers were typed in, not carried from last year's return, so the previous and change figures may not be last year's. If they are last year's, nothing needs doing; if not, clear them.",
  },

  // ---- The action plan's and moderation's findings (moved from src/core/check, issue 15 §2). ----

  /** The Actions sheet's rules (src/core/check/actions.ts). */
  action: {
    formulaChanged: ({ row }: { row: number }) =>
      `Row ${row} of the action plan does not look its behaviour up as the add-in does, so the behaviour, levels and gap it shows may be wrong. A repair puts the formulas back and keeps the action.`,
    unknownBehaviour: ({ id }: { id: string }) =>
      `This action is for "${id}", which is not a behaviour of this toolkit, so it is counted against no behaviour. Choose the behaviour's ID from the list.`,
    unknownBehaviourExpected: "a behaviour ID of the toolkit",
    statusNotInList: ({ status, statuses }: { status: string; statuses: readonly string[] }) =>
      `The status "${status}" is not one of ${listed(statuses)}, so the Summary counts it as not a status.`,
    dueDateNotADate: ({ typed }: { typed: string }) =>
      `The due date "${typed}" is text, not a date, so the action can never count as overdue. Type it as a date (dd/mm/yyyy).`,
    dueDateNotADateExpected: "a date",
    /** `due` and `today` are ISO dates. */
    overdue: ({ due }: { due: string }) => `This action was due on ${dateSaid(due)} and is not Done or Dropped.`,
    overdueExpected: ({ today }: { today: string }) => `due on or after ${dateSaid(today)}, or Done or Dropped`,
    overdueFound: ({ due, status }: { due: string; status: string }) =>
      `${dateSaid(due)}, ${status === "" ? "no status" : status}`,
    gapWithoutAction: ({ ids }: { ids: readonly string[] }) =>
      `${plural(ids.length, "behaviour is", "behaviours are")} below target with no action in the plan: ${listed(ids)}. Draft actions from the gaps adds a row for each.`,
    gapWithoutActionExpected: "an action for each behaviour below its target",
  },

  /** A moderated return's rules (src/core/check/moderation.ts). */
  moderation: {
    agreedOutsideRange: ({ which, id, agreed, low, high }: LevelRange & { id: string; agreed: string }) =>
      `The agreed ${which} level of ${id}, ${agreed}, is outside the respondents' levels (${low === high ? low : `${low} to ${high}`}) and no moderation note says why. Type the reason in the Moderation note.`,
    agreedOutsideRangeExpected: ({ which, low, high }: LevelRange) =>
      `a ${which} level from ${low} to ${high}, or a moderation note`,
    sourceNotModerated: ({ file, respondent }: { file: string; respondent: string }) =>
      `${file} (${respondent || "no respondent named"}) is not one of the returns this moderation was made from.`,
    sourceChanged: ({ respondent, file, moderatedFrom }: { respondent: string; file: string; moderatedFrom: string }) =>
      `The return of ${respondent} (${file}) has changed since it was moderated (from ${moderatedFrom}): its levels, evidence or details are no longer those on the Moderation sheet. Moderate again if the change matters.`,
  },

  disguise: {
    numberFormat: (how: string) =>
      `This cell's number format ${how}, so what a reader sees is not the value the workbook counts.`,
    valueHidden: (how: string) =>
      `This cell's number format ${how}, so a reader does not see what the workbook counts.`,
    textHidden: (how: string) => `This cell's content is shown ${how}, so a reader does not see it.`,
    textHiddenExpected: "text that can be read",
    tinyFont: (points: number) => `in a font of ${points} point`,
    faintColour: (colour: string, fill: string | undefined) =>
      `in ${colour} on ${fill === undefined ? "the white background" : `a fill of ${fill}`}`,
    visible: "visible",
    hidden: "hidden",
    rowsHidden: (first: number, last: number) =>
      first === last
        ? `Row ${first} is hidden (or too low to see), so a reader does not see what it holds; the workbook still counts it.`
        : `Rows ${first} to ${last} are hidden (or too low to see), so a reader does not see what they hold; the workbook still counts them.`,
    columnsHidden: (first: string, last: string) =>
      first === last
        ? `Column ${first} is hidden (or of no width), so a reader does not see what it holds; the workbook still counts it.`
        : `Columns ${first} to ${last} are hidden (or of no width), so a reader does not see what they hold; the workbook still counts them.`,
    /** What a number format does to a value, in the disguise findings' messages. */
    how: {
      nothingForNumbers: "shows nothing for some numbers",
      insteadOfNumber: (shown: string) => `shows "${shown}" instead of the number`,
      addsDigits: "adds digits of its own to the number",
      percent: "shows the number multiplied by 100",
      thousands: "shows the number divided by 1,000",
      rounds: (decimals: number) => `rounds the number to ${plural(decimals, "decimal place")}`,
      condition: "shows chosen text for chosen values (a condition in the format)",
      white: "shows the value in white",
      asDate: "shows the number as a date",
      nothingForText: "shows nothing for text",
      insteadOfText: (shown: string) => `shows "${shown}" instead of the text`,
    },
  },

  active: {
    held: (what: string, part: string) =>
      `This workbook holds ${what} (${part}). The workbook the add-in makes has no macros, objects or links, so this was added since; a repaired copy leaves it out.`,
    nothing: "nothing",
    what: {
      vba: "a VBA project (macros)",
      macroSheet: "an Excel 4.0 macro sheet",
      dialogSheet: "an Excel 5.0 dialog sheet",
      ole: "an embedded object (OLE)",
      activeX: "an ActiveX control",
      externalLink: "a link to another workbook",
    },
    externalLink:
      "This formula takes a figure from another workbook, so what this return shows depends on a file the reader may not have.",
    externalLinkExpected: "a formula over this workbook's own cells",
  },

  names: {
    unknownSheetName: (name: string) =>
      `The name ${name} looks like one of the add-in's, by which it finds its sheets, but the add-in never writes it. No figure reads this sheet, so its answers are not counted; delete the name (Formulas > Name Manager).`,
    unknown: (name: string) =>
      `The name ${name} looks like one of the add-in's, but the add-in never writes it; delete it (Formulas > Name Manager).`,
    sheetNotRead: (sheet: string) =>
      `The add-in's name for this key area points at the sheet "${sheet}", but the Summary, Gaps and Data formulas do not read it, so its answers count in no figure and were not read.`,
    sheetNotReadExpected: "a key area sheet the Summary reads",
    sheetScoped: (sheet: string, name: string) =>
      `The sheet "${sheet}" has a name of its own called ${name}, a copy of one of the add-in's names; the add-in does not read it, but another tool might. Delete it (Formulas > Name Manager).`,
    pointsAt: (name: string, reference: string) => `${name} = ${reference}`,
  },

  settings: {
    manualCalculation:
      "This workbook is set to calculate manually, so Summary, Gaps and Data do not update when an answer changes and may show old figures. Set Formulas > Calculation Options to Automatic.",
    automatic: "automatic calculation",
    manual: "manual calculation",
    precisionAsDisplayed:
      'This workbook is set to "precision as displayed", so every figure is cut to the digits it shows and averages built on them are wrong. Clear File > Options > Advanced > "Set precision as displayed".',
    fullPrecision: "full precision",
    asDisplayed: "precision as displayed",
    date1904:
      'This workbook uses the 1904 date system, so dates the add-in writes, and dates copied from other workbooks, move by four years. Clear File > Options > Advanced > "Use 1904 date system" only after checking every date, or repair the workbook.',
    system1900: "the 1900 date system",
    system1904: "the 1904 date system",
  },

  /** The "Check report" sheet and the findings as text. */
  report: {
    title: "Check report",
    severity: { error: "Error", warning: "Warning", info: "Note" },
    columns: {
      severity: "Severity",
      sheet: "Sheet",
      cell: "Cell",
      keyArea: "Key area",
      behaviour: "Behaviour",
      finding: "Finding",
      expected: "Expected",
      found: "Found",
      repairFixes: "Repair fixes it",
      rule: "Rule",
    },
    yes: "Yes",
    no: "No",
    noFindings: "No findings: the workbook matches the toolkit it was made from.",
    checkedOn: (when: string, by: string) => `Checked on ${when} by ${by}.`,
    /** "26/11/2026 at 13:40". */
    at: (day: string, time: string) => `${day} at ${time}`,
    against: (id: string, version: string) => `Checked against toolkit ${id} ${version}.`,
    /** The version alone, as the pane's status says it: the toolkit's ID is a code, not a name officers use. */
    againstInline: (version: string) => ` (checked against toolkit version ${version})`,
    notIdentified: "The toolkit this workbook was made from could not be identified.",
    heading: (title: string, counts: string, against: string) => `${title}: ${counts}${against}`,
  },
} as const;
