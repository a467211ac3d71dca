/**
 * Draft actions in the open workbook: the rows of the action plan's table to write, whole (inputs and the looked-up
 * formulas at the rows they land on) — its blank rows first, then rows added at its foot; a row with anything typed
 * in it never written; nothing when every gap has an action; refusals that say what first.
 */
import { planDraftedRows, isDraftRefusal, type DraftedRows } from "../../../src/core/cycle/draft-in-place";
import { planNextYear } from "../../../src/core/cycle/next-year";
import { actionLookupFormula, ACTIONS_TABLE_NAME, EMPTY_ACTION_ROWS } from "../../../src/core/plan/actions-sheet";
import type { Answers } from "../../../src/core/plan/answer-types";
import { ACTIONS, SHEET_NAMES } from "../../../src/core/plan/layout";
import type { PlanCell, WorkbookPlan } from "../../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { richTextToCell } from "../../../src/core/toolkit/text";
import { cellAddress, parseRange, rangeAddress } from "../../../src/core/util/a1";
import { cycleWords } from "../../../src/core/words/cycle";
import { allGapsAnswers, plan, planSnapshot } from "../../support/plan-cells";

const toolkit = canonicalToolkit();
const [a, b, c] = toolkit.themes[0].keyAreas[0].behaviours;
const behaviours = toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours).length;
const words = cycleWords.draftedInPlace;

const answers: Answers = {
  behaviours: {
    [a.id]: { current: "Developing", target: "Leader" }, // a gap, no action: drafted
    [b.id]: { current: "Minimum", target: "Mature" }, // a gap with an action: none
    [c.id]: { current: "Mature", target: "Mature" }, // no gap
  },
  actions: [{ behaviourId: b.id, action: "Ours, kept", owner: "Sam" }],
};

/** What the Office reader gives: the plan's cells, and its tables placed with their headers. */
function snapshotOf(workbook: WorkbookPlan): WorkbookSnapshot {
  const snapshot = planSnapshot(workbook);
  const tables = workbook.sheets.flatMap((sheet) =>
    sheet.tables.map((table) => {
      const { top, left, right } = parseRange(table.range);
      const cells = snapshot.sheets.find((s) => s.name === sheet.name)!.cells;
      const columns = Array.from({ length: right - left + 1 }, (_, i) =>
        String(cells[cellAddress(top, left + i)].value),
      );
      return { name: table.name, sheet: sheet.name, range: table.range, columns };
    }),
  );
  return { ...snapshot, tables };
}

/** The snapshot after Excel wrote the blank rows and added the rest at the foot of the table. */
function withRowsAdded(snapshot: WorkbookSnapshot, drafted: DraftedRows): WorkbookSnapshot {
  const table = snapshot.tables!.find((t) => t.name === drafted.table)!;
  const { top, left, bottom, right } = parseRange(table.range!);
  const written = [...drafted.filled, ...drafted.rows.map((cells, r) => ({ row: bottom + 1 + r, cells }))];
  const sheets = snapshot.sheets.map((sheet) => {
    if (sheet.name !== drafted.sheet) return sheet;
    const cells = { ...sheet.cells };
    for (const { row, cells: rowCells } of written)
      rowCells.forEach((cell, i) => {
        const address = cellAddress(row, left + i);
        if (cell !== null && typeof cell === "object") cells[address] = { value: "", formula: cell.formula };
        else if (cell !== null) cells[address] = { value: cell };
      });
    return { ...sheet, cells };
  });
  const range = rangeAddress(top, left, bottom + drafted.rows.length, right);
  return { ...snapshot, sheets, tables: snapshot.tables!.map((t) => (t === table ? { ...t, range } : t)) };
}

