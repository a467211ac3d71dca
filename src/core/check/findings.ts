import type { SnapshotCell } from "../snapshot/types";
import { RULES, type Finding, type FindingSheet, type RuleId } from "./types";

/** What a rule found, where, in the words the person signing the return off reads. */
export interface FindingFields {
  rule: RuleId;
  sheet?: FindingSheet;
  /** A1 address on `sheet`. */
  cell?: string;
  message: string;
  expected?: string;
  found?: string;
  repairable: boolean;
}

/** A finding of `rule`, with the rule's severity. */
export function finding({ rule, sheet, cell, message, expected, found, repairable }: FindingFields): Finding {
  return {
    rule,
    severity: RULES[rule],
    ...(sheet ? { sheet } : {}),
    ...(cell ? { cell } : {}),
    message,
    ...(expected !== undefined ? { expected } : {}),
    ...(found !== undefined ? { found } : {}),
    repairable,
  };
}

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

/** Whether a cell's value is a spreadsheet error (#REF!, #N/A…) rather than text or a number. */
export const isErrorValue = (value: SnapshotCell["value"] | undefined): boolean =>
  typeof value === "string" && ERROR_VALUES.has(value.toUpperCase());

/** A cell's content as a person would see it in the formula bar, for "found" in a finding. */
export function shown(cell: SnapshotCell | undefined): string {
  if (!cell) return "(empty)";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  return cell.value === null ? "(empty)" : String(cell.value);
}
