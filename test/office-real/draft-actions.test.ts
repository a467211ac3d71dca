/// <reference types="office-js" />
/**
 * Draft actions from the gaps through the real office.js client library: the check's one read, then one request
 * whose only changes are the table's filters cleared, the drafted rows written into the table's blank rows (one
 * formulas array each) and, for the drafts left over, one TableRowCollection.add of them all (a 2-D array); run
 * again, only the read. The same on the fake alone, and the rows land as the plan would write them. A table the
 * user filtered is cleared first and the notes say so.
 */
import { UserFacingError } from "../../src/app/workbook-host";
import { actionLookupFormula, ACTIONS_TABLE_NAME, EMPTY_ACTION_ROWS } from "../../src/core/plan/actions-sheet";
import type { Answers } from "../../src/core/plan/answer-types";
import { ACTIONS, SHEET_NAMES } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress } from "../../src/core/util/a1";
import { cycleWords } from "../../src/core/words/cycle";
import { ExcelWorkbookHost } from "../../src/office/excel-host";
import { excelWords } from "../../src/core/words/excel";
import { FakeExcel } from "../fakes/excel-fake";
import { rowsHiddenByFilters } from "../fakes/excel/state";
import { hostFor, nextVersion, NOW, noProgress, writePlanWithAnswers } from "../office/fixtures";
import { allGapsAnswers } from "../support/plan-cells";
import { realHostOver, type RealClient } from "../support/office-real";

const toolkit = canonicalToolkit();
const [a, b, c] = toolkit.themes[0].keyAreas[0].behaviours;
const behaviours = toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours).length;

const answers: Answers = {
  behaviours: {
    [a.id]: { current: "Developing", target: "Leader" },
    [b.id]: { current: "Minimum", target: "Mature" },
    [c.id]: { current: "Minimum", target: "Developing" },
  },
  actions: [{ behaviourId: b.id, action: "=Ours, kept as typed", owner: "Sam" }],
};

async function workbook(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, answers);
  return fake;
}

/**
 * What a request changes: its method calls and property sets, and the methods whose result it instantiates (the
 * client sends rows.add, which returns the first row added, as an object path of the method "Add").
 */
function changes(client: RealClient, request: number): string[] {
  const { Actions, ObjectPaths } = client.requests[request].body;
  return Actions.flatMap((action) => {
    if (action.ActionType === 3 || action.ActionType === 4) return [action.Name];
    const path = ObjectPaths[String(action.ObjectPathId)];
    // Reads instantiate methods too (GetRange, GetItemOrNullObject…): of those, only an add changes anything.
    return action.ActionType === 1 && path.ObjectPathType === 3 && /^Add/.test(path.Name) ? [path.Name] : [];
  });
}

test("through the real client at ExcelApi 1.8: the read, then one request that clears the filters and writes both into blank rows; again, the read only", async () => {
  const fake = await workbook();
  const twin = await workbook();
  // The client refuses any member above ExcelApi 1.8 (the manifest's set) before sending it.
  const { client, host } = realHostOver(fake, { toolkit, now: NOW, excelApi: "1.8" });
  const outcome = await host.draftActions(noProgress);
  expect(client.requests).toHaveLength(2);
  // Below ExcelApi 1.9 the table's filter cannot be read, so its filters are cleared (ExcelApi 1.2) all the same.
  expect(changes(client, 1)).toEqual(["ClearFilters", "Formulas", "Formulas"]);
  expect(outcome).toEqual({
    action: "actionsDrafted",
    title: cycleWords.draftedInPlace.added(2),
    sheets: [{ name: SHEET_NAMES.actions, role: "actions" }],
    notes: [cycleWords.draftedInPlace.where(SHEET_NAMES.actions)],
  });
  // The fake alone does the same to its twin.
  expect(await hostFor(twin, toolkit, { api: "1.8" }).draftActions(noProgress)).toEqual(outcome);
  expect(fake.snapshotState()).toEqual(twin.snapshotState());

  // The blank rows below the table's one action, in toolkit order; the table has not grown.
  const first = ACTIONS.firstRow + 1;
  const bottom = ACTIONS.firstRow + EMPTY_ACTION_ROWS;
  const at = (row: number, column: number) => fake.cell(SHEET_NAMES.actions, cellAddress(row, column));
  expect(at(first, ACTIONS.columns.id)).toMatchObject({ text: a.id });
  expect(at(first + 1, ACTIONS.columns.id)).toMatchObject({ text: c.id });
  expect(at(first + 1, ACTIONS.columns.status)).toMatchObject({ text: "Not started" });
  const source = { dataSheet: SHEET_NAMES.data, behaviours };
  expect(at(first + 1, ACTIONS.columns.gap)).toEqual({
    kind: "formula",
    formula: `=${actionLookupFormula("gap", first + 1, source)}`,
  });
  // The user's action is as it was: text that looks like a formula stays text.
  expect(at(ACTIONS.firstRow, ACTIONS.columns.action)).toMatchObject({ text: "=Ours, kept as typed" });
  const table = fake.sheet(SHEET_NAMES.actions).tables.find((t) => t.name === ACTIONS_TABLE_NAME)!;
  expect(table.rect.bottom).toBe(bottom);

  const { client: again, host: hostAgain } = realHostOver(fake, { toolkit, now: NOW, excelApi: "1.8" });
  expect(await hostAgain.draftActions(noProgress)).toEqual({
    action: "actionsDrafted",
    title: cycleWords.draftedInPlace.noneMissing,
    sheets: [],
    notes: [],
  });
  expect(again.requests).toHaveLength(1);
  expect(changes(again, 0)).toEqual([]);
  expect(fake.sheet(SHEET_NAMES.actions).tables.find((t) => t.name === ACTIONS_TABLE_NAME)!.rect.bottom).toBe(bottom);
});

