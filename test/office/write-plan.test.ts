/// <reference types="office-js" />
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { KEY_AREA } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { parseToolkit } from "../../src/core/toolkit/load";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { cellAddress } from "../../src/core/util/a1";
import { scaleToolkit } from "../../src/core/toolkit/scale";
import { needsQuotePrefix } from "../../src/office/cell-text";
import { FakeExcel } from "../fakes/excel-fake";
import { DETAILS, hostFor, NOW, noProgress, writePlanWithAnswers } from "./fixtures";
import { imageOfPlan, SHEET_PLAN_PARTS } from "../../src/core/plan/image";
import { expectFakeMatchesPlan, rangesOf } from "./plan-image";
import { sampleAnswers } from "../../src/core/answers/sample";

const toolkit = canonicalToolkit();
const firstArea = toolkit.themes[0].keyAreas[0];
const firstBehaviour = firstArea.behaviours[0];

/** Text that Excel would turn into something else if written naively. */
const HOSTILE = [
  "=SUM(A1:A3)",
  "+44 20 7946 0000",
  "-5",
  "- a bullet",
  "@home",
  "2024",
  "007",
  "TRUE",
  "#N/A",
  "'quoted",
  "12/03/2025",
  "Mar 2025",
];

describe("the Office writer applies the plan exactly", () => {
  test("a build leaves exactly the plan's cells, styles, merges, validations, conditional formats, tables and names", async () => {
    const fake = new FakeExcel();
    await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    expectFakeMatchesPlan(fake, buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW }));
  });

  test("a plan with answers, written by the writer, matches the plan too", async () => {
    const fake = new FakeExcel();
    const answers = {
      council: "=Hackney",
      assessmentDate: "2024-11-30",
      behaviours: {
        [firstBehaviour.id]: {
          current: "Mature",
          target: "Leader",
          evidence: "+ minutes of 12/03/2025",
          owner: "@procurement",
          reviewDate: "2025-06-30",
        },
      },
    };
    const plan = await writePlanWithAnswers(fake, toolkit, answers);
    expectFakeMatchesPlan(fake, plan);
  });

  test("Gaps gets its filter buttons, as the .xlsx writer gives them", async () => {
    const fake = new FakeExcel();
    await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW });
    const gaps = plan.sheets.find((s) => s.key === "gaps")!;
    expect(gaps.autoFilter).toBeDefined();
    expect(fake.sheet("Gaps").autoFilter).toEqual(rangesOf(gaps.autoFilter!));
  });

  test("below ExcelApi 1.9 the workbook is the same except print settings and filter buttons, and the user is told", async () => {
    const fake = new FakeExcel();
    const outcome = await hostFor(fake, toolkit, { api: "1.8" }).buildOrUpgrade(DETAILS, noProgress);
    expectFakeMatchesPlan(fake, buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW }), false);
    expect(fake.sheet("Gaps").autoFilter).toBeNull();
    expect(outcome.notes.join(" ")).toMatch(/print options or filter buttons.*Gaps sheet has no filter buttons/);
  });
});

describe("text stays text", () => {
  test.each(HOSTILE)("%j as council, evidence and owner lands as text", async (text) => {
    const fake = new FakeExcel();
    const answers = { council: text, behaviours: { [firstBehaviour.id]: { evidence: text, owner: text } } };
    await writePlanWithAnswers(fake, toolkit, answers);
    const row = KEY_AREA.firstBehaviourRow;
    const expected = { kind: "text", text, quotePrefix: needsQuotePrefix(text) };
    expect(fake.cell("Guide", "B4")).toEqual(expected);
    expect(fake.cell(firstArea.sheetName, cellAddress(row, KEY_AREA.columns.evidence))).toEqual(expected);
    expect(fake.cell(firstArea.sheetName, cellAddress(row, KEY_AREA.columns.owner))).toEqual(expected);
  });

  test("plain words get no quote prefix", () => {
    expect(needsQuotePrefix("Commercial Opportunities")).toBe(false);
    expect(needsQuotePrefix("Owner: Head of Procurement")).toBe(false);
  });
});

