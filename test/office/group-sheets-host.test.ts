/// <reference types="office-js" />
/**
 * Consolidate in Excel: the host writes the core's group sheets into the open workbook on the fake that keeps
 * Office's rules, beside the user's own sheets (never over them); a second consolidation replaces the add-in's
 * earlier group sheets in place (found by their NPS_Sheet_* names, however renamed), keeping the Group Data table
 * object that PivotTables are built on, and leaves a user's sheet called "Group Data" alone.
 */
import type { GroupSheetsOutcome } from "../../src/app/workbook-host";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { GROUP_DATA_TABLE_NAME } from "../../src/core/consolidate/group-data-sheet";
import { planGroupSheetsInto, type WorkbookListing } from "../../src/core/consolidate/group-plan";
import type { Consolidation } from "../../src/core/consolidate/types";
import { GROUP_DATA } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { examinedReturn } from "../core/consolidate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { DETAILS, hostFor, noProgress, NOW } from "./fixtures";
import { expectFakeMatchesPlan } from "./fake-formats";
import { planGroupWorkbook } from "../../src/core/consolidate/group-plan";
import { rangeAddress } from "../../src/core/util/a1";
import { consolidateWords } from "../../src/core/words/consolidate";
import { splitIntoRequests, type TargetOpener } from "../../src/office/request-size";
import { writeSteps, type ExistingSheet } from "../../src/office/write-plan";

const toolkit = canonicalToolkit();
const perReturn = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length;

const examined = (position: number, council: string) =>
  examinedReturn(
    position,
    { council },
    {
      file: `${council}.xlsx`,
      answers: { "SL-ECSM-01": { current: "Mature", target: "Leader", evidence: "=1+1", owner: "" } },
    },
  );

const consolidationOf = (...councils: string[]): Consolidation =>
  consolidate(
    councils.map((council, i) => examined(i, council)),
    toolkit,
    { includeErrors: false, finalOnly: false },
  );

const consolidation = consolidationOf("Anytown", "Otherton");

/** What the host reads before planning, taken from the fake as it is now (the core decides from it). */
function listingOf(fake: FakeExcel): WorkbookListing {
  return {
    sheets: fake.state.sheets.map((s) => s.name),
    names: Object.fromEntries(fake.state.names.map((n) => [n.name, n.formula.replace(/^=/, "")])),
    tables: fake.state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))),
  };
}

/** Writes `next` through the host, and checks the fake then holds exactly the core's plan for what it read. */
async function consolidateAgain(fake: FakeExcel, next: Consolidation): Promise<GroupSheetsOutcome> {
  const planned = planGroupSheetsInto(next, listingOf(fake), NOW);
  const outcome = await hostFor(fake).writeGroupSheets(next, noProgress);
  await expectFakeMatchesPlan(fake, planned!.plan);
  return outcome;
}

const renameSheet = (fake: FakeExcel, from: string, to: string) =>
  fake.run(async (context) => {
    context.workbook.worksheets.getItem(from).name = to;
    await context.sync();
  });

const sheetOrder = (fake: FakeExcel) => fake.state.sheets.map((s) => s.name);
const groupTable = (fake: FakeExcel) =>
  fake.state.sheets.flatMap((s) => s.tables).find((t) => t.name === GROUP_DATA_TABLE_NAME)!;

test("writes Group Summary, Group Data, Group Actions and the Consolidation Log into the workbook, exactly as planned", async () => {
  const fake = new FakeExcel();
  const steps: string[] = [];
  const planned = planGroupSheetsInto(consolidation, listingOf(fake), NOW);
  const outcome = await hostFor(fake).writeGroupSheets(consolidation, (p) => steps.push(p.step));
  expect(outcome).toEqual({
    sheets: ["Group Summary", "Group Data", "Group Actions", "Consolidation Log"],
    replaced: [],
  });
  await expectFakeMatchesPlan(fake, planned!.plan);
  expect(fake.state.names.map((n) => [n.name, n.formula])).toEqual([
    ["NPS_Sheet_groupSummary", "='Group Summary'!$A$1"],
    ["NPS_Sheet_groupData", "='Group Data'!$A$1"],
    ["NPS_Sheet_groupActions", "='Group Actions'!$A$1"],
    ["NPS_Sheet_consolidationLog", "='Consolidation Log'!$A$1"],
  ]);
  expect(steps).toContain("Writing the group sheets into your workbook");
  expect(steps.at(-1)).toBe("Finished");
});

