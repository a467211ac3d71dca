/** What a number format shows of a value, and what a formula linking to another workbook looks like. */
import { linksToAnotherWorkbook } from "../../../src/core/check/active-content";
import { formatEffect } from "../../../src/core/check/number-format";

describe("formatEffect", () => {
  test.each([
    ["General", "0", "either"],
    ["0", "0", "either"],
    ["0.0", "0.0", "either"],
    ["0.00", "0.0", "either"],
    ["#,##0", "0", "number"],
    ["0;[Red]-0", "0", "number"],
    ["dd/mm/yyyy", "dd/mm/yyyy", "either"],
    ["d mmm yyyy", "dd/mm/yyyy", "number"],
    ["@", "@", "text"],
    ["@", "0", "either"],
    ['0" points"', "0", "number"],
    ["[$-809]0.0", "0.0", "number"],
    ["0;-0;0;@", "0", "either"],
  ] as const)("%s where the add-in writes %s shows the value", (code, planned, value) => {
    expect(formatEffect({ code, planned, value })).toEqual({ kind: "shown" });
  });

  test.each([
    ['[=1]"3";0', "0", "number"],
    ['[<3]"Leader";0', "0", "either"],
    ['"3"', "0", "number"],
    ['0"0"', "0", "number"],
    ["0%", "0", "number"],
    ["0,", "0", "number"],
    ["0", "0.0", "number"],
    ["dd/mm/yyyy", "0", "number"],
    ['0;-0;0;"Innovator"', "General", "text"],
  ] as const)("%s where the add-in writes %s disguises the value", (code, planned, value) => {
    expect(formatEffect({ code, planned, value }).kind).toBe("disguised");
  });

  test.each([
    [";;;", "text"],
    [";;;", "number"],
    ["0;-0;", "number"],
    ["[White]0", "number"],
    ["[Color2]General", "either"],
  ] as const)("%s hides the value", (code, value) => {
    expect(formatEffect({ code, planned: "0", value }).kind).toBe("hidden");
  });

  test("a text section does not matter to a number, nor number sections to text", () => {
    expect(formatEffect({ code: "0;-0;0;", planned: "0", value: "number" }).kind).toBe("shown");
    expect(formatEffect({ code: '"3"', planned: "General", value: "text" }).kind).toBe("shown");
  });
});

describe("linksToAnotherWorkbook", () => {
  test.each(["[1]Sheet1!A1", "SUM('[1]Sheet 1'!A1:A3)", "[1]!Total", "'C:\\Files\\[Book.xlsx]Sheet1'!$A$1+1"])(
    "%s links to another workbook",
    (formula) => expect(linksToAnotherWorkbook(formula)).toBe(true),
  );
  test.each([
    "SUM(NPS_Data[Gap])+Summary!A1",
    "NPS_Data[[#This Row],[Gap]]",
    '"[1]Sheet1!A1"&A1',
    "'Councillors & Senior Managers'!$M$9",
  ])("%s does not", (formula) => expect(linksToAnotherWorkbook(formula)).toBe(false));
});
