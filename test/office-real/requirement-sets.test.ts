/// <reference types="office-js" />
/**
 * The real office.js client's own requirement-set check, answering as an Excel that supports ExcelApi 1.8 (what
 * the manifest declares) or 1.9: a member above that version is refused before anything is sent, so a write or
 * read that used one unguarded would fail here; the add-in's build, upgrade and consolidation go through at
 * each version with the guards it has.
 */
import { consolidate } from "../../src/core/consolidate/consolidate";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { queueWorkbookPlan } from "../support/queue-plan";
import { examinedReturn } from "../core/consolidate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { DETAILS, noProgress, NOW } from "../office/fixtures";
import { realContextCapturing, realHostOver } from "../support/office-real";

const toolkit = canonicalToolkit();
const apiNotFound = expect.objectContaining({ code: "ApiNotFound" });

test("at ExcelApi 1.8 a 1.9 member (Worksheet.autoFilter) is refused; at 1.9 it is not", () => {
  const at18 = realContextCapturing({ excelApi: "1.8" }).context;
  expect(() => at18.workbook.worksheets.getItem("Gaps").autoFilter).toThrow(apiNotFound);
  const at19 = realContextCapturing({ excelApi: "1.9" }).context;
  expect(() => at19.workbook.worksheets.getItem("Gaps").autoFilter).not.toThrow();
});

test("at ExcelApi 1.9, members above it or only in Excel on the web (deleteRowsAt, ExcelApiOnline 1.1) are refused", () => {
  const { context } = realContextCapturing({ excelApi: "1.9" });
  const rows = context.workbook.tables.getItem("NPS_Data").rows;
  expect(() => rows.deleteRowsAt(0, 2)).toThrow(apiNotFound);
  // Workbook.comments is ExcelApi 1.10.
  expect(() => context.workbook.comments).toThrow(apiNotFound);
});

test("a write told that 1.9 is there, to an Excel at 1.8, is refused by the client", async () => {
  const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW });
  const options = { existing: new Map(), existingNames: new Set<string>() };
  const at18 = realContextCapturing({ excelApi: "1.8" }).context;
  await expect(queueWorkbookPlan(at18, plan, { ...options, excelApi19: true })).rejects.toEqual(apiNotFound);
  await expect(
    queueWorkbookPlan(realContextCapturing({ excelApi: "1.8" }).context, plan, { ...options, excelApi19: false }),
  ).resolves.toBeUndefined();
});

test.each(["1.8", "1.9"])(
  "at ExcelApi %s a build, an upgrade and two consolidations go through the real client's check",
  async (excelApi) => {
    const fake = new FakeExcel();
    const { client, host } = realHostOver(fake, { toolkit, now: NOW, excelApi });
    await host.buildOrUpgrade(DETAILS, noProgress);
    await host.buildOrUpgrade(DETAILS, noProgress);
    const consolidation = (n: number) =>
      consolidate(
        Array.from({ length: n }, (_, i) => examinedReturn(i, { council: `Council ${i}` })),
        toolkit,
        { includeErrors: false, finalOnly: false },
      );
    await host.writeGroupSheets(consolidation(3), noProgress);
    await host.writeGroupSheets(consolidation(1), noProgress);
    expect((await host.check(noProgress)).check).not.toBeNull();
    expect(client.requests.length).toBeGreaterThan(6);
  },
  60_000,
);
