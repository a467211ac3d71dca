/** Starting this year's assessment from last year's return, as a plain function: snapshot in, answers and notes out. */
import { previousFingerprint } from "../../../src/core/answers/fingerprint";
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { planRepairedCopy } from "../../../src/core/assessment/plan-assessment";
import { carryForward, type CarryForwardRequest } from "../../../src/core/cycle/carry-forward";
import type { Answers } from "../../../src/core/plan/answer-types";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { KEY_AREA, keyAreaSheetKey } from "../../../src/core/plan/layout";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { parseToolkit } from "../../../src/core/toolkit/load";
import { cellAddress } from "../../../src/core/util/a1";
import { planCell, planSnapshot, typeInto } from "../../support/plan-cells";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");
const area = toolkit.themes[0].keyAreas[0];
const [first, second, third] = area.behaviours;
const C = KEY_AREA.columns;
const row: number = KEY_AREA.firstBehaviourRow;

const lastYear: Answers = {
  council: "Anytown Council",
  assessmentDate: "2025-04-01",
  respondent: "Sam Jones",
  role: "Head of Procurement",
  behaviours: {
    [first.id]: {
      current: "Developing",
      target: "Mature",
      evidence: "Board minutes",
      owner: "Sam",
      reviewDate: "2025-09-30",
    },
    [second.id]: { current: "Minimum" },
  },
};

const lastYearsFile = (answers: Answers = lastYear) => planSnapshot(buildWorkbookPlan(toolkit, answers, { now }));

const request = (overrides: Partial<CarryForwardRequest> = {}): CarryForwardRequest => ({
  snapshot: lastYearsFile(),
  fileName: "anytown-2025.xlsx",
  assessmentDate: "2026-04-01",
  carryLevels: false,
  toolkit,
  ...overrides,
});

function carried(overrides: Partial<CarryForwardRequest> = {}) {
  const result = carryForward(request(overrides));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const cellOf = (plan: WorkbookPlan, column: number, r = row) =>
  planCell(plan, keyAreaSheetKey(area.id), cellAddress(r, column));

describe("this year's answers from last year's", () => {
  test("council, respondent, role and owner carried; last year's levels and evidence are the previous ones; this year's pickers, evidence and review dates blank", () => {
    const { answers } = carried();
    expect(answers).toMatchObject({
      council: "Anytown Council",
      assessmentDate: "2026-04-01",
      respondent: "Sam Jones",
      role: "Head of Procurement",
    });
    expect(answers.behaviours[first.id]).toEqual({ owner: "Sam" });
    expect(answers.behaviours[second.id]).toEqual({});
    expect(answers.previous?.behaviours).toEqual({
      [first.id]: { current: "Developing", target: "Mature", evidence: "Board minutes" },
      [second.id]: { current: "Minimum" },
    });
    expect(answers.previous?.source).toEqual({
      file: "anytown-2025.xlsx",
      assessmentDate: "2025-04-01",
      answersFingerprint: previousFingerprint(answers.previous!.behaviours, "2025-04-01", toolkit),
    });
  });

  test("--carry-levels picks last year's levels again as a starting point", () => {
    const { answers, notes } = carried({ carryLevels: true });
    expect(answers.behaviours[first.id]).toEqual({ current: "Developing", target: "Mature", owner: "Sam" });
    expect(notes[0]).toMatch(/picked again as a starting point/);
  });

  test("the plan writes them in the Previous columns and the metadata, and a repair keeps them", () => {
    const { answers } = carried();
    const plan = buildWorkbookPlan(toolkit, answers, { now });
    expect(cellOf(plan, C.current)).toBeNull();
    expect(cellOf(plan, C.previousCurrent)).toBe("Developing");
    expect(cellOf(plan, C.previousTarget)).toBe("Mature");
    expect(cellOf(plan, C.previousEvidence)).toBe("Board minutes");
    expect(cellOf(plan, C.previousCurrent, row + 2)).toBeNull();
    const metadata = plan.sheets.find((s) => s.key === "metadata")!.blocks[0].cells;
    expect(Object.fromEntries(metadata.slice(1))).toMatchObject({
      previousFile: "anytown-2025.xlsx",
      previousAssessmentDate: "2025-04-01",
      previousAnswersFingerprint: answers.previous!.source.answersFingerprint,
    });
    expect(readAssessment(planSnapshot(plan), toolkit)?.answers.previous).toEqual(answers.previous);
    const repaired = planRepairedCopy(planSnapshot(plan), toolkit, now)!;
    expect(cellOf(repaired.plan, C.previousCurrent)).toBe("Developing");
    expect(readAssessment(planSnapshot(repaired.plan), toolkit)?.answers.previous).toEqual(answers.previous);
  });
});

describe("bad input", () => {
  test("a workbook that is not an assessment is refused", () => {
    const result = carryForward(request({ snapshot: { sheets: [{ name: "Sheet1", cells: {} }], names: {} } as never }));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/anytown-2025\.xlsx holds no assessment/) });
  });

  test("a previous return dated after this one is refused; the same date or none is said", () => {
    expect(carryForward(request({ assessmentDate: "2025-03-31" }))).toEqual({
      ok: false,
      reason: expect.stringMatching(/dated 01\/04\/2025, after this assessment's date \(31\/03\/2025\)/),
      laterThanNew: true,
    });
    expect(carried({ assessmentDate: "2025-04-01" }).notes.join("\n")).toMatch(/same assessment date/);
    const undated = carried({ snapshot: lastYearsFile({ ...lastYear, assessmentDate: undefined }) });
    expect(undated.notes.join("\n")).toMatch(/has no assessment date/);
    expect(undated.answers.previous?.source.assessmentDate).toBe("");
  });

  test("from an older toolkit: what matches by behaviour ID is carried, the behaviour the toolkit dropped is named", () => {
    const older = parseToolkit({ ...toolkit, version: "0.9.0" });
    const newer = parseToolkit({
      ...toolkit,
      version: "1.1.0",
      themes: toolkit.themes.map((theme, t) => ({
        ...theme,
        keyAreas: theme.keyAreas.map((k, i) =>
          t === 0 && i === 0 ? { ...k, behaviours: k.behaviours.filter((b) => b.id !== second.id) } : k,
        ),
      })),
    });
    const snapshot = planSnapshot(buildWorkbookPlan(older, lastYear, { now }));
    const { answers, notes } = carried({ snapshot, toolkit: newer });
    expect(Object.keys(answers.previous!.behaviours)).toEqual([first.id]);
    expect(notes.join("\n")).toMatch(/made with toolkit 0\.9\.0; its answers were matched to toolkit 1\.1\.0/);
    expect(notes.join("\n")).toContain(`Not carried, as toolkit 1.1.0 has no such behaviour: ${second.id}.`);
  });

  test("a return with errors: a level that is not a level is kept in the previous evidence and named", () => {
    const plan = buildWorkbookPlan(toolkit, lastYear, { now });
    typeInto(plan, keyAreaSheetKey(area.id), cellAddress(row + 2, C.current), "Excellent");
    const { answers, notes } = carried({ snapshot: planSnapshot(plan) });
    expect(answers.previous!.behaviours[third.id]).toEqual({
      evidence: "[Current level moved here by the new assessment, not a level: Excellent]",
    });
    expect(notes.join("\n")).toContain(`${third.id}: the current level "Excellent" is not a level name`);
  });
});
