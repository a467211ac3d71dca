/** Which returns a consolidation uses, and what the log says, decided on examined returns (pure, no files). */
import fc from "fast-check";
import { consolidate, groupToolkit } from "../../../src/core/consolidate/consolidate";
import { csvField, groupDataCsv } from "../../../src/core/consolidate/csv";
import { planGroupWorkbook } from "../../../src/core/consolidate/group-plan";
import { groupDataRows } from "../../../src/core/consolidate/group-rows";
import type { ConsolidationOptions, ExaminedReturn, ReturnIdentity } from "../../../src/core/consolidate/types";
import { GROUP_DATA } from "../../../src/core/plan/layout";
import { isFormula } from "../../../src/core/plan/types";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { functionCalls } from "../../support/formula-calls";
import { examinedReturn, olderToolkit, toolkit } from "./fixtures";
import { consolidateWords } from "../../../src/core/words/consolidate";

const DEFAULTS: ConsolidationOptions = { includeErrors: false, finalOnly: false };

let position = 0;
function examined(identity: Partial<ReturnIdentity>, more: Partial<ExaminedReturn> = {}): ExaminedReturn {
  return examinedReturn(position++, identity, more);
}

const outcomes = (returns: ExaminedReturn[], options = DEFAULTS) =>
  consolidate(returns, toolkit, options).log.map((e) => [e.file, e.outcome, e.returnNumber]);

beforeEach(() => (position = 0));

test("the group is expressed in the newest toolkit version known", () => {
  expect(groupToolkit([olderToolkit(), toolkit])).toBe(toolkit);
  expect(groupToolkit(knownToolkits()).version).toBe(toolkit.version);
});

test("two respondents in one council are two returns; the same respondent twice is a duplicate", () => {
  const returns = [
    examined({ respondent: "Jane Smith", role: "Procurement" }),
    examined({ respondent: "Raj Patel", role: "Finance" }),
    examined({ respondent: " jane  SMITH", assessmentDate: "2026-02-01" }),
  ];
  expect(outcomes(returns)).toEqual([
    ["return-0.xlsx", "used", 1],
    ["return-1.xlsx", "used", 2],
    ["return-2.xlsx", "left-out", undefined],
  ]);
  expect(consolidate(returns, toolkit, DEFAULTS).log[2].reason).toBe(
    "Left out: a duplicate of return-0.xlsx (the same council and respondent, Anytown Council, Jane Smith), which was used because it has the later assessment date (01/03/2026 against 01/02/2026).",
  );
});

test("of duplicates, a final return beats a draft whatever the dates", () => {
  const returns = [
    examined({ status: "final", assessmentDate: "2026-01-01" }),
    examined({ assessmentDate: "2026-06-01" }),
  ];
  const result = consolidate(returns, toolkit, DEFAULTS);
  expect(result.log.map((e) => e.outcome)).toEqual(["used", "left-out"]);
  expect(result.log[0].reason).toBe(
    "Used instead of return-1.xlsx (the same council and respondent) because it is signed off (final) and the other is a draft.",
  );
});

test("of duplicates with the same date, the one saved later wins, then the one given later", () => {
  const savedLater = [examined({}, { modified: 2000 }), examined({}, { modified: 1000 })];
  expect(outcomes(savedLater).map(([, outcome]) => outcome)).toEqual(["used", "left-out"]);
  expect(consolidate(savedLater, toolkit, DEFAULTS).log[1].reason).toMatch(/because it was saved later\.$/);
  position = 0;
  const unknown = [examined({}, { modified: 2000 }), examined({}), examined({}, { modified: 1000 })];
  expect(outcomes(unknown).map(([, outcome]) => outcome)).toEqual(["used", "left-out", "left-out"]);
  expect(consolidate(unknown, toolkit, DEFAULTS).log[0].reason).toBe(
    "Used instead of return-1.xlsx, return-2.xlsx (the same council and respondent) because it was saved later.",
  );
  position = 0;
  const givenLater = [examined({}), examined({})];
  expect(outcomes(givenLater).map(([, outcome]) => outcome)).toEqual(["left-out", "used"]);
  expect(consolidate(givenLater, toolkit, DEFAULTS).log[0].reason).toMatch(/because it was given later\.$/);
});

test("a real assessment date beats none; returns without a council are never taken for duplicates", () => {
  expect(outcomes([examined({ assessmentDate: "2026-01-01" }), examined({ assessmentDate: "not a date" })])).toEqual([
    ["return-0.xlsx", "used", 1],
    ["return-1.xlsx", "left-out", undefined],
  ]);
  position = 0;
  expect(outcomes([examined({ council: "" }), examined({ council: " " })]).map(([, o]) => o)).toEqual(["used", "used"]);
});

