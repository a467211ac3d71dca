/// <reference types="office-js" />
/**
 * Disguise and links read in Excel: the check's one-sync read carries each cell's number format
 * (ExcelApi 1.1), so a format that shows another figure, or none, is found in Excel as in a file; a
 * formula linking to another workbook shows in the formulas it reads. What Office.js cannot show
 * at the manifest's ExcelApi 1.8 (a package's parts: macros, objects, link parts; fonts, fills and
 * hidden rows, which need 1.9's getCellProperties and getRowProperties) the snapshot leaves absent,
 * and the checker then says nothing of it rather than guess.
 */
import { checkWorkbook } from "../../src/core/check/check";
import type { WorkbookSnapshot } from "../../src/core/snapshot/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { knownToolkits } from "../../src/core/toolkit/registry";
import { FakeExcel } from "../fakes/excel-fake";
import {
  DETAILS,
  hostFor,
  noProgress,
  readForCheck as readCheckedSheets,
  sampleWorkbook as sharedSampleWorkbook,
} from "./fixtures";

const toolkit = canonicalToolkit();
const AREA = toolkit.themes[0].keyAreas[0].sheetName;
const TODAY = "2025-03-01";

const sampleWorkbook = () => sharedSampleWorkbook(toolkit, TODAY);

async function readForCheck(fake: FakeExcel): Promise<{ snapshot: WorkbookSnapshot; syncs: number }> {
  const before = fake.syncs.length;
  const snapshot = await readCheckedSheets(fake, toolkit);
  return { snapshot, syncs: fake.syncs.length - before };
}

const actionable = (snapshot: WorkbookSnapshot) =>
  checkWorkbook(snapshot, knownToolkits(), { today: TODAY })
    .findings.filter((f) => f.severity !== "info")
    .map((f) => ({ rule: f.rule, sheet: f.sheet?.name, cell: f.cell, severity: f.severity }));

test("a generated workbook read in one sync checks clean, number formats and all", async () => {
  const { snapshot, syncs } = await readForCheck(await sampleWorkbook());
  expect(syncs).toBe(1);
  expect(snapshot.sheets.find((s) => s.name === AREA)?.looks?.looks.map((l) => l.numberFormat)).toContain("0");
  expect(actionable(snapshot)).toEqual([]);
});

test("number formats set in Excel that disguise a score or hide it are found, still in one sync", async () => {
  const fake = await sampleWorkbook();
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(AREA);
    sheet.protection.unprotect();
    sheet.getRange("P9").numberFormat = [['[=1]"3";0']];
    sheet.getRange("Q9").numberFormat = [[";;;"]];
    await context.sync();
  });
  const { snapshot, syncs } = await readForCheck(fake);
  expect(syncs).toBe(1);
  expect(actionable(snapshot)).toEqual([
    { rule: "protection.sheet-unprotected", sheet: AREA, cell: undefined, severity: "warning" },
    { rule: "disguise.number-format", sheet: AREA, cell: "P9", severity: "error" },
    { rule: "disguise.value-hidden", sheet: AREA, cell: "Q9", severity: "warning" },
  ]);
});

test("a formula linking to another workbook is found in Excel too; the package's parts are not there to see", async () => {
  const fake = await sampleWorkbook();
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Summary");
    sheet.protection.unprotect();
    sheet.getRange("C6").formulas = [["='C:\\Returns\\[Other.xlsx]Sheet1'!$A$1"]];
    await context.sync();
  });
  const { snapshot } = await readForCheck(fake);
  expect(snapshot.parts).toBeUndefined();
  const links = actionable(snapshot).filter((f) => f.rule === "active.external-link");
  expect(links).toEqual([{ rule: "active.external-link", sheet: "Summary", cell: "C6", severity: "error" }]);
});

test("NPS_Data renamed and the radar chart deleted in Excel are found in the same one-sync read", async () => {
  const fake = await sampleWorkbook();
  await fake.run(async (context) => {
    context.workbook.tables.getItem("NPS_Data").name = "Renamed";
    const summary = context.workbook.worksheets.getItem("Summary");
    const charts = summary.charts.load("items/name");
    await context.sync();
    summary.protection.unprotect();
    for (const chart of charts.items) chart.delete();
    summary.protection.protect();
    await context.sync();
  });
  const { snapshot, syncs } = await readForCheck(fake);
  expect(syncs).toBe(1);
  expect(actionable(snapshot)).toEqual([
    { rule: "structure.chart-missing", sheet: "Summary", cell: "A20", severity: "warning" },
    { rule: "structure.table-missing", sheet: "Data", cell: "A1", severity: "error" },
  ]);
});

test("repair in Excel gives the disguised cells the plan's formats again, and the check comes back clean", async () => {
  const fake = await sampleWorkbook();
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(AREA);
    sheet.protection.unprotect();
    sheet.getRange("P9").numberFormat = [['[=1]"3";0']];
    sheet.getRange("C9").numberFormat = [[";;;"]];
    sheet.protection.protect();
    await context.sync();
  });
  const host = hostFor(fake);
  const before = (await host.check(noProgress)).check!.findings.filter((f) => f.rule.startsWith("disguise."));
  expect(before.map((f) => [f.rule, f.cell, f.repairable])).toEqual([
    ["disguise.value-hidden", "C9", true],
    ["disguise.number-format", "P9", true],
  ]);
  await host.buildOrUpgrade(DETAILS, noProgress);
  const after = (await host.check(noProgress)).check!.findings.filter((f) => f.severity !== "info");
  expect(after).toEqual([]);
});
