/**
 * What a paste brings past the level pickers: error values, text Excel would read as a pattern, and
 * levels wrapped in tabs, line breaks or no-break spaces. Each workbook is written, checked (the
 * checks include the rule that no typed text reaches a function reading wildcards or criteria),
 * recalculated by LibreOffice Calc and compared with figures worked out here by hand.
 */
import type { Answers } from "../../../src/core/plan/answer-types";
import { canonicalLevel } from "../../../src/core/plan/answers";
import { DATA, GAPS, KEY_AREA, SUMMARY } from "../../../src/core/plan/layout";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { richTextToCell } from "../../../src/core/toolkit/text";
import { cellAddress } from "../../../src/core/util/a1";
import { ERROR_IN_DATE_CELL, findErrorValues, type ComputedWorkbook } from "../../support/libreoffice";
import { plan, recalculationBatch, rowValues, typeInto, type PastedError } from "../../support/recalculate-plan";

const toolkit = canonicalToolkit();
const [leadership, commercial] = toolkit.themes;
const ecsm = leadership.keyAreas[0];
const cco = commercial.keyAreas[0];
const ECSM_KEY = "keyArea:SL-ECSM";
/** Summary rows: each theme's key areas, then the theme; the overall row last. */
const SUMMARY_ROWS = { ecsm: 6, wwp: 7, leadership: 9, cco: 10, commercial: 13, overall: 18 };

// Every scenario's workbook, recalculated in one LibreOffice run.
const batch = recalculationBatch();
/** Summary figures: behaviours, assessed, invalid, average current, average target, average gap, weakest, typical, assured, current and target. */
const summaryFigures = (computed: ComputedWorkbook, row: number) =>
  rowValues(computed, "Summary", row, SUMMARY.letters.bothLevels).slice(SUMMARY.columns.behaviours - 1);
/** Gaps of the n-th behaviour in toolkit order, from its levels: levels, scores, gap, status, next level, its descriptor, priority. */
const gapsRow = (computed: ComputedWorkbook, n: number) =>
  rowValues(computed, "Gaps", GAPS.headerRow + n, GAPS.letters.priority).slice(GAPS.columns.currentLevel - 1);
const dataRow = (computed: ComputedWorkbook, n: number) =>
  rowValues(computed, "Data", DATA.headerRow + n, DATA.letters.reviewDate);
/** A behaviour row's current score, target score and gap on its key area sheet. */
const keyAreaScores = (computed: ComputedWorkbook, sheet: string, row: number) =>
  rowValues(computed, sheet, row, KEY_AREA.letters.gap).slice(KEY_AREA.columns.currentScore - 1);

/** Expects summary figures with the averages compared to 10 places (they are quotients). */
function expectFigures(actual: (string | number | boolean)[], expected: (string | number)[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) =>
    typeof value === "number" && !Number.isInteger(value)
      ? expect(actual[i]).toBeCloseTo(value, 10)
      : expect(actual[i]).toBe(value),
  );
}

