import { LEVEL_COUNT } from "../toolkit/schema";
import { workbookWords } from "../words/workbook";
import { columnLayout, namedTable, pickColumns, type ColumnSpec } from "./columns";

/** The headers and labels below are the catalogue's (src/core/words/workbook.ts), where a translation would go. */
const SHARED = workbookWords.columns;
const KEY_AREA_HEADER = workbookWords.keyArea.headers;
const MODERATION_HEADER = workbookWords.moderation.headers;
const SOURCE_HEADER = workbookWords.moderation.sourceHeaders;
const SUMMARY_HEADER = workbookWords.summary.headers;
const ACTIONS_HEADER = workbookWords.actions.headers;
const GAPS_HEADER = workbookWords.gaps.headers;
const LOG_HEADER = workbookWords.consolidationLog.headers;
const STATUS = workbookWords.actions.status;

/**
 * Where things live in the generated workbook. The readers use the same constants, so a layout
 * change is one edit here plus a LAYOUT_VERSION bump (which makes existing workbooks upgradeable).
 */
export const LAYOUT_VERSION = 5;

/** The workbook's own sheet names, declared beside the toolkit's schema (which keeps key area sheets off them). */
export { SHEET_NAMES } from "../toolkit/sheet-names";

/** The sheets of a group workbook (consolidation), which an assessment never has. */
export const GROUP_SHEET_KEYS = ["groupSummary", "groupData", "groupActions", "consolidationLog"] as const;
export type GroupSheetKey = (typeof GROUP_SHEET_KEYS)[number];

/** Plan keys of the workbook's fixed sheets; key area sheets are `keyArea:<ID>`. */
export const keyAreaSheetKey = (keyAreaId: string) => `keyArea:${keyAreaId}`;

/** Workbook-scope name marking the sheet that plays a role (Excel updates it when a sheet is renamed). */
export const roleNameFor = (key: string) =>
  `NPS_Sheet_${key.replace(/^keyArea:/, "KA_").replace(/[^A-Za-z0-9_]/g, "_")}`;

/**
 * Guide: the assessment's details, one row each with its label in column A. Council, date,
 * respondent and role are typed by the user; the sign-off cells are written only by Sign off (the
 * add-in's or `nps-toolkit sign-off`), which records a fingerprint of the answers in the metadata.
 */
export const GUIDE = {
  councilCell: { row: 4, column: 2 },
  dateCell: { row: 5, column: 2 },
  respondentCell: { row: 6, column: 2 },
  roleCell: { row: 7, column: 2 },
  toolkitCell: { row: 8, column: 2 },
  signedOffByCell: { row: 9, column: 2 },
  signedOffOnCell: { row: 10, column: 2 },
  /** Pickers (src/core/plan/council-groups.ts), by which a group workbook compares like with like. */
  councilTypeCell: { row: 11, column: 2 },
  regionCell: { row: 12, column: 2 },
} as const;

/** The Guide cells the user types in (unlocked on the protected sheet). */
export const GUIDE_INPUTS = [
  GUIDE.councilCell,
  GUIDE.dateCell,
  GUIDE.respondentCell,
  GUIDE.roleCell,
  GUIDE.councilTypeCell,
  GUIDE.regionCell,
] as const;

/** The Guide's pickers: council type and region. */
export const GUIDE_PICKERS = { councilType: GUIDE.councilTypeCell, region: GUIDE.regionCell } as const;

/** The Guide cells Sign off writes (locked: typing a name there by hand signs nothing off). */
export const GUIDE_SIGN_OFF = [GUIDE.signedOffByCell, GUIDE.signedOffOnCell] as const;

/**
 * The first layout with respondent and sign-off cells on the Guide: in an older workbook those
 * rows hold other text (the toolkit's label, the guide's first lines), which is not an answer.
 */
export const GUIDE_DETAILS_SINCE_LAYOUT = 3;

/**
 * The first layout with the council type and region pickers on the Guide: in an older workbook those
 * rows are blank or hold the guide's first lines, which are not answers.
 */
export const GUIDE_PEERS_SINCE_LAYOUT = 4;

/**
 * Columns several sheets share, declared once: a sheet picks them (pickColumns) in its own order, and changes a
 * width where its own layout needs it.
 */
