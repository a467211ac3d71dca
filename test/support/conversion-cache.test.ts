/**
 * The key under which a LibreOffice conversion is kept for the rest of the run: the same for two writings of the
 * same workbook (which differ only in times and random conditional-format ids), different for any change that could
 * change a computed value, and different for another conversion of the same file.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { plan } from "./plan-cells";
import { conversionKey, withoutChangingIds } from "./conversion-cache";
import { editPart, tempDir, writeWorkbook } from "./fixtures";

const RECALCULATE = "xlsx:Calc MS Excel 2007 XML";
const written = async (name: string) => {
  const file = path.join(tempDir(), name);
  writeFileSync(file, await writePlanToBuffer(plan({ behaviours: {} })));
  return file;
};

test("two writings of the same plan, a moment apart, have one key", async () => {
  const first = await written("first.xlsx");
  await new Promise((resolve) => setTimeout(resolve, 1100)); // the created time is to the second
  const second = await written("second.xlsx");
  expect(await conversionKey({ input: second, convertTo: RECALCULATE })).toBe(
    await conversionKey({ input: first, convertTo: RECALCULATE }),
  );
});

test("another value, an edited formula or another conversion gives another key", async () => {
  const scores = (value: number) =>
    writeWorkbook((wb) => {
      const ws = wb.addWorksheet("Scores");
      ws.getCell("A1").value = value;
      ws.getCell("B1").value = { formula: "A1*2" };
    });
  const file = await scores(3);
  const key = await conversionKey({ input: file, convertTo: RECALCULATE });
  expect(await conversionKey({ input: await scores(4), convertTo: RECALCULATE })).not.toBe(key);
  expect(await conversionKey({ input: file, convertTo: "pdf:calc_pdf_Export" })).not.toBe(key);
  await editPart(file, "xl/worksheets/sheet1.xml", (xml) => xml.replace("<f>A1*2</f>", "<f>A1*3</f>"));
  expect(await conversionKey({ input: file, convertTo: RECALCULATE })).not.toBe(key);
});

test("a file that is not a zip is keyed by its bytes", async () => {
  const file = path.join(tempDir(), "returns.csv");
  writeFileSync(file, "Council,Score\nAnytown,3\n");
  const key = await conversionKey({ input: file, convertTo: RECALCULATE });
  writeFileSync(file, "Council,Score\nAnytown,4\n");
  expect(await conversionKey({ input: file, convertTo: RECALCULATE })).not.toBe(key);
});

test("only the times in docProps/core.xml and the conditional formats' ids are left out", () => {
  const id = "{5DE1DEC2-C431-40E6-9960-1F2773E8CCD9}";
  expect(
    withoutChangingIds("xl/worksheets/sheet1.xml", `<x14:id>${id}</x14:id><x14:cfRule type="dataBar" id="${id}">`),
  ).toBe('<x14:id/><x14:cfRule type="dataBar" id="">');
  const core =
    '<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-06T22:53:11Z</dcterms:created><dc:title>T</dc:title>';
  expect(withoutChangingIds("docProps/core.xml", core)).toBe("<dc:title>T</dc:title>");
  expect(withoutChangingIds("xl/sharedStrings.xml", `<t>${id} 2026-12-06T22:53:11Z</t>`)).toBe(
    `<t>${id} 2026-12-06T22:53:11Z</t>`,
  );
});