test("a user's sheet called Group Data is left as it was; the group's sheet is named around it", async () => {
  const fake = new FakeExcel();
  fake.seedSheet("group data", { A1: "My own notes", B2: { formula: "=1+1" } });
  const outcome = await consolidateAgain(fake, consolidation);
  expect(outcome).toEqual({
    sheets: ["Group Summary", "Group Data (2)", "Group Actions", "Consolidation Log"],
    replaced: [],
  });
  expect(fake.cell("group data", "A1")).toEqual({ kind: "text", text: "My own notes", quotePrefix: false });
  expect(fake.cell("group data", "B2")).toEqual({ kind: "formula", formula: "=1+1" });
});

test("a second consolidation replaces the earlier group sheets in place, renamed ones under the user's name, keeping the Group Data table", async () => {
  const fake = new FakeExcel();
  fake.seedSheet("Notes", { A1: "Mine" });
  await hostFor(fake).writeGroupSheets(consolidation, noProgress);
  fake.seedSheet("Pivot", { A1: { formula: "=SUM(NPS_GroupData[Current score])" } });
  await renameSheet(fake, "Group Data", "Returns data");
  const tableId = groupTable(fake).id;
  const before = sheetOrder(fake);

  const outcome = await consolidateAgain(fake, consolidationOf("Anytown", "Otherton", "Elsewhere"));

  expect(outcome).toEqual({
    sheets: ["Group Summary", "Returns data", "Group Actions", "Consolidation Log"],
    replaced: ["Group Summary", "Returns data", "Group Actions", "Consolidation Log"],
  });
  expect(sheetOrder(fake)).toEqual(before);
  // The same table object, grown to the new rows: PivotTables and formulas built on it keep working.
  expect(groupTable(fake).id).toBe(tableId);
  expect(groupTable(fake).rect.bottom).toBe(GROUP_DATA.headerRow + 3 * perReturn);
  expect(fake.cell("Notes", "A1")).toEqual({ kind: "text", text: "Mine", quotePrefix: false });
  expect(fake.cell("Pivot", "A1")).toEqual({ kind: "formula", formula: "=SUM(NPS_GroupData[Current score])" });
});

test("a smaller consolidation shrinks the kept Group Data table to its rows", async () => {
  const fake = new FakeExcel();
  await hostFor(fake).writeGroupSheets(consolidationOf("Anytown", "Otherton", "Elsewhere"), noProgress);
  const tableId = groupTable(fake).id;
  const outcome = await consolidateAgain(fake, consolidationOf("Anytown"));
  expect(outcome.replaced).toEqual(["Group Summary", "Group Data", "Group Actions", "Consolidation Log"]);
  expect(groupTable(fake).id).toBe(tableId);
  expect(groupTable(fake).rect.bottom).toBe(GROUP_DATA.headerRow + perReturn);
});

test("what a user added to the earlier group sheets (a picker, a conditional format, a row's height, other frozen panes) is read and cleared by the next consolidation", async () => {
  const fake = new FakeExcel();
  await hostFor(fake).writeGroupSheets(consolidationOf("Anytown", "Otherton"), noProgress);
  await fake.run(async (context) => {
    for (const name of ["Group Data", "Consolidation Log"]) {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.getRange("C5").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      sheet.getRange("B6").conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
      sheet.getRange("8:8").format.rowHeight = 40;
    }
    context.workbook.worksheets.getItem("Group Data").freezePanes.freezeColumns(2);
    context.workbook.worksheets.getItem("Group Actions").freezePanes.unfreeze();
    await context.sync();
  });
  await consolidateAgain(fake, consolidationOf("Anytown"));
  const groupData = fake.state.sheets.find((s) => s.name === "Group Data")!;
  expect(groupData.validations.size).toBe(0);
  expect(groupData.conditionalFormats).toEqual([]);
  expect(groupData.freeze).toEqual({ rows: 1, columns: 0 });
});

