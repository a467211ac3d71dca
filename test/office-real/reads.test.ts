/// <reference types="office-js" />
/**
 * What an upgrade's reads ask Excel to return. The fake's formula cells hold the results LibreOffice
 * Calc computed for the same plan, so each response is as large as a spreadsheet's would be (a
 * fake that reads formulas back as "" would understate it).
 */
import { sampleAnswers } from "../../src/core/answers/sample";
import type { Answers } from "../../src/core/plan/answer-types";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { KEY_AREA } from "../../src/core/plan/layout";
import { cellAddress } from "../../src/core/util/a1";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { scaleToolkit } from "../support/scale";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { queueSheetRead } from "../../src/office/in-parts";
import { readAssessmentSheets } from "../../src/office/read-assessment";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { expectedGuardedCells } from "../../src/core/snapshot/guarded-cells";
import { knownToolkits } from "../../src/core/toolkit/registry";
import { snapshotNames } from "../../src/office/read-snapshot";
import { readBounds, RESPONSE_LIMIT_BYTES } from "../../src/office/read-size";
import { MAX_CELL_TEXT } from "../fakes/excel/cell-input";
import { FakeExcel } from "../fakes/excel-fake";
import { DETAILS, NOW, hostFor, nextVersion, noProgress, writePlanWithAnswers } from "../office/fixtures";
import { valuesInLibreOffice, type CellValues } from "../support/computed-values";
import { realHostOver } from "../support/office-real";

const canonical = canonicalToolkit();
const tenTimes = scaleToolkit(canonical, 10);

/** LibreOffice's results for each toolkit's answered workbook: two tests here read the larger one. */
const computed = new Map<Toolkit, Promise<CellValues>>();

/**
 * A workbook built earlier with answers, its formula cells holding LibreOffice's results. The answers are those
 * of check.test.ts's sample (dated as DETAILS), so that the run recalculates the canonical workbook once for both.
 */
async function answeredWorkbook(toolkit: Toolkit): Promise<{ fake: FakeExcel; answers: Answers }> {
  const fake = new FakeExcel();
  const answers = sampleAnswers(toolkit, DETAILS.assessmentDate);
  const plan = await writePlanWithAnswers(fake, toolkit, answers);
  if (!computed.has(toolkit)) computed.set(toolkit, valuesInLibreOffice(plan));
  expect(fake.setComputedValues(await computed.get(toolkit)!)).toBeGreaterThan(1000);
  return { fake, answers };
}

/** The response to reading each sheet alone, as the fake measures it. */
async function responsePerSheet(fake: FakeExcel): Promise<Map<string, number>> {
  const responses = new Map<string, number>();
  for (const sheet of fake.state.sheets) responses.set(sheet.name.toLowerCase(), await responseAlone(fake, sheet.name));
  return responses;
}

async function responseAlone(fake: FakeExcel, sheetName: string): Promise<number> {
  await fake.run(async (context) => {
    queueSheetRead(context, sheetName);
    await context.sync();
  });
  return fake.syncs[fake.syncs.length - 1].responseBytes;
}

async function workbookNames(fake: FakeExcel): Promise<Record<string, string>> {
  return fake.run(async (context) => {
    const names = context.workbook.names.load("items/name,items/formula");
    await context.sync();
    return snapshotNames(names);
  });
}

describe("read responses, with the results a spreadsheet computes", () => {
  test.each([
    ["the canonical toolkit", canonical],
    ["a toolkit ten times larger", tenTimes],
  ])("%s: each sheet's response bound is never below its real response", async (_name, toolkit) => {
    const { fake } = await answeredWorkbook(toolkit);
    const responses = await responsePerSheet(fake);
    const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { now: NOW });
    const bounds = readBounds(plan, await workbookNames(fake));
    for (const [sheet, bytes] of responses) {
      if (sheet === "sheet1") continue;
      if (!bounds.has(sheet)) throw new Error(`No response bound for the sheet "${sheet}".`);
      expect(bounds.get(sheet)).toBeGreaterThanOrEqual(bytes);
    }
  });

  test("a toolkit ten times larger: the upgrade reads in parts, every response and request under 4 MB", async () => {
    const toolkit = tenTimes;
    const { fake, answers } = await answeredWorkbook(toolkit);
    // Read whole, the sheets would come back as one response within sight of the limit, before any long answers.
    expect(sum([...(await responsePerSheet(fake)).values()])).toBeGreaterThan(RESPONSE_LIMIT_BYTES * 0.9);
    const mark = fake.syncs.length;
    const { client, host } = realHostOver(fake, { toolkit: nextVersion(toolkit), now: NOW });
    await host.buildOrUpgrade(DETAILS, noProgress);
    const syncs = fake.syncs.slice(mark);
    expect(syncs.filter((s) => s.responseBytes > 0).length).toBeGreaterThan(2);
    for (const s of syncs) expect(s.responseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT_BYTES);
    for (const r of client.requests) expect(r.bytes).toBeLessThanOrEqual(RESPONSE_LIMIT_BYTES);
    expect(await answersReadInParts(fake, toolkit)).toEqual(answers.behaviours);
  });
});

/**
 * The answers read back as the host reads them, in parts under the response limit (test/office/fixtures.ts's
 * readBack asks for every sheet in one response, which a toolkit ten times larger outgrows since layout 4).
 */
async function answersReadInParts(fake: FakeExcel, toolkit: Toolkit) {
  const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { now: NOW });
  const snapshot = await fake.run(async (context) => {
    const read = await readAssessmentSheets(context, () => context.sync(), {
      expected: expectedGuardedCells(knownToolkits()),
      plan,
    });
    return read.snapshot;
  });
  return readAssessment(snapshot, toolkit)?.answers.behaviours;
}

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

test("answers far longer than the bound allows: Excel refuses the read, and the host reads again in halves", async () => {
  const fake = new FakeExcel();
  const longest = "x".repeat(MAX_CELL_TEXT);
  const behaviours = Object.fromEntries(
    canonical.themes
      .flatMap((t) => t.keyAreas)
      .flatMap((k) => k.behaviours)
      .map((b) => [b.id, { current: "Mature", evidence: longest, owner: longest }]),
  );
  await writePlanWithAnswers(fake, canonical, { behaviours });
  const mark = fake.syncs.length;
  const outcome = await hostFor(fake, nextVersion(canonical)).buildOrUpgrade(DETAILS, noProgress);
  expect(outcome.action).toBe("upgraded");
  const refused = fake.syncs.slice(mark).filter((s) => s.responseBytes > fake.options.payloadLimitBytes);
  expect(refused.length).toBeGreaterThan(0);
  // Carried across (the whole workbook is too large to read back in one response, so look at the cell).
  const area = canonical.themes[0].keyAreas[0];
  const evidence = cellAddress(KEY_AREA.firstBehaviourRow, KEY_AREA.columns.evidence);
  expect(fake.cell(area.sheetName, evidence)).toEqual({ kind: "text", text: longest, quotePrefix: false });
});