test("a workbook made by an earlier version: refused, saying to upgrade first, and nothing written", async () => {
  const fake = await workbook();
  const before = fake.snapshotState();
  const refusal = hostFor(fake, nextVersion(toolkit)).draftActions(noProgress);
  await expect(refusal).rejects.toBeInstanceOf(UserFacingError);
  await expect(refusal).rejects.toMatchObject({
    message: cycleWords.draftedInPlace.olderWorkbook,
    nextStep: expect.stringMatching(/^Upgrade first/),
  });
  expect(fake.snapshotState()).toEqual(before);
});

/** A host at ExcelApi 1.9 (where a table's filter can be read) over the fake, straight or through the real client. */
function hostAt19(
  fake: FakeExcel,
  { realClient }: { realClient: boolean },
): { client: RealClient | null; host: ExcelWorkbookHost } {
  if (realClient) return realHostOver(fake, { toolkit, now: NOW, excelApi: "1.9" });
  const host = new ExcelWorkbookHost({
    run: fake.run,
    isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= 1.9,
    toolkit,
    now: () => NOW,
  });
  return { client: null, host };
}

test.each([false, true])(
  "a filtered action plan (real client: %s) is cleared before the rows go in, and the notes say so; unfiltered, nothing is cleared",
  async (real) => {
    const fake = await workbook();
    // Shows only rows whose ID reads "no such value": every row of the table is hidden.
    fake.filterTable(ACTIONS_TABLE_NAME, { column: 0, values: ["no such value"] });
    const { client, host } = hostAt19(fake, { realClient: real });
    const outcome = await host.draftActions(noProgress);
    expect(outcome.notes).toEqual([
      cycleWords.draftedInPlace.where(SHEET_NAMES.actions),
      excelWords.filtersCleared({ sheets: [SHEET_NAMES.actions] }),
    ]);
    expect(rowsHiddenByFilters(fake.sheet(SHEET_NAMES.actions)).size).toBe(0);
    const table = fake.sheet(SHEET_NAMES.actions).tables.find((t) => t.name === ACTIONS_TABLE_NAME)!;
    // Both drafts went into blank rows: the table did not grow.
    expect(table.rect.bottom).toBe(ACTIONS.headerRow + 1 + EMPTY_ACTION_ROWS);
    if (client) expect(changes(client, 1)).toEqual(["ClearFilters", "Formulas", "Formulas"]);

    // With nothing filtered, ExcelApi 1.9 reads so: nothing is cleared and no note is added.
    const twin = await workbook();
    const { client: again, host: twinHost } = hostAt19(twin, { realClient: real });
    const unfiltered = await twinHost.draftActions(noProgress);
    expect(unfiltered.notes).toEqual([cycleWords.draftedInPlace.where(SHEET_NAMES.actions)]);
    if (again) expect(changes(again, 1)).toEqual(["Formulas", "Formulas"]);
  },
);

test("more drafts than blank rows: the blank rows are filled, then one add of the rest at the table's foot", async () => {
  const allGaps = allGapsAnswers(toolkit);

  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, allGaps);
  const { client, host } = realHostOver(fake, { toolkit, now: NOW, excelApi: "1.8" });
  const outcome = await host.draftActions(noProgress);
  expect(outcome.title).toBe(cycleWords.draftedInPlace.added(behaviours));
  expect(changes(client, 1)).toEqual(["ClearFilters", ...Array<string>(EMPTY_ACTION_ROWS).fill("Formulas"), "Add"]);
  const ids = Object.keys(allGaps.behaviours);
  const idAt = (row: number) => fake.cell(SHEET_NAMES.actions, cellAddress(row, ACTIONS.columns.id));
  // The first drafts in the blank rows, from the table's first row; the next straight after them, in toolkit order.
  expect(idAt(ACTIONS.firstRow)).toMatchObject({ text: ids[0] });
  expect(idAt(ACTIONS.firstRow + EMPTY_ACTION_ROWS)).toMatchObject({ text: ids[EMPTY_ACTION_ROWS] });
  const table = fake.sheet(SHEET_NAMES.actions).tables.find((t) => t.name === ACTIONS_TABLE_NAME)!;
  expect(table.rect.bottom).toBe(ACTIONS.firstRow + behaviours - 1);
  expect(idAt(table.rect.bottom)).toMatchObject({ text: ids[ids.length - 1] });
});
