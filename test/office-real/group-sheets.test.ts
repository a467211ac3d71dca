/// <reference types="office-js" />
/**
 * Consolidate's write into the open workbook through the real office.js client library: the reads of the tables
 * (with their sheets) and of the earlier group sheets go through the real proxies, every request stays within the
 * 4 MB the add-in allows itself (a large group takes more requests, never a larger one), replacing an earlier
 * consolidation costs one small read more than a first one (never the earlier sheets' cells), and the fake ends
 * up holding exactly the core's group plan.
 */
import { sampleAnswers } from "../../src/core/answers/sample";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { planGroupSheetsInto } from "../../src/core/consolidate/group-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { REQUEST_LIMIT_BYTES } from "../../src/office/request-size";
import { examinedReturn } from "../core/consolidate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { NOW, noProgress } from "../office/fixtures";
import { expectFakeMatchesPlan } from "../office/fake-formats";
import { realHostOver } from "../support/office-real";

const toolkit = canonicalToolkit();
const behaviourIds = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));

/** A return answering every behaviour, with evidence long enough to weigh like a real one. */
const examined = (position: number) =>
  examinedReturn(
    position,
    { council: `Council ${position}` },
    {
      answers: Object.fromEntries(
        behaviourIds.map((id) => [
          id,
          { current: "Developing", target: "Mature", evidence: `Evidence ${"x".repeat(200)}` },
        ]),
      ),
    },
  );

test.each([2, 400])(
  "%i returns: every request under 4 MB, and the workbook holds exactly the group plan",
  async (n) => {
    const consolidation = consolidate(
      Array.from({ length: n }, (_, i) => examined(i)),
      toolkit,
      { includeErrors: false, finalOnly: false },
    );
    const fake = new FakeExcel();
    fake.seedSheet("Group Summary", { A1: "Mine" });
    const { client, host } = realHostOver(fake, { toolkit, now: NOW });
    const outcome = await host.writeGroupSheets(consolidation, noProgress);
    expect(outcome).toEqual({
      sheets: ["Group Summary (2)", "Group Data", "Group Actions", "Consolidation Log"],
      replaced: [],
    });
    expect(fake.cell("Group Summary", "A1")).toMatchObject({ kind: "text", text: "Mine" });
    for (const request of client.requests) expect(request.bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    if (n > 100) expect(client.requests.length).toBeGreaterThan(2);
    else expect(client.requests).toHaveLength(2);
    const planned = planGroupSheetsInto(consolidation, { sheets: ["Group Summary"], names: {}, tables: [] }, NOW);
    await expectFakeMatchesPlan(fake, planned!.plan);
  },
);

const consolidationOf = (n: number) =>
  consolidate(
    Array.from({ length: n }, (_, i) => examined(i)),
    toolkit,
    { includeErrors: false, finalOnly: false },
  );

test("a second consolidation replaces the earlier group sheets in 3 requests: the read between is small, and never reads their cells", async () => {
  const fake = new FakeExcel();
  const first = realHostOver(fake, { toolkit, now: NOW });
  await first.host.writeGroupSheets(consolidationOf(20), noProgress);
  const [, firstWrite] = first.client.requests;
  const { client, host } = realHostOver(fake, { toolkit, now: NOW });
  const next = consolidationOf(21);
  const listing = {
    sheets: fake.state.sheets.map((s) => s.name),
    names: Object.fromEntries(fake.state.names.map((n) => [n.name, n.formula.replace(/^=/, "")])),
    tables: fake.state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))),
  };
  const outcome = await host.writeGroupSheets(next, noProgress);
  expect(outcome.replaced).toEqual(["Group Summary", "Group Data", "Group Actions", "Consolidation Log"]);
  const [overview, earlier, write] = client.requests;
  expect(client.requests).toHaveLength(3);
  // The earlier sheets' protection, table places and charts: a few kilobytes each way, whatever the group's size.
  expect(earlier.bytes).toBeLessThan(8 * 1024);
  expect(earlier.responseBytes).toBeLessThan(4 * 1024);
  expect(overview.responseBytes).toBeLessThan(4 * 1024);
  // Rewriting in place costs about what the first write did: one more return's rows, and the table's rows added.
  expect(write.bytes).toBeLessThan(firstWrite.bytes * 1.15);
  await expectFakeMatchesPlan(fake, planGroupSheetsInto(next, listing, NOW)!.plan);
});

test("a consolidation far smaller than the earlier one shrinks the kept table, every request within the limit", async () => {
  const fake = new FakeExcel();
  await realHostOver(fake, { toolkit, now: NOW }).host.writeGroupSheets(consolidationOf(12), noProgress);
  const { client, host } = realHostOver(fake, { toolkit, now: NOW });
  const next = consolidationOf(1);
  const listing = {
    sheets: fake.state.sheets.map((s) => s.name),
    names: Object.fromEntries(fake.state.names.map((n) => [n.name, n.formula.replace(/^=/, "")])),
    tables: fake.state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))),
  };
  const outcome = await host.writeGroupSheets(next, noProgress);
  expect(outcome.replaced).toHaveLength(4);
  for (const request of client.requests) expect(request.bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  expect(client.requests).toHaveLength(3);
  await expectFakeMatchesPlan(fake, planGroupSheetsInto(next, listing, NOW)!.plan);
}, 120_000);

