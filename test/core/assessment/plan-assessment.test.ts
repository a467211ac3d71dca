/** The use cases, as plain functions: snapshot in, plan and notes out (no Excel, no file). */
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import type { Answers } from "../../../src/core/plan/answer-types";
import { upgradeWords } from "../../../src/core/words/upgrade";
import {
  assessmentStatus,
  planBuild,
  planRepairedCopy,
  planUpgrade,
} from "../../../src/core/assessment/plan-assessment";
import { buildWorkbookPlan, type PlanOptions } from "../../../src/core/plan/build-plan";
import { GUIDE, KEY_AREA, METADATA_KEYS } from "../../../src/core/plan/layout";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { parseToolkit } from "../../../src/core/toolkit/load";
import { cellAddress } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { planCell, planSnapshot, typeInto } from "../../support/recalculate-plan";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");
const later = new Date("2026-12-01T09:00:00Z");
const keep = { council: "", assessmentDate: "" };
const area = toolkit.themes[0].keyAreas[0];
const [first, second] = area.behaviours;
const areaKey = `keyArea:${area.id}`;
const row: number = KEY_AREA.firstBehaviourRow;
const C = KEY_AREA.columns;
const at = (column: number, r = row) => cellAddress(r, column);

const snapshotOf = planSnapshot;

function workbook(answers: Answers, options: Partial<PlanOptions> = {}): WorkbookPlan {
  return buildWorkbookPlan(toolkit, answers, { now, ...options });
}

const withVersion = (version: string) => parseToolkit({ ...toolkit, version });

describe("reading sees every entry as it was typed", () => {
  test("a level that is not a level, a level in other case, and a date that is not a date are read unchanged", () => {
    const plan = workbook({ behaviours: { [first.id]: { evidence: "Minutes", target: "Leader" } } });
    typeInto(plan, areaKey, at(C.current), "Excellent");
    typeInto(plan, areaKey, at(C.target, row + 1), "  mature ");
    typeInto(plan, areaKey, at(C.reviewDate), "next spring");
    const found = readAssessment(snapshotOf(plan), toolkit);
    expect(found?.answers.behaviours[first.id]).toEqual({
      current: "Excellent",
      target: "Leader",
      evidence: "Minutes",
      reviewDate: "next spring",
    });
    expect(found?.answers.behaviours[second.id]).toEqual({ target: "  mature " });
  });
});

