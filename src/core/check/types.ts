import type { SheetRole } from "../plan/types";

/**
 * Error: a figure on Summary, Gaps or Data cannot be trusted, or the text is not the canonical
 * toolkit's. Warning: the figures stand, but something needs attention before sign-off. Info:
 * worth knowing.
 */
export type Severity = "error" | "warning" | "info";

/** Every rule the checker applies; IDs are stable once released (reports and scripts key on them). */
export const RULES = {
  "identity.not-an-assessment": "error",
  "identity.metadata-missing": "error",
  "identity.metadata-unreadable": "error",
  "identity.unknown-toolkit": "error",
  "identity.fingerprint-mismatch": "error",
  "identity.upgrade-available": "warning",
  "identity.layout-outdated": "warning",
  "structure.sheet-missing": "error",
  "structure.column-missing": "error",
  "structure.column-moved": "error",
  "structure.column-duplicated": "error",
  "structure.row-missing": "error",
  "structure.row-moved": "error",
  "structure.row-duplicated": "error",
  "structure.row-unknown": "error",
  "structure.row-inserted": "warning",
  "structure.row-deleted": "warning",
  "structure.sheet-visible": "info",
  "structure.sheet-hidden": "info",
  "structure.name-changed": "warning",
  "content.key-area-text-edited": "error",
  "content.principle-edited": "error",
  "content.behaviour-name-edited": "error",
  "content.descriptor-edited": "error",
  "content.level-header-edited": "error",
  "content.text-edited": "error",
  "answer.not-a-level": "error",
  "answer.error-value": "error",
  "answer.level-written-differently": "info",
  "answer.picker-missing": "warning",
  "answer.date-rule-missing": "warning",
  "answer.not-listed": "warning",
  "answer.evidence-missing": "warning",
  "answer.review-date-not-a-date": "error",
  "answer.review-date-past": "warning",
  "answer.target-below-current": "warning",
  "answer.key-area-incomplete": "info",
  "formula.changed": "error",
  "formula.error-value": "error",
  "formula.saved-value-differs": "error",
  "protection.sheet-unprotected": "warning",
  "protection.sheet-protected": "info",
  "protection.cell-unlocked": "warning",
  "protection.input-locked": "warning",
  "signoff.answers-changed": "warning",
  "signoff.not-recorded": "warning",
  "signoff.signed-off": "info",
  "previous.changed": "warning",
  "disguise.number-format": "error",
  "disguise.value-hidden": "warning",
  "disguise.text-hidden": "warning",
  "disguise.row-hidden": "warning",
  "disguise.column-hidden": "warning",
  "structure.table-missing": "error",
  "structure.table-range-changed": "error",
  "structure.chart-missing": "warning",
  "structure.chart-data-changed": "error",
  "active.macros": "error",
  "active.embedded-object": "error",
  "active.external-link": "error",
  "names.unknown-sheet-name": "error",
  "names.unknown": "warning",
  "names.sheet-not-read": "error",
  "names.sheet-scoped": "warning",
  "answer.retired-not-counted": "warning",
  "settings.manual-calculation": "error",
  "settings.precision-as-displayed": "error",
  "settings.date-1904": "error",
  "answer.formula-in-input": "error",
  "answer.input-merged": "error",
  "structure.id-not-exact": "error",
  "moderation.agreed-outside-range": "warning",
  "moderation.source-changed": "warning",
  "moderation.source-not-moderated": "info",
  "action.formula-changed": "warning",
  "action.unknown-behaviour": "warning",
  "action.due-date-not-a-date": "warning",
  "action.status-not-in-list": "warning",
  "action.overdue": "warning",
  "action.gap-without-action": "info",
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;

/** Which sheet a finding is on: its role in the assessment ("other" for a user's own) and its current name. */
export interface FindingSheet {
  role: SheetRole | "other";
  /** The plan key ("keyArea:SL-ECSM"), for grouping by key area. */
  key?: string;
  name: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet?: FindingSheet;
  /** A1 address on `sheet`. */
  cell?: string;
  /** The key area whose sheet the finding is on, named in full (see places.ts). */
  keyArea?: { id: string; name: string };
  /** The behaviour whose row `cell` is on, on a key area sheet (see places.ts). */
  behaviour?: { id: string; name: string };
  /** Plain English, for the person who signs the return off. */
  message: string;
  expected?: string;
  found?: string;
  /** Whether a repair (regenerating from the canonical toolkit with the answers carried) fixes it. */
  repairable: boolean;
}

export interface CheckResult {
  findings: Finding[];
  /** The toolkit the workbook was checked against, when it could be identified. */
  toolkit?: { id: string; version: string };
}
