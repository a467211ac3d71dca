import { writeFileSync } from "fs";
import * as path from "path";
import type { Answers } from "../../src/core/answers/types";
import { buildWorkbookPlan, type PlanOptions } from "../../src/core/plan/build-plan";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { findErrorValues, readComputed, recalculate, type ComputedWorkbook } from "../support/libreoffice";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { tempDir } from "../support/fixtures";

// In their own file so that tests which only edit plans do not load LibreOffice's helpers (npm run test:fast).
export { planCell, typeInto } from "./plan-cells";

export const FIXED_NOW = new Date("2026-11-25T09:00:00Z");

export function plan(
  answers: Answers,
  options: Partial<PlanOptions> = {},
  toolkit: Toolkit = canonicalToolkit(),
): WorkbookPlan {
  return buildWorkbookPlan(toolkit, answers, { now: FIXED_NOW, assessmentDate: "2026-11-25", ...options });
}

/** Writes the plan, checks the file is clean, recalculates it in LibreOffice and returns every computed value. */
export async function writeCheckAndRecalculate(
  workbook: WorkbookPlan,
  name = "assessment.xlsx",
): Promise<{ file: string; computed: ComputedWorkbook }> {
  const file = path.join(tempDir(), name);
  writeFileSync(file, await writePlanToBuffer(workbook));
  await expectWorkbookClean(file);
  const computed = await readComputed(await recalculate(file));
  const errors = findErrorValues(computed);
  if (errors.length > 0) throw new Error(`Error values after recalculation: ${JSON.stringify(errors.slice(0, 20))}`);
  return { file, computed };
}

/** A row of computed values, columns A.. up to `last`, with blanks as "". */
export function rowValues(
  computed: ComputedWorkbook,
  sheet: string,
  row: number,
  last = "O",
): (string | number | boolean)[] {
  const values: (string | number | boolean)[] = [];
  for (let c = 65; c <= last.charCodeAt(0); c++) {
    const value = computed[sheet]?.[`${String.fromCharCode(c)}${row}`];
    values.push(value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : value);
  }
  return values;
}
