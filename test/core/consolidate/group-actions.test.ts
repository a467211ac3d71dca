/**
 * Group Actions: two real returns with action plans (one holding text that looks like formulas) written by the
 * product's writer, read back, consolidated and written as a group workbook; the Open XML SDK validator passes
 * it, and every action is one row of the NPS_GroupActions table, its text kept as text.
 */
import { writeFileSync } from "fs";
import { readFile } from "fs/promises";
import JSZip from "jszip";
import * as path from "path";
import { anonymiseConsolidation } from "../../../src/core/consolidate/anonymise";
import { consolidateReturns } from "../../../src/core/consolidate/consolidate";
import {
  GROUP_ACTIONS_TABLE_NAME,
  groupActionRows,
  groupActionsCsv,
} from "../../../src/core/consolidate/group-actions";
import { planGroupWorkbook } from "../../../src/core/consolidate/group-plan";
import type { Consolidation } from "../../../src/core/consolidate/types";
import type { ActionAnswer } from "../../../src/core/plan/answer-types";
import { GROUP_ACTIONS } from "../../../src/core/plan/layout";
import type { SnapshotSheet, WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { cellAddress } from "../../../src/core/util/a1";
import { isoDateToSerial } from "../../../src/core/util/dates";
import { readReturn } from "../../../src/xlsx/read-return";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { tempDir } from "../../support/fixtures";
import { expectWorkbookClean } from "../../support/xlsx-checks";
import { answersOf, NOW, returnPlan, TODAY, toolkit, writeReturn } from "./fixtures";

const ANYTOWN_ACTIONS: ActionAnswer[] = [
  {
    behaviourId: "SL-ECSM-01",
    action: '=HYPERLINK("http://evil.example","click")',
    owner: "+44 20 7946 0000",
    dueDate: "2027-03-31",
    status: "In progress",
    note: "@SUM(1+1)",
  },
  { behaviourId: "SL-WWP-01", action: "Train the category leads", owner: "Head of Procurement", status: "Not started" },
];
const OTHERTON_ACTIONS: ActionAnswer[] = [
  { behaviourId: "NOT-AN-ID", action: "Agree a social value policy", dueDate: "next spring", note: "-1" },
];

let consolidation: Consolidation;
let group: WorkbookSnapshot;
let sheet: SnapshotSheet;
/** The written tables' XML: the reader reads tables on an assessment's sheets only. */
let tableParts: string[];

const cell = (row: number, key: keyof typeof GROUP_ACTIONS.columns) =>
  sheet.cells[cellAddress(row, GROUP_ACTIONS.columns[key])];

beforeAll(async () => {
  const dir = tempDir("nps-group-actions-");
  const answers = (council: string, actions: ActionAnswer[]) => ({
    ...answersOf(council, "2026-03-01", { "SL-ECSM-01": "Developing" }),
    respondent: `${council} lead`,
    actions,
  });
  const files = [
    await writeReturn(dir, "anytown.xlsx", returnPlan(answers("Anytown Council", ANYTOWN_ACTIONS))),
    await writeReturn(dir, "otherton.xlsx", returnPlan(answers("Otherton Council", OTHERTON_ACTIONS))),
  ];
  consolidation = await consolidateReturns(
    files.map((file) => ({ file: path.basename(file), read: async () => readReturn(await readFile(file)) })),
    { registry: [toolkit], today: TODAY, includeErrors: false, finalOnly: false },
  );
  const file = path.join(dir, "group.xlsx");
  writeFileSync(file, await writePlanToBuffer(planGroupWorkbook(consolidation, { now: NOW })));
  await expectWorkbookClean(file);
  const bytes = await readFile(file);
  group = await readSnapshotFromBuffer(bytes);
  const zip = await JSZip.loadAsync(bytes);
  tableParts = await Promise.all(zip.file(/^xl\/tables\/.*\.xml$/).map((part) => part.async("string")));
  sheet = group.sheets.find((s) => s.name === "Group Actions")!;
}, 120_000);

test("the group workbook holds the NPS_GroupActions table: its header and one row per action of both returns", () => {
  const table = tableParts.find((xml) => xml.includes(`name="${GROUP_ACTIONS_TABLE_NAME}"`));
  expect(table).toContain('ref="A1:K4"');
  expect(sheet.cells.A1?.value).toBe("Return");
  expect(GROUP_ACTIONS.headers.map((_, i) => sheet.cells[cellAddress(1, i + 1)]?.value)).toEqual(GROUP_ACTIONS.headers);
  expect(GROUP_ACTIONS.headers).toEqual([
    "Return",
    "Council",
    "Respondent",
    "Behaviour ID",
    "Behaviour",
    "Key area",
    "Action",
    "Owner",
    "Due date",
    "Status",
    "Progress note",
  ]);
  expect([2, 3, 4].map((row) => [cell(row, "returnNumber")?.value, cell(row, "council")?.value])).toEqual([
    [1, "Anytown Council"],
    [1, "Anytown Council"],
    [2, "Otherton Council"],
  ]);
  expect(cell(2, "respondent")?.value).toBe("Anytown Council lead");
});

test("the behaviour's name and key area come from the toolkit; an ID it lacks leaves them blank", () => {
  const ecsm = toolkit.themes[0].keyAreas[0];
  expect(cell(2, "behaviour")?.value).toBe(ecsm.behaviours[0].name);
  expect(cell(2, "keyArea")?.value).toBe(ecsm.name);
  expect(cell(4, "id")?.value).toBe("NOT-AN-ID");
  expect(cell(4, "behaviour")).toBeUndefined();
});

test("text that looks like a formula stays text; a due date is a date and other due-date text stays as typed", () => {
  const formulas = Object.entries(sheet.cells).filter(([, c]) => c.formula !== undefined);
  expect(formulas).toEqual([]);
  expect(cell(2, "action")?.value).toBe(ANYTOWN_ACTIONS[0].action);
  expect(cell(2, "owner")?.value).toBe("+44 20 7946 0000");
  expect(cell(2, "note")?.value).toBe("@SUM(1+1)");
  expect(cell(4, "note")?.value).toBe("-1");
  expect(cell(2, "dueDate")?.value).toBe(isoDateToSerial("2027-03-31"));
  expect(cell(4, "dueDate")?.value).toBe("next spring");
  expect(cell(3, "status")?.value).toBe("Not started");
});

test("the CSV has the same rows, with formula-like text neutralised and the due date as YYYY-MM-DD", () => {
  const lines = groupActionsCsv(groupActionRows(consolidation))
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  expect(lines[0]).toBe(GROUP_ACTIONS.headers.join(","));
  expect(lines).toHaveLength(5); // header, three actions, and the final line end
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(lines[1]).toContain(",2027-03-31,In progress,");
  expect(lines[3]).toContain(`,"'-1"`);
});

test("an anonymised group keeps each action's return number, behaviour, due date and status, and nothing typed", () => {
  const rows = groupActionRows(anonymiseConsolidation(consolidation).consolidation);
  expect(rows).toHaveLength(3);
  for (const row of rows) {
    expect([row.council, row.respondent, row.action, row.owner, row.note]).toEqual([null, null, null, null, null]);
  }
  expect(rows[0]).toMatchObject({ returnNumber: 1, id: "SL-ECSM-01", dueDate: "2027-03-31", status: "In progress" });
  // An ID the toolkit lacks and a due date that is not a date are typed text too, so withheld.
  expect(rows[2]).toMatchObject({ returnNumber: 2, id: null, dueDate: null, status: null });
});

test("a group without actions still has its table, with one blank row (an Excel table cannot be empty)", () => {
  const none = { ...consolidation, returns: consolidation.returns.map((used) => ({ ...used, actions: [] })) };
  const plan = planGroupWorkbook(none, { now: NOW }).sheets.find((s) => s.key === "groupActions")!;
  expect(plan.tables).toEqual([expect.objectContaining({ name: GROUP_ACTIONS_TABLE_NAME, range: "A1:K2" })]);
});
