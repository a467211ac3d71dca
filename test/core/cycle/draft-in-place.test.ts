/**
 * Draft actions in the open workbook: the rows to add at the foot of the action plan's table, whole (inputs and the
 * looked-up formulas at the rows they land on); nothing when every gap has an action; refusals that say what first.
 */
import { planDraftedRows, isDraftRefusal, type DraftedRows } from "../../../src/core/cycle/draft-in-place";
import { actionLookupFormula, ACTIONS_TABLE_NAME, EMPTY_ACTION_ROWS } from "../../../src/core/plan/actions-sheet";
import type { Answers } from "../../../src/core/plan/answer-types";
import { ACTIONS, SHEET_NAMES } from "../../../src/core/plan/layout";
import type { PlanCell, WorkbookPlan } from "../../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { richTextToCell } from "../../../src/core/toolkit/text";
import { cellAddress, parseRange, rangeAddress } from "../../../src/core/util/a1";
import { cycleWords } from "../../../src/core/words/cycle";
import { plan, planSnapshot } from "../../support/plan-cells";

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

/** The snapshot after Excel added the rows at the foot of the table. */
function withRowsAdded(snapshot: WorkbookSnapshot, drafted: DraftedRows): WorkbookSnapshot {
  const table = snapshot.tables!.find((t) => t.name === drafted.table)!;
  const { top, left, bottom, right } = parseRange(table.range!);
  const sheets = snapshot.sheets.map((sheet) => {
    if (sheet.name !== drafted.sheet) return sheet;
    const cells = { ...sheet.cells };
    drafted.rows.forEach((row, r) =>
      row.forEach((cell, i) => {
        const address = cellAddress(bottom + 1 + r, left + i);
        if (cell !== null && typeof cell === "object") cells[address] = { value: "", formula: cell.formula };
        else if (cell !== null) cells[address] = { value: cell };
      }),
    );
    return { ...sheet, cells };
  });
  const range = rangeAddress(top, left, bottom + drafted.rows.length, right);
  return { ...snapshot, sheets, tables: snapshot.tables!.map((t) => (t === table ? { ...t, range } : t)) };
}

test("one whole row per gap without an action, below the table's last row, with the looked-up formulas of that row", () => {
  const drafted = planDraftedRows({ snapshot: snapshotOf(plan(answers)), toolkit });
  if (isDraftRefusal(drafted)) throw new Error(drafted.message);
  // The table: its header, the one action and the empty rows to type into; the draft lands below them.
  const row = ACTIONS.headerRow + 1 + EMPTY_ACTION_ROWS + 1;
  const source = { dataSheet: SHEET_NAMES.data, behaviours };
  expect(drafted).toEqual({
    sheet: SHEET_NAMES.actions,
    table: ACTIONS_TABLE_NAME,
    rows: [
      ACTIONS.row<PlanCell>({
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
    ],
    title: words.added(1),
    notes: [words.where(SHEET_NAMES.actions)],
  });
  expect(drafted.title).toBe(
    "Added 1 action to the action plan, one for each behaviour below its target that had none.",
  );
});

test("run twice, the second adds nothing: every gap has its action now", () => {
  const snapshot = snapshotOf(plan(answers));
  const first = planDraftedRows({ snapshot, toolkit }) as DraftedRows;
  const second = planDraftedRows({ snapshot: withRowsAdded(snapshot, first), toolkit });
  expect(second).toMatchObject({ rows: [], title: words.noneMissing, notes: [] });
});

test("no gap at all: nothing to add, and the title says why", () => {
  const drafted = planDraftedRows({ snapshot: snapshotOf(plan({ behaviours: {} })), toolkit });
  expect(drafted).toMatchObject({ rows: [], title: words.noGaps });
});

test("the Data sheet renamed: the formulas look up the sheet by its name now", () => {
  const drafted = planDraftedRows({
    snapshot: snapshotOf(plan(answers, { sheetNames: { data: "Our data" } })),
    toolkit,
  }) as DraftedRows;
  expect(JSON.stringify(drafted.rows[0])).toContain("'Our data'!");
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
