/**
 * A writer's own output against its plan, exactly: the strict comparison the writers' tests hold each
 * writer to. The checker (compareWithPlan in src/core/check/compare-plan.ts) leaves a user their
 * inputs, their own rows and what LibreOffice saves differently; a writer has no user, so here
 * nothing is anybody's: every planned sheet (the retired answers and the metadata included) in its
 * planned state, every cell at its planned address (inputs too, formulas by meaning as the checker
 * compares them), every cell the plan leaves empty empty, every lock and picker the reader reports as
 * planned, and the defined names exactly the plan's (names on a user's own sheets aside).
 */
import { sameFormula } from "../../src/core/check/formula-tokens";
import { isErrorValue, shown } from "../../src/core/check/findings";
import type { RuleId } from "../../src/core/check/types";
import { plannedCells } from "../../src/core/plan/planned-cells";
import {
  isFormula,
  type PlanCell,
  type SheetPlan,
  type Validation,
  type WorkbookPlan,
} from "../../src/core/plan/types";
import { guardedCells } from "../../src/core/snapshot/guarded-cells";
import { normaliseReference, sheetOfReference } from "../../src/core/snapshot/references";
import type { SnapshotCell, SnapshotSheet, SnapshotValidation, WorkbookSnapshot } from "../../src/core/snapshot/types";
import { cellAddress, cellsIn } from "../../src/core/util/a1";

/** One way the workbook differs from its plan, named by the checker's rule for it. */
export interface Difference {
  rule: RuleId;
  sheet?: string;
  cell?: string;
  expected: string;
  found: string;
}

const EMPTY = "(empty)";

/** Every difference between a snapshot of a writer's output and its plan, sheet by sheet, then the names. */
export function exactDifferences(plan: WorkbookPlan, snapshot: WorkbookSnapshot): Difference[] {
  const differences: Difference[] = [];
  for (const sheet of plan.sheets) {
    const actual = snapshot.sheets.find((s) => s.name === sheet.name);
    if (!actual)
      differences.push({ rule: "structure.sheet-missing", sheet: sheet.name, expected: sheet.name, found: "none" });
    else differences.push(...sheetDifferences(sheet, actual, snapshot.names));
  }
  return [...differences, ...nameDifferences(plan, snapshot)];
}

function sheetDifferences(sheet: SheetPlan, actual: SnapshotSheet, names: Record<string, string>): Difference[] {
  const at = { sheet: sheet.name };
  const differences: Difference[] = [];
  const isProtected = sheet.protection !== undefined;
  if (actual.protected !== undefined && actual.protected !== isProtected)
    differences.push({
      ...at,
      rule: isProtected ? "protection.sheet-unprotected" : "protection.sheet-protected",
      expected: String(isProtected),
      found: String(actual.protected),
    });
  if (actual.visibility !== sheet.visibility)
    differences.push({
      ...at,
      rule: actual.visibility === "visible" ? "structure.sheet-visible" : "structure.sheet-hidden",
      expected: sheet.visibility,
      found: actual.visibility,
    });
  return [...differences, ...cellDifferences(sheet, actual), ...guardDifferences(sheet, actual, names)];
}

/** Every planned cell at its address, then every filled cell the plan leaves empty. */
function cellDifferences(sheet: SheetPlan, actual: SnapshotSheet): Difference[] {
  const planned = new Map<string, PlanCell>();
  for (const [row, cells] of plannedCells(sheet))
    for (const [column, cell] of cells) planned.set(cellAddress(row, column), cell);
  const differences: Difference[] = [];
  for (const [address, expected] of planned) {
    const rule = cellRule(expected, actual.cells[address]);
    if (rule)
      differences.push({
        rule,
        sheet: sheet.name,
        cell: address,
        expected: String(expected),
        found: shown(actual.cells[address]),
      });
  }
  for (const [address, cell] of Object.entries(actual.cells))
    if (!planned.has(address) && (cell.formula !== undefined || (cell.value !== null && cell.value !== "")))
      differences.push({
        rule: "content.text-edited",
        sheet: sheet.name,
        cell: address,
        expected: EMPTY,
        found: shown(cell),
      });
  return differences;
}

/** The rule a cell breaks, or undefined when it holds what the plan writes. */
function cellRule(expected: PlanCell, found: SnapshotCell | undefined): RuleId | undefined {
  if (isFormula(expected)) {
    if (found?.formula === undefined || !sameFormula(expected.formula, found.formula)) return "formula.changed";
    return isErrorValue(found.value) ? "formula.error-value" : undefined;
  }
  if (found === undefined || found.formula !== undefined) return "content.text-edited";
  const same =
    typeof expected === "number"
      ? typeof found.value === "number" && Math.abs(found.value - expected) < 1e-9
      : found.value === expected;
  return same ? undefined : "content.text-edited";
}

/** The locks and pickers of the cells the reader looked at (guardedCells), each as the plan sets it. */
function guardDifferences(sheet: SheetPlan, actual: SnapshotSheet, names: Record<string, string>): Difference[] {
  const locks = new Map<string, boolean>();
  for (const { range, style } of sheet.styles)
    if (style.locked !== undefined) for (const address of cellsIn(range)) locks.set(address, style.locked);
  const validations = new Map<string, Validation>();
  for (const validation of sheet.validations)
    for (const address of cellsIn(validation.range)) validations.set(address, validation);
  const differences: Difference[] = [];
  const validated = actual.validations ? guardedCells(actual.name, names, actual.cells).validated : [];
  for (const address of validated) {
    const expected = validations.get(address);
    const found = actual.validations?.[address];
    if (expected && !samePicker(expected, found))
      differences.push({
        rule: expected.type === "list" ? "answer.picker-missing" : "answer.date-rule-missing",
        sheet: sheet.name,
        cell: address,
        expected: JSON.stringify(expected),
        found: JSON.stringify(found ?? null),
      });
  }
  for (const [address, locked] of Object.entries(actual.locked ?? {})) {
    const expected = locks.get(address) ?? true;
    if (expected !== locked)
      differences.push({
        rule: expected ? "protection.cell-unlocked" : "protection.input-locked",
        sheet: sheet.name,
        cell: address,
        expected: expected ? "locked" : "unlocked",
        found: locked ? "locked" : "unlocked",
      });
  }
  return differences;
}

function samePicker(expected: Validation, found: SnapshotValidation | undefined): boolean {
  if (found?.type !== expected.type || found.alert !== "stop") return false;
  return expected.type !== "list" || found.list?.join(", ") === expected.values.join(", ");
}

/** Every planned name where the plan points it, and no other name into the plan's sheets. */
function nameDifferences(plan: WorkbookPlan, snapshot: WorkbookSnapshot): Difference[] {
  const differences: Difference[] = [];
  for (const { name, reference } of plan.names) {
    const expected = normaliseReference(reference);
    const found = snapshot.names[name];
    if (found !== expected) differences.push({ rule: "structure.name-changed", expected, found: found ?? "none" });
  }
  const planned = new Set(plan.names.map((n) => n.name));
  const plannedSheets = new Set(plan.sheets.map((s) => s.name));
  const usersSheets = new Set(snapshot.sheets.map((s) => s.name).filter((name) => !plannedSheets.has(name)));
  for (const [name, found] of Object.entries(snapshot.names))
    if (!planned.has(name) && !usersSheets.has(sheetOfReference(found) ?? ""))
      differences.push({ rule: "structure.name-changed", expected: "none", found });
  return differences;
}