describe("planUpgrade carries answers into a new plan", () => {
  test("an entry that is not a level or a date moves into the evidence text, and the user is told", () => {
    const plan = workbook({ behaviours: { [first.id]: { evidence: "Minutes", target: "Leader" } } });
    typeInto(plan, areaKey, at(C.current), "Excellent");
    typeInto(plan, areaKey, at(C.target, row + 1), "  mature ");
    typeInto(plan, areaKey, at(C.reviewDate), "next spring");
    const planned = planUpgrade(snapshotOf(plan), toolkit, { details: keep, now: later })!;
    expect(planned.action).toBe("repaired");
    expect(planCell(planned.plan, areaKey, at(C.evidence))).toBe(
      "Minutes\n[Current level moved here by the repair, not a level: Excellent]\n[Review date moved here by the repair, not a date: next spring]",
    );
    expect(planCell(planned.plan, areaKey, at(C.current))).toBeNull();
    expect(planCell(planned.plan, areaKey, at(C.target, row + 1))).toBe("Mature");
    expect(planned.notes).toEqual(
      expect.arrayContaining([
        "Carried across, by behaviour ID, what was entered for 2 behaviours (levels, evidence, owners and dates).",
        `${first.id}: the current level "Excellent" is not a level name; it was kept in the evidence cell.`,
        `${first.id}: the review date "next spring" is not a date; it was kept in the evidence cell.`,
      ]),
    );
  });

  test("the note in the evidence names the command that moved the entry: an upgrade says so", () => {
    const plan = workbook({ behaviours: { [first.id]: { evidence: "Minutes" } } });
    typeInto(plan, areaKey, at(C.current), "Excellent");
    const planned = planUpgrade(snapshotOf(plan), withVersion("9.9.9"), { details: keep, now: later })!;
    expect(planned.action).toBe("upgraded");
    expect(planCell(planned.plan, areaKey, at(C.evidence))).toBe(
      "Minutes\n[Current level moved here by the upgrade, not a level: Excellent]",
    );
  });

  test("a level cell holding only spaces, a tab or a line break is blank, as the workbook scores it", () => {
    const plan = workbook({ behaviours: { [first.id]: { evidence: "Minutes" } } });
    typeInto(plan, areaKey, at(C.current), " \t ");
    typeInto(plan, areaKey, at(C.target), "\n");
    const planned = planUpgrade(snapshotOf(plan), toolkit, { details: keep, now: later })!;
    expect(planCell(planned.plan, areaKey, at(C.current))).toBeNull();
    expect(planCell(planned.plan, areaKey, at(C.target))).toBeNull();
    expect(planCell(planned.plan, areaKey, at(C.evidence))).toBe("Minutes");
    expect(planned.warnings).toEqual([]);
  });

  test("the same, through a real .xlsx file written and read back", async () => {
    const plan = workbook({ behaviours: { [first.id]: { evidence: "Minutes", target: "Leader" } } });
    typeInto(plan, areaKey, at(C.current), "Excellent");
    typeInto(plan, areaKey, at(C.reviewDate), "next spring");
    const snapshot = await readSnapshotFromBuffer(await writePlanToBuffer(plan));
    expect(readAssessment(snapshot, toolkit)?.answers.behaviours[first.id]).toMatchObject({
      current: "Excellent",
      reviewDate: "next spring",
    });
    const planned = planUpgrade(snapshot, toolkit, { details: keep, now: later })!;
    expect(planned.action).toBe("repaired");
    expect(planCell(planned.plan, areaKey, at(C.evidence))).toBe(
      "Minutes\n[Current level moved here by the repair, not a level: Excellent]\n[Review date moved here by the repair, not a date: next spring]",
    );
  });

  test("a repaired copy in a new workbook keeps the names the user gave, and avoids none of the old workbook's", () => {
    const plan = workbook({ behaviours: {} }, { sheetNames: { gaps: "Gaps (2)", summary: "Our summary" } });
    const snapshot = snapshotOf(plan);
    snapshot.sheets.push({ name: "Gaps", visibility: "visible", cells: { A1: { value: "My own gaps" } } });
    const planned = planUpgrade(snapshot, toolkit, { details: keep, now: later, workbookSheets: [] })!;
    expect(planned.plan.sheets.find((s) => s.key === "summary")?.name).toBe("Our summary");
    expect(planned.plan.sheets.find((s) => s.key === "gaps")?.name).toBe("Gaps (2)");
    expect(planned.notes.join(" ")).not.toMatch(/already has a sheet/);
    expect(planned.sheetsNotInPlan).toEqual(["Gaps"]);
  });

  test("another toolkit version is an upgrade that keeps council, date, creation time and renamed sheets", () => {
    const plan = workbook(
      { council: "Anytown", assessmentDate: "2026-03-31", behaviours: { [first.id]: { current: "Mature" } } },
      { sheetNames: { summary: "Our summary" } },
    );
    const planned = planUpgrade(snapshotOf(plan), withVersion("9.9.9"), { details: keep, now: later })!;
    expect(planned.action).toBe("upgraded");
    expect(planned.notes[0]).toBe(
      "Upgraded the assessment from toolkit 1.0.0 to 9.9.9: every part the add-in made was rewritten.",
    );
    expect(planned.notes).toContain(`Kept the names you gave the assessment's sheets: "Our summary".`);
    expect(planned.reuse.summary).toBe("Our summary");
    expect(planned.plan.sheets.find((s) => s.key === "summary")?.name).toBe("Our summary");
    expect(planCell(planned.plan, "guide", "B4")).toBe("Anytown");
    expect(planCell(planned.plan, areaKey, at(C.current))).toBe("Mature");
    const metadata = planned.plan.sheets.find((s) => s.key === "metadata")!;
    expect(JSON.stringify(metadata.blocks)).toContain(now.toISOString());
    expect(JSON.stringify(metadata.blocks)).toContain(later.toISOString());
  });

  test("respondent and role or department are carried across, as typed, by an upgrade and a repair", () => {
    const given = { respondent: "=Jo Bloggs", role: "Finance, procurement team", behaviours: {} };
    for (const target of [toolkit, withVersion("9.9.9")]) {
      const planned = planUpgrade(snapshotOf(workbook(given)), target, { details: keep, now: later })!;
      expect(planCell(planned.plan, "guide", at(GUIDE.respondentCell.column, GUIDE.respondentCell.row))).toBe(
        "=Jo Bloggs",
      );
      expect(planCell(planned.plan, "guide", at(GUIDE.roleCell.column, GUIDE.roleCell.row))).toBe(
        "Finance, procurement team",
      );
      const found = readAssessment(snapshotOf(planned.plan), target);
      expect(found?.info).toMatchObject({ respondent: "=Jo Bloggs", role: "Finance, procurement team" });
      expect(found?.answers).toMatchObject({ respondent: "=Jo Bloggs", role: "Finance, procurement team" });
    }
  });

  test("a workbook of layout 2, whose Guide has other text where the new cells are, gains empty ones", () => {
    const plan = workbook({ council: "Anytown", behaviours: {} });
    const snapshot = snapshotOf(plan);
    const guide = snapshot.sheets.find((s) => s.name === "Guide")!;
    const metadata = snapshot.sheets.find((s) => s.name === "NPS_Metadata")!;
    const layoutRow = METADATA_KEYS.indexOf("layoutVersion") + 2;
    metadata.cells[`B${layoutRow}`] = { value: "2" };
    // Layout 2's Guide: the toolkit's label in row 6, "How to use this workbook" from row 8.
    guide.cells.B6 = { value: "nps-2018 1.0.0" };
    guide.cells.B7 = { value: null };
    guide.cells.B9 = { value: "Each key area has its own sheet." };
    guide.cells.B10 = { value: "Record the evidence for the current level." };
    const found = readAssessment(snapshot, toolkit)!;
    expect(found.info).toMatchObject({
      council: "Anytown",
      respondent: "",
      role: "",
      signedOffBy: "",
      signedOffOn: "",
    });
    const planned = planUpgrade(snapshot, toolkit, { details: keep, now: later })!;
    expect(planned.action).toBe("upgraded");
    expect(planCell(planned.plan, "guide", "B6")).toBeNull();
    expect(planCell(planned.plan, "guide", "B9")).toBeNull();
    expect(planned.warnings).toEqual([]);
  });

  test("details the user typed replace the workbook's own", () => {
    const plan = workbook({ council: "Anytown", behaviours: {} });
    const details = { council: "Othertown", assessmentDate: "2027-01-31" };
    const planned = planUpgrade(snapshotOf(plan), toolkit, { details, now: later })!;
    expect(planCell(planned.plan, "guide", "B4")).toBe("Othertown");
  });

  test("a new sheet never takes the name of a sheet in the workbook it is written into", () => {
    const plan = workbook({ behaviours: {} });
    const snapshot = snapshotOf(plan);
    snapshot.sheets = snapshot.sheets.filter((s) => s.name !== "Gaps");
    const planned = planUpgrade(snapshot, toolkit, { details: keep, now, workbookSheets: ["gaps", "Guide"] })!;
    expect(planned.plan.sheets.find((s) => s.key === "gaps")?.name).toBe("Gaps (2)");
    expect(planned.reuse.gaps).toBeUndefined();
    expect(planned.notes.join(" ")).toContain(
      'already has a sheet called "Gaps", so the assessment\'s sheet is called "Gaps (2)"',
    );
  });

  test("a workbook the add-in did not make gives null", () => {
    expect(
      planUpgrade({ sheets: [{ name: "Sheet1", visibility: "visible", cells: {} }], names: {} }, toolkit, {
        details: keep,
        now,
      }),
    ).toBeNull();
  });
});

