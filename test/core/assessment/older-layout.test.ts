/**
 * Layout 5 moved the Previous columns beside the pickers. A workbook of layout 4 (Previous columns after the scores)
 * or 3 (none) is read where its layout put each answer, upgraded to today's positions with every answer and previous
 * value carried, and checked as an older layout (upgrade it), not as a tampered one.
 */
import { previousFingerprint } from "../../../src/core/answers/fingerprint";
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { planUpgrade } from "../../../src/core/assessment/plan-assessment";
import type { Answers, PreviousAnswers } from "../../../src/core/plan/answer-types";
import {
  KEY_AREA,
  olderKeyAreaColumns,
  keyAreaSheetKey,
  LAYOUT_VERSION,
  METADATA_KEYS,
} from "../../../src/core/plan/layout";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { cellAddress, columnLetter } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { check, errorsAndWarnings } from "../check/fixtures";
import { layout4Column, LAYOUT_4_ORDER, olderLayoutPlan } from "../../support/older-layout";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");
const area = toolkit.themes[1].keyAreas[0];
const [first, second] = area.behaviours;
const row = (i: number) => KEY_AREA.firstBehaviourRow + i;
/** The key area's cells in a workbook read back. */
const areaCells = (snapshot: WorkbookSnapshot, plan: WorkbookPlan) =>
  snapshot.sheets.find((s) => s.name === plan.sheets.find((p) => p.key === keyAreaSheetKey(area.id))?.name)!.cells;

const previousBehaviours = {
  [first.id]: { current: "Developing", target: "Mature", evidence: "Last year's board minutes" },
  [second.id]: { current: "Minimum" },
};
const previous: PreviousAnswers = {
  source: {
    file: "anytown-2025.xlsx",
    assessmentDate: "2025-04-01",
    answersFingerprint: previousFingerprint(previousBehaviours, "2025-04-01", toolkit),
  },
  behaviours: previousBehaviours,
};
const answers: Answers = {
  council: "Anytown Council",
  assessmentDate: "2026-04-01",
  respondent: "Sam Jones",
  role: "Head of Procurement",
  behaviours: {
    [first.id]: {
      current: "Mature",
      target: "Leader",
      evidence: "This year's policy",
      owner: "Sam",
      reviewDate: "2027-09-30",
    },
    [second.id]: { current: "Developing", owner: "Kim" },
  },
  previous,
};

const snapshotOf = async (plan: Parameters<typeof writePlanToBuffer>[0]) =>
  readSnapshotFromBuffer(await writePlanToBuffer(plan));
const layoutCell = `B${METADATA_KEYS.indexOf("layoutVersion") + 2}`;

describe("the key area columns of each layout", () => {
  test("layout 5 puts the Previous columns beside the pickers and Previous evidence beside Evidence", () => {
    const letters = Object.fromEntries(Object.entries(KEY_AREA.columns).map(([key, c]) => [key, columnLetter(c)]));
    expect(LAYOUT_VERSION).toBe(5);
    expect(letters).toEqual({
      id: "A",
      behaviour: "B",
      descriptors: "C",
      previousCurrent: "H",
      previousTarget: "I",
      current: "J",
      target: "K",
      previousEvidence: "L",
      evidence: "M",
      owner: "N",
      reviewDate: "O",
      currentScore: "P",
      targetScore: "Q",
      gap: "R",
      previousScore: "S",
      change: "T",
    });
  });

  test("an older workbook's columns are read where its layout put them; no stamp or this layout's, where they are now", () => {
    // Layout 4, as released: current in H … review date in L, the Previous columns P, Q and T.
    const layout4 = Object.fromEntries(LAYOUT_4_ORDER.map((key) => [key, layout4Column(key)]));
    expect(layout4).toMatchObject({ current: 8, target: 9, evidence: 10, owner: 11, reviewDate: 12 });
    expect(layout4).toMatchObject({ previousCurrent: 16, previousTarget: 17, previousEvidence: 20 });
    for (const stamp of ["1", "3", "4"]) expect(olderKeyAreaColumns(stamp)).toEqual(layout4);
    for (const stamp of [undefined, "", "5", "6", "five"]) expect(olderKeyAreaColumns(stamp)).toBeUndefined();
  });
});

