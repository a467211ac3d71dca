import { workbookWords } from "../words/workbook";

const NAMES = workbookWords.sheetNames;

/**
 * The names the workbook's own sheets take by default, by plan key. Declared here, below the plan, because a
 * toolkit's key area sheet must not take one of them (schema.ts); the plan's layout (plan/layout.ts) uses them.
 */
export const SHEET_NAMES = {
  guide: NAMES.guide,
  summary: NAMES.summary,
  gaps: NAMES.gaps,
  data: NAMES.data,
  actions: NAMES.actions,
  retired: NAMES.retired,
  /** Several respondents' levels side by side, made by moderation (src/core/moderate); not in every assessment. */
  moderation: NAMES.moderation,
  metadata: "NPS_Metadata",
  /** The findings of a check, added on request (src/core/check/report-sheet.ts); not part of the assessment. */
  checkReport: NAMES.checkReport,
  groupSummary: NAMES.groupSummary,
  groupData: NAMES.groupData,
  groupActions: NAMES.groupActions,
  consolidationLog: NAMES.consolidationLog,
} as const;
