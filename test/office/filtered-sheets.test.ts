/// <reference types="office-js" />
/**
 * Sheets and tables the user has filtered: an upgrade and a re-consolidation clear the filters before they
 * rewrite (the fake, like Excel, refuses row deletes under a filter and writes into rows a filter hides), tell
 * the user in plain words, and leave no row hidden; through the real office.js client the clear-filter actions
 * go before any write.
 */
import { consolidate } from "../../src/core/consolidate/consolidate";
import { planGroupSheetsInto, type WorkbookListing } from "../../src/core/consolidate/group-plan";
import { GROUP_DATA_TABLE_NAME } from "../../src/core/consolidate/group-data-sheet";
import { LOG_TABLE_NAME } from "../../src/core/consolidate/log-sheet";
import type { Consolidation } from "../../src/core/consolidate/types";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { DATA_TABLE_NAME } from "../../src/core/plan/data-sheet";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { parseRange } from "../../src/core/util/a1";
import { ExcelWorkbookHost } from "../../src/office/excel-host";
import { examinedReturn } from "../core/consolidate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { noFilter, rowsHiddenByFilters } from "../fakes/excel/state";
import { realClientOver, type CapturedRequest } from "../support/office-real";
import { DETAILS, hostFor, noProgress, NOW } from "./fixtures";
import { expectFakeMatchesPlan } from "./fake-formats";

const toolkit = canonicalToolkit();
/** A filter that shows only rows reading "no such value": every body row is hidden. */
const HIDE_ALL = { column: 0, values: ["no such value"] };

const hiddenRows = (fake: FakeExcel) => fake.state.sheets.flatMap((s) => [...rowsHiddenByFilters(s)]);

/** A host at ExcelApi `api` over the fake, straight or through the real client. */
function hostOver(fake: FakeExcel, { api, real }: { api: string; real: boolean }) {
  const client = real ? realClientOver(fake, { excelApi: api }) : null;
  const host = new ExcelWorkbookHost({
    run: client?.run ?? fake.run,
    isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= Number(api),
    toolkit,
    now: () => NOW,
  });
  return { host, requests: client?.requests ?? [] };
}

/** Every action of a captured request, by name, in order (instantiations left out). */
const actionNames = (request: CapturedRequest) =>
  request.body.Actions.filter((a) => a.ActionType !== 1).map((a) => a.Name);

/** The sheet an object path is on, by the name it was found by (worksheets.getItem, an indexer path), if any. */
function sheetOf(request: CapturedRequest, pathId: number): string | undefined {
  const paths = request.body.ObjectPaths;
  for (let path = paths[String(pathId)]; path; path = paths[String(path.ParentObjectPathId)]) {
    const parent = paths[String(path.ParentObjectPathId)];
    if (parent?.Name === "Worksheets" && path.ObjectPathType === 5) return String(path.ArgumentInfo?.Arguments?.[0]);
  }
  return undefined;
}

/**
 * In the write request, each clear-filter action (`clearing`) on a sheet comes before the first clear, write or
 * delete on that sheet.
 */
function expectFiltersClearedFirst(requests: CapturedRequest[], clearing: string[]): void {
  const write = requests.find((r) => actionNames(r).includes("ClearFilters"))!;
  expect(write).toBeDefined();
  const actions = write.body.Actions.map((action, index) => ({
    action,
    index,
    sheet: sheetOf(write, action.ObjectPathId),
  }));
  const clears = actions.filter(({ action }) => clearing.includes(action.Name));
  expect(new Set(clears.map((c) => c.action.Name))).toEqual(new Set(clearing));
  for (const clear of clears) {
    expect(clear.sheet).toBeDefined();
    const firstWrite = actions.find(
      ({ action, sheet }) => sheet === clear.sheet && ["Clear", "Formulas", "Values", "Delete"].includes(action.Name),
    );
    expect(firstWrite).toBeDefined();
    expect(clear.index).toBeLessThan(firstWrite!.index);
  }
}

