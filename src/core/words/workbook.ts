/**
 * The workbook's own words (src/core/plan, the group workbook of src/core/consolidate): sheet names, column headers,
 * the Guide's text, the pickers' prompts and error alerts, the Summary's labels and chart, the statuses the formulas
 * show, and what the plan says of answers it could not write. A workbook compares its text with the plan's, so an
 * entry changed here reads as edited text in every workbook made before: change one only with a layout version.
 */
export const workbookWords = {
  /** The workbook's sheets by plan key (src/core/toolkit/sheet-names.ts); the metadata sheet is never seen. */
  sheetNames: {
    guide: "Guide",
    summary: "Summary",
    gaps: "Gaps",
    data: "Data",
    actions: "Actions",
    retired: "Retired answers",
    moderation: "Moderation",
    checkReport: "Check report",
    groupSummary: "Group Summary",
    groupData: "Group Data",
    groupActions: "Group Actions",
    consolidationLog: "Consolidation Log",
  },
  /** Headers of the columns several sheets share (layout.ts COLUMN). */
  columns: {
    returnNumber: "Return",
    council: "Council",
    respondent: "Respondent",
    role: "Role or department",
    councilType: "Council type",
    region: "Region",
    assessmentDate: "Assessment date",
    toolkitVersion: "Toolkit version",
    theme: "Theme",
    keyArea: "Key area",
    id: "Behaviour ID",
    behaviour: "Behaviour",
    currentLevel: "Current level",
    currentScore: "Current score",
    targetLevel: "Target level",
    targetScore: "Target score",
    gap: "Gap",
    evidence: "Evidence",
    owner: "Owner",
    reviewDate: "Review date",
    previousLevel: "Previous level",
    previousScore: "Previous score",
    change: "Change",
    finalOrDraft: "Final or draft",
  },
  /** What a score cell shows when the level typed is not one of the five names (and what the formulas count). */
  notALevel: "Not a level",
  /** What a date cell's rule says when the entry is not a date on or after the earliest one (dd/mm/yyyy). */
  dateEntryError: {
    title: "Not a date",
    message: (earliest: string) => `Type a date on or after ${earliest}, for example 31/03/2026.`,
  },
  /** The council types and regions of the Guide's pickers (src/core/plan/council-groups.ts). */
  councilTypes: [
    "County",
    "District",
    "Unitary",
    "Metropolitan district",
    "London borough",
    "Welsh unitary",
    "Combined authority",
    "Other",
  ],
  /** The nine English regions and Wales. */
  regions: [
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Wales",
  ],
  /** A row of the Summary (and Group Summary): a key area, a theme, or all key areas together. */
  scope: { keyArea: "Key area", theme: "Theme", overall: "Overall" },
  allKeyAreas: "All key areas",
  guide: {
    title: "NPS Toolkit for Excel: procurement self-assessment",
    provenance: ({ publisher, title, draft }: { publisher: string; title: string; draft: boolean }) =>
      `Toolkit text: ${publisher}, ${title}.${draft ? " Every page of the source is marked DRAFT: this is the draft text, not a later edition." : ""}`,
    howToHeading: "How to use this workbook",
    howTo: [
      "Each key area has its own sheet. For every specific behaviour, read the five descriptions and pick the Current level (where the council is today) and the Target level (where it aims to be) in the yellow cells.",
      "Record the evidence for the current level, who owns the behaviour and when to review it. Everything you type stays as text: nothing you enter is treated as a formula.",
      "The Summary, Gaps and Data sheets update by themselves in any copy of Excel or LibreOffice; no add-in is needed to answer or to read the results.",
      "Typical level: the average current score of the assessed behaviours, rounded down. Assured level: the lowest current score, a level that every assessed behaviour meets (as in weakest-link schemes).",
      "Gaps lists every behaviour with the shortfall to its target (never negative), what the next level looks like, and a priority rank (largest gap first). Sort and filter it freely.",
      "Data is a table with one row per behaviour, ready for a PivotTable (Insert > PivotTable).",
      "Respondent and Role or department tell several returns from one council apart. When the answers are complete, sign them off with the add-in's Sign off (or nps-toolkit sign-off): it fills in Signed off by and Signed off on and records a fingerprint of every answer. If any answer changes afterwards, the return reads as changed since sign-off, not final; a name typed into those cells by hand is not a sign-off either. Sign off again after any change.",
    ],
    /** The number beside each line of the how-to. */
    howToNumber: (n: number) => `${n}.`,
    levelsHeader: ["Level", "Score"],
    areasHeader: ["Theme", "Key area", "Sheet", "Behaviours"],
    /** The labels of the assessment's details, each beside its cell. */
    details: {
      council: "Council",
      assessmentDate: "Assessment date",
      respondent: "Respondent",
      role: "Role or department",
      toolkit: "Toolkit",
      signedOffBy: "Signed off by",
      signedOffOn: "Signed off on",
    },
    datePrompt: { title: "Assessment date", message: "The date of this self-assessment (dd/mm/yyyy)." },
    /** Beside the sign-off cells; `step` is the how-to's line about signing off. */
    signOffNote: (step: number) => `Filled in by Sign off, with a fingerprint of the answers (see ${step} below).`,
  },
  keyArea: {
    /** The grid's own headers; the answer columns take the shared ones. */
    headers: {
      id: "ID",
      behaviour: "High level principle / specific behaviour",
      descriptors: "Level descriptors",
      previousCurrent: "Previous current",
      previousTarget: "Previous target",
      previousEvidence: "Previous evidence",
    },
    /** The principle row's ID and name cells. */
    principleId: "Principle",
    principle: "High level principle",
    intro: {
      description: "Description",
      whatItIs: "What it is",
      whyItIsImportant: "Why it is important",
    },
    subtitle: (theme: string, id: string) =>
      `Theme: ${theme}. Key area ID: ${id}. Pick levels in the yellow cells; the grid highlights the current level (green, bold) and the target (blue, italic).`,
    currentPicker: {
      title: "Current level",
      message: (levels: string) => `Which description fits the council today? Choose ${levels}, or leave blank.`,
    },
    targetPicker: {
      title: "Target level",
      message: (levels: string) => `Which level does the council aim for? Choose ${levels}, or leave blank.`,
    },
    levelError: { title: "Not a level", message: (levels: string) => `Choose one of the five levels: ${levels}.` },
    reviewDatePrompt: {
      title: "Review date",
      message: "When this answer should next be reviewed, as a date (dd/mm/yyyy).",
    },
  },
  summary: {
    title: "Summary of the self-assessment",
    headers: {
      label: "Theme / key area",
      scope: "Scope",
      behaviours: "Behaviours",
      assessed: "Assessed",
      invalid: "Invalid entries",
      averageCurrent: "Average current",
      averageTarget: "Average target",
      averageGap: "Average gap",
      weakestCurrent: "Weakest current",
      typicalLevel: "Typical level",
      assuredLevel: "Assured level",
      bothLevels: "Current and target",
      previousAverageCurrent: "Previous average current",
      change: "Change",
    },
    /** The council line's three cases, chosen by a formula from the Guide's council cell. */
    council: {
      unreadable: "Council: check the council name on the Guide sheet",
      notEntered: "Council: not yet entered on the Guide sheet",
      named: "Council: ",
    },
    levelsExplained:
      "Typical level: average current score rounded down. Assured level: the lowest current score, met by every assessed behaviour. Blank answers never count; entries that are not levels (a pasted error value too) are counted as invalid.",
    averagesExplained: (bothLevels: string, previousAverage: string, change: string) =>
      `Average target and average gap are taken over the same behaviours: those with both a current and a target level, counted under ${bothLevels}. ${previousAverage} is last year's; ${change} averages the change of the behaviours with a current level both this year and last.`,
    /** A typical or assured level where nothing is assessed. */
    notAssessed: "Not assessed",
    chart: {
      title: "Maturity by key area: current against target",
      /** The third line, last year's average current scores. */
      previous: "Previous",
      dataTitle: "Chart data: the key-area rows of the summary table, as the radar chart above draws them",
      description: (keyAreas: number, maxScore: number) =>
        `Radar chart with one axis for each of the ${keyAreas} key areas, scored from 0 at the centre ` +
        `to ${maxScore} at the edge. A green line joins the average current scores and a blue line the ` +
        "average target scores, so the space between them shows the gap; an orange line joins last year's average " +
        "current scores, where the workbook was started from last year's. The figures are in the chart data below " +
        "the chart and in the summary table above it.",
    },
    actions: {
      title: "Actions by status, from the Actions sheet",
      header: ["Status", "Actions"],
      noStatus: "No status yet",
      notAStatus: "Not a status",
      all: "All actions",
      asAt: "Overdue as at",
      overdue: "Overdue (due before that date, not Done or Dropped)",
    },
  },
  gaps: {
    title: "Gaps: where each behaviour stands against its target",
    intro:
      "One row per behaviour. Gap is the shortfall from the target (never negative). Priority 1 is the largest gap. Sort and filter freely: every row finds its answers by behaviour ID.",
    headers: {
      order: "#",
      status: "Status",
      nextLevel: "Next level",
      nextDescriptor: "What the next level looks like",
      priority: "Priority",
    },
    /** Where a behaviour stands, as the Status formula shows it (and the checker works it out). */
    status: {
      checkLevel: "Check level",
      notAssessed: "Not assessed",
      noTarget: "No target set",
      above: "Above target",
      met: "Target met",
      below: "Below target",
    },
    topLevelReached: "Top level reached",
  },
  actions: {
    title: "Actions: the improvement plan",
    intro:
      "One row per action. Choose the behaviour's ID and its name, key area, levels and gap appear. Add a row by typing in the row below the table: its formulas and pickers follow. Sort and filter freely.",
    headers: { action: "Action", dueDate: "Due date", status: "Status", note: "Progress note" },
    /** The statuses of the picker, in its order. */
    status: { notStarted: "Not started", inProgress: "In progress", done: "Done", dropped: "Dropped" },
    behaviourPicker: {
      prompt: { title: "Behaviour ID", message: "Choose the behaviour this action improves." },
      error: { title: "Not a behaviour", message: "Choose a behaviour ID from the list." },
    },
    dueDatePrompt: { title: "Due date", message: "When the action should be done, as a date (dd/mm/yyyy)." },
    statusPicker: {
      prompt: { title: "Status", message: (statuses: string) => `Where the action stands: ${statuses}.` },
      error: { title: "Not a status", message: (statuses: string) => `Choose one of ${statuses}.` },
    },
  },
  retired: {
    title: "Answers for behaviours that are no longer in the toolkit",
    intro:
      "An upgrade kept these answers because the toolkit's new version has no behaviour with their IDs. Move anything you still need, then delete the rows or the sheet.",
  },
  moderation: {
    title: "Moderation",
    headers: {
      lowestCurrent: "Lowest current score",
      highestCurrent: "Highest current score",
      currentSpread: "Current spread (levels)",
      agreedCurrentScore: "Agreed current score",
      agreedCurrent: "Agreed current level",
      lowestTarget: "Lowest target score",
      highestTarget: "Highest target score",
      targetSpread: "Target spread (levels)",
      agreedTargetScore: "Agreed target score",
      agreedTarget: "Agreed target level",
      differ: "Respondents differ",
      outside: "Agreed outside the range",
      note: "Moderation note",
    },
    /** The source returns' table beside the metadata's properties. */
    sourceHeaders: {
      file: "Source file",
      respondent: "Respondent",
      role: "Role",
      answersFingerprint: "Answers fingerprint",
    },
    agreedLevels: (respondents: number, flagSpread: number) =>
      `The agreed levels are the Current level and Target level pickers on the key area sheets. Where the ${respondents} respondents' levels were within one level of each other, moderation filled each picker with the lower median of their levels (the middle level, or the lower of the two middle levels); where they were ${flagSpread} levels or more apart it left the picker blank for the meeting to agree.`,
    respondentsRight:
      "Each respondent's levels are on the right. Type a moderation note where the meeting agrees a level outside the respondents' range, or to record why it chose a level.",
    currentApart: (spread: number) => `current levels ${spread} apart`,
    targetApart: (spread: number) => `target levels ${spread} apart`,
    differ: (apart: readonly string[]) => `Agree in the meeting: ${apart.join(", ")}`,
    outside: "Outside the respondents' range: add a note",
  },
  groupData: {
    headers: { sourceFile: "Source file", moderatedFrom: "Moderated from (respondents)" },
    /** A return's Final or draft column (and the log's). */
    finalOrDraft: { final: "Final", draft: "Draft" },
  },
  groupSummary: {
    title: "Group summary of the returns",
    explained: (groupData: string, log: string) =>
      `Each return's average current score per key area, theme and overall, from ${groupData} (blank answers and entries that are not levels never count); then the group's mean of those averages, the lowest, the highest and the spread (highest minus lowest). Below: each return's typical level, its average rounded down, and the same statistics by council type and by region. ${log} lists every file and why any was left out.`,
    statistics: { mean: "Group mean", lowest: "Lowest", highest: "Highest", spread: "Spread" },
    levelsTitle: "Typical level of each return: its average current score, rounded down",
    /** A return's column heading: its number, council and respondent; only its number when anonymised. */
    returnLabel: (number: number, council: string, who: string) => `${number}. ${council}${who ? `: ${who}` : ""}`,
    anonymousReturn: (number: number) => `Return ${number}`,
    noCouncil: "(no council named)",
  },
  consolidationLog: {
    title: "Consolidation log",
    headers: {
      file: "File",
      outcome: "Status",
      errors: "Errors",
      warnings: "Warnings",
      notes: "Notes",
      reason: "Why",
    },
    outcome: { used: "Used", usedWithErrors: "Used with errors", leftOut: "Left out" },
  },
  /** What the plan says of an answer it could not write (the command line and the pane show these). */
  answerWarnings: {
    notALevel: (id: string, which: string, typed: string, levels: readonly string[]) =>
      `${id}: the ${which} level "${typed}" is not one of ${levels.join(", ")}, so it was left blank.`,
    notADate: (where: string, typed: string) =>
      `${where}: "${typed}" is not a date (YYYY-MM-DD), so it was left blank.`,
    retired: (id: string, version: string) =>
      `${id}: this behaviour is not in toolkit ${version}, so its answer was kept on the Retired answers sheet.`,
    /** The level a warning names: this year's current or target, or last year's. */
    current: "current",
    target: "target",
    previous: (which: string) => `previous ${which}`,
    reviewDate: (id: string) => `${id} review date`,
    assessmentDate: "Assessment date",
  },
} as const;