const COLUMN = {
  returnNumber: { header: SHARED.returnNumber, width: 8 },
  council: { header: SHARED.council, width: 22 },
  respondent: { header: SHARED.respondent, width: 20 },
  role: { header: SHARED.role, width: 20 },
  councilType: { header: SHARED.councilType, width: 16 },
  region: { header: SHARED.region, width: 16 },
  assessmentDate: { header: SHARED.assessmentDate, width: 14, format: "date" },
  toolkitVersion: { header: SHARED.toolkitVersion, width: 16 },
  theme: { header: SHARED.theme, width: 24 },
  keyArea: { header: SHARED.keyArea, width: 30 },
  id: { header: SHARED.id, width: 13 },
  behaviour: { header: SHARED.behaviour, width: 34 },
  currentLevel: { header: SHARED.currentLevel, width: 13, format: "level" },
  currentScore: { header: SHARED.currentScore, width: 9, format: "score" },
  targetLevel: { header: SHARED.targetLevel, width: 13, format: "level" },
  targetScore: { header: SHARED.targetScore, width: 9, format: "score" },
  gap: { header: SHARED.gap, width: 7, format: "score" },
  /** Free text: formatted as text ("@") where it is typed or kept, never where a formula shows it (Data). */
  evidence: { header: SHARED.evidence, width: 40 },
  owner: { header: SHARED.owner, width: 18 },
  reviewDate: { header: SHARED.reviewDate, width: 12, format: "date" },
  /** Last year's current level and score, and the change since (current score less previous). */
  previousLevel: { header: SHARED.previousLevel, width: 13, format: "level" },
  previousScore: { header: SHARED.previousScore, width: 9, format: "score" },
  change: { header: SHARED.change, width: 8, format: "score" },
  /** Whether a return is signed off (final) or a draft. */
  finalOrDraft: { header: SHARED.finalOrDraft, width: 10 },
} as const satisfies Record<string, ColumnSpec>;

/**
 * Key area sheets: the key area's introduction above, the grid's header row, the principle row, then one row per
 * behaviour from firstBehaviourRow. The columns, from A: the toolkit's text, the answer columns a reader reads (the
 * inputs: current … review date) and the scores the formulas derive from them. The inputs are unlocked and checked
 * as answers; the level and date inputs carry a picker or a date rule.
 */
export const KEY_AREA = {
  headerRow: 7,
  principleRow: 8,
  firstBehaviourRow: 9,
  // The widths add up so that the sheet, fitted to one A3 page wide, keeps its text at 7 pt on paper (print.ts): the
  // Previous columns took the room from the level descriptions, evidence and owner (a print area without them would
  // give it back: not built yet).
  ...columnLayout({
    id: { header: KEY_AREA_HEADER.id, width: 13 },
    behaviour: { header: KEY_AREA_HEADER.behaviour, width: 24 },
    /** The five level descriptors, Minimum first, headed by the toolkit's level names. */
    descriptors: { header: KEY_AREA_HEADER.descriptors, width: 30, span: LEVEL_COUNT },
    // Last year's answers (src/core/cycle), locked: always present, so that every formula, the Data table and the
    // checker have one shape; empty in a workbook not started from last year's. Each stands just left of this
    // year's column (layout 5), so an officer reads last year's answer and gives this year's beside it, left to
    // right as time runs, the descriptors still next to the levels, and this year's inputs stay two unlocked runs.
    previousCurrent: { header: KEY_AREA_HEADER.previousCurrent, width: 9, format: "text" },
    previousTarget: { header: KEY_AREA_HEADER.previousTarget, width: 9, format: "text" },
    current: { ...COLUMN.currentLevel, width: 13, role: "input" },
    target: { ...COLUMN.targetLevel, width: 13, role: "input" },
    previousEvidence: { header: KEY_AREA_HEADER.previousEvidence, width: 14, format: "text" },
    evidence: { ...COLUMN.evidence, width: 32, format: "text", role: "input" },
    owner: { ...COLUMN.owner, width: 14, format: "text", role: "input" },
    reviewDate: { ...COLUMN.reviewDate, width: 12, role: "input" },
    currentScore: { ...COLUMN.currentScore, width: 8, role: "formula" },
    targetScore: { ...COLUMN.targetScore, width: 8, role: "formula" },
    gap: { ...COLUMN.gap, width: 7, role: "formula" },
    // The progress since last year: last year's score, and the current score less it.
    previousScore: { ...COLUMN.previousScore, width: 9, role: "formula" },
    change: { ...COLUMN.change, width: 7, role: "formula" },
  }),
} as const;

