/// <reference types="office-js" />
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { KEY_AREA } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { parseToolkit } from "../../src/core/toolkit/load";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { cellAddress, parseRange } from "../../src/core/util/a1";
import { scaleToolkit } from "../support/scale";
import { needsQuotePrefix } from "../../src/office/cell-text";
import { readWorkbookSnapshot } from "../../src/office/read-snapshot";
import { FakeExcel } from "../fakes/excel-fake";
import { cellKey } from "../fakes/excel/state";
import { DETAILS, hostFor, NOW, noProgress, writePlanWithAnswers } from "./fixtures";
import { formatsOfPlan, SHEET_PLAN_PARTS } from "../support/plan-formats";
import { expectFakeMatchesPlan } from "./fake-formats";
import { sampleAnswers } from "../../src/core/answers/sample";
import type { SheetPlan, WorkbookPlan } from "../../src/core/plan/types";
import { queueWorkbookPlan } from "../support/queue-plan";
import { exactDifferences } from "../support/exact-plan";
import { realContextCapturing } from "../support/office-real";

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
    await expectFakeMatchesPlan(fake, buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW }));
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
    await expectFakeMatchesPlan(fake, plan);
  });

  test("Gaps gets its filter buttons, as the .xlsx writer gives them", async () => {
    const fake = new FakeExcel();
    await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW });
    const gaps = plan.sheets.find((s) => s.key === "gaps")!;
    expect(gaps.autoFilter).toBeDefined();
    expect(fake.sheet("Gaps").autoFilter).toEqual(parseRange(gaps.autoFilter!));
  });

  test("below ExcelApi 1.9 the workbook is the same except print settings and filter buttons, and the user is told", async () => {
    const fake = new FakeExcel();
    const outcome = await hostFor(fake, toolkit, { api: "1.8" }).buildOrUpgrade(DETAILS, noProgress);
    await expectFakeMatchesPlan(fake, buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW }), {
      excelApi19: false,
    });
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
  test("five times the behaviours per key area: the same number of operations, but for a band or two", async () => {
    const [taller, canonical] = [await buildOperations(tallerToolkit(toolkit, 5)), await buildOperations(toolkit)];
    // A block goes in bands of at most 1,500 cells (write-plan.ts: as many as the real client sends in one
    // operation, so the client adds no slices and no size check of its own), so a taller sheet takes an operation
    // more for each 1,500 cells more, never one per row (five times the rows is over 500 more rows). Small blocks
    // that fit together in one of the client's operations go as one (packedGrids), which a taller key area's
    // blocks outgrow: a few more.
    expect(taller).toBeGreaterThanOrEqual(canonical);
    expect(taller - canonical).toBeLessThanOrEqual(12);
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
  await expect(expectFakeMatchesPlan(fake, plan)).rejects.toThrow();
  sheet.cells.set(cellKey, cell);
  await expectFakeMatchesPlan(fake, plan);
  const [key, format] = [...sheet.formats.entries()][0];
  sheet.formats.set(key, { ...format, bold: !format.bold });
  await expect(expectFakeMatchesPlan(fake, plan)).rejects.toThrow();
  sheet.formats.set(key, format);
  await expectFakeMatchesPlan(fake, plan);
  const [validationKey] = [...sheet.validations.keys()];
  const validation = sheet.validations.get(validationKey)!;
  sheet.validations.delete(validationKey);
  await expect(expectFakeMatchesPlan(fake, plan)).rejects.toThrow();
  sheet.validations.set(validationKey, validation);
  await expectFakeMatchesPlan(fake, plan);
  const gaps = fake.sheet("Gaps");
  const filter = gaps.autoFilter;
  gaps.autoFilter = null;
  await expect(expectFakeMatchesPlan(fake, plan)).rejects.toThrow();
  gaps.autoFilter = filter;
  sheet.tabColor = "#FF0000";
  await expect(expectFakeMatchesPlan(fake, plan)).rejects.toThrow();
});

test("the product's comparison names what a writer got wrong that the Office reader reads", async () => {
  const fake = new FakeExcel();
  await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
  const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW });
  const differences = async () => {
    const snapshot = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
    return exactDifferences(plan, snapshot).map((f) => [f.rule, f.sheet, f.cell]);
  };
  expect(await differences()).toEqual([]);
  const area = fake.sheet(firstArea.sheetName);
  fake.seedCell(area, "Z99", "a stray note");
  area.protection.protected = false;
  const inputKey = cellKey(KEY_AREA.firstBehaviourRow, KEY_AREA.columns.evidence);
  area.formats.set(inputKey, { ...area.formats.get(inputKey)!, locked: true });
  fake.sheet("Summary").visibility = "Hidden";
  fake.state.names.find((n) => n.name === "NPS_Council")!.formula = "='Guide'!$B$5";
  expect(await differences()).toEqual([
    ["protection.sheet-unprotected", firstArea.sheetName, undefined],
    ["content.text-edited", firstArea.sheetName, "Z99"],
    [
      "protection.input-locked",
      firstArea.sheetName,
      cellAddress(KEY_AREA.firstBehaviourRow, KEY_AREA.columns.evidence),
    ],
    ["structure.sheet-hidden", "Summary", undefined],
    ["structure.name-changed", undefined, undefined],
  ]);
});

