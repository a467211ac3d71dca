/**
 * Rows inserted into or deleted from a key area sheet, as Excel does it (every reference follows)
 * and as a tool that splices rows does it (references left behind): one finding per row, naming
 * it, and formulas compared as Excel moved them. An add-in name pointed at another of its sheets.
 * Written with the .xlsx writer and read back with the product's reader, then edited.
 */
import { planRepairedCopy } from "../../../src/core/assessment/plan-assessment";
import { KEY_AREA, roleNameFor } from "../../../src/core/plan/layout";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { deleteRow, insertRow } from "../../support/row-edits";
import { check, errorsAndWarnings, NOW, samplePlan, snapshotOf, toolkit, where } from "./fixtures";

const area = toolkit.themes[0].keyAreas[0];
const AREA = area.sheetName;
const other = toolkit.themes[1].keyAreas[1];

let generated: WorkbookSnapshot;
beforeAll(async () => {
  generated = await snapshotOf(samplePlan());
});

const actionable = (snapshot: WorkbookSnapshot) => errorsAndWarnings(check(snapshot)).map(where);
const unprotected = (sheet: string) => ({
  rule: "protection.sheet-unprotected",
  sheet,
  cell: undefined,
  severity: "warning",
});

test("the generated workbook, read back, has nothing to act on", () => {
  expect(actionable(generated)).toEqual([]);
});

test("a row inserted among the behaviours as Excel inserts it is one finding naming the row", () => {
  const at = KEY_AREA.firstBehaviourRow + 2;
  expect(actionable(insertRow(generated, AREA, at, "excel"))).toEqual([
    unprotected(AREA),
    { rule: "structure.row-inserted", sheet: AREA, cell: `A${at}`, severity: "warning" },
  ]);
});

test("two rows inserted on two sheets, one above the table: one finding each", () => {
  const first = insertRow(generated, AREA, KEY_AREA.headerRow, "excel");
  const both = insertRow(first, other.sheetName, KEY_AREA.firstBehaviourRow + other.behaviours.length - 1, "excel");
  const findings = actionable(both).filter((f) => f.rule.startsWith("structure."));
  expect(findings).toEqual([
    { rule: "structure.row-inserted", sheet: AREA, cell: `A${KEY_AREA.headerRow}`, severity: "warning" },
    {
      rule: "structure.row-inserted",
      sheet: other.sheetName,
      cell: `A${KEY_AREA.firstBehaviourRow + other.behaviours.length - 1}`,
      severity: "warning",
    },
  ]);
  expect(errorsAndWarnings(check(both)).filter((f) => f.severity === "error")).toEqual([]);
});

test("the empty row above the table deleted as Excel deletes it is one finding", () => {
  const found = errorsAndWarnings(check(deleteRow(generated, AREA, 6, "excel")));
  expect(found.map(where)).toEqual([
    unprotected(AREA),
    { rule: "structure.row-deleted", sheet: AREA, cell: undefined, severity: "warning" },
  ]);
  expect(found[1].message).toContain("Row 6 as the add-in made this sheet (an empty row) was deleted");
});

test("the key area's description row deleted: the row, and the toolkit text it held, which is an error", () => {
  expect(actionable(deleteRow(generated, AREA, 3, "excel"))).toEqual([
    unprotected(AREA),
    { rule: "structure.row-deleted", sheet: AREA, cell: undefined, severity: "warning" },
    { rule: "content.key-area-text-edited", sheet: AREA, cell: "A3", severity: "error" },
    { rule: "content.key-area-text-edited", sheet: AREA, cell: "B3", severity: "error" },
  ]);
});

test("a row inserted without moving the references: the row is named, and the figures that now read the wrong cells are errors", () => {
  const at = KEY_AREA.firstBehaviourRow + 2;
  const findings = actionable(insertRow(generated, AREA, at, "naive"));
  expect(findings).toContainEqual({ rule: "structure.row-inserted", sheet: AREA, cell: `A${at}`, severity: "warning" });
  expect(findings.filter((f) => f.rule === "formula.changed").length).toBeGreaterThan(0);
  expect(findings.some((f) => f.rule === "structure.row-moved")).toBe(false);
});

test("a finding on a behaviour's row names the behaviour whose ID is on that row now, after a row was inserted above it", () => {
  const at = KEY_AREA.firstBehaviourRow + 1;
  const edited = structuredClone(insertRow(generated, AREA, at, "excel"));
  // The second behaviour now stands one row lower than the plan put it; its first descriptor is edited there.
  const sheet = edited.sheets.find((s) => s.name === AREA)!;
  const moved = `D${at + 1}`;
  sheet.cells[moved] = { value: `${String(sheet.cells[moved].value)} (as agreed locally)` };
  const edit = check(edited).find((f) => f.rule === "content.descriptor-edited");
  expect(edit?.cell).toBe(moved);
  expect(edit?.behaviour).toEqual({ id: area.behaviours[1].id, name: area.behaviours[1].name });
  // The inserted row holds no behaviour: a finding on it names none.
  expect(check(edited).find((f) => f.rule === "structure.row-inserted")?.behaviour).toBeUndefined();
});

test("repair of a sheet with a row inserted as Excel inserts it restores the layout, every answer in place", async () => {
  const edited = insertRow(generated, AREA, KEY_AREA.firstBehaviourRow + 2, "excel");
  const copy = planRepairedCopy(edited, toolkit, NOW)!;
  const back = await readSnapshotFromBuffer(await writePlanToBuffer(copy.plan));
  expect(actionable(back)).toEqual([]);
  expect(readAssessment(back, toolkit)!.answers.behaviours).toEqual(
    readAssessment(generated, toolkit)!.answers.behaviours,
  );
});

test("an add-in name pointed at another of its sheets is reported, and repair writes it back", async () => {
  const names = { ...generated.names, [roleNameFor("summary")]: generated.names[roleNameFor("guide")] };
  expect(names[roleNameFor("summary")]).toBe("'Guide'!$A$1");
  const edited = { ...generated, names };
  expect(actionable(edited)).toEqual([
    { rule: "structure.name-changed", sheet: undefined, cell: undefined, severity: "warning" },
  ]);
  const copy = planRepairedCopy(edited, toolkit, NOW)!;
  expect(actionable(await readSnapshotFromBuffer(await writePlanToBuffer(copy.plan)))).toEqual([]);
});