/** A key area sheet's named columns. */
export type KeyAreaColumn = keyof typeof KEY_AREA.columns;

/** The first layout with the Previous columns on the key area sheets: in an older one those cells are not ours. */
export const PREVIOUS_SINCE_LAYOUT = 4;

/**
 * The key area columns of older layouts, in their order from column A, each with the last layout that had it:
 * a reader finds an older workbook's answers where that layout put them (the same columns, the same headers).
 * Layouts 1 to 4 stood still (layout 4 added the Previous columns after the scores); layout 5 moved the Previous
 * columns beside the pickers. A layout before 4 has no Previous columns: hasPreviousColumns says so.
 */
const OLDER_KEY_AREA_ORDERS: readonly { upToLayout: number; order: readonly KeyAreaColumn[] }[] = [
  {
    upToLayout: 4,
    order: [
      "id",
      "behaviour",
      "descriptors",
      "current",
      "target",
      "evidence",
      "owner",
      "reviewDate",
      "currentScore",
      "targetScore",
      "gap",
      "previousCurrent",
      "previousTarget",
      "previousScore",
      "change",
      "previousEvidence",
    ],
  },
];

/** The first layout with today's key area columns: a workbook of an older one is upgraded, not compared with them. */
export const KEY_AREA_COLUMNS_SINCE_LAYOUT = Math.max(...OLDER_KEY_AREA_ORDERS.map((older) => older.upToLayout)) + 1;

const OLDER_KEY_AREA_COLUMNS = OLDER_KEY_AREA_ORDERS.map(({ upToLayout, order }) => ({
  upToLayout,
  columns: columnLayout(pickColumns(KEY_AREA.specs, order)).columns,
}));

/**
 * Where an older layout put the key area columns, for a workbook stamped with `layoutVersion`; undefined when they
 * stand where KEY_AREA puts them: this layout, a newer one, or no stamp (which the checker reports).
 */
export function olderKeyAreaColumns(
  layoutVersion: string | undefined,
): Readonly<Record<KeyAreaColumn, number>> | undefined {
  const layout = Number(layoutVersion);
  if (!layoutVersion || !Number.isInteger(layout)) return undefined;
  return OLDER_KEY_AREA_COLUMNS.find(({ upToLayout }) => layout <= upToLayout)?.columns;
}

/** Retired answers sheet: behaviour answers the toolkit no longer has, one row each below the header, as typed. */
export const RETIRED = namedTable(3, {
  id: { ...COLUMN.id, width: 16 },
  current: { ...COLUMN.currentLevel, width: 14, role: "input" },
  target: { ...COLUMN.targetLevel, width: 14, role: "input" },
  evidence: { ...COLUMN.evidence, width: 60, format: "text", role: "input" },
  owner: { ...COLUMN.owner, width: 20, format: "text", role: "input" },
  reviewDate: { ...COLUMN.reviewDate, width: 13, role: "input" },
});

/**
 * Moderation: one row per behaviour below the header. The columns named here come first, so they stand still
 * whatever the number of respondents; each respondent's current and target levels follow them, side by side,
 * from `firstRespondentColumn` (two columns per respondent, in the order of the sources in the metadata).
 */
