import ExcelJS from "exceljs";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { sheetsMadeByUs } from "../../src/core/snapshot/our-sheets";
import type { Answers } from "../../src/core/plan/answer-types";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { LAYOUT_VERSION } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");

describe(".xlsx round trip", () => {
  test("renamed sheets are followed through their defined names", async () => {
    const given: Answers = { behaviours: { "BC-MSR-02": { current: "Mature", evidence: "Risk register" } } };
    const plan = buildWorkbookPlan(toolkit, given, {
      now,
      sheetNames: { "keyArea:BC-MSR": "Risk (renamed)", summary: "Our summary" },
    });
    const found = readAssessment(await readSnapshotFromBuffer(await writePlanToBuffer(plan)), toolkit);
    expect(found?.roles["keyArea:BC-MSR"]).toBe("Risk (renamed)");
    expect(found?.roles.summary).toBe("Our summary");
    expect(found?.answers.behaviours).toEqual(given.behaviours);
    expect(found?.info.metadata).toMatchObject({
      toolkitId: "nps-2018",
      toolkitVersion: "1.0.0",
      layoutVersion: String(LAYOUT_VERSION),
    });
  });

  test("a workbook the add-in did not make is not taken for an assessment", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Summary").getCell("A1").value = "My own summary";
    workbook.addWorksheet("Guide").getCell("B4").value = "Not ours";
    workbook.addWorksheet("NPS_Metadata").getCell("A2").value = "toolkitId"; // visible, so a user's own
    workbook.addWorksheet("nps_metadata (2)");
    const hidden = workbook.addWorksheet("Hidden one");
    hidden.state = "hidden";
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(readAssessment(await readSnapshotFromBuffer(bytes), toolkit)).toBeNull();
  });

  test("a hidden sheet called NPS_Metadata is a user's own too: only a very hidden one can be ours", () => {
    const listing = (visibility: "visible" | "hidden" | "veryHidden") => [{ name: "NPS_Metadata", visibility }];
    expect(sheetsMadeByUs(listing("visible"), {})).toEqual([]);
    expect(sheetsMadeByUs(listing("hidden"), {})).toEqual([]);
    expect(sheetsMadeByUs(listing("veryHidden"), {})).toEqual(["NPS_Metadata"]);
  });
});

test("answers kept on the Retired answers sheet are read back, so a later upgrade keeps them again", async () => {
  const given: Answers = {
    behaviours: {
      "SL-ECSM-01": { current: "Mature" },
      "XX-OLD-01": { current: "Leader", evidence: "=old", reviewDate: "2026-05-01" },
    },
  };
  const found = readAssessment(
    await readSnapshotFromBuffer(await writePlanToBuffer(buildWorkbookPlan(toolkit, given, { now }))),
    toolkit,
  );
  expect(found?.roles.retired).toBe("Retired answers");
  expect(found?.answers.behaviours).toEqual(given.behaviours);
});
