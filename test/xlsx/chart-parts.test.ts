/** The text surgery that adds a chart to ExcelJS's package, on the cases that are easy to get wrong. */
import { chartReference, insertDrawingElement } from "../../src/xlsx/chart-parts";

const sheet = (children: string) =>
  `<?xml version="1.0"?><worksheet xmlns="main" xmlns:r="rels">${children}</worksheet>`;

test("the drawing goes after pageSetup and before the sheet's own extLst, not into a rule's nested extLst", () => {
  const xml = sheet(
    '<sheetData/><conditionalFormatting><cfRule type="dataBar"><extLst><ext/></extLst></cfRule></conditionalFormatting>' +
      '<pageSetup paperSize="9"/><extLst><ext uri="x14"/></extLst>',
  );
  expect(insertDrawingElement(xml, "rId3")).toBe(
    sheet(
      '<sheetData/><conditionalFormatting><cfRule type="dataBar"><extLst><ext/></extLst></cfRule></conditionalFormatting>' +
        '<pageSetup paperSize="9"/><drawing r:id="rId3"/><extLst><ext uri="x14"/></extLst>',
    ),
  );
});

test("the drawing goes before tableParts, and last when nothing follows it", () => {
  expect(insertDrawingElement(sheet('<sheetData/><tableParts count="1"/>'), "rId1")).toBe(
    sheet('<sheetData/><drawing r:id="rId1"/><tableParts count="1"/>'),
  );
  expect(insertDrawingElement(sheet("<sheetData/>"), "rId1")).toBe(sheet('<sheetData/><drawing r:id="rId1"/>'));
});

test("a sheet that already has a drawing is refused rather than silently losing it", () => {
  expect(() => insertDrawingElement(sheet('<sheetData/><drawing r:id="rId1"/>'), "rId2")).toThrow(
    /already has a drawing/,
  );
});

test("chart references always quote the sheet name, doubling its apostrophes", () => {
  expect(chartReference("Summary", "A49:A57")).toBe("'Summary'!$A$49:$A$57");
  expect(chartReference("It's ours", "B2:B9")).toBe("'It''s ours'!$B$2:$B$9");
});
