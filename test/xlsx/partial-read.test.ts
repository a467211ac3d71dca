/**
 * Reading only the sheets a use case needs (the reader's `sheets` choice), as `new --from` reads last year's return:
 * the sheets read are exactly as a full read has them, the others are not read, the carry finds the same answers and
 * notes as from a full read whatever the workbook holds, and the guard still bounds every part of the file.
 */
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { sampleAnswersWithActions } from "../../src/core/answers/sample";
import { sheetsTheAssessmentReads } from "../../src/core/answers/sheets-to-read";
import { carryForward } from "../../src/core/cycle/carry-forward";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { GAPS, KEY_AREA, keyAreaSheetKey, roleNameFor } from "../../src/core/plan/layout";
import type { WorkbookPlan } from "../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../src/core/snapshot/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import {
  DEFAULT_READ_LIMITS,
  noCounters,
  readSnapshotFromBuffer,
  WorkbookReadError,
  type ReadLimits,
} from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { planCell, typeInto } from "../support/plan-cells";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");
const area = toolkit.themes[0].keyAreas[0];
const rows = area.behaviours.map((_, i) => KEY_AREA.firstBehaviourRow + i);

const samplePlan = () => buildWorkbookPlan(toolkit, sampleAnswersWithActions(toolkit, "2025-04-01"), { now });
const sheetOf = (plan: WorkbookPlan, key: string) => plan.sheets.find((sheet) => sheet.key === key)!;

/** The first key area sheet copied to a very hidden "Decoy" with every current level Innovator (no name points at it). */
function withDecoy(plan: WorkbookPlan): WorkbookPlan {
  const decoy = structuredClone(sheetOf(plan, keyAreaSheetKey(area.id)));
  Object.assign(decoy, { key: "decoy", name: "Decoy", visibility: "veryHidden" });
  plan.sheets.splice(plan.sheets.length - 1, 0, decoy);
  for (const row of rows) typeInto(plan, "decoy", `J${row}`, "Innovator");
  return plan;
}

/** The Gaps sheet's current score on its first row made to read the decoy: a figure now reads that sheet. */
function gapsReadsDecoy(plan: WorkbookPlan): WorkbookPlan {
  const cell = planCell(plan, "gaps", `${GAPS.letters.currentScore}${GAPS.firstRow}`) as { formula: string };
  const quoted = `'${area.sheetName.replace(/'/g, "''")}'!`;
  expect(cell.formula).toContain(quoted);
  // The plan's cell object itself: the writer writes what it holds.
  cell.formula = cell.formula.split(quoted).join("'Decoy'!");
  return plan;
}

async function bothReads(plan: WorkbookPlan) {
  const bytes = await writePlanToBuffer(plan);
  const full = await readSnapshotFromBuffer(bytes);
  const partial = await readSnapshotFromBuffer(bytes, { sheets: sheetsTheAssessmentReads });
  return { bytes, full, partial };
}

const names = (snapshot: WorkbookSnapshot) => snapshot.sheets.map((sheet) => sheet.name);

const carried = (snapshot: WorkbookSnapshot) =>
  carryForward({ snapshot, fileName: "last.xlsx", assessmentDate: "2026-04-01", carryLevels: false, toolkit });

/** What the carry takes from an assessment: its answers, details and notes (the same from either read). */
function found(snapshot: WorkbookSnapshot) {
  const assessment = readAssessment(snapshot, toolkit);
  return assessment && { answers: assessment.answers, info: assessment.info, unplaced: assessment.unplaced };
}

function expectSameCarry({ full, partial }: { full: WorkbookSnapshot; partial: WorkbookSnapshot }) {
  expect(found(partial)).toEqual(found(full));
  expect(carried(partial)).toEqual(carried(full));
}

