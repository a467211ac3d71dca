/**
 * The "Check report" sheet, planned once in the core: its table, its name beside users' sheets, and
 * the .xlsx writer writing the same plan into a file that Microsoft's validator accepts.
 */
import * as path from "path";
import { writeFile } from "fs/promises";
import { REPORT_COLUMNS, reportText } from "../../../src/core/check/report";
import {
  CHECK_REPORT_HEADER_ROW,
  CHECK_REPORT_TABLE,
  NO_FINDINGS,
  planCheckReport,
} from "../../../src/core/check/report-sheet";
import type { CheckResult, Finding } from "../../../src/core/check/types";
import { isFormula, type WorkbookPlan } from "../../../src/core/plan/types";
import { cellAddress } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { tempDir } from "../../support/fixtures";
import { expectWorkbookClean } from "../../support/xlsx-checks";
import { check, NOW, samplePlan, toolkit } from "./fixtures";

const typed: Finding = {
  rule: "answer.not-a-level",
  severity: "error",
  sheet: { role: "keyArea", key: "keyArea:X", name: "Leadership" },
  cell: "H9",
  keyArea: { id: "X", name: "Leadership and how councillors and senior managers engage" },
  behaviour: { id: "X-01", name: "=Mission and strategy" },
  message: '=HYPERLINK("http://example.com","Click") was typed where a level goes.',
  expected: "Minimum, Developing, Mature, Leader or Innovator",
  found: "=1+1",
  repairable: false,
};
const warning: Finding = {
  rule: "answer.review-date-past",
  severity: "warning",
  sheet: { role: "keyArea", key: "keyArea:X", name: "Leadership" },
  cell: "L9",
  message: "The review date has passed.",
  expected: "2026-11-26 or later",
  found: "2024-01-31",
  repairable: false,
};
const result: CheckResult = { findings: [warning, typed], toolkit: { id: toolkit.id, version: toolkit.version } };
const options = { checkedAt: NOW, workbookSheets: ["Guide", "Summary"], names: {} };

/** The report and an assessment in one workbook, as Excel holds them after "Add report to workbook". */
function withReport(assessment: WorkbookPlan, report: WorkbookPlan): WorkbookPlan {
  return {
    ...assessment,
    sheets: [...assessment.sheets, ...report.sheets],
    names: [...assessment.names, ...report.names],
  };
}

