/**
 * The Guide's council type and region pickers: what a reader takes from them, what the checker says
 * of an entry typed rather than picked, and an older layout whose rows there are not answers.
 */
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { planUpgrade } from "../../../src/core/assessment/plan-assessment";
import { COUNCIL_TYPES, REGIONS } from "../../../src/core/plan/council-groups";
import { METADATA_KEYS } from "../../../src/core/plan/layout";
import { locatePlanCell } from "../../../src/core/plan/locate";
import { errorsAndWarnings, NOW, planWith, setPlanCell, snapshotOf, check, toolkit, where } from "./fixtures";

const metadataCell = `B${METADATA_KEYS.indexOf("layoutVersion") + 2}`;

describe("council type and region on the Guide", () => {
  test("picked: read back, checked clean, and carried by an upgrade", async () => {
    const plan = planWith({ council: "Anytown", councilType: "District", region: "South West", behaviours: {} });
    const guide = plan.sheets.find((s) => s.key === "guide")!;
    expect(guide.validations.filter((v) => v.type === "list").map((v) => [v.range, v.values])).toEqual([
      ["B11", [...COUNCIL_TYPES]],
      ["B12", [...REGIONS]],
    ]);
    const snapshot = await snapshotOf(plan);
    const found = readAssessment(snapshot, toolkit)!;
    expect([found.answers.councilType, found.answers.region]).toEqual(["District", "South West"]);
    expect(errorsAndWarnings(check(snapshot))).toEqual([]);
    const upgraded = planUpgrade(snapshot, toolkit, { details: { council: "", assessmentDate: "" }, now: NOW })!;
    const upgradedGuide = upgraded.plan.sheets.find((s) => s.key === "guide")!;
    const at = (row: number) => {
      const found = locatePlanCell(upgradedGuide, row, 2)!;
      return found.line[found.index];
    };
    expect([at(11), at(12)]).toEqual(["District", "South West"]);
  });

  test("typed rather than picked: kept as typed, with a warning for each", async () => {
    const plan = planWith({ council: "Anytown", councilType: "Shire", region: "Midlands", behaviours: {} });
    expect(plan.warnings).toEqual([
      'Council type: "Shire" is not on the list; it was kept as typed. Pick one from the list on the Guide.',
      'Region: "Midlands" is not on the list; it was kept as typed. Pick one from the list on the Guide.',
    ]);
    const findings = errorsAndWarnings(check(await snapshotOf(plan)));
    expect(findings.map(where)).toEqual([
      { rule: "answer.not-listed", sheet: "Guide", cell: "B11", severity: "warning" },
      { rule: "answer.not-listed", sheet: "Guide", cell: "B12", severity: "warning" },
    ]);
    expect(findings[0]).toMatchObject({ found: "Shire", expected: COUNCIL_TYPES.join(", ") });
  });

  test("a choice typed in another case is the list's own entry", async () => {
    const plan = planWith({ council: "Anytown", councilType: " london  BOROUGH ", region: "london", behaviours: {} });
    expect(plan.warnings).toEqual([]);
    const found = readAssessment(await snapshotOf(plan), toolkit)!;
    expect([found.answers.councilType, found.answers.region]).toEqual(["London borough", "London"]);
  });

  test("a layout 3 workbook: its rows 11 and 12 are not answers, and the Guide is outdated, not wrong", async () => {
    const plan = planWith({ council: "Anytown", behaviours: {} });
    setPlanCell(plan, "guide", "B11", "Some older text");
    setPlanCell(plan, "guide", "B12", "More older text");
    setPlanCell(plan, "metadata", metadataCell, "3");
    const snapshot = await snapshotOf(plan);
    const found = readAssessment(snapshot, toolkit)!;
    expect([found.answers.councilType, found.answers.region]).toEqual([undefined, undefined]);
    const findings = errorsAndWarnings(check(snapshot));
    expect(findings.map((f) => f.rule)).toEqual(["identity.layout-outdated"]);
    expect(findings[0]).toMatchObject({ expected: "4 or later", found: "3" });
    expect(findings[0].message).toContain("no council type or region pickers");
  });
});
