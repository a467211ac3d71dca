/**
 * The checker compares a workbook with a plan built without its answers, once per toolkit and
 * naming of sheets (src/core/check/check.ts). That is only right while answers change nothing but
 * input cells, which the sheet comparison leaves to the answer rules: held here, for the generator
 * as it is and as it may grow.
 */
import { sampleAnswers } from "../../../src/core/answers/sample";
import type { Answers } from "../../../src/core/plan/answer-types";
import { checkWorkbook } from "../../../src/core/check/check";
import { buildWorkbookPlan, defaultSheetNames } from "../../../src/core/plan/build-plan";
import { plannedCells } from "../../../src/core/plan/planned-cells";
import { GUIDE_INPUTS, KEY_AREA } from "../../../src/core/plan/layout";
import type { SheetPlan } from "../../../src/core/plan/types";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { checkPlan, planWith, snapshotOf, TODAY, toolkit } from "./fixtures";

const now = new Date(0);

/** Every cell whose planned content differs between two plans of one sheet, as "row:column". */
function differingCells(a: SheetPlan, b: SheetPlan): string[] {
  const [cellsA, cellsB] = [plannedCells(a), plannedCells(b)];
  const addresses = new Set<string>();
  for (const cells of [cellsA, cellsB])
    for (const [row, line] of cells) for (const column of line.keys()) addresses.add(`${row}:${column}`);
  return [...addresses].filter((address) => {
    const [row, column] = address.split(":").map(Number);
    return JSON.stringify(cellsA.get(row)?.get(column)) !== JSON.stringify(cellsB.get(row)?.get(column));
  });
}

function isInputCell(sheet: SheetPlan, address: string): boolean {
  const [row, column] = address.split(":").map(Number);
  if (sheet.role === "guide") return GUIDE_INPUTS.some((cell) => cell.row === row && cell.column === column);
  return sheet.role === "keyArea" && column >= KEY_AREA.columns.current && column <= KEY_AREA.columns.reviewDate;
}

test("answers change only input cells of the plan (and add the retired answers sheet, which is not compared)", () => {
  const names = { ...defaultSheetNames(toolkit), guide: "Start here" };
  const blank = buildWorkbookPlan(toolkit, { behaviours: {} }, { now, sheetNames: names });
  for (const seed of [1, 2, 3]) {
    const answers: Answers = {
      ...sampleAnswers(toolkit, TODAY, seed),
      council: "=Somewhere Council",
      assessmentDate: "2026-03-31",
      respondent: "A. Person",
      role: "Procurement",
    };
    answers.behaviours["RETIRED-1"] = { current: "Developing", evidence: "kept" };
    const answered = buildWorkbookPlan(toolkit, answers, { now, sheetNames: names });
    expect(answered.sheets.filter((s) => s.role !== "retired").map((s) => s.key)).toEqual(
      blank.sheets.map((s) => s.key),
    );
    let inputsChanged = 0;
    for (const sheet of blank.sheets) {
      const withAnswers = answered.sheets.find((s) => s.key === sheet.key)!;
      const { blocks: _a, ...propertiesWith } = withAnswers;
      const { blocks: _b, ...properties } = sheet;
      expect(propertiesWith).toEqual(properties);
      const differing = differingCells(withAnswers, sheet);
      expect(differing.filter((address) => !isInputCell(sheet, address))).toEqual([]);
      inputsChanged += differing.length;
    }
    // The comparison above saw the answers land.
    expect(inputsChanged).toBeGreaterThan(100);
  }
});

test("a check after other workbooks, with other names and answers, finds what a first check finds", async () => {
  const tampered = await snapshotOf(planWith(sampleAnswers(toolkit, TODAY, 2)));
  const keyArea = tampered.sheets[1];
  const [address, cell] = Object.entries(keyArea.cells).find(([, c]) => typeof c.value === "string" && !c.formula)!;
  keyArea.cells[address] = { value: `${String(cell.value)} (edited)` };
  const first = checkWorkbook(tampered, knownToolkits(), { today: TODAY });
  expect(first.findings.some((f) => f.severity === "error")).toBe(true);
  await checkPlan(planWith(sampleAnswers(toolkit, TODAY, 3)));
  await checkPlan(planWith({ behaviours: {} }, { sheetNames: { guide: "Start here" } }));
  expect(checkWorkbook(tampered, knownToolkits(), { today: TODAY })).toEqual(first);
});
