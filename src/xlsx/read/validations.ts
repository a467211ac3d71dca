import { parseRange } from "../../core/util/a1";
import type { SnapshotValidation } from "../../core/snapshot/types";
import { xsdBoolean } from "./sax";

/** A <dataValidation> element: its rule and the ranges (sqref) it covers. */
export interface ValidationRule {
  /** The `type` attribute; absent means "any value", which is no rule at all. */
  type: string | undefined;
  /** The text of <formula1>, e.g. "\"Minimum,Developing\"" for an inline list. */
  formula: string | undefined;
  errorStyle: string | undefined;
  showErrorMessage: boolean;
  ranges: { top: number; left: number; bottom: number; right: number }[];
}

/** A range of A1 cells, "B8" or "B8:D12", as sqref and mergeCell ref should hold. */
export const isCellRange = (text: string): boolean => /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(text);

export function validationRule(attributes: Record<string, string>): ValidationRule {
  return {
    type: attributes.type,
    formula: undefined,
    errorStyle: attributes.errorStyle,
    showErrorMessage: xsdBoolean(attributes.showErrorMessage, false),
    // A range that is not A1 cells ("A:A", a typo) covers nothing here, as ExcelJS reads nothing from it.
    ranges: (attributes.sqref ?? "").split(/\s+/).filter(isCellRange).map(parseRange),
  };
}

/** An inline list's items from its formula, "\"Minimum,Developing\""; undefined for a list drawn from cells. */
function inlineListItems(formula: string | undefined): string[] | undefined {
  const text = formula ?? "";
  return /^".*"$/.test(text) ? text.slice(1, -1).split(",") : undefined;
}

export function snapshotValidation(rule: ValidationRule): SnapshotValidation {
  const type = rule.type === "list" || rule.type === "date" ? rule.type : "other";
  const alert = !rule.showErrorMessage
    ? "none"
    : rule.errorStyle === "warning" || rule.errorStyle === "information"
      ? rule.errorStyle
      : "stop";
  const list = type === "list" ? inlineListItems(rule.formula) : undefined;
  return { type, ...(list ? { list } : {}), alert };
}

/**
 * The validation of one cell: where rules overlap, the last in the part wins (as ExcelJS, which
 * keeps one rule per cell); a rule of type "any" is none.
 */
export function validationAt(
  rules: readonly ValidationRule[],
  row: number,
  column: number,
): SnapshotValidation | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    const covers = rule.ranges.some((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right);
    if (covers) return rule.type === undefined || rule.type === "any" ? undefined : snapshotValidation(rule);
  }
  return undefined;
}
