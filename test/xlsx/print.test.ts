/**
 * The workbook on paper: every generated sheet set up for A4 or A3 with its body text at least 7 pt
 * once fitted to the page width, computed from the file as Excel prints it (its paper, orientation,
 * margins, print area and column widths); then printed by LibreOffice to PDF (its print settings
 * honoured, not one page a sheet) and read back with pdftotext: each sheet on the paper the file
 * asks for, one page wide, the header repeated only over its own table, nothing of Data cut off.
 *
 * The text size is Excel's, not LibreOffice's: without Calibri (or its metric twin Carlito) installed,
 * LibreOffice draws Calibri as DejaVu Sans, a third wider, and so fits the same columns smaller.
 */
import ExcelJS from "exceljs";
import { rmSync, writeFileSync } from "fs";
import * as path from "path";
import { sampleAnswers } from "../../src/core/answers/sample";
import type { Answers } from "../../src/core/plan/answer-types";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { DATA } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { tempDir } from "../support/fixtures";
import { convertWithLibreOffice } from "../support/libreoffice";
import { runBounded } from "../support/process";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { loadWithExcelJs } from "../support/exceljs-load";
import { readFile as readFileBytes } from "fs/promises";

const toolkit = canonicalToolkit();
const area = toolkit.themes[0].keyAreas[0];
const LONG_EVIDENCE =
  "Procurement Board minutes of 14 May 2025, item 7, with the contract register, the forward plan and the annual report, ending here: zanzibar";

/** Paper in points, portrait, by the file format's paperSize code (ECMA-376 Part 1, 18.3.1.63). */
const PAPER: Record<number, { name: string; width: number; height: number }> = {
  9: { name: "A4", width: 595.3, height: 841.9 },
  8: { name: "A3", width: 841.9, height: 1190.6 },
};

/** Excel's width of a column of w characters in Calibri 11: w × 7 pixels, rounded, at 0.75 points a pixel. */
const excelPoints = (characters: number) => Math.round(characters * 7) * 0.75;

/** The body text (11 pt) as Excel prints the sheet: fitted to one page wide, never enlarged. */
function printedTextPoints(sheet: ExcelJS.Worksheet): { paper: string; points: number } {
  const setup = sheet.pageSetup;
  const paper = PAPER[setup.paperSize ?? 0];
  if (!paper) throw new Error(`${sheet.name}: no A4 or A3 paper size (${String(setup.paperSize)})`);
  expect(setup.fitToPage && setup.fitToWidth === 1 && setup.fitToHeight === 0).toBe(true);
  const margins = setup.margins ?? { left: 0.7, right: 0.7 };
  const pageWidth = setup.orientation === "landscape" ? paper.height : paper.width;
  const printable = pageWidth - (margins.left + margins.right) * 72;
  let width = 0;
  for (let column = 1; column <= sheet.columnCount; column++)
    width += excelPoints(sheet.getColumn(column).width ?? 8.43);
  return { paper: paper.name, points: 11 * Math.min(1, printable / width) };
}

interface PdfPage {
  width: number;
  height: number;
  /** The page's words, top to bottom and left to right as pdftotext gives them. */
  words: { text: string; xMax: number; yMin: number }[];
}

/** Every page of a PDF with its words (pdftotext -bbox). */
async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const result = await runBounded("pdftotext", ["-bbox", pdf, "-"], 60_000);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout
    .split("<page ")
    .slice(1)
    .map((page) => {
      const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
      const words = [...page.matchAll(/xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g)].map(
        ([, yMin, xMax, text]) => ({ text: decode(text), xMax: Number(xMax), yMin: Number(yMin) }),
      );
      return { width: Number(width), height: Number(height), words };
    });
}

const decode = (text: string) =>
  text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
const textOf = (page: PdfPage) => page.words.map((w) => w.text).join(" ");
/** The words of the page's first printed line. */
const firstLine = (page: PdfPage) => {
  const top = Math.min(...page.words.map((w) => w.yMin));
  return page.words.filter((w) => w.yMin < top + 2).map((w) => w.text);
};

let dir: string;
let plan: ReturnType<typeof buildWorkbookPlan>;
let file: string;
let pages: PdfPage[];

