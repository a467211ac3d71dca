/// <reference types="office-js" />
/**
 * The check, Go to cell, the check report and sign-off through the real office.js client library: the
 * check's read is one request, its request and its answer within the 4 MB the add-in allows
 * itself, and nothing the host sends is silently dropped by the real client's proxies.
 */
import { sampleAnswers } from "../../src/core/answers/sample";
import { REPORT_COLUMNS } from "../../src/core/check/report";
import { planCheckReport } from "../../src/core/check/report-sheet";
import type { CheckResult } from "../../src/core/check/types";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { KEY_AREA } from "../../src/core/plan/layout";
import { expectedGuardedCells } from "../../src/core/snapshot/guarded-cells";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { knownToolkits } from "../../src/core/toolkit/registry";
import { scaleToolkit } from "../support/scale";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { cellAddress, columnLetter } from "../../src/core/util/a1";
import { findingWords } from "../../src/core/words/findings";
import { fitsOneSync, GUARD_REQUEST_BYTES, readAssessmentSheets } from "../../src/office/read-assessment";
import { RESPONSE_LIMIT_BYTES } from "../../src/office/read-size";
import { REQUEST_LIMIT_BYTES } from "../../src/office/request-size";
import { FakeExcel } from "../fakes/excel-fake";
import { hostFor, NOW, noProgress, writePlanWithAnswers } from "../office/fixtures";
import { expectFakeMatchesPlan } from "../office/fake-formats";
import { computeInLibreOffice } from "../support/computed-values";
import { realClientOver, realHostOver } from "../support/office-real";

const canonical = canonicalToolkit();
const area = canonical.themes[0].keyAreas[0];

async function sampleWorkbook(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, canonical, sampleAnswers(canonical, "2025-03-01"));
  return fake;
}

