/// <reference types="office-js" />
/**
 * The Office.js writer and host against the real office.js client library: request sizes as the
 * client sends them, the split under 4 MB, the size estimate the product relies on, and a
 * cross-check that the fake sees no property the real client would drop.
 */
import { sampleAnswers } from "../../src/core/answers/sample";
import { checkWorkbook } from "../../src/core/check/check";
import { planCheckReport } from "../../src/core/check/report-sheet";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { planGroupWorkbook } from "../../src/core/consolidate/group-plan";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { planSignedOffCopy } from "../../src/core/sign-off/sign-off";
import { knownToolkits } from "../../src/core/toolkit/registry";
import { examinedReturn } from "../core/consolidate/fixtures";
import { planSnapshot } from "../support/plan-cells";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { scaleToolkit } from "../support/scale";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { queueWorkbookPlan } from "../support/queue-plan";
import { REQUEST_LIMIT_BYTES } from "../../src/office/request-size";
import { writeWorkbookPlan, type ExistingSheet, type WriteOptions } from "../../src/office/write-plan";
import { FakeExcel } from "../fakes/excel-fake";
import { DETAILS, NOW, nextVersion, noProgress } from "../office/fixtures";
import { expectFakeMatchesPlan } from "../office/fake-formats";
import { realClientCapturing, realHostOver, type CapturedRequest } from "../support/office-real";

const canonical = canonicalToolkit();
const tenTimes = scaleToolkit(canonical, 10);
const NEW_WORKBOOK: WriteOptions = { existing: new Map(), existingNames: new Set(), excelApi19: true };

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);
const bytesOf = (requests: CapturedRequest[]) => requests.map((r) => r.bytes);

/** Requests that load nothing: the writes. */
const writesOf = (requests: CapturedRequest[]) =>
  requests.filter((r) => !r.body.Actions.some((a) => a.ActionType === 2));

