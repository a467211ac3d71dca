/**
 * Formula comparison as Excel computes: an "@" before a range (one cell read instead of the range)
 * is a change, and a cell of a shared formula is what the group's master gives it, whatever text the
 * cell carries itself.
 */
import JSZip from "jszip";
import { sameFormula } from "../../../src/core/check/formula-tokens";
import { locatePlanCell } from "../../../src/core/plan/locate";
import { isFormula, type SheetPlan } from "../../../src/core/plan/types";
import { parseCell } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { check, checkPlan, errorsAndWarnings, planWith, toolkit, where } from "./fixtures";

const area = toolkit.themes[0].keyAreas[0];
const AREA = area.sheetName;

test("an @ before a range changes what the formula reads; Excel's own @ before a function does not", () => {
  expect(sameFormula(`AVERAGE('S'!$M$9:$M$12)`, `AVERAGE(@'S'!$M$9:$M$12)`)).toBe(false);
  expect(sameFormula(`IF(A1="","",A1)`, `IF(@A1:A9="","",A1)`)).toBe(false);
  expect(sameFormula(`IFERROR(INDEX(A1:A5,MATCH(B1,C1:C5,0)),"")`, `IFERROR(@INDEX(A1:A5,MATCH(B1,C1:C5,0)),"")`)).toBe(
    true,
  );
});

test("a Summary average given an @ before its range is a changed formula", async () => {
  const plan = planWith();
  const summary = plan.sheets.find((s) => s.key === "summary") as SheetPlan;
  const { row, column } = parseCell("F7");
  const found = locatePlanCell(summary, row, column)!;
  const cell = found.line[found.index];
  if (!isFormula(cell)) throw new Error("F7 is a formula");
  const tampered = cell.formula.replace(/AVERAGE\(/, "AVERAGE(@");
  expect(tampered).not.toBe(cell.formula);
  found.line[found.index] = { formula: tampered };
  expect(errorsAndWarnings(await checkPlan(plan)).map(where)).toEqual([
    { rule: "formula.changed", sheet: "Summary", cell: "F7", severity: "error" },
  ]);
});

test("a shared formula's cell is compared as the master gives it, not by the text it carries", async () => {
  const zip = await JSZip.loadAsync(await writePlanToBuffer(planWith()));
  const part = "xl/worksheets/sheet2.xml";
  const xml = await zip.file(part)!.async("string");
  // P9 becomes the master of P9:P10 with its row fixed (J$9), so P10 computes the score of J9; P10 keeps
  // the text of its own right formula, which Excel ignores in a cell of a group.
  const edited = xml
    .replace(/<c r="P9"([^>]*)><f>([^<]*)<\/f>/, (_, attributes: string, formula: string) => {
      return `<c r="P9"${attributes}><f t="shared" ref="P9:P10" si="0">${formula.replace(/J9/g, "J$9")}</f>`;
    })
    .replace(/<c r="P10"([^>]*)><f>([^<]*)<\/f>/, (_, attributes: string, formula: string) => {
      return `<c r="P10"${attributes}><f t="shared" si="0">${formula}</f>`;
    });
  expect(edited.match(/t="shared"/g)).toHaveLength(2);
  zip.file(part, edited);
  const snapshot = await readSnapshotFromBuffer(await zip.generateAsync({ type: "uint8array" }));
  expect(snapshot.sheets.find((s) => s.name === AREA)!.cells.P10.formula).toContain("J$9");
  const findings = errorsAndWarnings(check(snapshot)).map(where);
  expect(findings).toContainEqual({ rule: "formula.changed", sheet: AREA, cell: "P10", severity: "error" });
});
