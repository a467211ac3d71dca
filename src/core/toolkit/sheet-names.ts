/**
 * The names the workbook's own sheets take by default, by plan key. Declared here, below the plan, because a
 * toolkit's key area sheet must not take one of them (schema.ts); the plan's layout (plan/layout.ts) uses them.
 */
export const SHEET_NAMES = {
  guide: "Guide",
  summary: "Summary",
  gaps: "Gaps",
  data: "Data",
  actions: "Actions",
  retired: "Retired answers",
  /** Several respondents' levels side by side, made by moderation (src/core/moderate); not in every assessment. */
  moderation: "Moderation",
  metadata: "NPS_Metadata",
  /** The findings of a check, added on request (src/core/check/report-sheet.ts); not part of the assessment. */
  checkReport: "Check report",
  groupSummary: "Group Summary",
  groupData: "Group Data",
  groupActions: "Group Actions",
  consolidationLog: "Consolidation Log",
} as const;