describe("error values pasted into input cells", () => {
  // SL-ECSM-01: #N/A pasted as the current level, target Mature.
  // SL-ECSM-02: Leader, #DIV/0! pasted as the target.
  // SL-ECSM-03: Developing → Leader, with #VALUE! in evidence, #NAME? as owner and #REF! as review date.
  // SL-ECSM-04: blank. The Guide's council and date cells hold #N/A and #NUM!.
  const sheet = ecsm.sheetName;
  const pasted: PastedError[] = [
    { sheet, address: "J9", error: "#N/A" },
    { sheet, address: "K10", error: "#DIV/0!" },
    { sheet, address: "M11", error: "#VALUE!" },
    { sheet, address: "N11", error: "#NAME?" },
    { sheet, address: "O11", error: "#REF!" },
    { sheet: "Guide", address: "B4", error: "#N/A" },
    { sheet: "Guide", address: "B5", error: "#NUM!" },
  ];
  const answers: Answers = {
    behaviours: {
      "SL-ECSM-01": { target: "Mature" },
      "SL-ECSM-02": { current: "Leader" },
      "SL-ECSM-03": { current: "Developing", target: "Leader" },
    },
  };
  const recalculated = batch.add(plan(answers), pasted);
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test("the pasted cells, and no others, hold errors after recalculation (the scenario is real)", () => {
    const errors = findErrorValues(computed);
    expect(errors.map((e) => `${e.sheet}!${e.cell}`).sort()).toEqual(
      pasted.map((p) => `${p.sheet}!${p.address}`).sort(),
    );
    // ExcelJS cannot tell which error a date-formatted cell holds (review date, assessment date).
    for (const { sheet: name, address, error } of pasted)
      expect([error, ERROR_IN_DATE_CELL]).toContain(computed[name][address]);
  });

  test("a score cell reads an error value as Not a level, and the gap stays blank", () => {
    expect(keyAreaScores(computed, sheet, 9)).toEqual(["Not a level", 3, ""]);
    expect(keyAreaScores(computed, sheet, 10)).toEqual([4, "Not a level", ""]);
    expect(keyAreaScores(computed, sheet, 11)).toEqual([2, 4, 2]);
  });

  test("summary: both errors are invalid entries and are left out of every figure", () => {
    // Assessed: 02 (Leader 4) and 03 (Developing 2); average current 3, weakest 2.
    // Only 03 has a current and a target: average target 4, average gap 2.
    const figures = [2, 2, 3, 4, 2, 2, "Mature", "Developing", 1];
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.ecsm), [ecsm.behaviours.length, ...figures]);
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.leadership), [10, ...figures]);
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.overall), [51, ...figures]);
    expect(computed.Summary.A2).toBe("Council: check the council name on the Guide sheet");
  });

  test("gaps: the rows with an error say Not a level and Check level", () => {
    expect(gapsRow(computed, 1)).toEqual(["Not a level", "Mature", "", 3, "", "Check level", "", "", ""]);
    expect(gapsRow(computed, 2)).toEqual([
      "Leader",
      "Not a level",
      4,
      "",
      "",
      "Check level",
      "Innovator",
      richTextToCell(ecsm.behaviours[1].descriptors[4]),
      "",
    ]);
    expect(gapsRow(computed, 3)).toEqual([
      "Developing",
      "Leader",
      2,
      4,
      2,
      "Below target",
      "Mature",
      richTextToCell(ecsm.behaviours[2].descriptors[2]),
      1,
    ]);
  });

  test("data: Not a level for the levels; an error in council, date, evidence, owner or review date shows blank", () => {
    expect(dataRow(computed, 1).slice(0, 2)).toEqual(["", ""]);
    expect(dataRow(computed, 1).slice(7)).toEqual(["Not a level", "", "Mature", 3, "", "", "", ""]);
    expect(dataRow(computed, 2).slice(7)).toEqual(["Leader", 4, "Not a level", "", "", "", "", ""]);
    expect(dataRow(computed, 3).slice(7)).toEqual(["Developing", 2, "Leader", 4, 2, "", "", ""]);
  });
});

describe("text Excel would read as a wildcard or a criterion", () => {
  // Every SL-ECSM level is such text; SL-WWP-01 is a real Mature → Leader beside them.
  const typed: [string, string][] = [
    ["J9", "M*"],
    ["J10", "*"],
    ["K10", "?inimum"],
    ["J11", "~"],
    ["K11", ">3"],
    ["J12", "=1"],
    ["K12", "<>"],
  ];
  const workbook = plan({
    behaviours: { "SL-ECSM-01": { target: "Mature" }, "SL-WWP-01": { current: "Mature", target: "Leader" } },
  });
  for (const [address, text] of typed) typeInto(workbook, ECSM_KEY, address, text);
  const recalculated = batch.add(workbook);
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test("the typed text is in the cells, as text", () => {
    for (const [address, text] of typed) expect(computed[ecsm.sheetName][address]).toBe(text);
  });

  test("none of it scores: every one is Not a level", () => {
    const scores = [9, 10, 11, 12].map((row) => keyAreaScores(computed, ecsm.sheetName, row));
    expect(scores).toEqual([
      ["Not a level", 3, ""],
      ["Not a level", "Not a level", ""],
      ["Not a level", "Not a level", ""],
      ["Not a level", "Not a level", ""],
    ]);
  });

  test("summary: seven invalid entries, nothing assessed in SL-ECSM; the theme sees SL-WWP's answer alone", () => {
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.ecsm), [
      4,
      0,
      7,
      "",
      "",
      "",
      "",
      "Not assessed",
      "Not assessed",
      0,
    ]);
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.wwp), [3, 1, 0, 3, 4, 1, 3, "Mature", "Mature", 1]);
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.leadership), [10, 1, 7, 3, 4, 1, 3, "Mature", "Mature", 1]);
    expect(gapsRow(computed, 1).slice(0, 6)).toEqual(["Not a level", "Mature", "", 3, "", "Check level"]);
    expect(gapsRow(computed, 4).slice(0, 6)).toEqual(["Not a level", "Not a level", "", "", "", "Check level"]);
  });
});

