/**
 * Scenarios with answers worked out by hand, computed by a real spreadsheet engine: each workbook is
 * written, validated, recalculated by LibreOffice Calc, and its Summary, Gaps and Data values compared.
 */
import type { Answers } from "../../../src/core/plan/answer-types";
import { DATA, GAPS, KEY_AREA, SUMMARY } from "../../../src/core/plan/layout";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { richTextToCell } from "../../../src/core/toolkit/text";
import { cellAddress } from "../../../src/core/util/a1";
import type { ComputedWorkbook } from "../../support/libreoffice";
import { plan, recalculationBatch, rowValues, typeInto } from "../../support/recalculate-plan";

const toolkit = canonicalToolkit();
const allBehaviours = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours));
const keyAreaSizes = toolkit.themes.flatMap((t) => t.keyAreas.map((k) => k.behaviours.length));
const ecsm = toolkit.themes[0].keyAreas[0];
const SUMMARY_ROWS = { ecsm: 6, leadership: 9, overall: 18 };
// Every scenario's workbook, recalculated in one LibreOffice run.
const batch = recalculationBatch();

/** A Summary row from its label to the assured level. */
const summaryRow = (computed: ComputedWorkbook, row: number) =>
  rowValues(computed, "Summary", row, SUMMARY.letters.assuredLevel);
/** Gaps row of the n-th behaviour in toolkit order (1-based), as generated. */
const gapsRow = (computed: ComputedWorkbook, n: number) =>
  rowValues(computed, "Gaps", GAPS.headerRow + n, GAPS.letters.priority);
const dataRow = (computed: ComputedWorkbook, n: number) =>
  rowValues(computed, "Data", DATA.headerRow + n, DATA.letters.reviewDate);

describe("nothing assessed", () => {
  const recalculated = batch.add(plan({ behaviours: {} }));
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test("every summary row counts behaviours but no scores", () => {
    const rows = [6, 7, 8, 10, 11, 12, 14, 15, 16];
    rows.forEach((row, i) =>
      expect(summaryRow(computed, row).slice(2)).toEqual([
        keyAreaSizes[i],
        0,
        0,
        "",
        "",
        "",
        "",
        "Not assessed",
        "Not assessed",
      ]),
    );
    expect(summaryRow(computed, SUMMARY_ROWS.overall)).toEqual([
      "All key areas",
      "Overall",
      allBehaviours.length,
      0,
      0,
      "",
      "",
      "",
      "",
      "Not assessed",
      "Not assessed",
    ]);
  });

  test("every gap row says not assessed and has no rank", () => {
    allBehaviours.forEach((b, i) =>
      expect(gapsRow(computed, i + 1)).toEqual([
        i + 1,
        b.id,
        expect.any(String),
        b.name,
        "",
        "",
        "",
        "",
        "",
        "Not assessed",
        "",
        "",
        "",
      ]),
    );
  });

  test("the data table has one row per behaviour and blank scores", () => {
    const row = dataRow(computed, 1);
    expect(row.slice(2, 7)).toEqual([
      "nps-2018 1.0.0",
      "Showing leadership",
      ecsm.name,
      "SL-ECSM-01",
      ecsm.behaviours[0].name,
    ]);
    expect(row.slice(7)).toEqual(["", "", "", "", "", "", "", ""]);
    expect(dataRow(computed, allBehaviours.length)[5]).toBe(allBehaviours[allBehaviours.length - 1].id);
    expect(dataRow(computed, allBehaviours.length + 1)).toEqual(Array(15).fill(""));
  });
});

describe("everything Minimum, target Mature", () => {
  const answers: Answers = {
    behaviours: Object.fromEntries(allBehaviours.map((b) => [b.id, { current: "Minimum", target: "Mature" }])),
  };
  const recalculated = batch.add(plan(answers));
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test("summary: all assessed at 1, target 3, gap 2, both levels Minimum", () => {
    expect(summaryRow(computed, SUMMARY_ROWS.overall).slice(2)).toEqual([51, 51, 0, 1, 3, 2, 1, "Minimum", "Minimum"]);
    expect(summaryRow(computed, SUMMARY_ROWS.ecsm).slice(2)).toEqual([4, 4, 0, 1, 3, 2, 1, "Minimum", "Minimum"]);
  });

  test("gaps: equal gaps rank in toolkit order, next level Developing with its descriptor", () => {
    expect(gapsRow(computed, 1).slice(4)).toEqual([
      "Minimum",
      "Mature",
      1,
      3,
      2,
      "Below target",
      "Developing",
      richTextToCell(ecsm.behaviours[0].descriptors[1]),
      1,
    ]);
    expect(gapsRow(computed, 51)[12]).toBe(51);
  });

  test("data: numeric scores and gap", () => {
    expect(dataRow(computed, 2).slice(7, 12)).toEqual(["Minimum", 1, "Mature", 3, 2]);
  });
});

