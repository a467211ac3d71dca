/**
 * An upgrade's write through the real office.js client: the NPS_Data table is resized through its
 * own row and column collections and never deleted, and Gaps gets its AutoFilter (none of it silently dropped).
 */
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { DATA } from "../../src/core/plan/layout";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { type ExistingSheet } from "../../src/office/write-plan";
import { queueWorkbookPlan } from "../support/queue-plan";
import { realContextCapturing, type WireRequest } from "../support/office-real";
import { DETAILS, NOW } from "../office/fixtures";

/** The Data table's last column: the table these tests find in the workbook has the plan's columns. */
const LAST = DATA.letters[(Object.keys(DATA.letters) as (keyof typeof DATA.letters)[]).at(-1)!];

const plan = buildWorkbookPlan(canonicalToolkit(), { behaviours: {} }, { ...DETAILS, now: NOW });
const dataAndGaps: WorkbookPlan = {
  ...plan,
  sheets: plan.sheets.filter((s) => s.key === "data" || s.key === "gaps"),
  names: [],
  activeSheetKey: "gaps",
};
/** The plan's table has a header row and one body row per behaviour: body rows = its last row - 1. */
const planRows = Number(/\d+$/.exec(plan.sheets.find((s) => s.key === "data")!.tables[0].range)![0]) - 1;

const existingSheet = (name: string, tables: ExistingSheet["tables"]): ExistingSheet => ({
  name,
  protected: false,
  visibility: "Visible",
  tables,
  chartNames: [],
});

/** Each method call and property set, as "parent path name > path name . action name", with arguments. */
function calls(body: WireRequest): { call: string; args: unknown[] }[] {
  const byId = new Map(Object.values(body.ObjectPaths).map((p) => [p.Id, p]));
  return body.Actions.filter((a) => a.ActionType !== 1).map((a) => {
    const path = byId.get(a.ObjectPathId);
    const parent = byId.get(path?.ParentObjectPathId ?? -1);
    return {
      call: `${parent?.Name ?? ""} > ${path?.Name ?? ""} . ${a.Name}`,
      args: path?.ArgumentInfo?.Arguments ?? [],
    };
  });
}

async function upgradeRequest(tableRange: string): Promise<WireRequest> {
  const { context, requests } = realContextCapturing();
  const existing = new Map([
    ["data", existingSheet("Data", [{ name: "NPS_Data", range: tableRange }])],
    ["gaps", existingSheet("Gaps", [])],
  ]);
  await queueWorkbookPlan(context, dataAndGaps, { existing, existingNames: new Set(), excelApi19: true });
  await context.sync();
  expect(requests).toHaveLength(1);
  return requests[0].body;
}

test("fewer rows than the plan: rows are added to the table, which is never deleted", async () => {
  const body = await upgradeRequest(`A1:${LAST}${1 + planRows - 2}`);
  const byId = new Map(Object.values(body.ObjectPaths).map((p) => [p.Id, p]));
  const rowsAdded = Object.values(body.ObjectPaths).filter(
    (p) => p.Name === "Add" && byId.get(p.ParentObjectPathId ?? -1)?.Name === "Rows",
  );
  expect(rowsAdded.map((p) => (p.ArgumentInfo?.Arguments?.[1] as unknown[]).length)).toEqual([2]);
  expect(calls(body).filter((c) => c.call.endsWith(". Delete"))).toEqual([]);
  expect(calls(body).filter((c) => c.call.endsWith(". Apply"))).toHaveLength(1);
});

test("more rows than the plan: the surplus rows at the end go in one Range.delete with the cells shifting up", async () => {
  // planRows + 2 body rows now (rows 2 .. planRows + 3): the last two go, as one block of the table's columns.
  const body = await upgradeRequest(`A1:${LAST}${1 + planRows + 2}`);
  expect(calls(body).filter((c) => c.call.endsWith(". Delete"))).toEqual([
    { call: " > GetRange . Delete", args: [`A${planRows + 2}:${LAST}${planRows + 3}`] },
  ]);
  const deletes = body.Actions.filter((a) => a.Name === "Delete");
  expect(deletes.map((a) => a.ArgumentInfo?.Arguments)).toEqual([["Up"]]);
});

/** Layout 3's Data table ended at the review date: layout 4 added the previous level, previous score and change. */
const LAYOUT_3_LAST = DATA.letters.reviewDate;
const ADDED_HEADERS = DATA.headers.slice(-3);

test("a layout-3 table, three columns narrower: they are added to it, which is never deleted or made again", async () => {
  const body = await upgradeRequest(`A1:${LAYOUT_3_LAST}${1 + planRows}`);
  const byId = new Map(Object.values(body.ObjectPaths).map((p) => [p.Id, p]));
  const added = (collection: string) =>
    Object.values(body.ObjectPaths).filter(
      (p) => p.Name === "Add" && byId.get(p.ParentObjectPathId ?? -1)?.Name === collection,
    );
  const columnsAdded = added("Columns").map((p) => p.ArgumentInfo?.Arguments as unknown[][]);
  // Appended (no index), each with the plan's header and one value a body row.
  expect(columnsAdded.map(([index]) => index ?? null)).toEqual([null, null, null]);
  expect(columnsAdded.map(([, values]) => (values as string[][])[0][0])).toEqual(ADDED_HEADERS);
  expect(columnsAdded.map(([, values]) => (values as string[][]).length)).toEqual([
    1 + planRows,
    1 + planRows,
    1 + planRows,
  ]);
  // The table is found by its name (never added again) and nothing is deleted.
  const tables = Object.values(body.ObjectPaths).filter((p) => byId.get(p.ParentObjectPathId ?? -1)?.Name === "Tables");
  expect(tables.filter((p) => p.Name === "Add")).toEqual([]);
  // Every path under the sheet's tables is the indexer finding NPS_Data: no tables.add, no other table.
  expect(new Set(tables.map((p) => `${p.Name}(${String(p.ArgumentInfo?.Arguments)})`))).toEqual(
    new Set(["(NPS_Data)"]),
  );
  expect(calls(body).filter((c) => c.call.endsWith(". Delete"))).toEqual([]);
  expect(added("Rows")).toEqual([]);
});

test("a table a column wider than the plan: its last column is deleted through its own collection", async () => {
  const wider = String.fromCharCode(LAST.charCodeAt(0) + 1);
  const body = await upgradeRequest(`A1:${wider}${1 + planRows}`);
  expect(calls(body).filter((c) => c.call.endsWith(". Delete"))).toEqual([
    { call: "Columns > GetItemAt . Delete", args: [DATA.headers.length] },
  ]);
});
