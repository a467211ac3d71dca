/// <reference types="office-js" />
/**
 * The check in Excel: the status and the check read the assessment in one sync, the same snapshot
 * the three-sync reader gives; "Go to cell" activates and selects; the check report is a table on
 * the add-in's own sheet, text stays text, and neither the checker nor an upgrade touches it.
 */
import { sampleAnswers } from "../../src/core/answers/sample";
import { checkWorkbook } from "../../src/core/check/check";
import { REPORT_COLUMNS } from "../../src/core/check/report";
import { CHECK_REPORT_TABLE, NO_FINDINGS } from "../../src/core/check/report-sheet";
import type { CheckResult, Finding } from "../../src/core/check/types";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { KEY_AREA } from "../../src/core/plan/layout";
import type { WorkbookPlan } from "../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../src/core/snapshot/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { knownToolkits } from "../../src/core/toolkit/registry";
import { cellAddress } from "../../src/core/util/a1";
import { readWorkbookSnapshot } from "../../src/office/read-snapshot";
import { queueWorkbookPlan } from "../support/queue-plan";
import { FakeExcel, FakeOfficeError } from "../fakes/excel-fake";
import { cellKey } from "../fakes/excel/state";
import {
  DETAILS,
  hostFor,
  NOW,
  nextVersion,
  noProgress,
  readForCheck as readCheckedSheets,
  sampleWorkbook as sharedSampleWorkbook,
  userSheetsOf,
} from "./fixtures";

const toolkit = canonicalToolkit();
const area = toolkit.themes[0].keyAreas[0];
const firstRow = KEY_AREA.firstBehaviourRow;
const C = KEY_AREA.columns;
const at = (column: number, row: number = firstRow) => cellAddress(row, column);
const TODAY = "2025-03-01";

/** A sample assessment as an earlier build leaves it; `edit` changes its plan first (then it is written afresh). */
async function sampleWorkbook(edit?: (plan: WorkbookPlan) => void): Promise<FakeExcel> {
  if (!edit) return sharedSampleWorkbook(toolkit, TODAY);
  const fake = new FakeExcel();
  const plan = buildWorkbookPlan(toolkit, sampleAnswers(toolkit, TODAY), { now: NOW });
  edit(plan);
  await fake.run(async (context) => {
    await queueWorkbookPlan(context, plan, { existing: new Map(), existingNames: new Set(), excelApi19: true });
    await context.sync();
  });
  return fake;
}

/** The one-sync read as the host runs it. */
const readForCheck = (fake: FakeExcel) => readCheckedSheets(fake, toolkit);

/** The three-sync reader's snapshot of the same sheets (it reads every sheet). */
async function readWhole(fake: FakeExcel, ours: WorkbookSnapshot): Promise<WorkbookSnapshot> {
  const whole = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
  const names = new Set(ours.sheets.map((s) => s.name));
  return { ...whole, sheets: whole.sheets.filter((s) => names.has(s.name)) };
}

/**
 * The snapshot without the tables and charts that only the check's read loads (the step-by-step reader reads
 * cells, protection and guards): those are compared with the plan in disguise-host.test.ts.
 */
function withoutFurniture(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const { tables: _tables, charts: _charts, ...rest } = snapshot;
  return rest;
}

async function syncsOf<T>(fake: FakeExcel, work: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const mark = fake.syncs.length;
  const result = await work();
  return { result, syncs: fake.syncs.length - mark };
}

const rulesOf = (findings: Finding[]) => findings.map((f) => ({ rule: f.rule, sheet: f.sheet?.name, cell: f.cell }));

