/**
 * A table's rows after its first body row are not given to ExcelJS but spliced into the package
 * (src/xlsx/table-bodies.ts). The file must still hold exactly the plan, read the same through ExcelJS
 * as the row ExcelJS wrote, and pass the Open XML SDK validator; plans the splice cannot honour are refused.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import * as path from "path";
import { SheetBuilder } from "../../src/core/plan/sheet-builder";
import type { PlanCell, WorkbookPlan } from "../../src/core/plan/types";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { tempDir } from "../support/fixtures";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { expectXlsxMatchesPlan } from "./xlsx-formats";
import { loadWithExcelJs } from "../support/exceljs-load";

const HEADERS = ["Name", "Note", "Score", "Date", "Done", "Double"];
/** Row 3 is the header; rows 4–9 the body: row 4 written by ExcelJS, rows 5–9 spliced. */
const BODY: PlanCell[][] = [
  ["Alpha", "=SUM(A1)", 1, 46000, true, { formula: "C4*2" }],
  ["Beta", "  leading and trailing  ", 2.5, null, false, { formula: "C5*2" }],
  ["Alpha", "Name", -3, 46001, null, { formula: "C6*2" }],
  ["Gamma & <Delta>", 'say "hi"\nor don\'t', null, 46002, true, { formula: "C7*2" }],
  ["+44 1", "@me", 0, null, false, null],
  ["Omega", "-1", 1e-7, 46003, true, { formula: 'IF(C9>0,"yes","no")' }],
];

function tablePlan(adjust: (sheet: SheetBuilder) => void = () => undefined): WorkbookPlan {
  const sheet = new SheetBuilder("data", "data", "Data", [12, 24, 8, 12, 8, 10]);
  sheet.block(1, 1, [["A table whose rows are mostly spliced in"]]);
  sheet.block(3, 1, [HEADERS, ...BODY]);
  sheet
    .style("C4:C9", { numberFormat: "0.0" })
    .style("D3:D9", { numberFormat: "dd/mm/yyyy" })
    .style("D4:D9", { bold: true })
    .style("A1", { bold: true, fontSize: 14 })
    .rowHeight(6, 30)
    .table({ name: "Spliced", range: "A3:F9", style: "TableStyleMedium2" });
  sheet.block(11, 1, [["Below the table"]]);
  adjust(sheet);
  return { sheets: [sheet.plan], names: [], activeSheetKey: "data", warnings: [] };
}

test("a table whose rows are spliced in holds exactly the plan and passes the validator", async () => {
  const plan = tablePlan();
  const bytes = await writePlanToBuffer(plan);
  await expectXlsxMatchesPlan(bytes, plan);
  const file = path.join(tempDir(), "spliced.xlsx");
  writeFileSync(file, bytes);
  await expectWorkbookClean(file);
});

test("text with characters XML cannot hold reads the same in a spliced row as in the row ExcelJS wrote", async () => {
  const awkward = "bell\u0007 and tab\t, DEL\u007f, form feed\u000c end";
  const plan = tablePlan((sheet) => {
    sheet.plan.blocks[1].cells[1][1] = awkward; // row 4: ExcelJS writes it
    sheet.plan.blocks[1].cells[4][1] = awkward; // row 7: spliced
  });
  const workbook = await loadWithExcelJs(await writePlanToBuffer(plan));
  const sheet = workbook.getWorksheet("Data") as ExcelJS.Worksheet;
  expect(sheet.getCell("B7").value).toBe(sheet.getCell("B4").value);
  expect(sheet.getCell("B7").value).toBe("bell and tab\t, DEL, form feed end");
});

test("a plan the splice could not write as planned is refused, not written wrongly", async () => {
  const refused = async (adjust: (sheet: SheetBuilder) => void, why: RegExp) =>
    expect(writePlanToBuffer(tablePlan(adjust))).rejects.toThrow(why);
  await refused((s) => s.style("B6:B7", { italic: true }), /style on B6:B7 does not run down whole table columns/);
  await refused((s) => s.style("C4:C8", { italic: true }), /style on C4:C8/);
  await refused((s) => s.style("H5", { italic: true }), /style on H5/);
  await refused((s) => s.block(6, 8, [["beside"]]), /block H6 has cells beside the table/);
  await refused((s) => s.merge("A7:B7"), /A7:B7 is merged/);
});

test("a table whose first body row is empty (ExcelJS writes it as <row/>) still gets every later row", async () => {
  const sheet = new SheetBuilder("data", "data", "Data", [10, 10]);
  sheet.block(1, 1, [
    ["A", "B"],
    [null, null],
    ["x", 1],
    [null, 2],
  ]);
  sheet.table({ name: "EmptyFirst", range: "A1:B4", style: "TableStyleMedium2" });
  const plan: WorkbookPlan = { sheets: [sheet.plan], names: [], activeSheetKey: "data", warnings: [] };
  await expectXlsxMatchesPlan(await writePlanToBuffer(plan), plan);
});
