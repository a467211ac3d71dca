import type { SnapshotCell } from "../snapshot/types";
import { RULES, type Finding } from "./types";

/** What a rule found, where, in the words the person signing the return off reads: a finding but its severity. */
export type FindingFields = Omit<Finding, "severity">;

/** A finding of `rule`, with the rule's severity. */
export function finding({
  rule,
  sheet,
  cell,
  message,
  expected,
  found,
  repairable,
  behaviour,
}: FindingFields): Finding {
  return {
    rule,
    severity: RULES[rule],
    ...(sheet ? { sheet } : {}),
    ...(cell ? { cell } : {}),
    message,
    ...(expected !== undefined ? { expected } : {}),
    ...(found !== undefined ? { found } : {}),
    repairable,
    ...(behaviour ? { behaviour } : {}),
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