describe("the check reads the assessment in one sync", () => {
  test("a generated workbook: status and check in 1 sync each, the same snapshot as the 3-sync reader", async () => {
    const fake = await sampleWorkbook();
    const steps: string[] = [];
    const { result, syncs } = await syncsOf(
      fake,
      async () => (await hostFor(fake).check((p) => steps.push(p.step))).check,
    );
    expect(syncs).toBe(1);
    expect(result?.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(steps).toEqual(["Reading your workbook", "Checking it against the toolkit", "Finished"]);
    expect((await syncsOf(fake, () => hostFor(fake).status())).syncs).toBe(1);

    const one = await readForCheck(fake);
    // The key areas, and Guide, Summary, Gaps, Data, Actions and the metadata.
    expect(one.sheets.length).toBe(toolkit.themes.flatMap((t) => t.keyAreas).length + 6);
    expect(one.tables?.map((t) => t.name).sort()).toEqual(["NPS_Actions", "NPS_Data"]);
    expect(withoutFurniture(one)).toEqual(await readWhole(fake, one));
    // The guarded cells are there, not merely absent on both sides.
    const sheet = one.sheets.find((s) => s.name === area.sheetName)!;
    expect(sheet.protected).toBe(true);
    expect(sheet.locked).toMatchObject({ [at(C.descriptors)]: true, [at(C.current)]: false });
    expect(sheet.validations?.[at(C.current)]).toMatchObject({ type: "list", alert: "stop" });
  });

  test("renamed sheets are followed through their names, still in 1 sync", async () => {
    const fake = await sampleWorkbook();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(area.sheetName).name = "Leadership (our view)";
      context.workbook.worksheets.getItem("Summary").name = "Résumé";
      await context.sync();
    });
    const { result, syncs } = await syncsOf(fake, async () => (await hostFor(fake).check(noProgress)).check);
    expect(syncs).toBe(1);
    const one = await readForCheck(fake);
    expect(one.sheets.map((s) => s.name)).toContain("Leadership (our view)");
    expect(withoutFurniture(one)).toEqual(await readWhole(fake, one));
    expect(result).toEqual(checkWorkbook(one, knownToolkits(), { today: TODAY }));
    // Renamed in Excel, the sheets still check clean: the Guide's list of sheets is text that Excel does not
    // update, and the name the generator gave a sheet stands there as well as its new one.
    expect(result?.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("status() on a tampered workbook reports the check's findings, cell by cell", async () => {
    const fake = await sampleWorkbook((plan) => {
      const sheet = plan.sheets.find((s) => s.name === area.sheetName)!;
      // The picker pasted away on the first behaviour's current level, the sheet left unprotected.
      sheet.validations = sheet.validations.flatMap((v) =>
        v.range.startsWith(`${at(C.current).replace(/\d+/, "")}${firstRow}:`)
          ? [{ ...v, range: v.range.replace(`${firstRow}:`, `${firstRow + 1}:`) }]
          : [v],
      );
      delete sheet.protection;
    });
    // A descriptor edited by hand.
    fake.seedCell(fake.sheet(area.sheetName), at(C.descriptors), "We do what we like");
    const { result: status, syncs } = await syncsOf(fake, () => hostFor(fake).status());
    expect(syncs).toBe(1);
    expect(status.existing).not.toBeNull();
    const found = rulesOf(status.check!.findings);
    expect(found).toContainEqual({
      rule: "content.descriptor-edited",
      sheet: area.sheetName,
      cell: at(C.descriptors),
    });
    expect(found).toContainEqual({ rule: "answer.picker-missing", sheet: area.sheetName, cell: at(C.current) });
    expect(found).toContainEqual({ rule: "protection.sheet-unprotected", sheet: area.sheetName, cell: undefined });
    // The same findings as checking the 3-sync reader's snapshot.
    const whole = await readWhole(fake, await readForCheck(fake));
    expect(status.check).toEqual(checkWorkbook(whole, knownToolkits(), { today: TODAY }));
  });

  test("a deleted key area sheet: its name is #REF!, the read still takes 1 sync and the check says so", async () => {
    const fake = await sampleWorkbook();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(area.sheetName).delete();
      await context.sync();
    });
    const { result, syncs } = await syncsOf(fake, async () => (await hostFor(fake).check(noProgress)).check);
    expect(syncs).toBe(1);
    expect(rulesOf(result!.findings)).toContainEqual({
      rule: "structure.sheet-missing",
      sheet: area.sheetName,
      cell: undefined,
    });
  });

  test("rows typed below the last behaviour: one more sync for their guarded cells, same snapshot", async () => {
    const fake = await sampleWorkbook();
    const last = firstRow + area.behaviours.length + 20;
    fake.seedCell(fake.sheet(area.sheetName), at(C.evidence, last), "A note far below");
    const { syncs } = await syncsOf(fake, () => readForCheck(fake));
    expect(syncs).toBe(2);
    const one = await readForCheck(fake);
    expect(Object.keys(one.sheets.find((s) => s.name === area.sheetName)!.locked!)).toContain(at(C.current, last));
    expect(withoutFurniture(one)).toEqual(await readWhole(fake, one));
  });

  test("a descriptor a user unlocked: its column's locks differ, so one more sync asks cell by cell", async () => {
    const fake = await sampleWorkbook((plan) => {
      plan.sheets
        .find((s) => s.name === area.sheetName)!
        .styles.push({
          range: at(C.descriptors + 1, firstRow + 1),
          style: { locked: false },
        });
    });
    const { result, syncs } = await syncsOf(fake, async () => (await hostFor(fake).check(noProgress)).check);
    expect(syncs).toBe(2);
    expect(rulesOf(result!.findings)).toContainEqual({
      rule: "protection.cell-unlocked",
      sheet: area.sheetName,
      cell: at(C.descriptors + 1, firstRow + 1),
    });
    const one = await readForCheck(fake);
    expect(withoutFurniture(one)).toEqual(await readWhole(fake, one));
  });

  test("should Excel refuse the one-sync read, the step-by-step read gives the same snapshot", async () => {
    const fake = await sampleWorkbook();
    const one = await readForCheck(fake);
    fake.failNextSync = new FakeOfficeError("InvalidObjectPath", "The object path is not valid.");
    const { result, syncs } = await syncsOf(fake, () => readForCheck(fake));
    expect(syncs).toBe(1 + 3);
    expect(result).toEqual(one);
  });

  test("no assessment: nothing to check, in 1 sync", async () => {
    const fake = new FakeExcel();
    fake.seedSheet("Budget", { A1: "Mine" });
    const { result, syncs } = await syncsOf(fake, () => hostFor(fake).status());
    expect(result).toEqual({ existing: null, check: null });
    expect(syncs).toBe(1);
  });

  test("a read-only workbook can be checked (the check changes nothing)", async () => {
    const fake = await sampleWorkbook();
    fake.state.readOnly = true;
    expect((await hostFor(fake).check(noProgress)).check?.toolkit).toEqual({
      id: toolkit.id,
      version: toolkit.version,
    });
  });
});

