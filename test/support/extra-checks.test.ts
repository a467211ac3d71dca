/**
 * The checks for what the Open XML SDK validator misses (test/support/extra-checks.ts), each on the good workbook
 * with one defect added. They read the file's parts alone, so these tests start no process.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { KEY_AREA } from "../../src/core/plan/layout";
import { locatePlanCell } from "../../src/core/plan/locate";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { plan } from "./plan-cells";
import { type CheckId, extraChecks } from "./extra-checks";
import { area, brokenWorkbook, tempDir, withFormula } from "./fixtures";

async function checksFound(file: string): Promise<CheckId[]> {
  return (await extraChecks(file)).map((f) => f.check);
}

describe("extra checks catch what the validator misses", () => {
  it("duplicate table names, compared case-insensitively across sheets", async () => {
    const file = await brokenWorkbook((wb) =>
      wb.getWorksheet("Guide")!.addTable({ name: "LEVELS", ref: "C1", columns: [{ name: "X" }], rows: [[1]] }),
    );
    expect(await checksFound(file)).toEqual(["duplicate-table-name"]);
  });

  it("a table name that is also a defined name", async () => {
    const file = await brokenWorkbook((wb) => wb.definedNames.add("Area!$A$1", "levels"));
    expect(await checksFound(file)).toEqual(["duplicate-table-name"]);
  });

  it("an empty table (its ref covers only the header row)", async () => {
    const file = await brokenWorkbook((wb) =>
      wb.getWorksheet("Guide")!.addTable({ name: "Nothing", ref: "C1", columns: [{ name: "X" }], rows: [] }),
    );
    expect(await checksFound(file)).toEqual(["empty-table"]);
  });

  it("a sheet name over 31 characters", async () => {
    // ExcelJS truncates long names, so the name is lengthened in the XML.
    const file = await brokenWorkbook(() => undefined, {
      part: "xl/workbook.xml",
      change: (xml) => xml.replace('name="Area"', `name="${"Area".padEnd(32, "x")}"`),
    });
    // Renaming the sheet in the XML alone also leaves its defined name pointing at "Area", which no longer exists.
    expect(await checksFound(file)).toEqual(["sheet-name-too-long", "defined-name-bad-sheet"]);
  });

  it("two sheets whose names differ only in case", async () => {
    const file = await brokenWorkbook(() => undefined, {
      part: "xl/workbook.xml",
      change: (xml) => xml.replace('name="Lists"', 'name="AREA"'),
    });
    expect(await checksFound(file)).toEqual(["duplicate-sheet-name"]);
  });

  it("an inline list validation source over 255 characters", async () => {
    const items = Array.from({ length: 30 }, (_, i) => `Option number ${i}`).join(",");
    const file = await brokenWorkbook((wb) => {
      area(wb).getCell("D2").dataValidation = { type: "list", formulae: [`"${items}"`] };
    });
    expect(items.length).toBeGreaterThan(255);
    expect(await checksFound(file)).toEqual(["inline-list-too-long"]);
  });

  it("accepts an inline list of exactly 255 characters", async () => {
    const items = "x".repeat(255);
    const file = await brokenWorkbook((wb) => {
      area(wb).getCell("D2").dataValidation = { type: "list", formulae: [`"${items}"`] };
    });
    expect(await checksFound(file)).toEqual([]);
  });

  describe("a formula written with a leading '='", () => {
    it("in a cell", async () => {
      expect(await checksFound(await brokenWorkbook(withFormula("=1+1")))).toEqual(["leading-equals"]);
    });

    it("in a conditional format", async () => {
      const file = await brokenWorkbook((wb) =>
        area(wb).addConditionalFormatting({
          ref: "A2:A4",
          rules: [{ type: "expression", priority: 2, formulae: ["=$C2>1"], style: { font: { italic: true } } }],
        }),
      );
      expect(await checksFound(file)).toEqual(["leading-equals"]);
    });

    it("in a data validation", async () => {
      const file = await brokenWorkbook((wb) => {
        area(wb).getCell("D2").dataValidation = { type: "list", formulae: ["=Lists!$A$2:$A$6"] };
      });
      expect(await checksFound(file)).toEqual(["leading-equals"]);
    });

    it("in a defined name", async () => {
      const file = await brokenWorkbook(() => undefined, {
        part: "xl/workbook.xml",
        change: (xml) => xml.replace(">Area!$C$2:$C$4<", ">=Area!$C$2:$C$4<"),
      });
      expect(await checksFound(file)).toEqual(["leading-equals"]);
    });
  });

  it("a function that needs the _xlfn. prefix", async () => {
    const file = await brokenWorkbook(withFormula('_xlfn.XLOOKUP("Mature",Levels[Level],Levels[Score])'));
    expect(await checksFound(file)).toEqual(["xlfn-prefix"]);
  });

  it.each([
    'INDIRECT("A1")',
    "OFFSET(A1,1,0)",
    "TODAY()",
    "NOW()",
    "RAND()",
    "RANDBETWEEN(1,5)",
    'CELL("row",A1)',
    'INFO("osversion")',
  ])("the volatile function in %s", async (formula) => {
    expect(await checksFound(await brokenWorkbook(withFormula(`IFERROR(${formula},0)`)))).toEqual([
      "volatile-function",
    ]);
  });

  it.each(["SUM(A:A)", "SUM($A:$C)", "SUM(1:1)", "SUM(Area!$2:$5)", "COUNTA('Lists'!B:B)"])(
    "the whole-column or whole-row reference in %s",
    async (formula) => {
      expect(await checksFound(await brokenWorkbook(withFormula(formula)))).toEqual(["whole-column-or-row"]);
    },
  );

  it("no false alarm for look-alikes in text, sheet names and bounded ranges", async () => {
    const formula = `IF(A1="NOW() A:A 1:1",SUM('Now (A:B)'!$A$1:$C$10),COUNT(B2:B4))`;
    expect(await checksFound(await brokenWorkbook(withFormula(formula)))).toEqual([]);
  });

  it("the first sheet hidden", async () => {
    const file = await brokenWorkbook((wb) => {
      wb.getWorksheet("Guide")!.state = "hidden";
    });
    expect(await checksFound(file)).toEqual(["hidden-first-or-active-sheet"]);
  });

  it("the active sheet hidden", async () => {
    const file = await brokenWorkbook((wb) => {
      wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
      area(wb).state = "hidden";
    });
    expect(await checksFound(file)).toEqual(["hidden-first-or-active-sheet"]);
  });

  it("a defined name pointing at #REF!", async () => {
    // ExcelJS silently drops such a name, so it is broken in the XML.
    const file = await brokenWorkbook(() => undefined, {
      part: "xl/workbook.xml",
      change: (xml) => xml.replace(">Area!$C$2:$C$4<", ">Area!#REF!<"),
    });
    expect(await checksFound(file)).toEqual(["defined-name-ref-error"]);
  });

  it.each([
    ["a sheet that does not exist", ">Missing!$C$2:$C$4<"],
    ["an apostrophe left undoubled in a quoted sheet name", ">'Are'a'!$C$2:$C$4<"],
  ])("a defined name naming %s", async (_, reference) => {
    // ExcelJS writes print titles this way for a sheet whose name holds an apostrophe.
    const file = await brokenWorkbook(() => undefined, {
      part: "xl/workbook.xml",
      change: (xml) => xml.replace(">Area!$C$2:$C$4<", reference.replace(/'/g, "&apos;")),
    });
    expect(await checksFound(file)).toEqual(["defined-name-bad-sheet"]);
  });

  describe("typed text given to a function that reads wildcards or criteria", () => {
    // Area!B2:B4 have a level picker; Area!D6 is unlocked (typed into, no picker); Area!A2:A4 are locked IDs.
    const withInputs =
      (formula: string, sheet = "Area") =>
      (wb: ExcelJS.Workbook) => {
        area(wb).getCell("D6").protection = { locked: false };
        wb.getWorksheet(sheet)!.getCell("H1").value = { formula };
      };

    it.each([
      ["the lookup value of MATCH", "MATCH(B2,Lists!$A$2:$A$6,0)"],
      ["the old level score, through TRIM", 'IF(TRIM(B2)="","",IFERROR(MATCH(TRIM(B2),{"Minimum","Mature"},0),"x"))'],
      ["the lookup value of VLOOKUP", "VLOOKUP($B$3,Lists!$A$2:$B$6,2,FALSE)"],
      ["the lookup value of HLOOKUP", "HLOOKUP(B4,Lists!$A$1:$B$2,2,FALSE)"],
      ["the text SEARCH looks for", 'SEARCH(B2,"Minimum Mature")'],
      ["a COUNTIF criterion from an unlocked cell without a picker", "COUNTIF(C2:C4,D6)"],
      ["a criterion built from a typed cell", 'SUMIF(A2:A4,"<>"&D6,C2:C4)'],
      ["the second criterion of COUNTIFS", 'COUNTIFS(C2:C4,">1",B2:B4,B3)'],
      ["a criterion of SUMIFS", 'SUMIFS(C2:C4,A2:A4,"B1",B2:B4,B3)'],
      ["a criterion of AVERAGEIFS", "AVERAGEIFS(C2:C4,A2:A4,$D$6)"],
      ["a range covering a typed cell", "COUNTIF(C2:C4,B2:B3)"],
      ["a defined name for a typed cell", "MATCH(Picked,Lists!$A$2:$A$6,0)"],
    ])("%s", async (_, formula) => {
      const file = await brokenWorkbook((wb) => {
        withInputs(formula)(wb);
        wb.definedNames.add("Area!$B$2", "Picked");
      });
      expect(await checksFound(file)).toEqual(["input-read-as-pattern"]);
    });

    it("a typed cell of another sheet, named with quotes", async () => {
      const file = await brokenWorkbook(withInputs("COUNTIF('Area'!$C$2:$C$4,'Area'!B2)", "Guide"));
      expect(await checksFound(file)).toEqual(["input-read-as-pattern"]);
    });

    it("a conditional format whose relative reference reaches a typed cell further down its range", async () => {
      // Written for C2, the rule reads $B2, $B3 and $B4 as Excel applies it down C2:C4.
      const file = await brokenWorkbook((wb) =>
        area(wb).addConditionalFormatting({
          ref: "C2:C4",
          rules: [
            {
              type: "expression",
              priority: 2,
              formulae: ["COUNTIF($C$2:$C$4,$B2)>0"],
              style: { font: { italic: true } },
            },
          ],
        }),
      );
      expect(await checksFound(file)).toEqual(["input-read-as-pattern"]);
    });

    it("in a generated assessment: none, until a score formula gives the typed level to MATCH", async () => {
      const generated = async (workbook: WorkbookPlan) => {
        const file = path.join(tempDir(), "assessment.xlsx");
        writeFileSync(file, await writePlanToBuffer(workbook));
        return extraChecks(file);
      };
      const workbook = plan({ behaviours: { "SL-ECSM-01": { current: "Mature" } } });
      expect(await generated(workbook)).toEqual([]);
      const sheet = workbook.sheets.find((s) => s.key === "keyArea:SL-ECSM")!;
      const score = locatePlanCell(sheet, 9, KEY_AREA.columns.currentScore)!;
      score.line[score.index] = {
        formula: 'IFERROR(MATCH(TRIM(J9),{"Minimum","Developing","Mature"},0),"Not a level")',
      };
      expect(await generated(workbook)).toEqual([
        expect.objectContaining({
          check: "input-read-as-pattern",
          detail: expect.stringMatching(/^'Councillors & Senior Managers' cell P9: argument 1 of MATCH/),
        }),
      ]);
    });

    it.each([
      ["a typed range searched, with a fixed lookup value", 'MATCH("Mature",B2:B4,0)'],
      ["a typed range counted against a fixed criterion", 'COUNTIF(B2:B4,"Mature")+SUMIF(B2:B4,"Leader",C2:C4)'],
      ["a comparison with =", 'SUMPRODUCT((TRIM(B2)={"Minimum","Mature"})*{1,3})'],
      ["a locked cell as the lookup value", "MATCH(A2,Lists!$A$2:$A$6,0)"],
      ["commas inside an array constant are not argument separators", 'COUNTIFS(C2:C4,{1,2},B2:B4,"x")'],
      ["look-alikes in text and sheet names", `IF(A1="MATCH(B2,x)",COUNTIF('B2'!$A$1:$A$3,A2),0)`],
    ])("no false alarm: %s", async (_, formula) => {
      const file = await brokenWorkbook((wb) => {
        wb.addWorksheet("B2");
        withInputs(formula)(wb);
      });
      expect(await checksFound(file)).toEqual([]);
    });
  });
});
