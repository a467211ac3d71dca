/**
 * One snapshot, two readers: the same plan written by each writer and read back by each reader gives
 * the same snapshot, so the checker, upgrades and consolidation see the same workbook either way.
 */
import { sampleAnswers } from "../../src/core/answers/sample";
import type { SnapshotCell, WorkbookSnapshot } from "../../src/core/snapshot/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { readWorkbookSnapshot } from "../../src/office/read-snapshot";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { FakeExcel } from "../fakes/excel-fake";
import { writePlanWithAnswers } from "../office/fixtures";

const toolkit = canonicalToolkit();

/**
 * Formula results are left out: neither the in-memory Excel nor a file that no spreadsheet has
 * calculated yet holds them. Everything else must match exactly.
 */
function comparable(snapshot: WorkbookSnapshot) {
  const cells = (record: Record<string, SnapshotCell>) =>
    Object.fromEntries(
      Object.entries(record).map(([address, cell]) => [
        address,
        cell.formula !== undefined ? { formula: cell.formula } : { value: cell.value },
      ]),
    );
  return {
    names: snapshot.names,
    sheets: snapshot.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: cells(s.cells) })),
  };
}

test("the Office reader and the .xlsx reader give the same snapshot of the same plan", async () => {
  const answers = sampleAnswers(toolkit, "2026-04-01");
  answers.behaviours["SL-ECSM-01"] = {
    ...answers.behaviours["SL-ECSM-01"],
    evidence: "=not a formula",
    owner: "+44 20 7664 3000",
  };
  const fake = new FakeExcel();
  const plan = await writePlanWithAnswers(fake, toolkit, answers, { council: 'O\'Brien "Borough" Council' });
  const planned = new Set(plan.sheets.map((s) => s.name));
  const office = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
  // The in-memory Excel starts, like Excel, with an empty Sheet1 the plan did not make.
  const fromOffice = { ...office, sheets: office.sheets.filter((s) => planned.has(s.name)) };
  const fromXlsx = await readSnapshotFromBuffer(await writePlanToBuffer(plan));
  expect(comparable(fromXlsx)).toEqual(comparable(fromOffice));
});
