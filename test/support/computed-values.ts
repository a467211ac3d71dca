/**
 * Real computed values for the fake's formula cells: the plan is written as .xlsx, recalculated by
 * LibreOffice Calc, and each formula cell of the fake gets LibreOffice's result, so reads through the
 * fake return what a spreadsheet computes and their response sizes are real.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import type { FakeExcel } from "../fakes/excel-fake";
import { readComputed, recalculate, type ComputedValue } from "./libreoffice";
import { dateToSerial } from "../../src/core/util/dates";

const asCellValue = (value: ComputedValue) => (value instanceof Date ? dateToSerial(value) : value);

/** What LibreOffice computes in `plan`'s cells, sheet by sheet, as the fake's cell values (dates as serials). */
export type CellValues = Record<string, Record<string, string | number | boolean | null>>;

/** LibreOffice's results for `plan`, to give a fake (or several fakes holding the same plan) with setComputedValues. */
export async function valuesInLibreOffice(plan: WorkbookPlan): Promise<CellValues> {
  const dir = mkdtempSync(path.join(tmpdir(), "nps-computed-"));
  try {
    const file = path.join(dir, "plan.xlsx");
    writeFileSync(file, await writePlanToBuffer(plan));
    const computed = await readComputed(await recalculate(file, { outDir: path.join(dir, "out") }));
    return Object.fromEntries(
      Object.entries(computed).map(([sheet, cells]) => [
        sheet,
        Object.fromEntries(Object.entries(cells).map(([address, value]) => [address, asCellValue(value)])),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Gives the fake's formula cells LibreOffice's results for `plan`; returns how many cells got one. */
export async function computeInLibreOffice(fake: FakeExcel, plan: WorkbookPlan): Promise<number> {
  return fake.setComputedValues(await valuesInLibreOffice(plan));
}