describe("upgrading an older layout's workbook", () => {
  test("layout 4 (Previous columns filled): every answer and previous value moves to layout 5's columns", async () => {
    const olderPlan = olderLayoutPlan(4, toolkit, answers, { now });
    const older = await snapshotOf(olderPlan);
    // The file really is layout 4's: this year's level in H, last year's in P.
    expect(areaCells(older, olderPlan).H9?.value).toBe("Mature");
    expect(areaCells(older, olderPlan).P9?.value).toBe("Developing");
    expect(older.sheets.find((s) => s.name === "NPS_Metadata")?.cells[layoutCell]?.value).toBe("4");
    const read = readAssessment(older, toolkit)!;
    expect(read.answers.behaviours).toEqual(answers.behaviours);
    expect(read.answers.previous).toEqual(previous);

    const upgraded = planUpgrade(older, toolkit, { details: { council: "", assessmentDate: "" }, now })!;
    const after = await snapshotOf(upgraded.plan);
    const cells = areaCells(after, upgraded.plan);
    const at = (i: number, key: keyof typeof KEY_AREA.columns) => cells[cellAddress(row(i), KEY_AREA.columns[key])];
    expect(at(0, "previousCurrent")?.value).toBe("Developing");
    expect(at(0, "previousTarget")?.value).toBe("Mature");
    expect(at(0, "current")?.value).toBe("Mature");
    expect(at(0, "target")?.value).toBe("Leader");
    expect(at(0, "previousEvidence")?.value).toBe("Last year's board minutes");
    expect(at(0, "evidence")?.value).toBe("This year's policy");
    expect(at(0, "owner")?.value).toBe("Sam");
    expect(at(1, "previousCurrent")?.value).toBe("Minimum");
    expect(at(1, "owner")?.value).toBe("Kim");
    expect(after.sheets.find((s) => s.name === "NPS_Metadata")?.cells[layoutCell]?.value).toBe(String(LAYOUT_VERSION));
    const again = readAssessment(after, toolkit)!;
    expect(again.answers.behaviours).toEqual(answers.behaviours);
    expect(again.answers.previous).toEqual(previous);
    expect(errorsAndWarnings(check(after))).toEqual([]);
  });

  test("layout 3 (no Previous columns): the answers move, and what stood where the Previous columns are now is not last year's", async () => {
    const older = await snapshotOf(olderLayoutPlan(3, toolkit, answers, { now, layout3Text: "A note of mine" }));
    const read = readAssessment(older, toolkit)!;
    expect(read.answers.behaviours).toEqual(answers.behaviours);
    expect(read.answers.previous).toBeUndefined();
    const upgraded = planUpgrade(older, toolkit, { details: { council: "", assessmentDate: "" }, now })!;
    const after = await snapshotOf(upgraded.plan);
    const cells = areaCells(after, upgraded.plan);
    expect(cells[cellAddress(row(0), KEY_AREA.columns.current)]?.value).toBe("Mature");
    expect(cells[cellAddress(row(0), KEY_AREA.columns.reviewDate)]?.value).toBeDefined();
    expect(cells[cellAddress(row(0), KEY_AREA.columns.previousCurrent)]).toBeUndefined();
    expect(readAssessment(after, toolkit)!.answers.behaviours).toEqual(answers.behaviours);
    expect(errorsAndWarnings(check(after))).toEqual([]);
  });
});

describe("checking an older layout's workbook", () => {
  test("layout 4: one warning to upgrade it, not its moved columns reported as tampering", async () => {
    const older = await snapshotOf(olderLayoutPlan(4, toolkit, answers, { now }));
    const findings = errorsAndWarnings(check(older));
    expect(findings.map((f) => f.rule)).toEqual(["identity.layout-outdated"]);
    expect(findings[0]).toMatchObject({ found: "4", expected: "5 or later", repairable: true });
  });
});
