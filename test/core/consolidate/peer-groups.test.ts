/**
 * Group Summary by council type and by region: four returns whose figures are worked out by hand,
 * consolidated, written, validated by the Open XML SDK and recalculated by LibreOffice Calc.
 */
import * as path from "path";
import { consolidateReturns } from "../../../src/core/consolidate/consolidate";
import { planGroupWorkbook } from "../../../src/core/consolidate/group-plan";
import { cellsOver } from "../../../src/core/consolidate/peer-groups";
import type { Consolidation } from "../../../src/core/consolidate/types";
import type { Answers } from "../../../src/core/plan/answer-types";
import { GROUP_DATA } from "../../../src/core/plan/layout";
import { cellAddress, columnLetter } from "../../../src/core/util/a1";
import { peerWords } from "../../../src/core/words/peers";
import { readReturn } from "../../../src/xlsx/read-return";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { answersOf, NOW, returnPlan, TODAY, toolkit } from "./fixtures";
import { tempDir } from "../../support/fixtures";
import { recalculatePlan } from "../../support/recalculate-plan";
import { findErrorValues, type ComputedWorkbook } from "../../support/libreoffice";

const withGroups = (answers: Answers, councilType: string, region: string): Answers => ({
  ...answers,
  councilType,
  region,
});

// Engaging Councillors (the first key area): Anytown (3+4)/2 = 3.5, Borchester 1, Casterbridge 5, Downtown 2.
const RETURNS: Answers[] = [
  withGroups(
    answersOf("Anytown Council", "2026-03-01", { "SL-ECSM-01": "Mature", "SL-ECSM-02": "Leader" }),
    "District",
    "South West",
  ),
  withGroups(answersOf("Borchester Council", "2026-03-02", { "SL-ECSM-01": "Minimum" }), "District", "North East"),
  withGroups(
    answersOf("Casterbridge Council", "2026-03-03", { "SL-ECSM-01": "Innovator", "SL-ECSM-02": "Innovator" }),
    "County",
    "South West",
  ),
  // Typed rather than picked, and no region: in the "Not given" group of each.
  withGroups(answersOf("Downtown Council", "2026-03-04", { "SL-ECSM-01": "Developing" }), "Shire", ""),
];

let consolidation: Consolidation;
let computed: ComputedWorkbook;

beforeAll(async () => {
  consolidation = await consolidateReturns(
    await Promise.all(
      RETURNS.map(async (answers, i) => {
        const bytes = await writePlanToBuffer(returnPlan(answers));
        return { file: `return-${i + 1}.xlsx`, read: async () => readReturn(bytes) };
      }),
    ),
    { registry: [toolkit], today: TODAY, includeErrors: false, finalOnly: false },
  );
  const file = path.join(tempDir("nps-peers-"), "group.xlsx");
  ({ computed } = await recalculatePlan(planGroupWorkbook(consolidation, { now: NOW }), { file, validated: true }));
}, 240_000);

const summary = () => computed["Group Summary"];

/** The row whose column A holds `label`, at or below `from`. */
function rowOf(label: string, from = 1): number {
  for (let row = from; row < 500; row++) if (summary()[`A${row}`] === label) return row;
  throw new Error(`No row "${label}" below row ${from}`);
}

const cells = (row: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const value = summary()[cellAddress(row, 3 + i)] ?? "";
    return typeof value === "number" ? Number(value.toFixed(9)) : value;
  });

test("all four returns are used, the one with a council type typed rather than picked too", () => {
  expect(consolidation.returns.map((r) => [r.identity.councilType, r.identity.region])).toEqual([
    ["District", "South West"],
    ["District", "North East"],
    ["County", "South West"],
    ["Shire", ""],
  ]);
  expect(findErrorValues(computed)).toEqual([]);
});

test("Group Data has each return's council type and region", () => {
  const data = computed["Group Data"];
  const column = (key: "councilType" | "region") => columnLetter(GROUP_DATA.columns[key]);
  expect([data[`${column("councilType")}1`], data[`${column("region")}1`]]).toEqual(["Council type", "Region"]);
  const perBehaviour = toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours).length;
  const firstOf = (n: number) => GROUP_DATA.firstRow + n * perBehaviour;
  expect(
    [0, 1, 2, 3].map((n) => [data[`${column("councilType")}${firstOf(n)}`], data[`${column("region")}${firstOf(n)}`]]),
  ).toEqual([
    ["District", "South West"],
    ["District", "North East"],
    ["County", "South West"],
    ["Shire", undefined],
  ]);
});

test("by council type: County, District and Not given, each with its number of returns and its statistics", () => {
  const title = rowOf(peerWords.groupsTitle.councilType);
  // Four statistics per group, each group's name and count over its first column (the rest merged).
  expect(cells(title + 1, 12)).toEqual(["County", "", "", "", "District", "", "", "", "Not given", "", "", ""]);
  expect(cells(title + 2, 12)).toEqual([1, "", "", "", 2, "", "", "", 1, "", "", ""]);
  expect(cells(title + 3, 4)).toEqual(["Group mean", "Lowest", "Highest", "Spread"]);
  const engaging = rowOf(toolkit.themes[0].keyAreas[0].name, title);
  // County: Casterbridge 5. District: Anytown 3.5 and Borchester 1, mean 2.25, lowest 1, highest 3.5, spread 2.5.
  // Not given: Downtown 2.
  expect(cells(engaging, 12)).toEqual([5, 5, 5, 0, 2.25, 1, 3.5, 2.5, 2, 2, 2, 0]);
  // No return answered Working with Partners: every statistic blank.
  expect(cells(engaging + 1, 12)).toEqual(Array(12).fill(""));
  // Overall, each return's average is its Engaging Councillors one: the same figures.
  expect(cells(rowOf("All key areas", title), 12)).toEqual([5, 5, 5, 0, 2.25, 1, 3.5, 2.5, 2, 2, 2, 0]);
});

test("by region: North East, South West and Not given, in the list's order, over returns not side by side", () => {
  const title = rowOf(peerWords.groupsTitle.region);
  expect(cells(title + 1, 12)).toEqual(["North East", "", "", "", "South West", "", "", "", "Not given", "", "", ""]);
  expect(cells(title + 2, 12)).toEqual([1, "", "", "", 2, "", "", "", 1, "", "", ""]);
  // North East: Borchester 1. South West: Anytown 3.5 and Casterbridge 5 (returns 1 and 3), mean 4.25,
  // lowest 3.5, highest 5, spread 1.5. Not given: Downtown 2.
  const engaging = rowOf(toolkit.themes[0].keyAreas[0].name, title);
  expect(cells(engaging, 12)).toEqual([1, 1, 1, 0, 4.25, 3.5, 5, 1.5, 2, 2, 2, 0]);
});

test("a group's returns as arguments: side by side as one range", () => {
  expect(cellsOver(7, [3, 5, 6, 7, 9], cellAddress)).toBe("C7,E7:G7,I7");
});
