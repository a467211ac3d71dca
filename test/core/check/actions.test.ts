/**
 * The action plan's rules: workbooks written and read back with the product's reader, each with the actions or the
 * change that must give (or must not give) a finding.
 */
import { ACTIONS } from "../../../src/core/plan/layout";
import type { ActionAnswer, Answers } from "../../../src/core/plan/answer-types";
import { actionLookupFormula, EMPTY_ACTION_ROWS } from "../../../src/core/plan/actions-sheet";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { cellAddress } from "../../../src/core/util/a1";
import { check, planWith, snapshotOf, toolkit, where } from "./fixtures";

const [a, b, c] = toolkit.themes[0].keyAreas[0].behaviours.map((x) => x.id);
const behaviours = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours)).length;
const source = { dataSheet: "Data", behaviours };
const C = ACTIONS.columns;
const row = (i: number) => ACTIONS.firstRow + i;

const answers: Answers = {
  behaviours: {
    [a]: { current: "Developing", target: "Leader" },
    [b]: { current: "Minimum", target: "Mature" },
    [c]: { current: "Mature", target: "Mature" },
  },
};

const actionRules = (snapshot: WorkbookSnapshot) =>
  check(snapshot)
    .filter((f) => f.rule.startsWith("action.") || f.rule.startsWith("structure.table") || f.rule === "formula.changed")
    .map(where);

async function snapshotWith(actions: ActionAnswer[]): Promise<WorkbookSnapshot> {
  return snapshotOf(planWith({ ...answers, actions }));
}

test("actions as they should be: only the behaviour below target without an action is said, as information", async () => {
  const snapshot = await snapshotWith([
    { behaviourId: a, action: "Train the team", dueDate: "2099-12-31", status: "In progress" },
    { behaviourId: a.toLowerCase(), action: "Done long ago", dueDate: "2001-01-01", status: "Done" },
  ]);
  const findings = check(snapshot).filter((f) => f.rule.startsWith("action."));
  expect(findings.map(where)).toEqual([
    { rule: "action.gap-without-action", sheet: "Actions", cell: undefined, severity: "info" },
  ]);
  expect(findings[0].found).toBe(b);
});

test("an unknown behaviour ID, a due date typed as text, a status not in the list and an overdue action", async () => {
  const snapshot = await snapshotWith([
    { behaviourId: "XX-NOPE-01", action: "Unknown" },
    { behaviourId: a, action: "Text date", dueDate: "end of March" },
    { behaviourId: b, action: "Odd status", status: "Finished" },
    { behaviourId: b, action: "Late", dueDate: "2001-01-01", status: "Not started" },
  ]);
  expect(actionRules(snapshot)).toEqual([
    { rule: "action.unknown-behaviour", sheet: "Actions", cell: cellAddress(row(0), C.id), severity: "warning" },
    { rule: "action.due-date-not-a-date", sheet: "Actions", cell: cellAddress(row(1), C.dueDate), severity: "warning" },
    { rule: "action.status-not-in-list", sheet: "Actions", cell: cellAddress(row(2), C.status), severity: "warning" },
    { rule: "action.overdue", sheet: "Actions", cell: cellAddress(row(3), C.dueDate), severity: "warning" },
  ]);
});

test("rows a user added to the table, with its formulas, are no finding; nor are empty rows deleted", async () => {
  const snapshot = await snapshotWith([{ behaviourId: a, action: "First" }]);
  const sheet = snapshot.sheets.find((s) => s.name === "Actions")!;
  // Every empty row deleted, and two rows added as Excel fills a table's calculated columns into them.
  const firstEmpty = row(1);
  for (const address of Object.keys(sheet.cells))
    if (Number(address.replace(/^[A-Z]+/, "")) >= firstEmpty) delete sheet.cells[address];
  for (const r of [firstEmpty, firstEmpty + 1]) {
    for (const key of ["behaviour", "keyArea", "currentLevel", "targetLevel", "gap"] as const)
      sheet.cells[cellAddress(r, C[key])] = { value: "", formula: actionLookupFormula(key, r, source) };
    sheet.cells[cellAddress(r, C.id)] = { value: b };
    sheet.cells[cellAddress(r, C.action)] = { value: `Added ${r}` };
  }
  const table = snapshot.tables!.find((t) => t.name === "NPS_Actions")!;
  table.range = `A${ACTIONS.headerRow}:K${firstEmpty + 1}`;
  expect(actionRules(snapshot)).toEqual([]);
  expect(ACTIONS.headerRow + 1 + EMPTY_ACTION_ROWS).toBeGreaterThan(firstEmpty + 1);
});

test("a lookup overwritten, and an action typed below the table without its formulas, are found at the row", async () => {
  const snapshot = await snapshotWith([{ behaviourId: a, action: "First" }]);
  const sheet = snapshot.sheets.find((s) => s.name === "Actions")!;
  sheet.cells[cellAddress(row(0), C.gap)] = { value: 0 };
  const below = ACTIONS.firstRow + 1 + EMPTY_ACTION_ROWS;
  sheet.cells[cellAddress(below, C.id)] = { value: b };
  sheet.cells[cellAddress(below, C.action)] = { value: "Typed below the table" };
  expect(actionRules(snapshot)).toEqual([
    { rule: "action.formula-changed", sheet: "Actions", cell: cellAddress(row(0), C.gap), severity: "warning" },
    { rule: "action.formula-changed", sheet: "Actions", cell: cellAddress(below, C.behaviour), severity: "warning" },
  ]);
});

test("the table moved from its header row or cut to other columns is found; grown down it is not", async () => {
  const snapshot = await snapshotWith([{ behaviourId: a }, { behaviourId: b }]);
  const table = snapshot.tables!.find((t) => t.name === "NPS_Actions")!;
  table.range = `A${ACTIONS.headerRow}:K${ACTIONS.headerRow + 400}`;
  expect(actionRules(snapshot)).toEqual([]);
  table.range = `A${ACTIONS.headerRow}:H${ACTIONS.headerRow + 4}`;
  expect(actionRules(snapshot)).toEqual([
    { rule: "structure.table-range-changed", sheet: "Actions", cell: `A${ACTIONS.headerRow}`, severity: "error" },
  ]);
});