test("returns with errors are left out with the first errors, or used when asked, and the log says so", () => {
  const withErrors = () =>
    examined(
      {},
      {
        counts: { error: 3, warning: 1, info: 0 },
        firstErrors: ["Sheet!H9: The current level is not a level", "Sheet!D9: The descriptor differs"],
      },
    );
  const left = consolidate([withErrors()], toolkit, DEFAULTS);
  expect(left.returns).toEqual([]);
  expect(left.log[0]).toMatchObject({
    outcome: "left-out",
    counts: { error: 3, warning: 1, info: 0 },
    reason:
      "Left out because the check found 3 errors, for example: Sheet!H9: The current level is not a level; Sheet!D9: The descriptor differs. Fix the errors (the check lists them all), or include returns with errors.",
  });
  position = 0;
  const included = consolidate([withErrors()], toolkit, { ...DEFAULTS, includeErrors: true });
  expect(included.log[0]).toMatchObject({ outcome: "used-with-errors", returnNumber: 1 });
  expect(included.log[0].reason).toMatch(/^Included as asked although the check found 3 errors/);
});

test("drafts are left out only on request", () => {
  const returns = [examined({ status: "final", council: "A" }), examined({ council: "B" })];
  expect(outcomes(returns).map(([, o]) => o)).toEqual(["used", "used"]);
  expect(outcomes(returns, { ...DEFAULTS, finalOnly: true })).toEqual([
    ["return-0.xlsx", "used", 1],
    ["return-1.xlsx", "left-out", undefined],
  ]);
  expect(consolidate(returns, toolkit, { ...DEFAULTS, finalOnly: true }).log[1].reason).toBe(
    "Left out because it is a draft (not signed off), and only final returns were asked for.",
  );
});

test("a return with no current level yet is used, and its line says it adds no figure to the averages", () => {
  const returns = [
    examined({ council: "A" }),
    examined({ council: "B" }, { answers: { "SL-ECSM-01": { target: "Leader", current: "Good" } } }),
    examined({ council: "C" }, { answers: {} }),
  ];
  const log = consolidate(returns, toolkit, DEFAULTS).log;
  expect(log.map((entry) => entry.outcome)).toEqual(["used", "used", "used"]);
  // "Good" is not a level: the score formulas read no current level there either.
  expect(log.map((entry) => entry.reason.includes(consolidateWords.noCurrentLevels))).toEqual([false, true, true]);
});

test("a return changed after sign-off counts as a draft: Draft on Group Data, left out by --final-only with why", () => {
  const returns = [examined({ status: "changed", council: "A" }), examined({ status: "draft", council: "A" })];
  const all = consolidate(returns, toolkit, DEFAULTS);
  expect(all.log.map((e) => e.outcome)).toEqual(["left-out", "used"]);
  position = 0;
  const changed = consolidate([examined({ status: "changed" })], toolkit, DEFAULTS);
  expect(changed.log[0].reason).toBe("Signed off, but its answers or sign-off changed since, so it counts as a draft.");
  expect(groupDataRows(changed)[0].status).toBe("Draft");
  expect(
    consolidate(
      changed.log.map(() => examined({ status: "changed" })),
      toolkit,
      { ...DEFAULTS, finalOnly: true },
    ).log[0].reason,
  ).toBe(
    "Left out because its answers or sign-off changed after it was signed off, and only final returns were asked for.",
  );
});

test("files that are not workbooks or not assessments are left out even when errors are included", () => {
  const returns = [
    examined({}, { kind: "unreadable", identity: undefined, problem: "This file is not an Excel workbook (.xlsx)." }),
    examined({}, { kind: "not-an-assessment", identity: undefined, counts: { error: 1, warning: 0, info: 0 } }),
  ];
  const result = consolidate(returns, toolkit, { ...DEFAULTS, includeErrors: true });
  expect(result.returns).toEqual([]);
  expect(result.log.map((e) => e.reason)).toEqual([
    "Could not be read. This file is not an Excel workbook (.xlsx).",
    consolidateWords.notAnAssessment(undefined),
  ]);
  expect(result.log[0].counts).toBeUndefined();
});

