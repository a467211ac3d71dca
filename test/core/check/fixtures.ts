import { writeFile } from "fs/promises";
import * as path from "path";
import { sampleAnswers } from "../../../src/core/answers/sample";
import type { Answers } from "../../../src/core/plan/answer-types";
import { isRefusal, planSignedOffCopy } from "../../../src/core/sign-off/sign-off";
import { checkWorkbook } from "../../../src/core/check/check";
import type { Finding } from "../../../src/core/check/types";
import { buildWorkbookPlan, type PlanOptions } from "../../../src/core/plan/build-plan";
import { locatePlanCell } from "../../../src/core/plan/locate";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import { parseCell } from "../../../src/core/util/a1";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import type { Toolkit } from "../../../src/core/toolkit/schema";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { tempDir } from "../../support/fixtures";
import { recalculate } from "../../support/libreoffice";
import { planSnapshot } from "../../support/plan-cells";

export const toolkit = canonicalToolkit();
/** "Today" for the checks: review dates before it are past. */
export const TODAY = "2026-11-26";
export const NOW = new Date("2026-11-26T09:00:00Z");

/**
 * A plan of its own to tamper with: the plan shares arrays with the generator's constants (header
 * rows), so changing them in place would change what the checker expects too.
 */
export function planWith(answers: Answers = { behaviours: {} }, options: Partial<PlanOptions> = {}): WorkbookPlan {
  return structuredClone(buildWorkbookPlan(toolkit, answers, { now: NOW, assessmentDate: "2026-11-01", ...options }));
}

export const samplePlan = (options: Partial<PlanOptions> = {}) =>
  planWith(sampleAnswers(toolkit, "2026-11-01"), options);

/** Who signs the corpus's returns off, and when. */
export const SIGNED = { by: "Sam Lead", on: "2026-11-20" };

/** `plan` signed off through the sign-off use case (as the command line and the host do it), a plan of its own. */
export function signedOff(plan: WorkbookPlan): WorkbookPlan {
  const snapshot = planSnapshot(plan);
  // The corpus's returns are not all complete: signed off as --allow-incomplete would.
  const copy = planSignedOffCopy({
    snapshot,
    toolkit,
    request: { ...SIGNED, now: NOW, allowIncomplete: true },
    check: checkWorkbook(snapshot, knownToolkits(), { today: TODAY }),
  });
  if (isRefusal(copy)) throw new Error(copy.message);
  return structuredClone(copy.planned.plan);
}

export async function snapshotOf(plan: WorkbookPlan): Promise<WorkbookSnapshot> {
  return readSnapshotFromBuffer(await writePlanToBuffer(plan));
}

export function check(snapshot: WorkbookSnapshot, registry: readonly Toolkit[] = knownToolkits()): Finding[] {
  return checkWorkbook(snapshot, registry, { today: TODAY }).findings;
}

/** Writes the plan, reads the file back with the product's .xlsx reader and checks it. */
export async function checkPlan(plan: WorkbookPlan, registry?: readonly Toolkit[]): Promise<Finding[]> {
  return check(await snapshotOf(plan), registry);
}

/** The findings a person must act on before sign-off. */
export const errorsAndWarnings = (findings: Finding[]) => findings.filter((f) => f.severity !== "info");

/** What a tamper test pins down about a finding. */
export const where = (f: Finding) => ({ rule: f.rule, sheet: f.sheet?.name, cell: f.cell, severity: f.severity });

/** A finding as `where` shows it, in the order a report line reads: the rule, at sheet!cell, of this severity. */
export const expectedFinding = (
  rule: Finding["rule"],
  sheet: string | undefined,
  cell: string | undefined,
  severity: Finding["severity"],
): ReturnType<typeof where> => ({ rule, sheet, cell, severity });

let resaved: Promise<{ generated: string; resaved: string }> | undefined;

/** A sample workbook as generated, and the same file opened and saved by LibreOffice (made once per test file). */
export function generatedAndResaved(): Promise<{ generated: string; resaved: string }> {
  resaved ??= (async () => {
    const generated = path.join(tempDir("nps-check-"), "sample.xlsx");
    await writeFile(generated, await writePlanToBuffer(samplePlan()));
    return { generated, resaved: await recalculate(generated) };
  })();
  return resaved;
}

/** The plan's sheet with this key. */
export const sheetOf = (plan: WorkbookPlan, key: string) => plan.sheets.find((s) => s.key === key) as SheetPlan;

/** Puts a value in a planned cell of the sheet with this key (a block covers every cell the generator writes). */
export function setPlanCell(plan: WorkbookPlan, key: string, address: string, value: PlanCell): void {
  const { row, column } = parseCell(address);
  const found = locatePlanCell(sheetOf(plan, key), row, column);
  if (!found) throw new Error(`${key}!${address} is not in the plan`);
  found.line[found.index] = value;
}