test("the check of the canonical workbook is one request; request and answer under 4 MB; the same result", async () => {
  const fake = new FakeExcel();
  const plan = await writePlanWithAnswers(fake, canonical, sampleAnswers(canonical, "2025-03-01"));
  // Formula cells answer what LibreOffice computed for them, not "", so the answer is as large as Excel's would be.
  expect(await computeInLibreOffice(fake, plan)).toBeGreaterThan(1000);
  // An answer longer than any toolkit text, so the read is not only the generator's own text.
  fake.seedCell(
    fake.sheet(area.sheetName),
    cellAddress(KEY_AREA.firstBehaviourRow, KEY_AREA.columns.evidence),
    "é".repeat(5000),
  );
  const { client, host } = realHostOver(fake, { toolkit: canonical, now: NOW });
  const { check: result } = await host.check(noProgress);
  expect(client.requests).toHaveLength(1);
  const [request] = client.requests;
  expect(request.bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  expect(request.responseBytes).toBeGreaterThan(100_000);
  expect(request.responseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT_BYTES);
  expect(result).toEqual((await hostFor(fake).check(noProgress)).check);
  expect(result?.findings.map((f) => f.rule)).toContain("answer.key-area-incomplete");
});

test("the estimate of a guarded cell's (or block's) request is at or above the real client's, and close", async () => {
  const fake = await sampleWorkbook();
  const plan = buildWorkbookPlan(canonical, { behaviours: {} }, { now: NOW });
  const expected = expectedGuardedCells(knownToolkits());
  const unguarded = new Map([...expected.keys()].map((name) => [name, { locked: [], validated: [], lockBlocks: [] }]));
  const firstRequest = async (guards: typeof expected) => {
    const client = realClientOver(fake);
    await client.run((context) => readAssessmentSheets(context, () => context.sync(), { expected: guards, plan }));
    return client.requests[0].bytes;
  };
  // One load a block of locks and one a validated cell.
  const loads = [...expected.values()].reduce((n, g) => n + g.lockBlocks.length + g.validated.length, 0);
  const perLoad = ((await firstRequest(expected)) - (await firstRequest(unguarded))) / loads;
  expect(perLoad).toBeLessThanOrEqual(GUARD_REQUEST_BYTES);
  expect(perLoad).toBeGreaterThan(GUARD_REQUEST_BYTES * 0.6);
});

test("one sync for the canonical toolkit; a toolkit ten times larger reads step by step under the limits", () => {
  const plan = (toolkit: Toolkit) => buildWorkbookPlan(toolkit, { behaviours: {} }, { now: NOW });
  expect(fitsOneSync({ expected: expectedGuardedCells(knownToolkits()), plan: plan(canonical) })).toBe(true);
  const tenTimes = scaleToolkit(canonical, 10);
  expect(fitsOneSync({ expected: expectedGuardedCells([tenTimes]), plan: plan(tenTimes) })).toBe(false);
});

test("a toolkit ten times larger: the check reads in parts, every request and answer under 4 MB", async () => {
  const tenTimes = scaleToolkit(canonical, 10);
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, tenTimes, sampleAnswers(tenTimes, "2025-03-01"));
  const { client, host } = realHostOver(fake, { toolkit: tenTimes, now: NOW });
  const { check: result } = await host.check(noProgress);
  expect(client.requests.length).toBeGreaterThan(2);
  for (const request of client.requests) {
    expect(request.bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(request.responseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT_BYTES);
  }
  expect(result).toEqual((await hostFor(fake, tenTimes).check(noProgress)).check);
});

test("Go to cell through the real client: the sheet is activated and the cell selected", async () => {
  const fake = await sampleWorkbook();
  await realHostOver(fake, { toolkit: canonical, now: NOW }).host.selectCell(area.sheetName, "H9");
  expect(fake.activeSheetName()).toBe(area.sheetName);
  expect(fake.selection()).toEqual({ sheet: area.sheetName, address: "H9" });
});

test("the check report through the real client is the core's plan, every value text", async () => {
  const fake = await sampleWorkbook();
  const { client, host } = realHostOver(fake, { toolkit: canonical, now: NOW });
  const result: CheckResult = {
    findings: [
      {
        rule: "answer.not-a-level",
        severity: "error",
        sheet: { role: "keyArea", key: `keyArea:${area.id}`, name: area.sheetName },
        cell: "H9",
        message: "=SUM(1,2) was typed where a level goes.",
        found: "@risk",
        repairable: false,
      },
    ],
  };
  const name = await host.addCheckReport(result);
  expect(client.requests).toHaveLength(2);
  const { plan } = planCheckReport(result, { checkedAt: NOW, workbookSheets: [], names: {} });
  await expectFakeMatchesPlan(fake, plan);
  /** The report's cell in the first finding's row, by its column's header. */
  const reportCell = (header: string) =>
    fake.cell(name, `${columnLetter(REPORT_COLUMNS.findIndex((c) => c.header === header) + 1)}7`);
  expect(reportCell(findingWords.report.columns.finding)).toEqual({
    kind: "text",
    text: "=SUM(1,2) was typed where a level goes.",
    quotePrefix: true,
  });
  expect(reportCell(findingWords.report.columns.found)).toEqual({ kind: "text", text: "@risk", quotePrefix: true });
});

test("sign-off through the real client: the check's one read, then one write of the sign-off cells under 32 KB, as on the fake", async () => {
  const fake = await sampleWorkbook();
  const twin = await sampleWorkbook();
  const { client, host } = realHostOver(fake, { toolkit: canonical, now: NOW });
  // The sample leaves some behaviours unassessed; a name that Excel would read as a formula stays text.
  const asked = { name: "=Sam Lead 2", allowIncomplete: true };
  const outcome = await host.signOff(asked, noProgress);
  expect(client.requests).toHaveLength(2);
  expect(client.requests[0].bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  expect(client.requests[0].responseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT_BYTES);
  expect(client.requests[1].bytes).toBeLessThanOrEqual(32 * 1024);
  expect(outcome).toEqual(await hostFor(twin).signOff(asked, noProgress));
  expect(fake.snapshotState()).toEqual(twin.snapshotState());
  expect(fake.cell("Guide", "B9")).toEqual({ kind: "text", text: "=Sam Lead 2", quotePrefix: true });
});