describe("average target and average gap over the same behaviours", () => {
  // SL-ECSM: Developing→Mature (2→3), blank→Innovator, Leader→blank, "Excellent" (typed)→Leader.
  // SL-WWP: Minimum→Innovator (1→5), Leader→Developing (4→2, gap 0), Mature→Mature (3→3).
  // BC-CCO: Mature→Leader (3→4), blank→Mature.
  const workbook = plan({
    behaviours: {
      "SL-ECSM-01": { current: "Developing", target: "Mature" },
      "SL-ECSM-02": { target: "Innovator" },
      "SL-ECSM-03": { current: "Leader" },
      "SL-ECSM-04": { target: "Leader" },
      "SL-WWP-01": { current: "Minimum", target: "Innovator" },
      "SL-WWP-02": { current: "Leader", target: "Developing" },
      "SL-WWP-03": { current: "Mature", target: "Mature" },
      "BC-CCO-01": { current: "Mature", target: "Leader" },
      "BC-CCO-02": { target: "Mature" },
    },
  });
  typeInto(workbook, ECSM_KEY, "J12", "Excellent");
  const recalculated = batch.add(workbook);
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test("a key area: targets of behaviours without a valid current level are left out", () => {
    // Current 2 and 4: average 3. Only 01 has both: target 3, gap 1 (all targets would give (3+5+4)/3 = 4).
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.ecsm), [4, 2, 1, 3, 3, 1, 2, "Mature", "Developing", 1]);
    // All three have both: current 8/3, target (5+2+3)/3, gaps 4, 0, 0.
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.wwp), [
      3,
      3,
      0,
      8 / 3,
      10 / 3,
      4 / 3,
      1,
      "Developing",
      "Minimum",
      3,
    ]);
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.cco), [
      cco.behaviours.length,
      1,
      0,
      3,
      4,
      1,
      3,
      "Mature",
      "Mature",
      1,
    ]);
  });

  test("a theme and the overall row: over every behaviour with both levels, across sheets", () => {
    // Leadership: current 2, 4, 1, 4, 3 → 14/5; both levels: targets 3, 5, 2, 3 → 13/4, gaps 1, 4, 0, 0 → 5/4.
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.leadership), [
      10,
      5,
      1,
      14 / 5,
      13 / 4,
      5 / 4,
      1,
      "Developing",
      "Minimum",
      4,
    ]);
    const commercialSize = commercial.keyAreas.reduce((n, k) => n + k.behaviours.length, 0);
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.commercial), [
      commercialSize,
      1,
      0,
      3,
      4,
      1,
      3,
      "Mature",
      "Mature",
      1,
    ]);
    // Overall: current 14 + 3 over 6 → 17/6; both levels: targets 13 + 4 over 5, gaps 5 + 1 over 5.
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.overall), [
      51,
      6,
      1,
      17 / 6,
      17 / 5,
      6 / 5,
      1,
      "Developing",
      "Minimum",
      5,
    ]);
  });

  test("the Summary says which behaviours the averages are over", () => {
    expect(computed.Summary[cellAddress(SUMMARY.headerRow, SUMMARY.columns.bothLevels)]).toBe("Current and target");
    expect(computed.Summary.A4).toMatch(/Average target and average gap are taken over the same behaviours/);
  });
});

describe("levels wrapped in tabs, line breaks and no-break spaces", () => {
  // What a paste from Word or a web page brings. Each case: cell, typed text, the score a person expects.
  const cases: [string, string, number | "" | "Not a level"][] = [
    ["J9", "\tMature\t", 3],
    ["K9", "\u00A0Leader\u00A0", 4],
    ["J10", "Developing\r\n", 2],
    ["K10", "\nInnovator", 5],
    // Not a tab and a line break in one cell: LibreOffice 7.4 reads a tab in a multi-line cell as U+0001.
    ["J11", " \u00A0\r\n", ""],
    ["K11", "\u00A0 leader\r", 4],
    // A no-break space inside a word is still inside it; an em space is not one of the space-like characters.
    ["J12", "Mat\u00A0ure", "Not a level"],
    ["K12", "Minimum\u2003", "Not a level"],
  ];
  const L = KEY_AREA.letters;
  const scoreColumn: Record<string, string> = { [L.current]: L.currentScore, [L.target]: L.targetScore };
  const workbook = plan({ behaviours: {} });
  for (const [address, text] of cases) typeInto(workbook, ECSM_KEY, address, text);
  const recalculated = batch.add(workbook);
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test.each(cases)("%s %j scores %j", (address, _typed, score) => {
    // A formula's "" comes back from the file as no value at all.
    expect(computed[ecsm.sheetName][address.replace(/^[A-Z]+/, (c) => scoreColumn[c])] ?? "").toBe(score);
  });

  test("an upgrade reads each cell as the workbook did (canonicalLevel shares the rule)", () => {
    for (const [address, typed, score] of cases) {
      const level = canonicalLevel(toolkit.levels, typed);
      const expected = typeof score === "number" ? toolkit.levels[score - 1] : undefined;
      expect(`${address} ${JSON.stringify(typed)} → ${level}`).toBe(
        `${address} ${JSON.stringify(typed)} → ${expected}`,
      );
    }
  });

  test("summary: two assessed, two invalid; averages over 01 and 02, which have both levels", () => {
    // Current 3 and 2 → 2.5; targets 4 and 5 → 4.5; gaps 1 and 3 → 2.
    expectFigures(summaryFigures(computed, SUMMARY_ROWS.ecsm), [
      4,
      2,
      2,
      2.5,
      4.5,
      2,
      2,
      "Developing",
      "Developing",
      2,
    ]);
    expect(gapsRow(computed, 3).slice(0, 6)).toEqual(["", "Leader", "", 4, "", "Not assessed"]);
  });
});
