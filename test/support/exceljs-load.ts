import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * An .xlsx loaded by ExcelJS, for tests that read what no snapshot carries. ExcelJS 4.4 cannot read a table column
 * with a calculated column formula (it has no model for one, exceljs/exceljs#1417, and fails on the child element),
 * which Excel writes too: the formulas are taken out of the table parts first (test/core/plan/actions-sheet.test.ts
 * reads them from the package itself).
 */
export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await withoutCalculatedColumns(bytes)) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * The same package with the table parts' calculated column formulas taken out, compressed as before, so that ExcelJS
 * can load it (the benchmarks' baselines load this; the product's own reader reads the original).
 */
export async function withoutCalculatedColumns(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async("string");
    zip.file(
      path,
      xml.replace(
        /<tableColumn\b([^>]*?)><calculatedColumnFormula>[\s\S]*?<\/calculatedColumnFormula><\/tableColumn>/g,
        "<tableColumn$1/>",
      ),
    );
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