describe("the report's plan", () => {
  test("a title, the check time, the toolkit and the counts, then a table of the findings, errors first", () => {
    const { plan, sheetName, replaces } = planCheckReport(result, options);
    expect([sheetName, replaces]).toEqual(["Check report", null]);
    const [sheet] = plan.sheets;
    expect(sheet.role).toBe("checkReport");
    const header = CHECK_REPORT_HEADER_ROW;
    expect(sheet.tables).toEqual([
      { name: CHECK_REPORT_TABLE, range: `A${header}:J${header + 2}`, style: "TableStyleMedium2" },
    ]);
    const cells = new Map<string, unknown>();
    for (const block of sheet.blocks) {
      const top = Number(/\d+/.exec(block.at)![0]);
      block.cells.forEach((line, r) => line.forEach((cell, c) => cells.set(cellAddress(top + r, c + 1), cell)));
    }
    expect(cells.get("A1")).toBe("Check report");
    expect(cells.get("A2")).toMatch(/^Checked on \d\d\/\d\d\/\d{4} at \d\d:\d\d by NPS Toolkit for Excel /);
    expect(cells.get("A3")).toBe(`Checked against toolkit ${toolkit.id} ${toolkit.version}.`);
    expect(cells.get("A4")).toBe("1 error, 1 warning, 0 notes");
    expect(REPORT_COLUMNS.map((_, i) => cells.get(cellAddress(header, i + 1)))).toEqual(
      REPORT_COLUMNS.map((c) => c.header),
    );
    const column = (name: string) => REPORT_COLUMNS.findIndex((c) => c.header === name) + 1;
    expect(cells.get(cellAddress(header + 1, column("Severity")))).toBe("Error");
    expect(cells.get(cellAddress(header + 1, column("Found")))).toBe("=1+1");
    // The key area in full and the behaviour, ID and name, as the pane names them.
    expect(cells.get(cellAddress(header + 1, column("Key area")))).toBe(typed.keyArea!.name);
    expect(cells.get(cellAddress(header + 1, column("Behaviour")))).toBe("X-01 =Mission and strategy");
    expect(cells.get(cellAddress(header + 2, column("Severity")))).toBe("Warning");
    // A finding without a behaviour leaves its cell empty.
    expect(cells.get(cellAddress(header + 2, column("Behaviour")))).toBe("");
    // Every value is text: no formula, no number, whatever the finding quotes.
    expect([...cells.values()].every((cell) => typeof cell === "string" && !isFormula(cell))).toBe(true);
    expect(plan.names).toEqual([{ name: "NPS_Sheet_checkReport", reference: "'Check report'!$A$1" }]);
  });

  test("no findings: one row says so (an Excel table needs a body row)", () => {
    const [sheet] = planCheckReport({ findings: [] }, options).plan.sheets;
    const body = sheet.blocks.find((b) => b.at === `A${CHECK_REPORT_HEADER_ROW}`)!.cells.slice(1);
    expect(body).toEqual([REPORT_COLUMNS.map((c) => (c.header === "Finding" ? NO_FINDINGS : ""))]);
  });

  test("replaces the add-in's own report under the name it has now; never a user's sheet", () => {
    const ours = planCheckReport(result, {
      ...options,
      workbookSheets: ["Guide", "Check report", "Findings March"],
      names: { NPS_Sheet_checkReport: "'Findings March'!$A$1" },
    });
    expect([ours.sheetName, ours.replaces]).toEqual(["Findings March", "Findings March"]);
    const beside = planCheckReport(result, { ...options, workbookSheets: ["Guide", "check REPORT"] });
    expect([beside.sheetName, beside.replaces]).toEqual(["Check report (2)", null]);
    const gone = planCheckReport(result, {
      ...options,
      names: { NPS_Sheet_checkReport: "#REF!$A$1" },
    });
    expect([gone.sheetName, gone.replaces]).toEqual(["Check report", null]);
  });
});

describe("one plan, two writers: the .xlsx writer", () => {
  test("writes the report beside an assessment into a file the Open XML SDK validator accepts", async () => {
    const assessment = samplePlan();
    const report = planCheckReport(result, { ...options, workbookSheets: assessment.sheets.map((s) => s.name) });
    const bytes = await writePlanToBuffer(withReport(assessment, report.plan));
    const file = path.join(tempDir("nps-report-"), "with-report.xlsx");
    await writeFile(file, bytes);
    await expectWorkbookClean(file);

    const snapshot = await readSnapshotFromBuffer(bytes);
    const sheet = snapshot.sheets.find((s) => s.name === "Check report")!;
    const row = CHECK_REPORT_HEADER_ROW + 1;
    const column = (name: string) => REPORT_COLUMNS.findIndex((c) => c.header === name) + 1;
    expect(sheet.cells[cellAddress(row, column("Finding"))]).toEqual({ value: typed.message });
    expect(sheet.cells[cellAddress(row, column("Found"))]).toEqual({ value: "=1+1" });
    expect(sheet.cells[cellAddress(row, column("Behaviour"))]).toEqual({ value: "X-01 =Mission and strategy" });
    // The checker does not count the report as tampering: the same findings as without it.
    expect(check(snapshot)).toEqual(check(await readSnapshotFromBuffer(await writePlanToBuffer(assessment))));
  });
});

describe("the report as text (the pane's Copy)", () => {
  test("names the key area and the behaviour of a finding, under their own headers, one line a finding", () => {
    const [title, headers, first, second] = reportText(result, "Check of the NPS assessment").split("\n");
    expect(title).toBe(
      `Check of the NPS assessment: 1 error, 1 warning, 0 notes (checked against toolkit version ${toolkit.version})`,
    );
    expect(headers.split("\t")).toEqual(REPORT_COLUMNS.map((c) => c.header));
    const field = (line: string, name: string) => line.split("\t")[REPORT_COLUMNS.findIndex((c) => c.header === name)];
    expect(field(first, "Key area")).toBe("Leadership and how councillors and senior managers engage");
    expect(field(first, "Behaviour")).toBe("X-01 =Mission and strategy");
    expect(field(second, "Behaviour")).toBe("");
  });
});
