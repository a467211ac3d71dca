/**
 * One snapshot, two readers: the same plan written by each writer and read back by each reader gives
 * the same snapshot, so the checker, upgrades and consolidation see the same workbook either way.
 */
import { KEY_AREA } from "../../src/core/plan/layout";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { queueWorkbookPlan } from "../support/queue-plan";
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
    sheets: snapshot.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: cells(s.cells),
      protected: s.protected,
      locked: s.locked,
      validations: s.validations,
    })),
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
  // The new fields are there, not merely absent on both sides.
  const area = fromXlsx.sheets.find((s) => s.name === toolkit.themes[0].keyAreas[0].sheetName)!;
  expect(area.protected).toBe(true);
  const { current, reviewDate, previousCurrent } = KEY_AREA.letters;
  expect(area.locked).toMatchObject({ C9: true, [`${current}9`]: false, [`${reviewDate}9`]: false });
  expect(area.locked).toMatchObject({ [`${previousCurrent}9`]: true });
  expect(area.validations?.[`${current}9`]).toEqual({ type: "list", list: [...toolkit.levels], alert: "stop" });
  expect(area.validations?.[`${reviewDate}9`]).toEqual({ type: "date", alert: "stop" });
});

test("both readers see the same removed picker, unlocked descriptor, locked input and lifted protection", async () => {
  const answers = sampleAnswers(toolkit, "2026-04-01");
  const fake = new FakeExcel();
  const plan = buildWorkbookPlan(toolkit, answers, { now: new Date("2026-04-01T09:00:00Z") });
  const area = plan.sheets.find((s) => s.role === "keyArea")!;
  const { current, evidence } = KEY_AREA.letters;
  // A picker pasted over in one cell, a different alert on another, one descriptor unlocked, one input locked.
  area.validations = area.validations.flatMap((v) =>
    v.range === `${current}9:${current}12`
      ? [
          { ...v, range: `${current}9` },
          { ...v, range: `${current}11:${current}12` },
        ]
      : [v],
  );
  area.styles.push({ range: "D10", style: { locked: false } }, { range: `${evidence}11`, style: { locked: true } });
  delete area.protection;
  await fake.run(async (context) => {
    await queueWorkbookPlan(context, plan, { existing: new Map(), existingNames: new Set(), excelApi19: true });
    await context.sync();
  });
  const office = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
  const fromOffice = { ...office, sheets: office.sheets.filter((s) => plan.sheets.some((p) => p.name === s.name)) };
  const fromXlsx = await readSnapshotFromBuffer(await writePlanToBuffer(plan));
  expect(comparable(fromXlsx)).toEqual(comparable(fromOffice));
  const read = fromXlsx.sheets.find((s) => s.name === area.name)!;
  expect(read.protected).toBe(false);
  expect(read.validations?.[`${current}10`]).toBeUndefined();
  expect(read.validations?.[`${current}11`]).toBeDefined();
  expect(read.locked).toMatchObject({ D10: false, D11: true, [`${evidence}11`]: true, [`${evidence}10`]: false });
});