export const MODERATION = {
  ...namedTable(5, {
    ...pickColumns(COLUMN, ["id", "keyArea", "behaviour"]),
    lowestCurrent: { header: MODERATION_HEADER.lowestCurrent, width: 10 },
    highestCurrent: { header: MODERATION_HEADER.highestCurrent, width: 10 },
    currentSpread: { header: MODERATION_HEADER.currentSpread, width: 10 },
    agreedCurrentScore: { header: MODERATION_HEADER.agreedCurrentScore, width: 10 },
    agreedCurrent: { header: MODERATION_HEADER.agreedCurrent, width: 13 },
    lowestTarget: { header: MODERATION_HEADER.lowestTarget, width: 10 },
    highestTarget: { header: MODERATION_HEADER.highestTarget, width: 10 },
    targetSpread: { header: MODERATION_HEADER.targetSpread, width: 10 },
    agreedTargetScore: { header: MODERATION_HEADER.agreedTargetScore, width: 10 },
    agreedTarget: { header: MODERATION_HEADER.agreedTarget, width: 13 },
    differ: { header: MODERATION_HEADER.differ, width: 22 },
    outside: { header: MODERATION_HEADER.outside, width: 24 },
    note: { header: MODERATION_HEADER.note, width: 40 },
  }),
  respondentWidth: 13,
  /** A spread of this many levels or more is left for the meeting to agree, and flagged. */
  flagSpread: 2,
} as const;

/** The first column of the respondents' levels on the Moderation sheet. */
export const MODERATION_RESPONDENTS_FROM = MODERATION.columnCount + 1;

/**
 * The source returns of a moderation, on the metadata sheet beside its properties (columns D to G, header in
 * row 1): file, respondent, role and the fingerprint of the answers as moderated.
 */
export const MODERATION_SOURCES = {
  column: 4,
  ...namedTable(1, {
    file: { header: SOURCE_HEADER.file, width: 30 },
    respondent: { header: SOURCE_HEADER.respondent, width: 20 },
    role: { header: SOURCE_HEADER.role, width: 20 },
    answersFingerprint: { header: SOURCE_HEADER.answersFingerprint, width: 70 },
  }),
} as const;

/** Excel's limit on the text of one cell: merged evidence is cut to it, with a note. */
export const CELL_TEXT_LIMIT = 32767;

/** Summary: one row per key area, a row per theme after its key areas, and the overall row last. */
export const SUMMARY = namedTable(5, {
  label: { header: SUMMARY_HEADER.label, width: 48 },
  scope: { header: SUMMARY_HEADER.scope, width: 11 },
  behaviours: { header: SUMMARY_HEADER.behaviours, width: 11 },
  assessed: { header: SUMMARY_HEADER.assessed, width: 10 },
  invalid: { header: SUMMARY_HEADER.invalid, width: 10 },
  averageCurrent: { header: SUMMARY_HEADER.averageCurrent, width: 10 },
  averageTarget: { header: SUMMARY_HEADER.averageTarget, width: 10 },
  averageGap: { header: SUMMARY_HEADER.averageGap, width: 10 },
  weakestCurrent: { header: SUMMARY_HEADER.weakestCurrent, width: 10 },
  typicalLevel: { header: SUMMARY_HEADER.typicalLevel, width: 13 },
  assuredLevel: { header: SUMMARY_HEADER.assuredLevel, width: 13 },
  /** The count of behaviours with both a current and a target level: what average target and gap are over. */
  bothLevels: { header: SUMMARY_HEADER.bothLevels, width: 11 },
  /** Average of last year's current scores, over the behaviours with one. */
  previousAverageCurrent: { header: SUMMARY_HEADER.previousAverageCurrent, width: 11 },
  /** Average change of the behaviours with a current level this year and last (blank ones left out). */
  change: { header: SUMMARY_HEADER.change, width: 9 },
});

/**
 * Actions: the NPS_Actions table, the council's action plan, one row per action below its header. The behaviour's
 * name, key area, levels and gap are looked up by the behaviour ID typed (sort-safe); the rest is the user's.
 */
export const ACTIONS = namedTable(4, {
  id: { ...COLUMN.id, width: 14 },
  behaviour: { ...COLUMN.behaviour, width: 30 },
  keyArea: { ...COLUMN.keyArea, width: 24 },
  currentLevel: COLUMN.currentLevel,
  targetLevel: COLUMN.targetLevel,
  gap: COLUMN.gap,
  action: { header: ACTIONS_HEADER.action, width: 40 },
  owner: COLUMN.owner,
  dueDate: { header: ACTIONS_HEADER.dueDate, width: 12 },
  status: { header: ACTIONS_HEADER.status, width: 13 },
  note: { header: ACTIONS_HEADER.note, width: 36 },
});