describe("planRepairedCopy: a new workbook for an assessment read from a file", () => {
  test("carries every answer, tells retired ones apart, and names the sheets it does not carry", () => {
    const plan = workbook({
      behaviours: { [first.id]: { current: "Mature" }, "XX-OLD-01": { current: "Leader", evidence: "Kept" } },
    });
    typeInto(plan, areaKey, at(C.current, row + 1), "Excellent");
    const snapshot = snapshotOf(plan);
    snapshot.sheets.push({ name: "Budget", visibility: "visible", cells: { A1: { value: "Mine" } } });
    const copy = planRepairedCopy(snapshot, toolkit, later)!;
    expect(copy.carried.sort()).toEqual([first.id, second.id, "XX-OLD-01"].sort());
    expect(copy.retired).toEqual(["XX-OLD-01"]);
    expect(copy.notCarried).toEqual(["Budget"]);
    expect(copy.warnings.join(" ")).toContain("Excellent");
    expect(planCell(copy.plan, areaKey, at(C.current))).toBe("Mature");
  });

  test("a workbook the add-in did not make gives null", () => {
    const snapshot = { sheets: [{ name: "Sheet1", visibility: "visible" as const, cells: {} }], names: {} };
    expect(planRepairedCopy(snapshot, toolkit, now)).toBeNull();
  });
});

describe("notes and status", () => {
  test("a writer without print setup and filter buttons says so", () => {
    const built = planBuild(toolkit, { details: keep, now, printAndFilters: false });
    expect(built.notes).toContain(upgradeWords.noPrintOrFilter);
    expect(planBuild(toolkit, { details: keep, now }).notes).not.toContain(upgradeWords.noPrintOrFilter);
  });

  test("status counts only behaviours whose current level will be carried as a level", () => {
    const plan = workbook({ council: "Anytown", behaviours: { [second.id]: { current: "Leader" } } });
    typeInto(plan, areaKey, at(C.current), "Excellent");
    expect(assessmentStatus(snapshotOf(plan), withVersion("9.9.9"))).toEqual({
      council: "Anytown",
      councilType: "",
      region: "",
      assessmentDate: "",
      toolkitVersion: "1.0.0",
      upgradeAvailable: true,
      assessedCount: 1,
      behaviourCount: toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours).length,
      // Only the level carried counts, per key area too ("Excellent" is not a level).
      keyAreas: toolkit.themes
        .flatMap((t) => t.keyAreas)
        .map((k) => ({ id: k.id, name: k.name, assessed: k.id === area.id ? 1 : 0, total: k.behaviours.length })),
    });
  });
});
