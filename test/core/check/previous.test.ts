/**
 * The previous answers rule: a workbook started from last year's return, written and read back, whose Previous
 * columns were edited by hand afterwards no longer matches the metadata's record of them.
 */
import { carryForward } from "../../../src/core/cycle/carry-forward";
import type { Answers } from "../../../src/core/plan/answer-types";
import { KEY_AREA, keyAreaSheetKey } from "../../../src/core/plan/layout";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { cellAddress } from "../../../src/core/util/a1";
import { planSnapshot } from "../../support/plan-cells";
import { checkPlan, errorsAndWarnings, planWith, samplePlan, setPlanCell, toolkit } from "./fixtures";

const area = toolkit.themes[0].keyAreas[0];
const areaKey = keyAreaSheetKey(area.id);
const C = KEY_AREA.columns;
const row: number = KEY_AREA.firstBehaviourRow;
const LAST_YEARS_FILE = "anytown-2025.xlsx";

/** This year's workbook, started from last year's (the sample answers, dated 2026-11-01) by the carry-forward. */
function thisYearsPlan(): WorkbookPlan {
  const carried = carryForward({
    snapshot: planSnapshot(samplePlan()),
    fileName: LAST_YEARS_FILE,
    assessmentDate: "2026-11-20",
    carryLevels: false,
    toolkit,
  });
  if (!carried.ok) throw new Error(carried.reason);
  return planWith(carried.answers, { assessmentDate: "2026-11-20" });
}

const previousFindings = async (plan: WorkbookPlan) =>
  (await checkPlan(plan)).filter((f) => f.rule.startsWith("previous."));

test("a workbook started from last year's return, unedited, has no finding about its previous answers", async () => {
  const plan = thisYearsPlan();
  const findings = await checkPlan(plan);
  expect(findings.filter((f) => f.rule.startsWith("previous."))).toEqual([]);
  // Nor any other finding that needs action from the Previous columns.
  expect(errorsAndWarnings(findings).filter((f) => f.sheet?.key === areaKey)).toEqual([]);
});

test("a workbook with no previous answers has no finding about them", async () => {
  expect(await previousFindings(samplePlan())).toEqual([]);
});

describe("a Previous cell edited by hand is reported, naming last year's file and date", () => {
  test.each([
    ["previous current level", C.previousCurrent, "Leader"],
    ["previous target level", C.previousTarget, "Innovator"],
    ["previous evidence", C.previousEvidence, "Better board minutes"],
  ])("%s", async (_what, column, edited) => {
    const plan = thisYearsPlan();
    setPlanCell(plan, areaKey, cellAddress(row, column), edited);
    const findings = await previousFindings(plan);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "previous.changed",
        severity: "warning",
        repairable: false,
        message: expect.stringContaining(`${LAST_YEARS_FILE}, assessed on 01/11/2026`),
      }),
    ]);
    // The fingerprints compared are not shown: they would mean nothing to the reader.
    expect(findings[0]).not.toHaveProperty("expected");
    expect(findings[0]).not.toHaveProperty("found");
  });

  test("a previous level cleared is a change too", async () => {
    const plan = thisYearsPlan();
    setPlanCell(plan, areaKey, cellAddress(row, C.previousCurrent), null);
    expect((await previousFindings(plan)).map((f) => f.rule)).toEqual(["previous.changed"]);
  });

  test("a previous level written in another case counts as the same level, as the formulas read it", async () => {
    const plan = thisYearsPlan();
    const shown = planPreviousCurrent(plan);
    expect(shown).toMatch(/^[A-Z]/);
    setPlanCell(plan, areaKey, cellAddress(row, C.previousCurrent), ` ${shown.toLowerCase()} `);
    expect(await previousFindings(plan)).toEqual([]);
  });
});

test("previous answers typed into a workbook not started from last year's return are reported as not carried", async () => {
  const plan = planWith({ behaviours: {} } satisfies Answers);
  setPlanCell(plan, areaKey, cellAddress(row, C.previousCurrent), "Mature");
  expect(await previousFindings(plan)).toEqual([
    expect.objectContaining({
      rule: "previous.changed",
      severity: "warning",
      message: expect.stringMatching(/typed in, not carried/),
    }),
  ]);
});

/** The previous current level the plan shows on the key area's first behaviour row. */
function planPreviousCurrent(plan: WorkbookPlan): string {
  const value = planSnapshot(plan).sheets.find((s) => s.name === area.sheetName)?.cells[
    cellAddress(row, C.previousCurrent)
  ]?.value;
  if (typeof value !== "string") throw new Error("the sample's first behaviour has no previous current level");
  return value;
}