/** The statuses an action may have, in the order the picker lists them. */
export const ACTION_STATUSES = [STATUS.notStarted, STATUS.inProgress, STATUS.done, STATUS.dropped] as const;
/** The statuses of an action that is finished with: never overdue, not carried into next year's plan. */
export const CLOSED_ACTION_STATUSES = [STATUS.done, STATUS.dropped] as const;

/**
 * Summary's actions block, below the chart data (its own rows, apart from the main table, whose columns grow):
 * the actions by status, then the date overdue is counted at (the day the add-in last wrote the workbook: a formula
 * cannot know today without recalculating on every change) and the overdue count.
 * Offsets are rows from the block's first row; the labels are in column A and the figures in column B.
 */
export const SUMMARY_ACTIONS = {
  titleOffset: 0,
  headerOffset: 1,
  /** The four statuses, then actions with no status and those whose status is not one of the four. */
  firstStatusOffset: 2,
  noStatusLabel: workbookWords.summary.actions.noStatus,
  notAStatusLabel: workbookWords.summary.actions.notAStatus,
  allLabel: workbookWords.summary.actions.all,
  asAtLabel: workbookWords.summary.actions.asAt,
  overdueLabel: workbookWords.summary.actions.overdue,
  /** Rows of the Actions sheet the figures count, from its first body row: far more than any plan has. */
  rowsCounted: 10_000,
} as const;

/** Gaps: one row per behaviour, in toolkit order as generated (users sort and filter it). */
export const GAPS = namedTable(4, {
  order: { header: GAPS_HEADER.order, width: 5 },
  id: COLUMN.id,
  keyArea: { ...COLUMN.keyArea, width: 26 },
  behaviour: { ...COLUMN.behaviour, width: 30 },
  currentLevel: COLUMN.currentLevel,
  targetLevel: COLUMN.targetLevel,
  currentScore: COLUMN.currentScore,
  targetScore: COLUMN.targetScore,
  gap: COLUMN.gap,
  status: { header: GAPS_HEADER.status, width: 14 },
  nextLevel: { header: GAPS_HEADER.nextLevel, width: 13 },
  // 46 rather than 60 since Gaps gained the previous level, score and change: the sheet stays on A4 at 7 pt (print.ts).
  nextDescriptor: { header: GAPS_HEADER.nextDescriptor, width: 46 },
  priority: { header: GAPS_HEADER.priority, width: 9, format: "score" },
  ...pickColumns(COLUMN, ["previousLevel", "previousScore", "change"]),
});

/** A behaviour's columns in the tidy tables (Data, Group Data), in their order there. */
const BEHAVIOUR_COLUMNS = [
  "theme",
  "keyArea",
  "id",
  "behaviour",
  "currentLevel",
  "currentScore",
  "targetLevel",
  "targetScore",
  "gap",
  "evidence",
  "owner",
] as const;

/** Data: the NPS_Data table, its header in row 1 and one row per behaviour. */
export const DATA = namedTable(
  1,
  pickColumns(COLUMN, [
    "council",
    "assessmentDate",
    "toolkitVersion",
    ...BEHAVIOUR_COLUMNS,
    "reviewDate",
    "previousLevel",
    "previousScore",
    "change",
  ]),
);

/** Group Data: the NPS_GroupData table, its header in row 1 and one row per return × behaviour. */
export const GROUP_DATA = namedTable(1, {
  ...pickColumns(COLUMN, [
    "returnNumber",
    "council",
    "respondent",
    "role",
    "councilType",
    "region",
    "assessmentDate",
    "toolkitVersion",
    ...BEHAVIOUR_COLUMNS,
    // Last year's current level and the change since, where the return was started from last year's (blank where not).
    "previousLevel",
    "previousScore",
    "change",
  ]),
  sourceFile: { header: workbookWords.groupData.headers.sourceFile, width: 30 },
  status: COLUMN.finalOrDraft,
  /** How many respondents a moderated return was agreed from (src/core/moderate); blank for one respondent's return. */
  moderatedFrom: { header: workbookWords.groupData.headers.moderatedFrom, width: 14 },
});

