/**
 * Group Summary shows each return's previous average current score and the change since, where returns have them:
 * three returns (two started from last year's, one not) whose figures are worked out by hand, consolidated, written,
 * validated by the Open XML SDK and recalculated by LibreOffice Calc; anonymised, the group's statistics drawn from
 * fewer than five returns are not shown. A group with no previous answers has no such blocks.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { anonymiseConsolidation } from "../../../src/core/consolidate/anonymise";
import { consolidate } from "../../../src/core/consolidate/consolidate";
import { examineReturn } from "../../../src/core/consolidate/examine";
import { planGroupWorkbook } from "../../../src/core/consolidate/group-plan";
import type { Consolidation } from "../../../src/core/consolidate/types";
import type { Answers } from "../../../src/core/plan/answer-types";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { cellAddress } from "../../../src/core/util/a1";
import { consolidateWords } from "../../../src/core/words/consolidate";
import { peerWords } from "../../../src/core/words/peers";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { tempDir } from "../../support/fixtures";
import { findErrorValues, readComputed, recalculate, type ComputedWorkbook } from "../../support/libreoffice";
import { planSnapshot } from "../../support/plan-cells";
import { expectWorkbookClean } from "../../support/xlsx-checks";
import { answersOf, NOW, returnPlan, TODAY, toolkit, startedFromLastYear } from "./fixtures";

const [theme] = toolkit.themes;
const [engaging, partners] = theme.keyAreas;
const [first, second, third, fourth] = engaging.behaviours;
const words = consolidateWords.progress;

// Anytown. Last year: Developing 2, Mature 3, Leader 4: previous average (2+3+4)/3 = 3.
// This year: Leader 4 (+2), Developing 2 (-1), the third unanswered (left out of the change), the fourth Leader 4
// (answered only this year, left out too): change (2-1)/2 = 0.5.
const anytown = startedFromLastYear(
  answersOf("Anytown Council", "2025-04-01", { [first.id]: "Developing", [second.id]: "Mature", [third.id]: "Leader" }),
  { [first.id]: "Leader", [second.id]: "Developing", [fourth.id]: "Leader" },
);
// Othertown: not started from last year's: its previous average and change are blank, not 0.
const othertown = answersOf("Othertown Council", "2026-04-01", { [first.id]: "Mature" });
// Borchester. Last year: Minimum 1. This year: Developing 2. Previous average 1, change +1.
const borchester = startedFromLastYear(answersOf("Borchester Council", "2025-04-02", { [first.id]: "Minimum" }), {
  [first.id]: "Developing",
});

function group(returns: Answers[]): Consolidation {
  return consolidate(
    returns.map((answers, position) =>
      examineReturn(
        { file: `return-${position + 1}.xlsx`, position },
        { snapshot: planSnapshot(returnPlan(answers)) },
        { registry: knownToolkits(), target: toolkit, today: TODAY },
      ),
    ),
    toolkit,
    { includeErrors: false, finalOnly: false },
  );
}

async function recalculated(consolidation: Consolidation, name: string): Promise<ComputedWorkbook> {
  const file = path.join(tempDir("nps-group-previous-"), name);
  writeFileSync(file, await writePlanToBuffer(planGroupWorkbook(consolidation, { now: NOW })));
  await expectWorkbookClean(file);
  return readComputed(await recalculate(file));
}

let shared: ComputedWorkbook;
let anonymised: ComputedWorkbook;

beforeAll(async () => {
  const three = group([anytown, othertown, borchester]);
  expect(three.returns).toHaveLength(3);
  shared = await recalculated(three, "group.xlsx");
  anonymised = await recalculated(anonymiseConsolidation(three).consolidation, "anonymised.xlsx");
}, 300_000);

/** The row whose column A holds `label`, at or below `from`. */
function rowOf(computed: ComputedWorkbook, label: string, from = 1): number {
  for (let row = from; row < 500; row++) if (computed["Group Summary"][`A${row}`] === label) return row;
  throw new Error(`No row "${label}" below row ${from}`);
}

/** Three returns, then Group mean, Lowest, Highest and Spread; blank cells as "". */
const figures = (computed: ComputedWorkbook, row: number) =>
  Array.from({ length: 7 }, (_, i) => {
    const value = computed["Group Summary"][cellAddress(row, 3 + i)] ?? "";
    return typeof value === "number" ? Number(value.toFixed(9)) : value;
  });

test("each return's previous average per key area, theme and overall; blank for a return with none; the group's statistics", () => {
  expect(findErrorValues(shared)).toEqual([]);
  const title = rowOf(shared, words.previousTitle);
  // The returns' numbers above their labels, as in the first block.
  expect(figures(shared, title + 1).slice(0, 3)).toEqual([1, 2, 3]);
  expect(figures(shared, title + 2).slice(3)).toEqual(["Group mean", "Lowest", "Highest", "Spread"]);
  // Anytown 3, Othertown none, Borchester 1: mean 2, lowest 1, highest 3, spread 2.
  const expected = [3, "", 1, 2, 1, 3, 2];
  expect(figures(shared, rowOf(shared, engaging.name, title))).toEqual(expected);
  expect(figures(shared, rowOf(shared, partners.name, title))).toEqual(["", "", "", "", "", "", ""]);
  expect(figures(shared, rowOf(shared, theme.name, title))).toEqual(expected);
  expect(figures(shared, rowOf(shared, "All key areas", title))).toEqual(expected);
});

test("each return's change since: the mean change of the behaviours answered both years; blank where it has none", () => {
  const title = rowOf(shared, words.changeTitle);
  // Anytown +0.5, Othertown none, Borchester +1: mean 0.75, lowest 0.5, highest 1, spread 0.5.
  const expected = [0.5, "", 1, 0.75, 0.5, 1, 0.5];
  expect(figures(shared, rowOf(shared, engaging.name, title))).toEqual(expected);
  expect(figures(shared, rowOf(shared, "All key areas", title))).toEqual(expected);
  // This year's averages above are as they were: Anytown (4+2+4)/3, Othertown 3, Borchester 2.
  expect(figures(shared, rowOf(shared, engaging.name)).slice(0, 3)).toEqual([3.333333333, 3, 2]);
  expect(String(shared["Group Summary"].A3)).toContain(words.described.trim());
});

test("anonymised: each return's figures stay, the group's statistics from fewer than five returns are not shown", () => {
  expect(findErrorValues(anonymised)).toEqual([]);
  const tooFew = Array(4).fill(peerWords.suppressed);
  const previous = rowOf(anonymised, words.previousTitle);
  expect(figures(anonymised, rowOf(anonymised, engaging.name, previous))).toEqual([3, "", 1, ...tooFew]);
  const change = rowOf(anonymised, words.changeTitle);
  expect(figures(anonymised, rowOf(anonymised, engaging.name, change))).toEqual([0.5, "", 1, ...tooFew]);
});

test("a group with no previous answers has no previous or change blocks", () => {
  const plan = planGroupWorkbook(group([othertown]), { now: NOW });
  const texts = JSON.stringify(plan.sheets.find((s) => s.key === "groupSummary")!.blocks);
  expect(texts).not.toContain(words.previousTitle);
  expect(texts).not.toContain(words.changeTitle);
  expect(texts).not.toContain(words.described.trim());
});
