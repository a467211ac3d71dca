/** Plans for tests and their cells: no engine needed (test/support/recalculate-plan.ts adds LibreOffice). */
import type { Answers } from "../../src/core/plan/answer-types";
import { buildWorkbookPlan, type PlanOptions } from "../../src/core/plan/build-plan";
import { locatePlanCell } from "../../src/core/plan/locate";
import { isFormula, type PlanCell, type WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import type { Toolkit } from "../../src/core/toolkit/schema";
import type { SnapshotCell, WorkbookSnapshot } from "../../src/core/snapshot/types";
import { normaliseReference } from "../../src/core/snapshot/references";
import { cellAddress, parseCell } from "../../src/core/util/a1";

export const FIXED_NOW = new Date("2026-11-25T09:00:00Z");

/** Every behaviour of `toolkit` below its target (Minimum, aiming at Mature), none with an action. */
export const allGapsAnswers = (toolkit: Toolkit = canonicalToolkit()): Answers => ({
  behaviours: Object.fromEntries(
    toolkit.themes
      .flatMap((t) => t.keyAreas)
      .flatMap((k) => k.behaviours)
      .map((behaviour) => [behaviour.id, { current: "Minimum", target: "Mature" }]),
  ),
});

/**
 * Plans made, per toolkit object, by their answers and options, kept per test file: tests ask for the same plan many
 * times, and each gets its own copy to edit. An option given as undefined is kept apart from one left out (it replaces the default).
 */
const made = new WeakMap<Toolkit, Map<string, WorkbookPlan>>();
const UNDEFINED = { undefined: "given as undefined" };
const planKey = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v === undefined ? UNDEFINED : v));

export function plan(
  answers: Answers,
  options: Partial<PlanOptions> = {},
  toolkit: Toolkit = canonicalToolkit(),
): WorkbookPlan {
  const all = { now: FIXED_NOW, assessmentDate: "2026-11-25", ...options };
  // jest's jsdom environment has no structuredClone to copy with: there, every plan is made afresh.
  if (typeof structuredClone !== "function") return buildWorkbookPlan(toolkit, answers, all);
  const byToolkit = made.get(toolkit) ?? new Map<string, WorkbookPlan>();
  made.set(toolkit, byToolkit);
  const key = planKey([answers, all]);
  let found = byToolkit.get(key);
  if (!found) {
    found = buildWorkbookPlan(toolkit, answers, all);
    byToolkit.set(key, found);
  }
  return structuredClone(found);
}

/** The plan's cell at an address of the sheet with `key`, from its blocks. */
export function planCell(workbook: WorkbookPlan, key: string, address: string): PlanCell | undefined {
  const found = locate(workbook, key, address);
  return found ? found.line[found.index] : undefined;
}

function locate(workbook: WorkbookPlan, key: string, address: string) {
  const sheet = workbook.sheets.find((s) => s.key === key);
  const { row, column } = parseCell(address);
  return sheet ? locatePlanCell(sheet, row, column) : undefined;
}

/**
 * What a user does in Excel when they paste past the level picker: puts any text in an input cell.
 * Done on the plan, so the file under test is exactly what the writer makes of it.
 */
export function typeInto(workbook: WorkbookPlan, key: string, address: string, text: string): void {
  const found = locate(workbook, key, address);
  if (!found) throw new Error(`${key}!${address} is not in the plan`);
  if (isFormula(found.line[found.index])) throw new Error(`${address} holds a formula, not an input`);
  found.line[found.index] = text;
}

/** What a reader would return for a workbook holding exactly `plan` (formulas without computed values). */
export function planSnapshot(workbook: WorkbookPlan): WorkbookSnapshot {
  return {
    sheets: workbook.sheets.map((sheet) => {
      const cells: Record<string, SnapshotCell> = {};
      for (const block of sheet.blocks) {
        const origin = parseCell(block.at);
        block.cells.forEach((line, r) =>
          line.forEach((cell, c) => {
            const address = cellAddress(origin.row + r, origin.column + c);
            if (isFormula(cell)) cells[address] = { value: null, formula: cell.formula };
            else if (cell !== null && cell !== "") cells[address] = { value: cell };
          }),
        );
      }
      return { name: sheet.name, visibility: sheet.visibility, cells };
    }),
    names: Object.fromEntries(workbook.names.map((n) => [n.name, normaliseReference(n.reference)])),
  };
}