describe("the sheets last year's return is read for", () => {
  test("a return as the add-in wrote it: its Guide, key areas, Summary, Actions and metadata, each exactly as a full read has it; Gaps and Data are not read", async () => {
    const read = await bothReads(samplePlan());
    expect(names(read.partial)).toEqual(
      names(read.full).filter((name) => name !== "Gaps" && name !== "Data" && name !== "Retired answers"),
    );
    expect(names(read.full)).toEqual(expect.arrayContaining(["Gaps", "Data"]));
    for (const sheet of read.partial.sheets) expect(sheet).toEqual(read.full.sheets.find((s) => s.name === sheet.name));
    expect(read.partial.names).toEqual(read.full.names);
    // Only the read sheets' tables: the Actions table is there, the Data sheet's is not.
    expect(read.partial.tables?.map((t) => t.sheet)).toEqual(["Actions"]);
    expect(read.full.tables?.map((t) => t.sheet).sort()).toEqual(["Actions", "Data"]);
    const carry = carried(read.partial);
    expect(carry.ok && Object.keys(carry.answers.previous?.behaviours ?? {}).length).toBeGreaterThan(40);
    expect(carry.ok && carry.answers.actions?.length).toBeGreaterThan(0);
    expectSameCarry(read);
  });

  test("a sheet the Summary does not read (a hidden copy of a key area sheet): Gaps and Data are read too, and the copy, which no figure reads, is not", async () => {
    const read = await bothReads(withDecoy(samplePlan()));
    expect(names(read.partial)).toEqual(expect.arrayContaining(["Gaps", "Data"]));
    expect(names(read.partial)).not.toContain("Decoy");
    expectSameCarry(read);
  });

  test("a copy Gaps reads is where answers are, as a full read finds: read, and the same answers carried", async () => {
    const read = await bothReads(gapsReadsDecoy(withDecoy(samplePlan())));
    expect(names(read.partial)).toEqual(expect.arrayContaining(["Gaps", "Data", "Decoy"]));
    expect(read.partial.sheets.find((s) => s.name === "Decoy")).toEqual(
      read.full.sheets.find((s) => s.name === "Decoy"),
    );
    // The copy's answers count in a full read, so a read that left it out would carry other answers.
    const withoutDecoy = { ...read.full, sheets: read.full.sheets.filter((s) => s.name !== "Decoy") };
    expect(found(withoutDecoy)).not.toEqual(found(read.full));
    expectSameCarry(read);
  });

  test("a return without its Summary: Gaps and Data say where the answers are, and are read", async () => {
    const plan = samplePlan();
    plan.sheets = plan.sheets.filter((sheet) => sheet.key !== "summary");
    plan.names = plan.names.filter((name) => name.name !== roleNameFor("summary"));
    const read = await bothReads(plan);
    expect(names(read.partial)).toEqual(expect.arrayContaining(["Gaps", "Data"]));
    expectSameCarry(read);
  });

  test("a sheet two of the add-in's names point at is told apart by its cells: every sheet is read", async () => {
    const plan = samplePlan();
    plan.names.push({ name: roleNameFor(keyAreaSheetKey("DROPPED")), reference: "'Gaps'!$A$1" });
    const read = await bothReads(plan);
    expect(names(read.partial)).toEqual(names(read.full));
    expectSameCarry(read);
  });

  test("a workbook that is no assessment is refused alike", async () => {
    const plan = samplePlan();
    plan.names = [];
    plan.sheets = plan.sheets.filter((sheet) => sheet.key !== "metadata");
    const read = await bothReads(plan);
    expect(carried(read.partial)).toEqual({ ok: false, reason: expect.stringContaining("last.xlsx") });
    expectSameCarry(read);
  });

  test("the guard still counts the parts of the sheets not read: a file over a limit only because of them is refused alike", async () => {
    const { bytes, partial } = await bothReads(samplePlan());
    expect(names(partial)).not.toContain("Data");
    const counted = noCounters();
    await readSnapshotFromBuffer(bytes, { counters: counted });
    const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, maxCells: counted.cells - 1 };
    const refusal = (choice: { sheets?: typeof sheetsTheAssessmentReads }) =>
      readSnapshotFromBuffer(bytes, { limits, ...choice }).then(
        () => undefined,
        (error: unknown) => error,
      );
    const [whole, some] = await Promise.all([refusal({}), refusal({ sheets: sheetsTheAssessmentReads })]);
    expect(whole).toBeInstanceOf(WorkbookReadError);
    expect(some).toEqual(whole);
    expect((some as WorkbookReadError).problem).toBe("too-big");
  });
});