/**
 * Group Actions: the NPS_GroupActions table, its header in row 1 and one row per action of every return used, as
 * each council typed it (src/core/consolidate/group-actions.ts). Action, owner and note are text whatever they hold.
 */
export const GROUP_ACTIONS = namedTable(1, {
  returnNumber: COLUMN.returnNumber,
  council: { ...COLUMN.council, format: "text" },
  respondent: { ...COLUMN.respondent, format: "text" },
  id: { ...COLUMN.id, width: 14 },
  behaviour: { ...COLUMN.behaviour, width: 30 },
  keyArea: { ...COLUMN.keyArea, width: 24 },
  action: { ...ACTIONS.specs.action, format: "text" },
  owner: { ...COLUMN.owner, format: "text" },
  dueDate: { ...ACTIONS.specs.dueDate, format: "date" },
  status: ACTIONS.specs.status,
  note: { ...ACTIONS.specs.note, format: "text" },
});

/** Consolidation Log: one row per file given, in the order given, below a title and a count line. */
export const CONSOLIDATION_LOG = namedTable(4, {
  file: { header: LOG_HEADER.file, width: 34, format: "text" },
  outcome: { header: LOG_HEADER.outcome, width: 16 },
  returnNumber: COLUMN.returnNumber,
  // File, council and respondent names come from other workbooks: text, whatever they hold.
  council: { ...COLUMN.council, format: "text" },
  respondent: { ...COLUMN.respondent, format: "text" },
  ...pickColumns(COLUMN, ["assessmentDate", "toolkitVersion"]),
  status: COLUMN.finalOrDraft,
  errors: { header: LOG_HEADER.errors, width: 8, format: "score" },
  warnings: { header: LOG_HEADER.warnings, width: 9, format: "score" },
  notes: { header: LOG_HEADER.notes, width: 8, format: "score" },
  reason: { header: LOG_HEADER.reason, width: 80 },
});

/**
 * Group Summary: key areas and themes down, returns across. Two blocks with the same rows and columns:
 * each return's average current score (numbers, with the group's statistics and a colour scale), then
 * each return's typical level (names). The return numbers head each block, its labels below them.
 */
export const GROUP_SUMMARY = {
  returnNumberRow: 5,
  headerRow: 6,
  firstRow: 7,
  columns: { label: 1, scope: 2, firstReturn: 3 },
  labelHeader: SUMMARY.header.label,
  scopeHeader: SUMMARY.header.scope,
  widths: { label: 44, scope: 10, return: 16, statistic: 10 },
  /**
   * The group's statistics over a row's return averages, in their column order after the returns. A score
   * statistic is on the level scale (it has a typical level below and the score colours); the spread is a
   * difference of scores, coloured the other way round.
   */
  statistics: [
    { key: "mean", header: workbookWords.groupSummary.statistics.mean, score: true },
    { key: "lowest", header: workbookWords.groupSummary.statistics.lowest, score: true },
    { key: "highest", header: workbookWords.groupSummary.statistics.highest, score: true },
    { key: "spread", header: workbookWords.groupSummary.statistics.spread, score: false },
  ],
} as const;

/** Text shown in a score cell when the level typed is not one of the five names. */
export const NOT_A_LEVEL = workbookWords.notALevel;

/** Metadata sheet: property names in column A, values in column B, from row 2. */
export const METADATA_KEYS = [
  "toolkitId",
  "toolkitVersion",
  "toolkitFingerprint",
  "layoutVersion",
  "generator",
  "generatorVersion",
  "created",
  "updated",
  /** Who signed the answers off and on what date (ISO); empty until Sign off. */
  "signedOffBy",
  "signedOffOn",
  /** SHA-256 of the answers at sign-off (src/core/assessment/sign-off.ts); empty until Sign off. */
  "answersFingerprint",
  /**
   * Where the Previous columns' answers came from (src/core/cycle): the file's name, its assessment date
   * (ISO) and the fingerprint of the previous answers as written; empty when the workbook was not started
   * from last year's.
   */
  "previousFile",
  "previousAssessmentDate",
  "previousAnswersFingerprint",
] as const;
export type MetadataKey = (typeof METADATA_KEYS)[number];

export const GENERATOR_NAME = "NPS Toolkit for Excel";