test("a user's own sheet called Group Data, made after the add-in's was renamed, stays untouched", async () => {
  const fake = new FakeExcel();
  await hostFor(fake).writeGroupSheets(consolidation, noProgress);
  await renameSheet(fake, "Group Data", "Returns data");
  fake.seedSheet("Group Data", { A1: "My own Group Data", B1: 42 });
  const outcome = await consolidateAgain(fake, consolidationOf("Elsewhere"));
  expect(outcome.sheets).toEqual(["Group Summary", "Returns data", "Group Actions", "Consolidation Log"]);
  expect(outcome.replaced).toEqual(["Group Summary", "Returns data", "Group Actions", "Consolidation Log"]);
  expect(fake.sheet("Group Data").cells.size).toBe(2);
  expect(fake.cell("Group Data", "A1")).toEqual({ kind: "text", text: "My own Group Data", quotePrefix: false });
  expect(fake.cell("Group Data", "B1")).toEqual({ kind: "number", number: 42 });
});

test("a group sheet the user deleted comes back under a free name beside their own sheet of that name", async () => {
  const fake = new FakeExcel();
  await hostFor(fake).writeGroupSheets(consolidation, noProgress);
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Consolidation Log").delete();
    await context.sync();
  });
  fake.seedSheet("Consolidation Log", { A1: "My log" });
  const outcome = await consolidateAgain(fake, consolidationOf("Elsewhere"));
  expect(outcome).toEqual({
    sheets: ["Group Summary", "Group Data", "Group Actions", "Consolidation Log (2)"],
    replaced: ["Group Summary", "Group Data", "Group Actions"],
  });
  expect(fake.cell("Consolidation Log", "A1")).toEqual({ kind: "text", text: "My log", quotePrefix: false });
});

test("a Group Data table on a sheet the add-in does not recognise is refused in plain words, and nothing is changed", async () => {
  const fake = new FakeExcel();
  const host = hostFor(fake);
  await host.writeGroupSheets(consolidation, noProgress);
  // The names that mark the group sheets are gone (as when sheets are copied into another workbook).
  await fake.run(async (context) => {
    for (const name of [
      "NPS_Sheet_groupSummary",
      "NPS_Sheet_groupData",
      "NPS_Sheet_groupActions",
      "NPS_Sheet_consolidationLog",
    ])
      context.workbook.names.getItem(name).delete();
    await context.sync();
  });
  const before = JSON.stringify(fake.snapshotState());
  await expect(host.writeGroupSheets(consolidation, noProgress)).rejects.toMatchObject({
    name: "UserFacingError",
    message: expect.stringContaining('on the sheet "Group Data", which the add-in does not recognise'),
  });
  // The tables' internal names are not for officers.
  await expect(host.writeGroupSheets(consolidation, noProgress)).rejects.not.toMatchObject({
    message: expect.stringContaining("NPS_"),
  });
  expect(JSON.stringify(fake.snapshotState())).toBe(before);
});

test("a Group Actions table on a sheet the add-in no longer recognises is refused too, and nothing is changed", async () => {
  const fake = new FakeExcel();
  const host = hostFor(fake);
  await host.writeGroupSheets(consolidation, noProgress);
  await fake.run(async (context) => {
    context.workbook.names.getItem("NPS_Sheet_groupActions").delete();
    await context.sync();
  });
  const before = JSON.stringify(fake.snapshotState());
  await expect(host.writeGroupSheets(consolidation, noProgress)).rejects.toMatchObject({
    name: "UserFacingError",
    message: expect.stringContaining('on the sheet "Group Actions", which the add-in does not recognise'),
  });
  expect(JSON.stringify(fake.snapshotState())).toBe(before);
});

