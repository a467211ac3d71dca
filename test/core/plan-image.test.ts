/** The plan's image (src/core/plan/image.ts): what each writer's tests and the checker read a plan as. */
import { compareSheet } from "../../src/core/check/compare-sheet";
import { imageOfPlan, plannedCells, snapshotCellsImage } from "../../src/core/plan/image";
import type { SheetPlan, WorkbookPlan } from "../../src/core/plan/types";

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

  test("the writers' image and the checker read the same cells", () => {
    const sheet = overlapping();
    const plan: WorkbookPlan = { sheets: [sheet], names: [], activeSheetKey: "summary", warnings: [] };
    expect(imageOfPlan(plan).sheets[0].cells).toEqual({
      A1: { text: "Heading" },
      A2: { number: 1 },
      B2: { text: "New" },
    });
    const written = {
      name: "Summary",
      visibility: "visible" as const,
      cells: { A1: { value: "Heading" }, A2: { value: 1 }, B2: { value: "New" } },
    };
    const where = { role: "summary" as const, key: "summary", name: "Summary" };
    expect(compareSheet(sheet, written, where, new Set()).findings).toEqual([]);
    // The value the second block cleared is not expected, and the one it wrote is.
    const stale = { ...written, cells: { ...written.cells, B1: { value: "Old" }, B2: { value: "Old" } } };
    expect(compareSheet(sheet, stale, where, new Set()).findings.map((f) => f.cell)).toEqual(["B2"]);
  });
});

test("a snapshot's cells as the image shows them: formulas by their text, values by their type", () => {
  expect(
    snapshotCellsImage({
      A1: { value: "text" },
      A2: { value: 2 },
      A3: { value: true },
      A4: { value: 3, formula: "A2+1" },
      A5: { value: null },
    }),
  ).toEqual({ A1: { text: "text" }, A2: { number: 2 }, A3: { boolean: true }, A4: { formula: "=A2+1" } });
});