test("Group Data rows: levels read as the workbook reads them, entries that are not levels marked, gaps never negative", () => {
  const result = consolidate(
    [
      examined(
        { status: "final" },
        {
          answers: {
            "SL-ECSM-01": { current: " leader\u00A0", target: "Mature" },
            "SL-ECSM-02": { current: "Good", target: "Innovator", evidence: "-3" },
            "SL-ECSM-03": { current: "Minimum", target: "Innovator" },
          },
        },
      ),
    ],
    toolkit,
    { ...DEFAULTS, includeErrors: true },
  );
  const rows = groupDataRows(result);
  expect(rows).toHaveLength(51);
  const pick = (i: number) => [rows[i].currentLevel, rows[i].currentScore, rows[i].targetScore, rows[i].gap];
  expect(pick(0)).toEqual(["Leader", 4, 3, 0]);
  expect(pick(1)).toEqual(["Good", "Not a level", 5, null]);
  expect(pick(2)).toEqual(["Minimum", 1, 5, 4]);
  expect(pick(3)).toEqual([null, null, null, null]);
  expect(rows[0].status).toBe("Final");
  expect(rows[1].evidence).toBe("-3");
});

describe("CSV", () => {
  test("fields a spreadsheet would read as formulas get a leading apostrophe, and are quoted", () => {
    expect(["=1+1", "+44 20", "-3", "@SUM(A1)", "\tx", "\rx"].map(csvField)).toEqual([
      `"'=1+1"`,
      `"'+44 20"`,
      `"'-3"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\rx"`,
    ]);
  });

  test("RFC 4180: commas, quotes and line breaks are quoted, quotes doubled; numbers and blanks as they are", () => {
    expect(["a,b", 'say "hi"', "two\nlines", "plain", 3, 2.5, null].map(csvField)).toEqual([
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      "plain",
      "3",
      "2.5",
      "",
    ]);
  });

  test("UTF-8 byte order mark, the Group Data header, one CRLF line per row", () => {
    const result = consolidate([examined({ council: 'Ynys Môn, "Anglesey"' })], toolkit, DEFAULTS);
    const csv = groupDataCsv(groupDataRows(result));
    expect(csv.startsWith("\uFEFFReturn,Council,Respondent,")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(1 + 51 + 1);
    expect(lines[0]).toBe(GROUP_DATA.headers.join(","));
    expect(lines[1]).toMatch(/^1,"Ynys Môn, ""Anglesey""",,,,,2026-03-01,nps-2018 1\.0\.0,Showing leadership,/);
    expect(lines[52]).toBe("");
  });
});

describe("the group plan's formulas", () => {
  const plan = () => {
    const returns = [examined({ council: "M*" }), examined({ council: ">3" }), examined({ council: "=1" })];
    return planGroupWorkbook(consolidate(returns, toolkit, DEFAULTS), { now: new Date("2026-11-26T09:00:00Z") });
  };

  test("read returns by number and rows with `=`: no function that takes text as a pattern or criterion", () => {
    const formulas = plan().sheets.flatMap((sheet) =>
      sheet.blocks.flatMap((block) => block.cells.flat().filter(isFormula)),
    );
    expect(formulas.length).toBeGreaterThan(0);
    const names = new Set(formulas.flatMap((cell) => functionCalls(cell.formula).map((call) => call.name)));
    expect([...names].sort()).toEqual([
      "AVERAGE",
      "COUNT",
      "IF",
      "INDEX",
      "INT",
      "ISNUMBER",
      "MAX",
      "MIN",
      "SUMPRODUCT",
    ]);
  });

  test("every value copied from a return is a plain cell on Group Data, Group Actions and the log, never a formula", () => {
    const sheets = plan().sheets.filter((s) => s.role !== "groupSummary");
    expect(sheets.map((s) => s.name)).toEqual(["Group Data", "Group Actions", "Consolidation Log"]);
    for (const sheet of sheets) expect(sheet.blocks.flatMap((b) => b.cells.flat()).filter(isFormula)).toEqual([]);
  });
});

/** RFC 4180, read as the RFC defines it: fields split by commas, records by CRLF, "…" with "" for a quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') ((field += '"'), i++);
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else if (text[i] === ",") (record.push(field), (field = ""), i++);
    else if (text.startsWith("\r\n", i))
      (record.push(field), records.push(record), (record = []), (field = ""), (i += 2));
    else field += text[i++];
  }
  return records;
}

test("property: any text survives the CSV field for field, with an apostrophe before what would run as a formula", () => {
  const text = fc.string({
    unit: fc.constantFrom("a", "Ô", " ", ",", '"', "\r", "\n", "\t", "=", "+", "-", "@", "'", "1"),
  });
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (fields) => {
      const line = `${fields.map(csvField).join(",")}\r\n`;
      const expected = fields.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f));
      expect(parseCsv(line)).toEqual([expected]);
    }),
  );
});