test("one whole row per gap without an action, in the table's first blank row, with the looked-up formulas of that row", () => {
  const drafted = planDraftedRows({ snapshot: snapshotOf(plan(answers)), toolkit });
  if (isDraftRefusal(drafted)) throw new Error(drafted.message);
  // The table: its header, the one action and the empty rows to type into; the draft lands in the first of them.
  const row = ACTIONS.headerRow + 1 + 1;
  const source = { dataSheet: SHEET_NAMES.data, behaviours };
  expect(drafted).toEqual({
    sheet: SHEET_NAMES.actions,
    table: ACTIONS_TABLE_NAME,
    rows: [],
    filled: [
      {
        row,
        cells: ACTIONS.row<PlanCell>({
          id: a.id,
          behaviour: { formula: actionLookupFormula("behaviour", row, source) },
          keyArea: { formula: actionLookupFormula("keyArea", row, source) },
          currentLevel: { formula: actionLookupFormula("currentLevel", row, source) },
          targetLevel: { formula: actionLookupFormula("targetLevel", row, source) },
          gap: { formula: actionLookupFormula("gap", row, source) },
          action: `Reach Mature: ${richTextToCell(a.descriptors[2])}`,
          owner: null,
          dueDate: null,
          status: "Not started",
          note: null,
        }),
      },
    ],
    title: words.added(1),
    notes: [words.where(SHEET_NAMES.actions)],
  });
  expect(drafted.title).toBe(
    "Added 1 action to the action plan, one for each behaviour below its target that had none.",
  );
});

/** Every behaviour below its target, none with an action: more drafts than the new table's blank rows. */
const allGaps = allGapsAnswers(toolkit);

test("the blank rows are filled first, top to bottom; the drafts left over are added at the table's foot", () => {
  const snapshot = snapshotOf(plan(allGaps));
  const drafted = planDraftedRows({ snapshot, toolkit }) as DraftedRows;
  const { bottom } = parseRange(snapshot.tables!.find((t) => t.name === ACTIONS_TABLE_NAME)!.range!);
  const blank = Array.from({ length: EMPTY_ACTION_ROWS }, (_, i) => ACTIONS.headerRow + 1 + i);
  expect(drafted.filled.map((f) => f.row)).toEqual(blank);
  expect(bottom).toBe(blank[blank.length - 1]);
  expect(drafted.filled.length + drafted.rows.length).toBe(behaviours);
  expect(drafted.title).toBe(words.added(behaviours));
  // In toolkit order: the first drafts in the blank rows, the next at the foot, each row's formulas for where it lands.
  const ids = [...drafted.filled.map((f) => f.cells), ...drafted.rows].map((cells) => cells[ACTIONS.columns.id - 1]);
  expect(ids).toEqual(Object.keys(allGaps.behaviours));
  const idSource = (row: number) => actionLookupFormula("behaviour", row, { dataSheet: SHEET_NAMES.data, behaviours });
  expect(drafted.filled[4].cells[ACTIONS.columns.behaviour - 1]).toEqual({ formula: idSource(blank[4]) });
  expect(drafted.rows[0][ACTIONS.columns.behaviour - 1]).toEqual({ formula: idSource(bottom + 1) });
});

test("a row with anything typed in a user's column is never written, not even a space or a note alone", () => {
  const snapshot = snapshotOf(plan(allGaps));
  const first = ACTIONS.headerRow + 1;
  const typed = {
    [first]: { column: ACTIONS.columns.note, value: "Ask Sam" },
    [first + 2]: { column: ACTIONS.columns.owner, value: " " },
  };
  const sheets = snapshot.sheets.map((sheet) =>
    sheet.name !== SHEET_NAMES.actions
      ? sheet
      : {
          ...sheet,
          cells: {
            ...sheet.cells,
            ...Object.fromEntries(
              Object.entries(typed).map(([row, { column, value }]) => [cellAddress(Number(row), column), { value }]),
            ),
          },
        },
  );
  const drafted = planDraftedRows({ snapshot: { ...snapshot, sheets }, toolkit }) as DraftedRows;
  expect(drafted.filled.map((f) => f.row)).toEqual([first + 1, first + 3, first + 4]);
  expect(drafted.filled.length + drafted.rows.length).toBe(behaviours);
});