/** Each key area with its behaviours repeated `factor` times: more rows, same sheets. */
function tallerToolkit(base: Toolkit, factor: number): Toolkit {
  const themes = base.themes.map((theme) => ({
    ...theme,
    keyAreas: theme.keyAreas.map((area) => ({
      ...area,
      behaviours: Array.from({ length: factor }, (_, copy) =>
        area.behaviours.map((b) => ({ ...b, id: copy === 0 ? b.id : `${b.id}-R${copy}` })),
      ).flat(),
    })),
  }));
  return parseToolkit({ ...base, themes });
}

async function buildOperations(tk: Toolkit, api = "1.9"): Promise<number> {
  const fake = new FakeExcel();
  await hostFor(fake, tk, { api }).buildOrUpgrade(DETAILS, noProgress);
  return fake.syncs.reduce((sum, s) => sum + s.operations, 0);
}

describe("queued operations grow with sheets, not cells", () => {
  test("five times the behaviours per key area: the same number of operations", async () => {
    expect(await buildOperations(tallerToolkit(toolkit, 5))).toBe(await buildOperations(toolkit));
  });

  test("ten times the key areas: operations per sheet stay about the same", async () => {
    const small = await buildOperations(toolkit);
    const large = await buildOperations(scaleToolkit(toolkit, 10));
    const sheets = (tk: Toolkit) => tk.themes.flatMap((t) => t.keyAreas).length + 5;
    expect(large / sheets(scaleToolkit(toolkit, 10))).toBeLessThan((small / sheets(toolkit)) * 1.5);
  });
});

test("the comparison notices one wrong cell, one wrong format and one missing validation", async () => {
  const fake = new FakeExcel();
  await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
  const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW });
  const sheet = fake.sheet(firstArea.sheetName);
  const [cellKey, cell] = [...sheet.cells.entries()][0];
  sheet.cells.set(cellKey, { kind: "text", text: "not the plan's", quotePrefix: false });
  expect(() => expectFakeMatchesPlan(fake, plan)).toThrow();
  sheet.cells.set(cellKey, cell);
  expectFakeMatchesPlan(fake, plan);
  const [key, format] = [...sheet.formats.entries()][0];
  sheet.formats.set(key, { ...format, bold: !format.bold });
  expect(() => expectFakeMatchesPlan(fake, plan)).toThrow();
  sheet.formats.set(key, format);
  expectFakeMatchesPlan(fake, plan);
  const [validationKey] = [...sheet.validations.keys()];
  const validation = sheet.validations.get(validationKey)!;
  sheet.validations.delete(validationKey);
  expect(() => expectFakeMatchesPlan(fake, plan)).toThrow();
  sheet.validations.set(validationKey, validation);
  expectFakeMatchesPlan(fake, plan);
  const gaps = fake.sheet("Gaps");
  const filter = gaps.autoFilter;
  gaps.autoFilter = null;
  expect(() => expectFakeMatchesPlan(fake, plan)).toThrow();
  gaps.autoFilter = filter;
  sheet.tabColor = "#FF0000";
  expect(() => expectFakeMatchesPlan(fake, plan)).toThrow();
});

test("the comparison covers every part of a sheet plan", () => {
  const sample = sampleAnswers(toolkit, DETAILS.assessmentDate);
  // A retired answer too, so every optional part of a sheet plan appears somewhere.
  const answers = { ...sample, behaviours: { ...sample.behaviours, "XX-OLD-01": { current: "Mature" } } };
  const plan = buildWorkbookPlan(toolkit, answers, { ...DETAILS, now: NOW });
  const keysInPlans = new Set(plan.sheets.flatMap((sheet) => Object.keys(sheet)));
  const compared = Object.keys(imageOfPlan(plan).sheets[0]);
  for (const key of keysInPlans) {
    const part = SHEET_PLAN_PARTS[key as keyof typeof SHEET_PLAN_PARTS];
    expect({ key, part }).toEqual({ key, part: expect.any(String) });
    if (part !== "names") expect(compared).toContain(part);
  }
  for (const part of Object.values(SHEET_PLAN_PARTS)) if (part !== "names") expect(compared).toContain(part);
});
