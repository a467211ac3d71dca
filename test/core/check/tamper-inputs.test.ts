/**
 * Inputs that are not values: a formula in an answer cell, cells merged over answers, and a
 * behaviour ID with spaces or invisible characters around it. Each written to a file, read back
 * with the product's reader and checked: the exact rule, sheet, cell and severity.
 */
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { checkPlan, errorsAndWarnings, planWith, setPlanCell as setCell, sheetOf, toolkit, where } from "./fixtures";

const area = toolkit.themes[0].keyAreas[0];
const AREA = area.sheetName;
const areaKey = `keyArea:${area.id}`;

const actionable = async (plan: WorkbookPlan) => errorsAndWarnings(await checkPlan(plan)).map(where);

test.each([
  ["a current level", "J9", { formula: 'IF(1=1,"Innovator","Minimum")' }],
  ["an evidence cell", "M10", { formula: '"See the minutes"' }],
  ["an owner cell", "N11", { formula: "Guide!B4" }],
  ["a review date", "O12", { formula: "DATE(2027,3,31)" }],
])("a formula in %s is an error at that cell", async (_, address, formula) => {
  const plan = planWith();
  setCell(plan, areaKey, address, formula);
  expect(await actionable(plan)).toEqual([
    { rule: "answer.formula-in-input", sheet: AREA, cell: address, severity: "error" },
  ]);
});

test("cells merged over a current and a target level", async () => {
  const plan = planWith();
  setCell(plan, areaKey, "J10", "Developing");
  setCell(plan, areaKey, "K10", "Leader");
  sheetOf(plan, areaKey).merges.push("J10:K10");
  const found = await actionable(plan);
  expect(found).toContainEqual({ rule: "answer.input-merged", sheet: AREA, cell: "J10", severity: "error" });
  expect(found.filter((f) => f.rule === "answer.input-merged")).toHaveLength(1);
});

test("a behaviour ID with spaces around it on a key area sheet", async () => {
  const plan = planWith();
  setCell(plan, areaKey, "A10", ` ${area.behaviours[1].id} `);
  expect(await actionable(plan)).toEqual([
    { rule: "structure.id-not-exact", sheet: AREA, cell: "A10", severity: "error" },
  ]);
});

test("a behaviour ID with an invisible character on Gaps", async () => {
  const plan = planWith();
  setCell(plan, "gaps", "B6", `${area.behaviours[1].id}\u200B`);
  const found = await actionable(plan);
  expect(found).toContainEqual({ rule: "structure.id-not-exact", sheet: "Gaps", cell: "B6", severity: "error" });
});