test("shrinking the Group Data table of 400 returns to one return's rows costs one action, whatever the rows", () => {
  const plan = planGroupWorkbook(consolidationOf("Anytown"), { now: NOW });
  const table = plan.sheets.find((sheet) => sheet.key === "groupData")!.tables[0];
  const nameOf = new Map(plan.sheets.map((sheet) => [sheet.key, sheet.name]));
  const open: TargetOpener = (context) => ({
    context,
    sheet: (key) => context.workbook.worksheets.getItem(nameOf.get(key)!),
  });
  const requestsWith = (returns: number) => {
    const earlier: ExistingSheet = {
      name: "Group Data",
      protected: false,
      visibility: "Visible",
      tables: [
        {
          name: table.name,
          range: rangeAddress(
            GROUP_DATA.headerRow,
            1,
            GROUP_DATA.headerRow + returns * perReturn,
            GROUP_DATA.headers.length,
          ),
        },
      ],
      chartNames: [],
    };
    const steps = writeSteps(plan, {
      existing: new Map([["groupData", earlier]]),
      existingNames: new Set(),
      excelApi19: true,
    });
    return splitIntoRequests(steps, open);
  };
  const unchanged = requestsWith(1);
  const shrunk = requestsWith(400);
  // Row by row this was about 430 bytes a row, 20,000 rows: twice the request limit.
  expect(shrunk).toHaveLength(1);
  expect(unchanged).toHaveLength(1);
  expect(shrunk[0].estimatedBytes - unchanged[0].estimatedBytes).toBeLessThan(1024);
});

test("the group sheets are no part of an assessment beside them: the check ignores them, a repair leaves them as they are", async () => {
  const fake = new FakeExcel();
  const host = hostFor(fake);
  await host.buildOrUpgrade(DETAILS, noProgress);
  await host.writeGroupSheets(consolidation, noProgress);
  const groupSheets = () =>
    JSON.stringify(
      fake.state.sheets.filter((s) => ["Group Summary", "Group Data", "Consolidation Log"].includes(s.name)),
    );
  const before = groupSheets();
  const { existing, check } = await host.status();
  expect(existing).not.toBeNull();
  const onGroupSheets = check!.findings.filter(
    (f) => f.sheet?.name.startsWith("Group") || f.sheet?.name.startsWith("Consolidation"),
  );
  expect(onGroupSheets).toEqual([]);
  const repaired = await host.buildOrUpgrade(DETAILS, noProgress);
  expect(repaired.sheets.map((s) => s.name)).not.toContain("Group Data");
  // Nor are they a part the assessment lost ("no longer part of the assessment … left as it is").
  expect(repaired.notes.filter((note) => /Group|Consolidation Log/.test(note))).toEqual([]);
  expect(groupSheets()).toBe(before);
});

test("returns with previous answers: the Office writer puts Group Summary's previous and change blocks in exactly as planned", async () => {
  const withPrevious = consolidate(
    [
      examinedReturn(
        0,
        { council: "Anytown" },
        {
          file: "Anytown.xlsx",
          answers: { "SL-ECSM-01": { current: "Mature" } },
          previousLevels: { "SL-ECSM-01": "Developing" },
        },
      ),
      examined(1, "Otherton"),
    ],
    toolkit,
    { includeErrors: false, finalOnly: false },
  );
  const fake = new FakeExcel();
  const planned = planGroupSheetsInto(withPrevious, listingOf(fake), NOW)!;
  await hostFor(fake).writeGroupSheets(withPrevious, noProgress);
  await expectFakeMatchesPlan(fake, planned.plan);
  const summary = fake.state.sheets.find((s) => s.name === "Group Summary")!;
  const texts = [...summary.cells.values()].flatMap((cell) => (cell.kind === "text" ? [cell.text] : []));
  expect(texts).toEqual(
    expect.arrayContaining([consolidateWords.progress.previousTitle, consolidateWords.progress.changeTitle]),
  );
});
