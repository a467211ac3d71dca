import { mkdtempSync } from "fs";
import { readFile, writeFile } from "fs/promises";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fixStylesXml } from "../../src/xlsx/ooxml-fixups";

/** A fresh folder outside the repository, so tests never leave files in the working tree. */
export function tempDir(prefix = "nps-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * Builds a workbook with ExcelJS and writes it to a fresh temporary file, with ExcelJS's one
 * schema defect repaired so that only the defects a test adds on purpose remain.
 */
export async function writeWorkbook(build: (wb: ExcelJS.Workbook) => void, name = "book.xlsx"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(tempDir(), name);
  await wb.xlsx.writeFile(file);
  // ExcelJS 4.4 writes <font> children out of schema order; the product repairs it the same way.
  await rewritePart(file, "xl/styles.xml", fixStylesXml);
  return file;
}

/** Rewrites one XML part in place: for defects ExcelJS refuses (or silently declines) to write. */
export async function editPart(xlsxPath: string, part: string, edit: (xml: string) => string): Promise<void> {
  await rewritePart(xlsxPath, part, (before) => {
    const after = edit(before);
    // An edit that matched nothing would make the test prove nothing.
    if (after === before) throw new Error(`edit of ${part} changed nothing`);
    return after;
  });
}

async function rewritePart(xlsxPath: string, part: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(xlsxPath));
  const file = zip.file(part);
  if (!file) throw new Error(`${xlsxPath} has no part ${part}`);
  zip.file(part, edit(await file.async("string")));
  await writeFile(xlsxPath, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

export const LEVELS = ["Minimum", "Developing", "Mature", "Leader", "Innovator"];

/**
 * A small workbook with each feature the generated assessments use (formulas, a table, a list
 * validation, conditional formatting, a defined name, a very hidden sheet): every check must pass it.
 */
export function buildGoodWorkbook(wb: ExcelJS.Workbook): void {
  wb.addWorksheet("Guide").getCell("A1").value = "How to use this workbook";
  const area = wb.addWorksheet("Area");
  area.addRow(["Behaviour", "Current level", "Score"]);
  ["B1", "B2", "B3"].forEach((id, i) => {
    const row = i + 2;
    // Compared with "=", never given to MATCH: B is typed (it has a picker), and MATCH reads wildcards.
    area.addRow([id, LEVELS[i], { formula: `IF(B${row}="","",SUMPRODUCT((B${row}=Levels[Level])*Levels[Score]))` }]);
    area.getCell(`B${row}`).dataValidation = { type: "list", allowBlank: true, formulae: [`"${LEVELS.join(",")}"`] };
  });
  area.getCell("E1").value = { formula: 'IFERROR(AVERAGE(C2:C4),"")' };
  area.addConditionalFormatting({
    ref: "C2:C4",
    rules: [{ type: "expression", priority: 1, formulae: ["$C2>=3"], style: { font: { bold: true } } }],
  });
  const lists = wb.addWorksheet("Lists");
  lists.addTable({
    name: "Levels",
    ref: "A1",
    columns: [{ name: "Level" }, { name: "Score" }],
    rows: LEVELS.map((l, i) => [l, i + 1]),
  });
  lists.state = "veryHidden";
  wb.definedNames.add("Area!$C$2:$C$4", "Scores");
}

/** The good workbook with one defect added, by ExcelJS and, where ExcelJS won't write it, by XML edit. */
export async function brokenWorkbook(
  addDefect: (wb: ExcelJS.Workbook) => void,
  edit?: { part: string; change: (xml: string) => string },
): Promise<string> {
  const file = await writeWorkbook((wb) => {
    buildGoodWorkbook(wb);
    addDefect(wb);
  });
  if (edit) await editPart(file, edit.part, edit.change);
  return file;
}

/** The good workbook's Area sheet. */
export const area = (wb: ExcelJS.Workbook): ExcelJS.Worksheet => wb.getWorksheet("Area")!;
/** A defect: a formula in Area!H1. */
export const withFormula = (formula: string) => (wb: ExcelJS.Workbook) => {
  area(wb).getCell("H1").value = { formula };
};