describe("Go to cell", () => {
  test("activates the finding's sheet and selects its cell, in one batch after finding the sheet", async () => {
    const fake = await sampleWorkbook();
    expect(fake.activeSheetName()).toBe("Guide");
    const { syncs } = await syncsOf(fake, () => hostFor(fake).selectCell(area.sheetName, at(C.current)));
    expect(syncs).toBe(2);
    expect(fake.activeSheetName()).toBe(area.sheetName);
    expect(fake.selection()).toEqual({ sheet: area.sheetName, address: at(C.current) });
  });

  test("a finding without a cell opens its sheet", async () => {
    const fake = await sampleWorkbook();
    await hostFor(fake).selectCell("Summary");
    expect(fake.activeSheetName()).toBe("Summary");
    expect(fake.selection()).toBeNull();
  });

  test("a sheet that is gone or hidden is explained", async () => {
    const fake = await sampleWorkbook();
    await expect(hostFor(fake).selectCell("Nowhere", "A1")).rejects.toMatchObject({
      message: expect.stringMatching(/no longer in this workbook/),
    });
    await expect(hostFor(fake).selectCell("NPS_Metadata", "B2")).rejects.toMatchObject({
      message: expect.stringMatching(/^The add-in's hidden data sheet is kept hidden/),
      nextStep: expect.stringMatching(/Repair/),
    });
    // Named by what it is: its internal name is not for officers.
    await expect(hostFor(fake).selectCell("NPS_Metadata", "B2")).rejects.not.toMatchObject({
      message: expect.stringContaining("NPS_"),
    });
    fake.seedSheet("Old notes", {}, "Hidden");
    await expect(hostFor(fake).selectCell("Old notes", "A1")).rejects.toMatchObject({
      message: expect.stringMatching(/is hidden/),
      nextStep: expect.stringMatching(/Unhide/),
    });
  });
});

const textOf = (fake: FakeExcel, sheet: string, address: string) => {
  const cell = fake.cell(sheet, address);
  return cell?.kind === "text" ? cell.text : cell;
};

/** A finding whose texts are what users typed: each would become a formula or a number if written as typed. */
const typedFinding: Finding = {
  rule: "answer.not-a-level",
  severity: "error",
  sheet: { role: "keyArea", key: `keyArea:${area.id}`, name: area.sheetName },
  cell: at(C.current),
  message: '=HYPERLINK("http://example.com","Click")',
  expected: "+44 20 7664 3000",
  found: "-1",
  repairable: false,
};

describe("the check report", () => {
  test("writes the findings as an Excel table on a new sheet, every value as text", async () => {
    const fake = await sampleWorkbook();
    const result: CheckResult = { findings: [typedFinding], toolkit: { id: toolkit.id, version: toolkit.version } };
    const name = await hostFor(fake).addCheckReport(result);
    expect(name).toBe("Check report");
    expect(fake.activeSheetName()).toBe("Check report");
    const sheet = fake.sheet(name);
    expect(sheet.tables.map((t) => t.name)).toEqual([CHECK_REPORT_TABLE]);
    const header = sheet.tables[0].rect.top;
    REPORT_COLUMNS.forEach((column, i) => expect(textOf(fake, name, cellAddress(header, i + 1))).toBe(column.header));
    expect(textOf(fake, name, "A1")).toBe("Check report");
    expect(textOf(fake, name, "A4")).toBe("1 error, 0 warnings, 0 notes");
    const row = (column: string) => cellAddress(header + 1, REPORT_COLUMNS.findIndex((c) => c.header === column) + 1);
    expect(fake.cell(name, row("Finding"))).toEqual({ kind: "text", text: typedFinding.message, quotePrefix: true });
    expect(fake.cell(name, row("Expected"))).toEqual({ kind: "text", text: "+44 20 7664 3000", quotePrefix: true });
    expect(fake.cell(name, row("Found"))).toEqual({ kind: "text", text: "-1", quotePrefix: true });
    expect(textOf(fake, name, row("Cell"))).toBe(at(C.current));
    expect(fake.state.names.find((n) => n.name === "NPS_Sheet_checkReport")?.formula).toBe("='Check report'!$A$1");
  });

  test("a check with no findings still makes a table, with one row that says so", async () => {
    const fake = await sampleWorkbook();
    const name = await hostFor(fake).addCheckReport({ findings: [] });
    const table = fake.sheet(name).tables[0];
    expect(table.rect.bottom - table.rect.top).toBe(1);
    expect(
      textOf(fake, name, cellAddress(table.rect.top + 1, REPORT_COLUMNS.findIndex((c) => c.header === "Finding") + 1)),
    ).toBe(NO_FINDINGS);
  });

  test("a later report replaces the add-in's own, even renamed, keeping its table", async () => {
    const fake = await sampleWorkbook();
    const host = hostFor(fake);
    const check = (await host.check(noProgress)).check!;
    await host.addCheckReport(check);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Check report").name = "Findings March";
      await context.sync();
    });
    const tableId = fake.sheet("Findings March").tables[0].id;
    const sheetCount = fake.state.sheets.length;
    const { result: name, syncs } = await syncsOf(fake, () =>
      host.addCheckReport({ findings: [typedFinding, typedFinding] }),
    );
    expect(name).toBe("Findings March");
    expect(syncs).toBe(3);
    expect(fake.state.sheets).toHaveLength(sheetCount);
    const table = fake.sheet(name).tables[0];
    expect(table.id).toBe(tableId);
    expect(table.rect.bottom - table.rect.top).toBe(2);
  });

  test('never takes over a user\'s sheet called "Check report"', async () => {
    const fake = await sampleWorkbook();
    const mine = fake.seedSheet("Check report", { A1: "My own notes" });
    const before = userSheetsOf(fake, [mine.id]);
    const { result: name, syncs } = await syncsOf(fake, () => hostFor(fake).addCheckReport({ findings: [] }));
    expect(name).toBe("Check report (2)");
    expect(syncs).toBe(2);
    expect(userSheetsOf(fake, [mine.id])).toEqual(before);
    // And the next report replaces the add-in's, not the user's.
    expect(await hostFor(fake).addCheckReport({ findings: [typedFinding] })).toBe("Check report (2)");
    expect(userSheetsOf(fake, [mine.id])).toEqual(before);
  });

  test("a report the user deleted: the next one is a new sheet, and its name points at it again", async () => {
    const fake = await sampleWorkbook();
    await hostFor(fake).addCheckReport({ findings: [] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Check report").delete();
      await context.sync();
    });
    expect(fake.state.names.find((n) => n.name === "NPS_Sheet_checkReport")?.formula).toMatch(/#REF!/);
    expect(await hostFor(fake).addCheckReport({ findings: [typedFinding] })).toBe("Check report");
    expect(fake.state.names.filter((n) => n.name === "NPS_Sheet_checkReport").map((n) => n.formula)).toEqual([
      "='Check report'!$A$1",
    ]);
  });

  test("the checker does not report the report sheet, and an upgrade leaves it as it is", async () => {
    const fake = await sampleWorkbook();
    const host = hostFor(fake);
    const before = (await host.check(noProgress)).check!;
    await host.addCheckReport({ findings: [typedFinding] });
    const { result: after, syncs } = await syncsOf(fake, async () => (await host.check(noProgress)).check);
    expect(syncs).toBe(1);
    expect(after).toEqual(before);
    const report = fake.sheet("Check report");
    const kept = userSheetsOf(fake, [report.id]);
    const outcome = await hostFor(fake, nextVersion(toolkit)).buildOrUpgrade(DETAILS, noProgress);
    expect(outcome.action).toBe("upgraded");
    expect(outcome.notes.join(" ")).not.toMatch(/Check report/);
    expect(userSheetsOf(fake, [report.id])).toEqual(kept);
    expect(fake.sheet("Check report").cells.get(cellKey(1, 1))).toMatchObject({ text: "Check report" });
  });
});
