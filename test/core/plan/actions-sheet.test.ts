/**
 * The Actions sheet: its NPS_Actions table as both writers write it, its lookups as LibreOffice works them out, and
 * every action read back as typed (the reader, then a repair and an upgrade carrying them into a new workbook).
 */
import { readFile, writeFile } from "fs/promises";
import JSZip from "jszip";
import * as path from "path";
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { planUpgrade } from "../../../src/core/assessment/plan-assessment";
import { ACTIONS_TABLE_NAME, EMPTY_ACTION_ROWS } from "../../../src/core/plan/actions-sheet";
import type { ActionAnswer, Answers } from "../../../src/core/plan/answer-types";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { ACTIONS } from "../../../src/core/plan/layout";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { parseToolkit } from "../../../src/core/toolkit/load";
import { cellAddress } from "../../../src/core/util/a1";
import { isoDateToSerial } from "../../../src/core/util/dates";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { decodeXml } from "../../../src/xlsx/xml-text";
import { tempDir } from "../../support/fixtures";
import { recalculate } from "../../support/libreoffice";
import { expectWorkbookClean } from "../../support/xlsx-checks";
import { NOW, toolkit } from "../check/fixtures";

const [first, second] = toolkit.themes[0].keyAreas;
const [a, b] = first.behaviours;
const c = second.behaviours[0];

const answers: Answers = {
  council: "Anytown Borough Council",
  behaviours: {
    [a.id]: { current: "Developing", target: "Leader" },
    [b.id]: { current: "Mature" },
    [c.id]: { current: "Innovator", target: "Mature" },
  },
};

/** Actions of every kind: a picked ID, one typed in lower case, an unknown one, a pattern, none, text that looks like a formula. */
const actions: ActionAnswer[] = [
  {
    behaviourId: a.id,
    action: "Publish a forward plan",
    owner: "Head of Procurement",
    dueDate: "2027-03-31",
    status: "In progress",
  },
  { behaviourId: c.id.toLowerCase(), action: "=Keep as text", status: "Done", note: "+44 board" },
  { behaviourId: "XX-NOPE-01", action: "Unknown behaviour", dueDate: "next spring" },
  { behaviourId: `${a.id.slice(0, 2)}*`, action: "A pattern, not a behaviour" },
  { action: "No behaviour chosen yet", owner: "Sam" },
];

const plan = buildWorkbookPlan(toolkit, { ...answers, actions }, { now: NOW, assessmentDate: "2026-11-01" });
const sheetOf = (p: WorkbookPlan, key: string) => p.sheets.find((s) => s.key === key) as SheetPlan;

let written: Promise<{ file: string; bytes: Uint8Array }> | undefined;
function writtenFile() {
  written ??= (async () => {
    const file = path.join(tempDir("nps-actions-"), "actions.xlsx");
    const bytes = await writePlanToBuffer(plan);
    await writeFile(file, bytes);
    return { file, bytes };
  })();
  return written;
}

describe("the Actions sheet's plan", () => {
  test("an NPS_Actions table of the layout's columns: each action, then empty rows to type into", () => {
    const sheet = sheetOf(plan, "actions");
    expect(sheet.name).toBe("Actions");
    const last = ACTIONS.headerRow + actions.length + EMPTY_ACTION_ROWS;
    expect(sheet.tables).toMatchObject([{ name: ACTIONS_TABLE_NAME, range: `A${ACTIONS.headerRow}:K${last}` }]);
    expect(sheet.tables[0].calculatedColumns?.map((c) => c.column)).toEqual([2, 3, 4, 5, 6]);
    // No protection: Excel lets no table on a protected sheet grow.
    expect(sheet.protection).toBeUndefined();
  });

  test("a new assessment has the table with its empty rows and no action", () => {
    const empty = sheetOf(buildWorkbookPlan(toolkit, { behaviours: {} }, { now: NOW }), "actions");
    expect(empty.tables[0].range).toBe(`A${ACTIONS.headerRow}:K${ACTIONS.headerRow + EMPTY_ACTION_ROWS}`);
  });

  test("the ID picker lists Data's behaviour IDs from cells (too long for an inline list); status picks from four", () => {
    const [id, due, status] = sheetOf(plan, "actions").validations;
    expect(id).toMatchObject({
      type: "list",
      source: `'Data'!$F$2:$F$${1 + toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length}`,
    });
    expect(due).toMatchObject({ type: "date" });
    expect(status).toMatchObject({ type: "list", values: ["Not started", "In progress", "Done", "Dropped"] });
  });
});