/** No request over the limit, and no more requests than the bytes need (no write request wasted). */
function expectTightlySplit(writes: number[]): void {
  for (const bytes of writes) expect(bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  expect(writes.length).toBe(Math.ceil(sum(writes) / REQUEST_LIMIT_BYTES));
}

describe("build and upgrade through the real office.js client", () => {
  test("the canonical toolkit: build in 2 requests, upgrade in 3, each under 4 MB, and the workbook is the plan", async () => {
    const fake = new FakeExcel();
    const build = realHostOver(fake, { toolkit: canonical, now: NOW });
    await build.host.buildOrUpgrade(DETAILS, noProgress);
    expect(build.client.requests).toHaveLength(2);
    await expectFakeMatchesPlan(fake, buildWorkbookPlan(canonical, { behaviours: {} }, { ...DETAILS, now: NOW }));
    const table = fake.sheet("Data").tables[0];
    const upgraded = nextVersion(canonical);
    const upgrade = realHostOver(fake, { toolkit: upgraded, now: NOW });
    await upgrade.host.buildOrUpgrade(DETAILS, noProgress);
    expect(upgrade.client.requests).toHaveLength(3);
    // The table was placed from the real client's nested load (rows/count, columns/name) and kept.
    expect(fake.sheet("Data").tables).toEqual([table]);
    for (const bytes of bytesOf([...build.client.requests, ...upgrade.client.requests]))
      expect(bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    await expectFakeMatchesPlan(fake, buildWorkbookPlan(upgraded, { behaviours: {} }, { ...DETAILS, now: NOW }));
  });

  test("a toolkit ten times larger: the writes are split under 4 MB in as few requests as that allows", async () => {
    const fake = new FakeExcel();
    const build = realHostOver(fake, { toolkit: tenTimes, now: NOW });
    await build.host.buildOrUpgrade(DETAILS, noProgress);
    const buildWrites = bytesOf(writesOf(build.client.requests));
    // One request would not do: the whole write is over Excel for the web's 5 MB.
    expect(sum(buildWrites)).toBeGreaterThan(5 * 1024 * 1024);
    expectTightlySplit(buildWrites);
    await expectFakeMatchesPlan(fake, buildWorkbookPlan(tenTimes, { behaviours: {} }, { ...DETAILS, now: NOW }));
    const table = fake.sheet("Data").tables[0];
    const upgraded = nextVersion(tenTimes);
    const upgrade = realHostOver(fake, { toolkit: upgraded, now: NOW });
    await upgrade.host.buildOrUpgrade(DETAILS, noProgress);
    expect(fake.sheet("Data").tables[0]).toBe(table);
    expectTightlySplit(bytesOf(writesOf(upgrade.client.requests)));
    await expectFakeMatchesPlan(fake, buildWorkbookPlan(upgraded, { behaviours: {} }, { ...DETAILS, now: NOW }));
  });
});

/** How an earlier build left each sheet, as the upgrade's reads would find it. */
function asFound(plan: WorkbookPlan): WriteOptions {
  const visibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
  const existing = new Map<string, ExistingSheet>(
    plan.sheets.map((s) => [
      s.key,
      {
        name: s.name,
        protected: s.protection !== undefined,
        visibility: visibility[s.visibility],
        tables: s.tables.map((t) => ({ name: t.name, range: t.range })),
        chartNames: (s.charts ?? []).map((c) => c.name),
      },
    ]),
  );
  return { existing, existingNames: new Set(plan.names.map((n) => n.name)), excelApi19: true };
}

describe("the request size estimate, against the real client's count", () => {
  const planOf = (toolkit: Toolkit) =>
    buildWorkbookPlan(toolkit, sampleAnswers(toolkit, "2026-04-01"), { ...DETAILS, now: NOW });
  const cases: [string, WorkbookPlan, WriteOptions][] = [
    ["a canonical build", planOf(canonical), NEW_WORKBOOK],
    ["a canonical upgrade", planOf(canonical), asFound(planOf(canonical))],
    ["a ten times larger build", planOf(tenTimes), NEW_WORKBOOK],
    ["a ten times larger upgrade", planOf(tenTimes), asFound(planOf(tenTimes))],
  ];

  const limits: [string, number][] = [
    ["split under 4 MB", REQUEST_LIMIT_BYTES],
    ["in one request", Number.MAX_SAFE_INTEGER],
  ];

  test.each(
    cases.flatMap(([name, plan, options]) => limits.map(([how, limit]) => [name, how, plan, options, limit] as const)),
  )("%s, %s: never below the real size, and within 10%% of it", async (_name, _how, plan, options, limit) => {
    const client = realClientCapturing();
    const estimates = await client.run((context) =>
      writeWorkbookPlan(context, plan, options, () => context.sync(), limit),
    );
    const real = bytesOf(client.requests);
    expect(real).toHaveLength(estimates.length);
    estimates.forEach((estimate, i) => {
      expect(estimate).toBeGreaterThanOrEqual(real[i]);
      expect(estimate).toBeLessThanOrEqual(real[i] * 1.1);
    });
  });
});

describe("the fake's own request size estimate", () => {
  test.each([
    ["the canonical toolkit", canonical],
    ["a toolkit ten times larger", tenTimes],
  ])(
    "%s: a whole write in one request, as the fake counts it, is never below the real client's count",
    async (_name, toolkit) => {
      const plan = buildWorkbookPlan(toolkit, sampleAnswers(toolkit, "2026-04-01"), { ...DETAILS, now: NOW });
      const fake = new FakeExcel({ payloadLimitBytes: Number.MAX_SAFE_INTEGER });
      await fake.run(async (context) => queueWorkbookPlan(context, plan, NEW_WORKBOOK));
      const client = realClientCapturing();
      await client.run(async (context) => queueWorkbookPlan(context, plan, NEW_WORKBOOK));
      expect(fake.syncs).toHaveLength(1);
      expect(client.requests).toHaveLength(1);
      expect(fake.syncs[0].requestBytes).toBeGreaterThanOrEqual(client.requests[0].bytes);
    },
  );
});

/**
 * The class of the object a wire action is on, from the names of the object paths that lead to it (a property's
 * name, a method's name, "[]" for an indexer): the last pattern that names the class the fake records it by.
 */
const CLASS_BY_PATH: [RegExp, string][] = [
  [/Custom\.Format\.Font$/, "ConditionalRangeFont"],
  [/Custom\.Format\.Fill$/, "ConditionalRangeFill"],
  [/Custom\.Rule$/, "ConditionalFormatRule"],
  [/\.ColorScale$/, "ColorScaleConditionalFormat"],
  [/DataBar\.PositiveFormat$/, "DataBarPositiveFormat"],
  [/\.DataBar$/, "DataBarConditionalFormat"],
  [/Series\.[^.]+\.Format\.Line$/, "ChartLineFormat"],
  [/Format\.Font$/, "RangeFont"],
  [/Format\.Fill$/, "RangeFill"],
  [/Borders\.(GetItem|\[\])$/, "RangeBorder"],
  [/Format\.Protection$/, "FormatProtection"],
  [/\.Format$/, "RangeFormat"],
  [/\.DataValidation$/, "DataValidation"],
  [/\.Title$/, "ChartTitle"],
  [/\.Legend$/, "ChartLegend"],
  [/Axes\.ValueAxis$/, "ChartAxis"],
  [/Series\.(GetItemAt|Add|\[\])$/, "ChartSeries"],
  [/Charts\.(Add|GetItem|\[\])$/, "Chart"],
  [/Tables\.(Add|GetItem|\[\])$/, "Table"],
  [/\.PageLayout$/, "PageLayout"],
  [/Names\.(Add|GetItem|\[\])$/, "NamedItem"],
  [/\.(GetRange|GetBoundingRect|GetRow|GetCell|GetRangeByIndexes)$/, "Range"],
  [/Worksheets\.(Add|GetItem|\[\])$/, "Worksheet"],
];

function classOnWire(request: CapturedRequest, pathId: number): string {
  const names: string[] = [];
  const paths = request.body.ObjectPaths;
  for (let path = paths[String(pathId)]; path; path = paths[String(path.ParentObjectPathId)])
    names.unshift(path.ObjectPathType === 5 ? "[]" : path.Name);
  const chain = names.join(".");
  return CLASS_BY_PATH.find(([pattern]) => pattern.test(chain))?.[1] ?? `?${chain}`;
}

/**
 * The fake's property sets ("RangeFont.bold") that no set of the same property on an object of the same class
 * in the real client's requests accounts for: what the real client silently dropped.
 */
function droppedByRealClient(fakeSets: string[], requests: CapturedRequest[]): string[] {
  const sent = new Map<string, number>();
  for (const request of requests)
    for (const action of request.body.Actions.filter((a) => a.ActionType === 4)) {
      const key = `${classOnWire(request, action.ObjectPathId)}.${action.Name}`;
      sent.set(key, (sent.get(key) ?? 0) + 1);
    }
  const dropped: string[] = [];
  for (const set of fakeSets) {
    const dot = set.indexOf(".");
    const key = `${set.slice(0, dot)}.${set.charAt(dot + 1).toUpperCase()}${set.slice(dot + 2)}`;
    const left = sent.get(key) ?? 0;
    if (left === 0) dropped.push(set);
    else sent.set(key, left - 1);
  }
  return dropped;
}

describe("the fake and the real client see the same property sets", () => {
  const plan = buildWorkbookPlan(canonical, sampleAnswers(canonical, "2026-04-01"), { ...DETAILS, now: NOW });
  const groupPlan = planGroupWorkbook(
    consolidate(
      [0, 1].map((i) => examinedReturn(i, { council: `Council ${i}` })),
      canonical,
      { includeErrors: false, finalOnly: false },
    ),
    { now: NOW },
  );
  const snapshot = planSnapshot(plan);
  const reportPlan = planCheckReport(checkWorkbook(snapshot, knownToolkits(), { today: "2026-04-01" }), {
    checkedAt: NOW,
    workbookSheets: plan.sheets.map((s) => s.name),
    names: snapshot.names,
  }).plan;
  // The command line's signed-off copy: a whole plan, written as the upgrade writes one.
  const signedOff = planSignedOffCopy({
    snapshot,
    toolkit: canonical,
    request: { by: "A. Officer", now: NOW, allowIncomplete: true },
    check: checkWorkbook(snapshot, knownToolkits(), { today: "2026-11-20" }),
  });
  if ("refused" in signedOff) throw new Error(`sign-off refused: ${signedOff.message}`);
  const signOffPlan = signedOff.planned.plan;

  async function bothWays(
    written: WorkbookPlan,
    options: WriteOptions,
  ): Promise<{ fakeSets: string[]; requests: CapturedRequest[] }> {
    const context = new FakeExcel().newContext();
    await queueWorkbookPlan(context as unknown as Excel.RequestContext, written, options);
    const client = realClientCapturing();
    await client.run(async (real) => queueWorkbookPlan(real, written, options));
    return { fakeSets: context.propertySets, requests: client.requests };
  }

  // With ExcelApi 1.9 a sheet's formats go in one setCellProperties call (a method, not property sets), so a
  // report, which is mostly formats, sets few properties there: below 1.9 it sets each.
  test.each([
    ["a build", plan, NEW_WORKBOOK, 20],
    ["an upgrade", plan, asFound(plan), 20],
    ["a build below ExcelApi 1.9", plan, { ...NEW_WORKBOOK, excelApi19: false }, 20],
    ["group sheets", groupPlan, NEW_WORKBOOK, 20],
    ["group sheets written again", groupPlan, asFound(groupPlan), 20],
    ["a check report", reportPlan, NEW_WORKBOOK, 5],
    ["a check report below ExcelApi 1.9", reportPlan, { ...NEW_WORKBOOK, excelApi19: false }, 20],
    ["a sign-off", signOffPlan, asFound(signOffPlan), 20],
  ])(
    "%s: every property the fake saw set, on an object of its class, is in the real request",
    async (_name, written, options, atLeast) => {
      const { fakeSets, requests } = await bothWays(written, options);
      expect(fakeSets.length).toBeGreaterThan(atLeast);
      expect(droppedByRealClient(fakeSets, requests)).toEqual([]);
    },
  );

  test("the comparison notices a property the real client never sent", async () => {
    const { fakeSets, requests } = await bothWays(plan, NEW_WORKBOOK);
    expect(droppedByRealClient([...fakeSets, "RangeFont.strikethroughDouble"], requests)).toEqual([
      "RangeFont.strikethroughDouble",
    ]);
    // A property the real client sent, but on an object of another class, does not count.
    expect(droppedByRealClient([...fakeSets, "ChartTitle.bold"], requests)).toEqual(["ChartTitle.bold"]);
  });

  test("the real client drops a property its proxies do not define, as the cross-check assumes", async () => {
    const client = realClientCapturing();
    await client.run(async (context) => {
      const font = context.workbook.worksheets.getItem("Guide").getRange("A1").format.font;
      font.bold = true;
      (font as unknown as Record<string, unknown>).strikethroughDouble = true;
    });
    const sets = client.requests.flatMap((r) => r.body.Actions).filter((a) => a.ActionType === 4);
    expect(sets.map((a) => a.Name)).toEqual(["Bold"]);
  });
});