test("a Group Data table the add-in does not recognise is found through the real client, and the write refused", async () => {
  const fake = new FakeExcel();
  await realHostOver(fake, { toolkit, now: NOW }).host.writeGroupSheets(consolidationOf(1), noProgress);
  fake.state.names = [];
  const { client, host } = realHostOver(fake, { toolkit, now: NOW });
  await expect(host.writeGroupSheets(consolidationOf(1), noProgress)).rejects.toMatchObject({
    name: "UserFacingError",
    message: expect.stringContaining('"Group Data"'),
  });
  expect(client.requests).toHaveLength(1);
});

test("through the real client, the earlier group sheets are read whole before the reset: what a user added is cleared, what is not there is not queued", async () => {
  const fake = new FakeExcel();
  await realHostOver(fake, { toolkit, now: NOW }).host.writeGroupSheets(consolidationOf(2), noProgress);
  await fake.run(async (context) => {
    const log = context.workbook.worksheets.getItem("Consolidation Log");
    log.getRange("C5").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
    log.getRange("B6").conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
    context.workbook.worksheets.getItem("Group Data").getRange("9:9").format.rowHeight = 40;
    context.workbook.worksheets.getItem("Group Data").freezePanes.freezeColumns(2);
    await context.sync();
  });
  const listing = {
    sheets: fake.state.sheets.map((s) => s.name),
    names: Object.fromEntries(fake.state.names.map((n) => [n.name, n.formula.replace(/^=/, "")])),
    tables: fake.state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))),
  };
  const { client, host } = realHostOver(fake, { toolkit, now: NOW });
  const next = consolidationOf(1);
  await host.writeGroupSheets(next, noProgress);
  await expectFakeMatchesPlan(fake, planGroupSheetsInto(next, listing, NOW)!.plan);
  const write = client.requests[client.requests.length - 1].body;
  // The sheet each action is on, by the name its object path starts from.
  const sheetOf = (id: number): string | undefined => {
    const path = write.ObjectPaths[String(id)];
    if (!path) return undefined;
    if (path.Name === "GetItem" || path.ObjectPathType === 5) {
      const [name] = path.ArgumentInfo?.Arguments ?? [];
      if (typeof name === "string" && listing.sheets.includes(name)) return name;
    }
    return path.ParentObjectPathId === undefined ? undefined : sheetOf(path.ParentObjectPathId);
  };
  const resets = (sheet: string) =>
    write.Actions.filter((a) => a.ActionType !== 1 && sheetOf(a.ObjectPathId) === sheet)
      .map((a) => a.Name)
      .filter((name) =>
        ["Clear", "ClearAll", "UseStandardHeight", "Unfreeze", "FreezeRows", "FreezeAt"].includes(name),
      );
  // Clear: the cells around the kept table, and on the log its data validation too.
  expect(resets("Consolidation Log").sort()).toEqual(["Clear", "Clear", "ClearAll", "UseStandardHeight"]);
  expect(resets("Group Data").sort()).toEqual(["Clear", "FreezeRows", "Unfreeze", "UseStandardHeight"]);
  expect(resets("Group Actions")).toEqual(["Clear"]);
}, 120_000);

/**
 * The bench's office.group.shrink (bench/office.ts): 400 returns, then 40 into the same workbook. Its operations
 * (property sets, method calls and loads; the client's instantiations are not counted) are those of the real
 * request bodies, so a change that brings back one per column, per merge or per run of formats shows here.
 */
const OPERATIONS_OF_A_SHRINK = 99;

/** The bench's returns: every behaviour answered, a few distinct answer sets. */
const benchConsolidation = (n: number) =>
  consolidate(
    Array.from({ length: n }, (_, i) =>
      examinedReturn(
        i,
        { council: `Council ${String(i + 1).padStart(4, "0")}` },
        { answers: sampleAnswers(toolkit, "2026-03-01", (i % 8) + 1).behaviours },
      ),
    ),
    toolkit,
    { includeErrors: false, finalOnly: false },
  );

test(`a re-consolidation from 400 returns to 40 takes 3 requests and at most ${OPERATIONS_OF_A_SHRINK} operations, and the workbook holds the plan`, async () => {
  const fake = new FakeExcel();
  await realHostOver(fake, { toolkit, now: NOW }).host.writeGroupSheets(benchConsolidation(400), noProgress);
  const { client, host } = realHostOver(fake, { toolkit, now: NOW });
  const next = benchConsolidation(40);
  const listing = {
    sheets: fake.state.sheets.map((s) => s.name),
    names: Object.fromEntries(fake.state.names.map((n) => [n.name, n.formula.replace(/^=/, "")])),
    tables: fake.state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))),
  };
  await host.writeGroupSheets(next, noProgress);
  const operations = client.requests.flatMap((r) => r.body.Actions.filter((a) => a.ActionType !== 1));
  expect(client.requests).toHaveLength(3);
  expect(operations.length).toBeLessThanOrEqual(OPERATIONS_OF_A_SHRINK);
  for (const request of client.requests) expect(request.bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  await expectFakeMatchesPlan(fake, planGroupSheetsInto(next, listing, NOW)!.plan);
}, 300_000);