describe.each([false, true])("through the real client: %s", (real) => {
  test("an upgrade of an assessment with Gaps and the NPS_Data table filtered clears both, says so, keeps the table", async () => {
    const fake = new FakeExcel();
    await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    const tableId = fake.sheet("Data").tables[0].id;
    fake.filterSheet("Gaps", HIDE_ALL);
    fake.filterTable(DATA_TABLE_NAME, HIDE_ALL);
    expect(hiddenRows(fake).length).toBeGreaterThan(toolkit.themes.length);
    const { host, requests } = hostOver(fake, { api: "1.9", real });
    const outcome = await host.buildOrUpgrade(DETAILS, noProgress);
    expect(outcome.notes).toContain("The filters on Gaps and Data were cleared to rewrite them.");
    expect(hiddenRows(fake)).toEqual([]);
    expect(fake.sheet("Data").tables[0].id).toBe(tableId);
    const gaps = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW }).sheets.find(
      (s) => s.key === "gaps",
    )!;
    expect(fake.sheet("Gaps").autoFilter).toEqual(parseRange(gaps.autoFilter!));
    if (real) expectFiltersClearedFirst(requests, ["ClearFilters", "Remove"]);
  });

  test("at ExcelApi 1.8 a filtered NPS_Data table is still cleared (Table.clearFilters is 1.2), with nothing above 1.8", async () => {
    const fake = new FakeExcel();
    await hostFor(fake, toolkit, { api: "1.8" }).buildOrUpgrade(DETAILS, noProgress);
    fake.filterTable(DATA_TABLE_NAME, HIDE_ALL);
    const { host, requests } = hostOver(fake, { api: "1.8", real });
    await host.buildOrUpgrade(DETAILS, noProgress);
    expect(hiddenRows(fake)).toEqual([]);
    if (real) {
      expectFiltersClearedFirst(requests, ["ClearFilters"]);
      const all = requests.flatMap(actionNames);
      expect(all).not.toContain("Remove");
    }
  });

  test("at ExcelApi 1.8 an upgrade with Gaps filtered is refused, naming Gaps, before anything is written", async () => {
    const fake = new FakeExcel();
    await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    fake.filterSheet("Gaps", HIDE_ALL);
    const before = workbookImage(fake);
    const { host, requests } = hostOver(fake, { api: "1.8", real });
    const refusal = host.buildOrUpgrade(DETAILS, noProgress);
    await expect(refusal).rejects.toThrow(/Rows on the Gaps sheet are hidden/);
    await expect(refusal).rejects.toMatchObject({ nextStep: expect.stringMatching(/Data > Clear/) });
    expect(workbookImage(fake)).toEqual(before);
    if (real) {
      const all = requests.flatMap(actionNames);
      // The visible rows were asked for (an object path the load goes through), and nothing was written.
      expect(requests.some((r) => Object.values(r.body.ObjectPaths).some((p) => p.Name === "GetVisibleView"))).toBe(
        true,
      );
      for (const write of ["Formulas", "Values", "Clear", "Delete", "ClearFilters"]) expect(all).not.toContain(write);
    }
    // With the filter cleared (as the message asks), the upgrade goes ahead.
    fake.sheet("Gaps").autoFilterState = noFilter();
    await expect(hostOver(fake, { api: "1.8", real }).host.buildOrUpgrade(DETAILS, noProgress)).resolves.toBeDefined();
  });

  test("a re-consolidation into smaller group sheets whose tables are filtered clears them, shrinks Group Data, says so", async () => {
    const fake = new FakeExcel();
    await hostFor(fake).writeGroupSheets(consolidationOf(3), noProgress);
    fake.filterTable(GROUP_DATA_TABLE_NAME, HIDE_ALL);
    fake.filterTable(LOG_TABLE_NAME, HIDE_ALL);
    const next = consolidationOf(1);
    const planned = planGroupSheetsInto(next, listingOf(fake), NOW)!;
    const { host, requests } = hostOver(fake, { api: "1.9", real });
    const outcome = await host.writeGroupSheets(next, noProgress);
    expect(outcome.notes).toEqual(["The filters on Group Data and Consolidation Log were cleared to rewrite them."]);
    expect(hiddenRows(fake)).toEqual([]);
    await expectFakeMatchesPlan(fake, planned.plan);
    if (real) expectFiltersClearedFirst(requests, ["ClearFilters"]);
  });
});

test("without a filter, no note", async () => {
  const fake = new FakeExcel();
  const host = hostFor(fake);
  await host.writeGroupSheets(consolidationOf(2), noProgress);
  expect((await host.writeGroupSheets(consolidationOf(1), noProgress)).notes).toBeUndefined();
  await host.buildOrUpgrade(DETAILS, noProgress);
  const outcome = await host.buildOrUpgrade(DETAILS, noProgress);
  expect(outcome.notes.filter((note) => /filter/i.test(note))).toEqual([]);
});

/** Every sheet's cells, formats and hidden rows, as plain data to compare before and after. */
const workbookImage = (fake: FakeExcel) =>
  JSON.stringify(
    fake.state.sheets.map((s) => [
      s.name,
      [...s.cells.entries()],
      [...s.formats.entries()],
      [...rowsHiddenByFilters(s)],
    ]),
  );

function consolidationOf(n: number): Consolidation {
  const ids = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));
  const returns = Array.from({ length: n }, (_, i) =>
    examinedReturn(
      i,
      { council: `Council ${i}` },
      { answers: Object.fromEntries(ids.map((id) => [id, { current: "Developing", target: "Mature" }])) },
    ),
  );
  return consolidate(returns, toolkit, { includeErrors: false, finalOnly: false });
}

function listingOf(fake: FakeExcel): WorkbookListing {
  return {
    sheets: fake.state.sheets.map((s) => s.name),
    names: Object.fromEntries(fake.state.names.map((n) => [n.name, n.formula.replace(/^=/, "")])),
    tables: fake.state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))),
  };
}