describe("a mixed key area", () => {
  // SL-ECSM: Developing→Mature, Leader→Innovator, Leader→Leader, blank→Leader.
  const answers: Answers = {
    behaviours: {
      "SL-ECSM-01": {
        current: "Developing",
        target: "Mature",
        evidence: "Board minutes",
        owner: "Head of Procurement",
        reviewDate: "2027-03-31",
      },
      "SL-ECSM-02": { current: "Leader", target: "Innovator" },
      "SL-ECSM-03": { current: "leader", target: " Leader " },
      "SL-ECSM-04": { target: "Leader" },
    },
  };
  const recalculated = batch.add(plan(answers, { council: "Anytown Council" }));
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test("summary: averages over assessed behaviours only; typical rounds down, assured is the weakest", () => {
    // current 2, 4, 4 → average 10/3, typical INT(3.33) = 3 Mature; weakest 2 Developing.
    // target over the three with both levels 3, 5, 4 → 4 (04 has no current); gaps 1, 1, 0 → 2/3.
    const [, , behaviours, assessed, invalid, avgCurrent, avgTarget, avgGap, weakest, typical, assured] = summaryRow(
      computed,
      SUMMARY_ROWS.ecsm,
    );
    expect([behaviours, assessed, invalid, weakest, typical, assured]).toEqual([4, 3, 0, 2, "Mature", "Developing"]);
    expect(avgCurrent).toBeCloseTo(10 / 3, 10);
    expect(avgTarget).toBeCloseTo(4, 10);
    expect(avgGap).toBeCloseTo(2 / 3, 10);
    // The theme and overall rows see only this key area's answers.
    expect(summaryRow(computed, SUMMARY_ROWS.leadership).slice(2, 4)).toEqual([10, 3]);
    expect(summaryRow(computed, SUMMARY_ROWS.overall).slice(9)).toEqual(["Mature", "Developing"]);
  });

  test("gaps: status, next level and priority (ties go to the lower current level)", () => {
    expect(gapsRow(computed, 1).slice(4)).toEqual([
      "Developing",
      "Mature",
      2,
      3,
      1,
      "Below target",
      "Mature",
      richTextToCell(ecsm.behaviours[0].descriptors[2]),
      1,
    ]);
    expect(gapsRow(computed, 2).slice(4)).toEqual([
      "Leader",
      "Innovator",
      4,
      5,
      1,
      "Below target",
      "Innovator",
      richTextToCell(ecsm.behaviours[1].descriptors[4]),
      2,
    ]);
    expect(gapsRow(computed, 3).slice(4)).toEqual([
      "Leader",
      "Leader",
      4,
      4,
      0,
      "Target met",
      "Innovator",
      richTextToCell(ecsm.behaviours[2].descriptors[4]),
      "",
    ]);
    expect(gapsRow(computed, 4).slice(4)).toEqual(["", "Leader", "", 4, "", "Not assessed", "", "", ""]);
  });

  test("data: council, date, evidence, owner and review date come through", () => {
    const row = dataRow(computed, 1);
    expect(row[0]).toBe("Anytown Council");
    expect(row.slice(7)).toEqual([
      "Developing",
      2,
      "Mature",
      3,
      1,
      "Board minutes",
      "Head of Procurement",
      expect.any(String),
    ]);
    expect(row[14]).toMatch(/^2027-03-31/);
  });
});

describe("a target below the current level", () => {
  const answers: Answers = { behaviours: { "SL-ECSM-01": { current: "Leader", target: "Developing" } } };
  const recalculated = batch.add(plan(answers));
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test("the gap is zero, never negative, and the behaviour is above target with no priority", () => {
    expect(gapsRow(computed, 1).slice(4)).toEqual([
      "Leader",
      "Developing",
      4,
      2,
      0,
      "Above target",
      "Innovator",
      richTextToCell(ecsm.behaviours[0].descriptors[4]),
      "",
    ]);
    expect(summaryRow(computed, SUMMARY_ROWS.ecsm).slice(2)).toEqual([4, 1, 0, 4, 2, 0, 4, "Leader", "Leader"]);
  });
});

describe("a typed value that is not a level", () => {
  const workbook = plan({
    behaviours: { "SL-ECSM-01": { target: "Mature" }, "SL-ECSM-02": { current: "Mature", target: "Leader" } },
  });
  typeInto(workbook, "keyArea:SL-ECSM", "J9", "Excellent");
  const recalculated = batch.add(workbook);
  let computed: ComputedWorkbook;
  beforeAll(async () => ({ computed } = await recalculated()));

  test("it never counts as a score, and is counted as invalid, not silently", () => {
    const keys = [
      "current",
      "target",
      "evidence",
      "owner",
      "reviewDate",
      "currentScore",
      "targetScore",
      "gap",
    ] as const;
    // A formula's "" comes back from the file as no value at all.
    const cells = computed["Councillors & Senior Managers"];
    expect(keys.map((key) => cells[cellAddress(9, KEY_AREA.columns[key])] ?? "")).toEqual([
      "Excellent",
      "Mature",
      "",
      "",
      "",
      "Not a level",
      3,
      "",
    ]);
    // Only SL-ECSM-02 (Mature → Leader) has both levels: average target 4, not (3 + 4) / 2 with 01's target.
    expect(summaryRow(computed, SUMMARY_ROWS.ecsm).slice(2)).toEqual([4, 1, 1, 3, 4, 1, 3, "Mature", "Mature"]);
    expect(gapsRow(computed, 1).slice(4)).toEqual(["Not a level", "Mature", "", 3, "", "Check level", "", "", ""]);
    expect(dataRow(computed, 1).slice(7, 12)).toEqual(["Not a level", "", "Mature", 3, ""]);
  });
});

describe("text that looks like a formula", () => {
  const council = `=HYPERLINK("http://example.com","O'Brien ""Council""")`;
  const answers: Answers = {
    behaviours: { "SL-ECSM-01": { current: "Mature", evidence: "+44 20 7664 3000", owner: "@procurement" } },
  };
  const recalculated = batch.add(plan(answers, { council }));

  test("a council name and evidence starting with =, +, - or @ land as text everywhere", async () => {
    const { computed } = await recalculated();
    expect(computed.Guide.B4).toBe(council);
    expect(computed.Summary.A2).toBe(`Council: ${council}`);
    expect(dataRow(computed, 1)[0]).toBe(council);
    expect(dataRow(computed, 1).slice(12, 14)).toEqual(["+44 20 7664 3000", "@procurement"]);
  });
});
