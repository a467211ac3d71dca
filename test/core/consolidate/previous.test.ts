/**
 * Group Data carries each return's previous figures: last year's current level and score as the return's Previous
 * columns show them, and the change since, blank where a return was not started from last year's or a behaviour
 * has no previous level. Real returns, built by the carry-forward and read back by the product's reader.
 */
import { anonymiseConsolidation } from "../../../src/core/consolidate/anonymise";
import { consolidate } from "../../../src/core/consolidate/consolidate";
import { groupDataSheet } from "../../../src/core/consolidate/group-data-sheet";
import { groupDataRows, type GroupDataRow } from "../../../src/core/consolidate/group-rows";
import type { Answers } from "../../../src/core/plan/answer-types";
import { GROUP_DATA } from "../../../src/core/plan/layout";
import { cellAddress } from "../../../src/core/util/a1";
import { planSnapshot } from "../../support/plan-cells";
import { answersOf, examineSnapshot, returnPlan, toolkit, startedFromLastYear } from "./fixtures";

const [first, second, third, fourth] = toolkit.themes[0].keyAreas[0].behaviours;

const examined = (answers: Answers, position: number) =>
  examineSnapshot(planSnapshot(returnPlan(answers)), { file: `return-${position}.xlsx`, position });

const previousOf = (row: GroupDataRow) => [row.id, row.currentLevel, row.previousLevel, row.previousScore, row.change];

const lastYear = answersOf("Anytown Council", "2025-04-01", {
  [first.id]: "Developing",
  [second.id]: "Mature",
  [third.id]: "Leader",
});
// This year: one up, one down, one answered only last year, one answered only this year.
const thisYear = startedFromLastYear(lastYear, {
  [first.id]: "Mature",
  [second.id]: "Developing",
  [fourth.id]: "Leader",
});
const notCarried = answersOf("Othertown Council", "2026-04-01", { [first.id]: "Mature" });

function groupOf() {
  return consolidate([examined(thisYear, 0), examined(notCarried, 1)], toolkit, {
    includeErrors: false,
    finalOnly: false,
  });
}

test("each behaviour's previous level and score, and the change since, as the return's own figures count them", () => {
  const rows = groupDataRows(groupOf());
  expect(rows.slice(0, 4).map(previousOf)).toEqual([
    [first.id, "Mature", "Developing", 2, 1],
    [second.id, "Developing", "Mature", 3, -1],
    [third.id, null, "Leader", 4, null],
    [fourth.id, "Leader", null, null, null],
  ]);
});

test("a return not started from last year's has blank previous figures", () => {
  const rows = groupDataRows(groupOf()).filter((row) => row.returnNumber === 2);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row.previousLevel === null && row.previousScore === null && row.change === null)).toBe(
    true,
  );
  expect(rows[0].currentLevel).toBe("Mature");
});

test("an anonymised group keeps the previous levels, which name no one", () => {
  const rows = groupDataRows(anonymiseConsolidation(groupOf()).consolidation);
  expect(rows.slice(0, 2).map(previousOf)).toEqual([
    [first.id, "Mature", "Developing", 2, 1],
    [second.id, "Developing", "Mature", 3, -1],
  ]);
});

test("Group Data's table has the previous columns, with the figures as numbers", () => {
  const sheet = groupDataSheet(groupDataRows(groupOf()));
  const block = sheet.blocks.find((b) => b.at === cellAddress(GROUP_DATA.headerRow, 1))!;
  const C = GROUP_DATA.columns;
  expect([C.previousLevel, C.previousScore, C.change].map((c) => block.cells[0][c - 1])).toEqual([
    "Previous level",
    "Previous score",
    "Change",
  ]);
  expect([C.previousLevel, C.previousScore, C.change].map((c) => block.cells[1][c - 1])).toEqual(["Developing", 2, 1]);
});
