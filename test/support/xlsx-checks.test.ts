import { brokenWorkbook, buildGoodWorkbook, withFormula, writeWorkbook } from "./fixtures";
import { expectWorkbookClean, extraChecks, validateWithOpenXmlSdk } from "./xlsx-checks";

describe("a good workbook", () => {
  let file: string;
  beforeAll(async () => {
    file = await writeWorkbook(buildGoodWorkbook);
  });

  it("passes the Open XML SDK validator", async () => {
    expect(await validateWithOpenXmlSdk(file)).toEqual([]);
  });

  it("passes every extra check", async () => {
    expect(await extraChecks(file)).toEqual([]);
  });

  it("passes expectWorkbookClean", async () => {
    await expect(expectWorkbookClean(file)).resolves.toBeUndefined();
  });
});

describe("the Open XML SDK validator", () => {
  it("reports an element that does not belong in a worksheet part", async () => {
    const file = await brokenWorkbook(() => undefined, {
      part: "xl/worksheets/sheet2.xml",
      change: (xml) => xml.replace("<sheetData>", "<sheetData><bogus/>"),
    });
    const errors = await validateWithOpenXmlSdk(file);
    expect(errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "/xl/worksheets/sheet2.xml", errorType: "Schema" })]),
    );
  });

  it("reports an attribute value of the wrong type", async () => {
    const file = await brokenWorkbook(() => undefined, {
      part: "xl/worksheets/sheet2.xml",
      change: (xml) => xml.replace('<row r="2"', '<row r="two"'),
    });
    expect((await validateWithOpenXmlSdk(file)).map((e) => e.path)).toContain("/xl/worksheets/sheet2.xml");
  });
});

describe("expectWorkbookClean", () => {
  it("expectWorkbookClean lists every finding, from the validator and the extra checks", async () => {
    const file = await brokenWorkbook(withFormula("=NOW()"), {
      part: "xl/worksheets/sheet2.xml",
      change: (xml) => xml.replace("<sheetData>", "<sheetData><bogus/>"),
    });
    const failure = expectWorkbookClean(file);
    await expect(failure).rejects.toThrow(/validator Schema/);
    await expect(failure).rejects.toThrow(/leading-equals .*'Area' cell H1/);
    await expect(failure).rejects.toThrow(/volatile-function .*volatile NOW/);
  });
});
