/** The plan's cells (src/core/plan/planned-cells.ts): what the plan comparison reads a plan as, for the checker and the writers' tests. */
import { plannedCells } from "../../../src/core/plan/planned-cells";
import { exactDifferences } from "../../support/exact-plan";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";

/** A sheet whose second block writes over part of the first, as a writer applies blocks in order. */
function overlapping(): SheetPlan {
  return {
    key: "summary",
    role: "summary",
    name: "Summary",
    visibility: "visible",
    columnWidths: [10, 10],
    rowHeights: {},
    blocks: [
      {
        at: "A1",
        cells: [
          ["Heading", "Old"],
          [1, { formula: "A2*2" }],
        ],
      },
      { at: "B1", cells: [[null], ["New"]] },
    ],
    styles: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
  };
}

describe("plannedCells: the cells a sheet's plan leaves, in the order the writers write them", () => {
  test("a later block overwrites an earlier one, and an empty cell clears what was there", () => {
    const cells = plannedCells(overlapping());
    expect([...cells.get(1)!]).toEqual([[1, "Heading"]]);
    expect([...cells.get(2)!]).toEqual([
      [1, 1],
      [2, "New"],
    ]);
  });

  test("the comparison expects the cells the blocks leave: what a later block cleared is not expected", () => {
    const plan: WorkbookPlan = { sheets: [overlapping()], names: [], activeSheetKey: "summary", warnings: [] };
    const written = {
      name: "Summary",
      visibility: "visible" as const,
      cells: { A1: { value: "Heading" }, A2: { value: 1 }, B2: { value: "New" } },
    };
    const cellsFound = (cells: Record<string, { value: string | number }>) =>
      exactDifferences(plan, { sheets: [{ ...written, cells }], names: {} }).map((f) => [f.cell, f.expected, f.found]);
    expect(cellsFound(written.cells)).toEqual([]);
    // B1 was cleared by the second block and B2 written by it: "Old" in either is not the plan.
    expect(cellsFound({ ...written.cells, B1: { value: "Old" }, B2: { value: "Old" } })).toEqual([
      ["B2", "New", "Old"],
      ["B1", "(empty)", "Old"],
    ]);
  });
});