beforeAll(async () => {
  dir = tempDir("nps-print-");
  const answers: Answers = { ...sampleAnswers(toolkit, "2026-03-01"), council: "Anytown" };
  answers.behaviours[area.behaviours[0].id] = { current: "Mature", evidence: LONG_EVIDENCE };
  plan = buildWorkbookPlan(toolkit, answers, { now: new Date("2026-11-25T09:00:00Z") });
  file = path.join(dir, "assessment.xlsx");
  writeFileSync(file, await writePlanToBuffer(plan));
  pages = await pdfPages(await convertWithLibreOffice(file, "pdf", "pdf", { outDir: path.join(dir, "pdf") }));
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pages a sheet prints on: from the one whose first line starts with `title` to the one before `next`'s. */
function pagesOf(title: string, next?: string): PdfPage[] {
  const starts = (page: PdfPage, text: string) => firstLine(page).join(" ").startsWith(text);
  const start = pages.findIndex((page) => starts(page, title));
  const end = next ? pages.findIndex((page, i) => i > start && starts(page, next)) : pages.length;
  expect(start).toBeGreaterThanOrEqual(0);
  return pages.slice(start, end < 0 ? pages.length : end);
}

test("every generated sheet is set up for A4 or A3 with its body text at least 7 pt on paper, and the file is valid", async () => {
  await expectWorkbookClean(file);
  const workbook = await loadWithExcelJs(new Uint8Array(await readFileBytes(file)));
  const printed = workbook.worksheets
    .filter((sheet) => sheet.state === "visible")
    .map((sheet) => ({ sheet: sheet.name, ...printedTextPoints(sheet) }));
  expect(printed).toHaveLength(plan.sheets.filter((s) => s.visibility === "visible").length);
  for (const { sheet, points } of printed) expect({ sheet, readable: points >= 7 }).toEqual({ sheet, readable: true });
  const paperOf = (name: string) => printed.find((p) => p.sheet === name)!.paper;
  // The wide grids need A3; the rest fit A4.
  expect([area.sheetName, "Data"].map(paperOf)).toEqual(["A3", "A3"]);
  expect(["Guide", "Summary", "Gaps"].map(paperOf)).toEqual(["A4", "A4", "A4"]);
  const margins = (name: string) => workbook.getWorksheet(name)!.pageSetup.margins;
  expect(margins(area.sheetName)).toMatchObject({ left: 0.25, right: 0.25 });
  expect(margins("Gaps")).toMatchObject({ left: 0.25, right: 0.25 });
  expect(margins("Summary")).toMatchObject({ left: 0.7, right: 0.7 });
});

test("printed by LibreOffice, a key area is on A3 landscape, one page wide, its header over every page", () => {
  const next = toolkit.themes[0].keyAreas[1].name;
  const sheetPages = pagesOf(area.name, next);
  for (const page of sheetPages) {
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([1191, 842]);
    // Every column on the page, the last (Gap) too, and nothing beyond the right edge.
    expect(textOf(page)).toMatch(/Review date.*Gap/);
    for (const word of page.words) expect(word.xMax).toBeLessThanOrEqual(page.width);
  }
  // Continued pages start with the grid's own header row.
  for (const page of sheetPages.slice(1)) expect(firstLine(page).slice(0, 2)).toEqual(["ID", "High"]);
  expect(textOf(sheetPages[0]).replace(/\s+/g, " ")).toContain(LONG_EVIDENCE);
});

test("Summary's main header is printed only over its own table, not over the chart's table on a later page", () => {
  const summaryPages = pagesOf("Summary of the self-assessment", "Gaps");
  expect(summaryPages.length).toBeGreaterThanOrEqual(1);
  // "Weakest" heads one column of the main table only (its header wraps, so its words are looked for one by one).
  expect(textOf(summaryPages[0])).toContain("Weakest");
  for (const page of summaryPages.slice(1)) expect(textOf(page)).not.toContain("Weakest");
  for (const page of summaryPages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
});

test("Data on A3 with every header and every toolkit text whole: wrapped, not cut off by the next cell", () => {
  const dataPages = pages.filter((page) => firstLine(page).includes(DATA.headers[0]));
  expect(dataPages.length).toBeGreaterThanOrEqual(1);
  const text = dataPages.map(textOf).join(" ").replace(/\s+/g, " ");
  for (const header of DATA.headers) for (const word of header.split(" ")) expect(text).toContain(word);
  const longest = toolkit.themes
    .flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.name)))
    .reduce((a, b) => (b.length > a.length ? b : a));
  // Wrapped over lines, a name's words come back in reading order with the cells beside it: each must be there.
  for (const word of longest.split(/\s+/)) expect(text).toContain(word);
  for (const page of dataPages) {
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([1191, 842]);
    // One page wide: nothing beyond the right margin.
    for (const word of page.words) expect(word.xMax).toBeLessThanOrEqual(page.width);
  }
});