describe("the written workbook", () => {
  test("is valid Open XML, with each calculated column's formula in the table part as the first row's", async () => {
    const { file, bytes } = await writtenFile();
    await expectWorkbookClean(file);
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    const table = parts.find((xml) => xml.includes(`name="${ACTIONS_TABLE_NAME}"`))!;
    const formulas = [...table.matchAll(/<calculatedColumnFormula>([^<]*)<\/calculatedColumnFormula>/g)].map((m) =>
      decodeXml(m[1]),
    );
    const firstRow = sheetOf(plan, "actions").blocks.find((block) => block.at === `A${ACTIONS.headerRow}`)!.cells[1];
    expect(formulas).toEqual([2, 3, 4, 5, 6].map((column) => (firstRow[column - 1] as { formula: string }).formula));
  });

  test("LibreOffice looks each action's behaviour up by the ID typed, compared as text: no pattern matches", async () => {
    const { file } = await writtenFile();
    const snapshot: WorkbookSnapshot = await readSnapshotFromBuffer(await readFile(await recalculate(file)));
    const sheet = snapshot.sheets.find((s) => s.name === "Actions")!;
    const row = (i: number) => {
      const at = (column: number) => sheet.cells[cellAddress(ACTIONS.firstRow + i, column)]?.value ?? "";
      const C = ACTIONS.columns;
      return [at(C.behaviour), at(C.keyArea), at(C.currentLevel), at(C.targetLevel), at(C.gap)];
    };
    expect(row(0)).toEqual([a.name, first.name, "Developing", "Leader", 2]);
    // "=" ignores case, as Excel's does.
    expect(row(1)).toEqual([c.name, second.name, "Innovator", "Mature", 0]);
    expect(row(2)).toEqual(["", "", "", "", ""]);
    expect(row(3)).toEqual(["", "", "", "", ""]);
    expect(row(4)).toEqual(["", "", "", "", ""]);
    expect(row(actions.length)).toEqual(["", "", "", "", ""]);
  });
});

describe("reading the actions back", () => {
  test("every action as typed, text that looks like a formula still text, a date as a date", async () => {
    const { bytes } = await writtenFile();
    const snapshot = await readSnapshotFromBuffer(bytes);
    const found = readAssessment(snapshot, toolkit)!;
    expect(found.answers.actions).toEqual(actions);
    const sheet = snapshot.sheets.find((s) => s.name === "Actions")!;
    expect(sheet.cells[cellAddress(ACTIONS.firstRow, ACTIONS.columns.dueDate)].value).toBe(
      isoDateToSerial("2027-03-31"),
    );
    expect(sheet.cells[cellAddress(ACTIONS.firstRow + 1, ACTIONS.columns.action)]).toEqual({ value: "=Keep as text" });
    expect(found.unplaced.join(" ")).toMatch(/An action on "Actions" \(row 9\) has no behaviour ID/);
  });

  test("rows added below the table, error values pasted in and thousands of rows: every one kept, with notes", async () => {
    const { bytes } = await writtenFile();
    const snapshot = await readSnapshotFromBuffer(bytes);
    const sheet = snapshot.sheets.find((s) => s.name === "Actions")!;
    const below = ACTIONS.headerRow + actions.length + EMPTY_ACTION_ROWS + 2;
    sheet.cells[cellAddress(below, ACTIONS.columns.id)] = { value: "#N/A" };
    sheet.cells[cellAddress(below, ACTIONS.columns.action)] = { value: "Pasted with an error" };
    for (let i = 1; i <= 3000; i++)
      sheet.cells[cellAddress(below + i, ACTIONS.columns.action)] = { value: `Action ${i}` };
    const found = readAssessment(snapshot, toolkit)!;
    expect(found.answers.actions).toHaveLength(actions.length + 1 + 3000);
    expect(found.answers.actions![actions.length]).toEqual({ behaviourId: "#N/A", action: "Pasted with an error" });
    expect(found.unplaced.join(" ")).toMatch(
      new RegExp(`Row ${below} of "Actions" holds an error value \\(Behaviour ID #N/A\\)`),
    );
    expect(found.unplaced.join(" ")).toMatch(/3001 actions on "Actions" \(row 9, .* and others\) have no behaviour ID/);
  });

  test("a repair and an upgrade to another toolkit version carry every action, in order", async () => {
    const { bytes } = await writtenFile();
    const snapshot = await readSnapshotFromBuffer(bytes);
    const details = { council: "", assessmentDate: "" };
    const repaired = planUpgrade(snapshot, toolkit, { details, now: NOW, workbookSheets: [] })!;
    const later = parseToolkit({ ...toolkit, version: "1.1.0" });
    const upgraded = planUpgrade(snapshot, later, { details, now: NOW, workbookSheets: [] })!;
    expect(upgraded.action).toBe("upgraded");
    for (const planned of [repaired, upgraded]) {
      const again = readAssessment(await readSnapshotFromBuffer(await writePlanToBuffer(planned.plan)), toolkit)!;
      expect(again.answers.actions).toEqual(actions);
    }
  });
});
