import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { carryAnswers } from "../../src/core/assessment/carry";
import { sheetsMadeByUs } from "../../src/core/snapshot/our-sheets";
import type { Answers, BehaviourAnswer } from "../../src/core/answers/types";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { readSnapshotFromBuffer, WorkbookReadError } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";

const toolkit = canonicalToolkit();
const ids = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));
const now = new Date("2026-11-25T09:00:00Z");

/** Text a user might type, including things that look like formulas; never blank. */
const userText = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      "=SUM(A1:A3)",
      "+44 20 7664 3000",
      "-1",
      "@team",
      "'quoted'",
      "line one\nline two",
      "£50m & ‘curly’",
    ),
  )
  .filter((t) => t.trim() !== "");
const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const answer: fc.Arbitrary<BehaviourAnswer> = fc.record(
  {
    current: fc.constantFrom(...toolkit.levels),
    target: fc.constantFrom(...toolkit.levels),
    evidence: userText,
    owner: userText,
    reviewDate: isoDate,
  },
  { requiredKeys: [] },
);
const answers: fc.Arbitrary<Answers> = fc.record({
  council: userText,
  assessmentDate: isoDate,
  behaviours: fc.dictionary(fc.constantFrom(...ids), answer, { maxKeys: 8 }),
});

const nonEmpty = (a: Answers) => ({
  ...a,
  behaviours: Object.fromEntries(Object.entries(a.behaviours).filter(([, v]) => Object.keys(v).length > 0)),
});

describe(".xlsx round trip", () => {
  test("every answer written is read back identically by behaviour ID", async () => {
    await fc.assert(
      fc.asyncProperty(answers, async (given) => {
        const bytes = await writePlanToBuffer(buildWorkbookPlan(toolkit, given, { now }));
        const found = readAssessment(await readSnapshotFromBuffer(bytes), toolkit);
        expect(found?.answers).toEqual(nonEmpty(given));
        expect(carryAnswers(found!.answers, toolkit).warnings).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

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
    expect(found?.info.metadata).toMatchObject({ toolkitId: "nps-2018", toolkitVersion: "1.0.0", layoutVersion: "2" });
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

describe("reading foreign files is bounded", () => {
  test("a file over the size limit is refused before it is opened", async () => {
    const bytes = new Uint8Array(2048);
    await expect(
      readSnapshotFromBuffer(bytes, { maxFileBytes: 1024, maxUnpackedBytes: 1e9, timeoutMs: 10_000 }),
    ).rejects.toThrow(/files over/);
  });

  test("something that is not a workbook gets a plain message", async () => {
    await expect(readSnapshotFromBuffer(new TextEncoder().encode("name,level\nA,Mature\n"))).rejects.toThrow(
      new WorkbookReadError("This file is not an Excel workbook (.xlsx): it could not be opened as one."),
    );
  });

  test("a zip that unpacks to far more than it weighs is refused before inflating", async () => {
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", "0".repeat(5_000_000));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.length).toBeLessThan(100_000);
    await expect(
      readSnapshotFromBuffer(bytes, { maxFileBytes: 1e6, maxUnpackedBytes: 1_000_000, timeoutMs: 10_000 }),
    ).rejects.toThrow(/unpacks to more than/);
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