test("the comparison covers every part of a sheet plan", () => {
  const sample = sampleAnswers(toolkit, DETAILS.assessmentDate);
  // A retired answer too, so every optional part of a sheet plan appears somewhere.
  const answers = { ...sample, behaviours: { ...sample.behaviours, "XX-OLD-01": { current: "Mature" } } };
  const plan = buildWorkbookPlan(toolkit, answers, { ...DETAILS, now: NOW });
  const keysInPlans = new Set(plan.sheets.flatMap((sheet) => Object.keys(sheet)));
  const compared = Object.keys(formatsOfPlan(plan).sheets[0]);
  for (const key of keysInPlans) {
    const part = SHEET_PLAN_PARTS[key as keyof typeof SHEET_PLAN_PARTS];
    expect({ key, part }).toEqual({ key, part: expect.any(String) });
    if (part !== "exactDifferences") expect(compared).toContain(part);
  }
  for (const part of Object.values(SHEET_PLAN_PARTS)) if (part !== "exactDifferences") expect(compared).toContain(part);
});

describe("formats take few operations", () => {
  /** One sheet of the build plan with `styles` instead of its own, queued through the real client. */
  async function queuedActions({ styles, excelApi19 }: { styles: SheetPlan["styles"]; excelApi19: boolean }) {
    const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW });
    const guide = plan.sheets.find((s) => s.role === "guide") as SheetPlan;
    const sheet: SheetPlan = { ...guide, styles, columnWidths: [10, 10, 20, 30, 30, 30] };
    const onlySheet: WorkbookPlan = { ...plan, sheets: [sheet], names: [], activeSheetKey: sheet.key };
    const { context, requests } = realContextCapturing();
    await queueWorkbookPlan(context, onlySheet, { existing: new Map(), existingNames: new Set(), excelApi19 });
    await context.sync();
    const paths = new Map(Object.values(requests[0].body.ObjectPaths).map((p) => [p.Id, p]));
    const parentName = (id: number) => paths.get(paths.get(id)?.ParentObjectPathId ?? -1)?.Name;
    return requests[0].body.Actions.filter((a) => a.ActionType !== 1).map((a) => ({
      name: a.Name,
      under: parentName(a.ObjectPathId),
    }));
  }

  test("below ExcelApi 1.9 bordered ranges that meet edge to edge get one set of borders between them", async () => {
    const thin = { border: "thin" as const };
    const actions = await queuedActions({
      styles: [
        { range: "A1:C2", style: thin },
        { range: "A3:C5", style: thin },
        { range: "D1:E5", style: thin },
        { range: "G1", style: thin },
      ],
      excelApi19: false,
    });
    // A1:E5 is one block (four edges and two inside lines), G1 another (four edges): a style and a weight each.
    // The client names a border item's path after its collection (an indexer path with no name of its own).
    const borderSets = actions.filter((a) => a.under === "Borders");
    expect(borderSets.filter((a) => a.name === "Style")).toHaveLength(10);
    expect(borderSets.filter((a) => a.name === "Weight")).toHaveLength(10);
  });

  test("with ExcelApi 1.9 a sheet's formats are one setCellProperties call and each number format one value", async () => {
    const styles: SheetPlan["styles"] = [
      { range: "A1:C2", style: { bold: true, fill: "#1F4E79", border: "thin" } },
      { range: "A3:C40", style: { wrap: true, vertical: "top", numberFormat: "0" } },
      { range: "D3:D40", style: { numberFormat: "0" } },
      { range: "F1", style: { italic: true, locked: false } },
    ];
    const at19 = await queuedActions({ styles, excelApi19: true });
    expect(at19.filter((a) => a.name === "SetCellProperties")).toHaveLength(1);
    expect(at19.filter((a) => ["Bold", "Color", "Style", "Weight", "WrapText", "Locked"].includes(a.name))).toEqual([]);
    // A3:C40 and D3:D40 meet edge to edge with one format: one range, one value (114 cells, not an array).
    expect(at19.filter((a) => a.name === "NumberFormat")).toHaveLength(1);
    const at18 = await queuedActions({ styles, excelApi19: false });
    expect(at18.filter((a) => a.name === "SetCellProperties")).toHaveLength(0);
    expect(at18.filter((a) => a.name === "NumberFormat")).toHaveLength(1);
  });

  test("with ExcelApi 1.9 a sheet's column widths are one call; below it one per run of equal widths", async () => {
    const at19 = await queuedActions({ styles: [], excelApi19: true });
    expect(at19.filter((a) => a.name === "SetColumnProperties")).toHaveLength(1);
    expect(at19.filter((a) => a.name === "ColumnWidth")).toHaveLength(0);
    const at18 = await queuedActions({ styles: [], excelApi19: false });
    expect(at18.filter((a) => a.name === "SetColumnProperties")).toHaveLength(0);
    expect(at18.filter((a) => a.name === "ColumnWidth")).toHaveLength(3);
  });
});
