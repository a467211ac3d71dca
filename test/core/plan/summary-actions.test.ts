/**
 * The Summary's actions block, worked out by hand and by LibreOffice: actions by status and how many are overdue
 * at the block's date. Due dates lie far in the past (2001) or the future (2099), so the figures do not move with
 * the day the test runs.
 */
import { readFile, writeFile } from "fs/promises";
import * as path from "path";
import { actionsBlockFigures } from "../../../src/core/check/action-figures";
import type { ActionAnswer } from "../../../src/core/plan/answer-types";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { ACTIONS } from "../../../src/core/plan/layout";
import { actionsBlockRows, ACTIONS_BLOCK_TITLE } from "../../../src/core/plan/summary-actions";
import { plannedCells } from "../../../src/core/plan/planned-cells";
import type { SheetPlan } from "../../../src/core/plan/types";
import { cellAddress } from "../../../src/core/util/a1";
import { isoDateToSerial } from "../../../src/core/util/dates";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { tempDir } from "../../support/fixtures";
import { recalculate } from "../../support/libreoffice";
import { NOW, toolkit } from "../check/fixtures";

const [x, y] = toolkit.themes[0].keyAreas[0].behaviours.map((b) => b.id);
const PAST = "2001-01-01";
const FUTURE = "2099-12-31";

const actions: ActionAnswer[] = [
  { behaviourId: x, action: "A", status: "Not started", dueDate: PAST }, // overdue
  { behaviourId: x, action: "B", status: "In progress", dueDate: FUTURE },
  { behaviourId: y, action: "C", status: "Done", dueDate: PAST },
  { behaviourId: y, action: "D", status: "Dropped", dueDate: PAST },
  { behaviourId: y, action: "E", status: "done", dueDate: PAST }, // Done in another case: not overdue
  { action: "F, no status yet", dueDate: "2001-06-30" }, // overdue
  { behaviourId: x, action: "G", status: "Finished", dueDate: PAST }, // not a status, so overdue
  { behaviourId: y }, // an ID alone: an action with no status yet
  { behaviourId: x, action: "I", status: "In progress", dueDate: "next spring" }, // a date typed as text
  { owner: "Only an owner" }, // no action, no ID, no status: counted nowhere
];

/** Not started, In progress, Done, Dropped, no status yet, not a status, all, overdue: worked out by hand. */
const BY_HAND = [1, 2, 2, 1, 2, 1, 9, 3];

const plan = buildWorkbookPlan(toolkit, { behaviours: {}, actions }, { now: NOW });
const summary = plan.sheets.find((s) => s.key === "summary") as SheetPlan;
const top = [...plannedCells(summary)].find(([, cells]) => cells.get(1) === ACTIONS_BLOCK_TITLE)![0];
const rows = actionsBlockRows(top);
const figureRows = [0, 1, 2, 3]
  .map((i) => rows.firstStatus + i)
  .concat([rows.noStatus, rows.notAStatus, rows.all, rows.overdue]);

test("the block sits below the chart data, its overdue date the day the workbook is written", () => {
  const chartData = [...plannedCells(summary).keys()].filter((row) => row < top);
  expect(top).toBeGreaterThan(Math.max(...chartData) + 1);
  expect(plannedCells(summary).get(rows.asAt)!.get(2)).toBe(isoDateToSerial("2026-11-26"));
});

test("LibreOffice counts the actions by status and the overdue ones as worked out by hand, and so does the core", async () => {
  const file = path.join(tempDir("nps-summary-actions-"), "actions.xlsx");
  await writeFile(file, await writePlanToBuffer(plan));
  const snapshot = await readSnapshotFromBuffer(await readFile(await recalculate(file)));
  const sheet = (name: string) => snapshot.sheets.find((s) => s.name === name)!;
  const shown = figureRows.map((row) => sheet("Summary").cells[cellAddress(row, 2)]?.value);
  expect(shown).toEqual(BY_HAND);
  const core = actionsBlockFigures(summary, sheet("Summary"), sheet("Actions"));
  expect(figureRows.map((row) => core.get(cellAddress(row, 2)))).toEqual(BY_HAND);
});

test("with the overdue date cleared the count is blank, not every dated action", () => {
  const cleared = structuredClone(summary);
  const snapshotSummary = { name: "Summary", visibility: "visible" as const, cells: {} };
  const actionsSheet = {
    name: "Actions",
    visibility: "visible" as const,
    cells: {
      [cellAddress(ACTIONS.firstRow, ACTIONS.columns.dueDate)]: { value: isoDateToSerial(PAST) },
      [cellAddress(ACTIONS.firstRow, ACTIONS.columns.action)]: { value: "A" },
    },
  };
  const figures = actionsBlockFigures(cleared, snapshotSummary, actionsSheet);
  expect(figures.get(cellAddress(rows.overdue, 2))).toBe("");
  expect(figures.get(cellAddress(rows.noStatus, 2))).toBe(1);
});