test("run twice, the second adds nothing: every gap has its action now", () => {
  const snapshot = snapshotOf(plan(answers));
  const first = planDraftedRows({ snapshot, toolkit }) as DraftedRows;
  const second = planDraftedRows({ snapshot: withRowsAdded(snapshot, first), toolkit });
  expect(second).toMatchObject({ filled: [], rows: [], title: words.noneMissing, notes: [] });
});

test("no gap at all: nothing to add, and the title says why", () => {
  const drafted = planDraftedRows({ snapshot: snapshotOf(plan({ behaviours: {} })), toolkit });
  expect(drafted).toMatchObject({ filled: [], rows: [], title: words.noGaps });
});

test("the Data sheet renamed: the formulas look up the sheet by its name now", () => {
  const drafted = planDraftedRows({
    snapshot: snapshotOf(plan(answers, { sheetNames: { data: "Our data" } })),
    toolkit,
  }) as DraftedRows;
  expect(JSON.stringify(drafted.filled[0].cells)).toContain("'Our data'!");
});

test("refused: no assessment, an older layout (upgrade first), the table gone or reshaped (repair first)", () => {
  const snapshot = snapshotOf(plan(answers));
  expect(planDraftedRows({ snapshot: { sheets: [], names: {} }, toolkit })).toMatchObject({ refused: "no-assessment" });
  const metadata = snapshot.sheets.find((s) => s.name === SHEET_NAMES.metadata)!;
  const layoutRow = Object.entries(metadata.cells)
    .find(([, cell]) => cell.value === "layoutVersion")![0]
    .slice(1);
  const older = {
    ...snapshot,
    sheets: snapshot.sheets.map((s) =>
      s === metadata ? { ...s, cells: { ...s.cells, [`B${layoutRow}`]: { value: "3" } } } : s,
    ),
  };
  expect(planDraftedRows({ snapshot: older, toolkit })).toEqual({
    refused: "upgrade-first",
    message: words.olderWorkbook,
    nextStep: words.upgradeFirst,
  });
  expect(words.upgradeFirst).toMatch(/^Upgrade first/);
  const gone = { ...snapshot, tables: snapshot.tables!.filter((t) => t.name !== ACTIONS_TABLE_NAME) };
  expect(planDraftedRows({ snapshot: gone, toolkit })).toMatchObject({ refused: "repair-first" });
  const reshaped = {
    ...snapshot,
    tables: snapshot.tables!.map((t) =>
      t.name === ACTIONS_TABLE_NAME ? { ...t, columns: [...t.columns, "Mine"] } : t,
    ),
  };
  expect(planDraftedRows({ snapshot: reshaped, toolkit })).toMatchObject({ refused: "repair-first" });
});

test("new --from --draft-actions: the drafts follow last year's open actions with no blank row above them, and the blank rows to type into stay below", () => {
  const lastYear = snapshotOf(plan({ ...answers, actions: [{ behaviourId: b.id, action: "Ours, still open" }] }));
  const planned = planNextYear({
    snapshot: lastYear,
    fileName: "last year.xlsx",
    assessmentDate: "2027-03-31",
    carryLevels: true,
    toolkit,
    draftActions: true,
    now: new Date("2027-03-31T09:00:00Z"),
  });
  if (!planned.ok) throw new Error(planned.reason);
  const actions = planned.plan.sheets.find((sheet) => sheet.role === "actions")!;
  const ids = planSnapshot(planned.plan).sheets.find((sheet) => sheet.name === actions.name)!.cells;
  const idAt = (row: number) => ids[cellAddress(row, ACTIONS.columns.id)]?.value ?? null;
  const rows = Array.from({ length: 2 + EMPTY_ACTION_ROWS }, (_, i) => idAt(ACTIONS.firstRow + i));
  expect(rows).toEqual([b.id, a.id, ...Array<null>(EMPTY_ACTION_ROWS).fill(null)]);
});
