/**
 * The Summary's radar chart in the .xlsx file: valid, quoted references, kept by a LibreOffice
 * re-save, and drawn by LibreOffice from the recalculated cells (PDF, then pdftoppm).
 */
import { readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { sampleAnswers } from "../../src/core/answers/sample";
import { buildWorkbookPlan, type PlanOptions } from "../../src/core/plan/build-plan";
import type { Answers } from "../../src/core/plan/answer-types";
import type { ChartPlan, SheetPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { tempDir } from "../support/fixtures";
import { decodeXml, elements } from "../support/ooxml";
import { recalculate } from "../support/libreoffice";
import { countColour, renderSheets } from "../support/render";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { chartsOfPackage } from "./chart-package";
import { expectXlsxMatchesPlan } from "./xlsx-formats";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(): string {
  const dir = tempDir("nps-chart-");
  folders.push(dir);
  return dir;
}

async function written(answers: Answers, options: Partial<PlanOptions> = {}, name = "assessment.xlsx") {
  const plan = buildWorkbookPlan(toolkit, answers, { now, ...options });
  const summary = plan.sheets.find((s) => s.role === "summary") as SheetPlan;
  const file = path.join(folder(), name);
  writeFileSync(file, await writePlanToBuffer(plan));
  return { plan, summary, chart: (summary.charts ?? [])[0] as ChartPlan, file };
}

const refs = (sheet: string, chart: ChartPlan) =>
  chart.series.map((s) => [`${sheet}|${chart.categories}`, `${sheet}|${s.values}`]);

test("the chart's references quote the Summary's name, even one with an apostrophe, and the file is valid", async () => {
  const { summary, chart, file } = await written({ behaviours: {} }, { sheetNames: { summary: "It's Summary" } });
  const bytes = new Uint8Array(readFileSync(file));
  const xml = await (await JSZip.loadAsync(bytes)).file("xl/charts/chart1.xml")!.async("string");
  const formulas = elements(xml, "f").map((f) => decodeXml(f.inner));
  expect(formulas).toHaveLength(6);
  for (const formula of formulas) expect(formula).toMatch(/^'It''s Summary'!\$[A-D]\$\d+:\$[A-D]\$\d+$/);
  const [drawn] = (await chartsOfPackage(bytes))[summary.name];
  expect(drawn.type).toBe("radar");
  expect(drawn.series.map((s) => [s.categories, s.values])).toEqual(refs(summary.name, chart));
  expect(drawn.altDescription).toBe(chart.altText.description);
  await expectWorkbookClean(file);
});

test("the writer-versus-plan comparison sees the chart: a changed axis or a lost alt text fails it", async () => {
  const { plan, file } = await written(sampleAnswers(toolkit, "2026-04-01"));
  const bytes = new Uint8Array(readFileSync(file));
  await expectXlsxMatchesPlan(bytes, plan);
  const edited = async (part: string, from: string, to: string) => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file(part)!.async("string");
    expect(xml).toContain(from);
    zip.file(part, xml.replace(from, to));
    return zip.generateAsync({ type: "uint8array" });
  };
  const lowerMax = await edited("xl/charts/chart1.xml", '<c:max val="5"/>', '<c:max val="4"/>');
  await expect(expectXlsxMatchesPlan(lowerMax, plan)).rejects.toThrow();
  const noAltText = await edited("xl/drawings/drawing1.xml", ' descr="', ' data-descr="');
  await expect(expectXlsxMatchesPlan(noAltText, plan)).rejects.toThrow();
});

test("LibreOffice keeps the radar chart on re-save, still reading the Summary's chart data", async () => {
  const { summary, chart, file } = await written(sampleAnswers(toolkit, "2026-04-01"));
  const resaved = await recalculate(file, { outDir: folder() });
  const charts = await chartsOfPackage(new Uint8Array(readFileSync(resaved)));
  expect(Object.keys(charts)).toEqual([summary.name]);
  const [kept] = charts[summary.name];
  expect(kept.type).toBe("radar");
  expect(kept.series.map((s) => [s.categories, s.values])).toEqual(refs(summary.name, chart));
  expect(kept.axis).toBe(`${chart.axis.min}..${chart.axis.max} step ${chart.axis.majorUnit}`);
}, 180_000);

/** The sample answers, with last year's current level one below this year's for every behaviour that has one. */
function withPrevious(answers: Answers): Answers {
  const behaviours = Object.fromEntries(
    Object.entries(answers.behaviours)
      .filter(([, answer]) => answer.current)
      .map(([id, answer]) => [
        id,
        { current: toolkit.levels[Math.max(0, toolkit.levels.indexOf(answer.current!) - 1)] },
      ]),
  );
  return {
    ...answers,
    previous: { source: { file: "last.xlsx", assessmentDate: "2025-04-01", answersFingerprint: "" }, behaviours },
  };
}

test("LibreOffice draws the chart from the recalculated cells: all three lines appear once levels are picked", async () => {
  const blank = await written({ behaviours: {} }, {}, "blank.xlsx");
  const answered = await written(withPrevious(sampleAnswers(toolkit, "2026-04-01")), {}, "answered.xlsx");
  const title = String(blank.summary.blocks[0].cells[0][0]);
  const [before, after] = await renderSheets([blank.file, answered.file], title, folder(), { dpi: 72 });
  for (const series of answered.chart.series) {
    const unanswered = countColour(before.image, series.color);
    const drawn = countColour(after.image, series.color);
    // Without answers only the legend's key shows the colour; with them the line and its markers do.
    expect({ series: series.name, unanswered: unanswered > 0 }).toEqual({ series: series.name, unanswered: true });
    expect({ series: series.name, drawn: drawn > 5 * unanswered }).toEqual({ series: series.name, drawn: true });
  }
}, 240_000);
