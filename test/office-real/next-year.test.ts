/// <reference types="office-js" />
/**
 * "Start next year's assessment" through the real office.js client: the read of the open workbook (the check's
 * read, with the workbook's name) in one request, and Excel.createWorkbook, which the client refuses below ExcelApi
 * 1.8 and which carries next year's whole file in one request. The client runs Excel.createWorkbook in a request
 * context of its own (not one over the harness's session), so the harness sees its request through the call it
 * makes on the desktop, Application.createWorkbook(base64).open().
 */
import { sampleAnswers } from "../../src/core/answers/sample";
import { planNextYear } from "../../src/core/cycle/next-year";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { base64Of } from "../../src/office/create-workbook";
import { ExcelWorkbookHost } from "../../src/office/excel-host";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { FakeExcel } from "../fakes/excel-fake";
import { NOW, noProgress, writePlanWithAnswers } from "../office/fixtures";
import { realContextCapturing, realHostOver, realOffice } from "../support/office-real";

const toolkit = canonicalToolkit();
const apiNotFound = expect.objectContaining({ code: "ApiNotFound" });
/** What the issue allows any one request, under Office's 5 MB. */
const REQUEST_BOUND_BYTES = 4 * 1024 * 1024;

async function lastYearOpen(): Promise<FakeExcel> {
  const fake = new FakeExcel({ fileName: "Anytown 2025.xlsx" });
  await writePlanWithAnswers(fake, toolkit, sampleAnswers(toolkit, "2025-03-01"), {
    council: "Anytown Borough Council",
    assessmentDate: "2025-03-01",
  });
  return fake;
}

test("the read for next year is the check's one request, with the workbook's name, through the real client", async () => {
  const fake = await lastYearOpen();
  const { client, host } = realHostOver(fake, { toolkit, now: NOW });
  const open = await host.readForNextYear(noProgress);
  expect(open?.fileName).toBe("Anytown 2025.xlsx");
  expect(client.requests).toHaveLength(1);
  const planned = planNextYear({
    snapshot: open!.snapshot,
    fileName: open!.fileName,
    assessmentDate: "2026-03-31",
    carryLevels: false,
    draftActions: false,
    toolkit,
    now: NOW,
  });
  if (!planned.ok) throw new Error(planned.reason);
  const previous = planned.answers.previous!;
  expect(previous.source).toMatchObject({ file: "Anytown 2025.xlsx", assessmentDate: "2025-03-01" });
  // Every answered behaviour of the sample is carried into the Previous columns.
  const answered = Object.entries(sampleAnswers(toolkit, "2025-03-01").behaviours).filter(([, a]) => a.current);
  for (const [id, answer] of answered) expect(previous.behaviours[id]?.current).toBe(answer.current);
});

test("Excel.createWorkbook is ExcelApi 1.8 in the real client: asked of an Excel at 1.7 it is refused before anything is sent", () => {
  realContextCapturing({ excelApi: "1.7" });
  expect(() => realOffice().Excel.createWorkbook("UEsDBA==")).toThrow(apiNotFound);
});

test("next year's canonical workbook, opened with createWorkbook, goes in one request well under the limit", async () => {
  const fake = await lastYearOpen();
  const host = new ExcelWorkbookHost({
    run: fake.run,
    isSetSupported: () => true,
    toolkit,
    now: () => NOW,
  });
  const open = (await host.readForNextYear(noProgress))!;
  const planned = planNextYear({
    ...open,
    assessmentDate: "2026-03-31",
    carryLevels: true,
    draftActions: true,
    toolkit,
    now: NOW,
  });
  if (!planned.ok) throw new Error(planned.reason);
  const base64 = base64Of(await writePlanToBuffer(planned.plan));
  const { context, requests } = realContextCapturing({ excelApi: "1.8" });
  // The member the client's own Excel.createWorkbook calls on the desktop, which @types/office-js does not declare.
  const application = context.workbook.application as unknown as { createWorkbook(file: string): { open(): void } };
  application.createWorkbook(base64).open();
  await context.sync();
  expect(requests).toHaveLength(1);
  const [request] = requests;
  expect(JSON.stringify(request.body)).toContain(base64);
  expect(request.bytes).toBeLessThanOrEqual(REQUEST_BOUND_BYTES);
  process.stdout.write(`next year's workbook: ${base64.length} Base64 characters, a ${request.bytes}-byte request\n`);
});
