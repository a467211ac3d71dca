/**
 * The built task pane in headless Chromium (Debian's, never a downloaded one), as a user whose IT
 * blocks office.js sees it: the page must notice it is not in Excel, let a keyboard-only user
 * download a workbook that passes the command line's checks, check a tampered workbook chosen through
 * the file input and download its repaired copy, and pass axe-core scans in light and dark colour
 * schemes, and it measures the initial JavaScript. (The README's pictures are made by
 * `npm run docs:pictures`, not by tests: a test run changes nothing in the repository.)
 *
 * NPS_TASKPANE_DIST=<folder> reuses an existing production build instead of building one
 * (test/support/pane-build.ts, as `npm run build` makes it).
 */
import { readFileSync, rmSync, utimesSync, writeFileSync } from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import type { Page } from "playwright-core";
import { servePane, type ServedPane } from "../support/chromium";
import {
  expectFitsTwoScreens,
  expectFocusOn,
  expectNoSeriousAxeViolations,
  openTask,
  tabToButton,
  tabUntilFocused,
} from "../support/pane-page";
import { tempDir } from "../support/fixtures";
import { buildPane } from "../support/pane-build";
import { findErrorValues, readComputed, recalculate } from "../support/libreoffice";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { locatePlanCell } from "../../src/core/plan/locate";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { parseCell } from "../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { check, errorsAndWarnings, planWith } from "../core/check/fixtures";
import { answersOf, returnPlan, writeReturn } from "../core/consolidate/fixtures";
import { THREE } from "../core/moderate/fixtures";

// Issue 15: the first script a council network fetches stays within 160 KB gzipped (the task views load on first use).
const INITIAL_JS_BUDGET_BYTES = 160 * 1024;
const COUNCIL = "Anytown Borough Council";
// A fixed date keeps the file name the same from run to run; typed as officers type it.
const ASSESSMENT_DATE = "2025-03-31";
const TYPED_DATE = "31/03/2025";

let dist: string;
let builtHere = false;
let pane: ServedPane;

beforeAll(async () => {
  builtHere = !process.env.NPS_TASKPANE_DIST;
  dist = process.env.NPS_TASKPANE_DIST ?? (await buildPane(tempDir("nps-taskpane-dist-")));
  pane = await servePane(dist);
}, 600_000);

afterAll(async () => {
  await pane?.close();
  if (builtHere && dist) rmSync(dist, { recursive: true, force: true });
});

describe("the task pane outside Excel", () => {
  it("keeps the initial JavaScript within budget, with ExcelJS left to a lazy chunk", () => {
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const initialScripts = localScriptSources(html);
    expect(initialScripts.length).toBeGreaterThan(0);
    const gzipped = initialScripts.map((src) => gzipSync(readFileSync(path.join(dist, src)), { level: 9 }).length);
    const total = gzipped.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
    expect(initialScripts.some((src) => /exceljs/i.test(src))).toBe(false);
  });

  it("journey: runs standalone, downloads a clean workbook by keyboard alone, and passes axe in light and dark", async () => {
    const scripts: string[] = [];
    const { page, errors: pageErrors } = await pane.open("", { beforeLoad: scriptsLoaded(scripts) });
    await page.getByText("Excel is not connected.").waitFor({ timeout: 20_000 });
    const words = await page.locator("main").innerText();
    expect(words).toMatch(/open in a web browser, not in Excel/);
    expect(words).not.toMatch(/office\.js/i);
    // office.js is no script of the page's own: it is added without blocking the page.
    expect(readFileSync(path.join(dist, "taskpane.html"), "utf8")).not.toMatch(/appsforoffice/);
    expect(await page.title()).toBe("NPS self-assessment");
    expect(await page.getAttribute("html", "lang")).toBe("en-GB");
    await expectNoSeriousAxeViolations(page, "light, on opening");
    await expectFitsTwoScreens(page, "the new workbook, on opening");

    // Keyboard only: Tab to the council field, type, Tab to the date, type it as dd/mm/yyyy, Enter submits.
    await tabUntilFocused(page, 'input[name="council"]', 20);
    await page.keyboard.type(COUNCIL);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe("assessmentDate");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(TYPED_DATE);
    await page.getByText("Monday 31 March 2025").waitFor();
    const scriptsBeforeDownload = [...scripts];
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await page.getByText("Workbook downloaded.").waitFor();
    await expectFocusOn(page, "action-message");
    await expectFitsTwoScreens(page, "after the download");

    expect(scriptsBeforeDownload.some((script) => /exceljs/.test(script))).toBe(false);
    expect(scripts.some((script) => /exceljs/.test(script))).toBe(true);
    expect(download.suggestedFilename()).toBe(`NPS assessment - ${COUNCIL} - ${ASSESSMENT_DATE}.xlsx`);
    const file = path.join(tempDir("nps-browser-"), download.suggestedFilename());
    await download.saveAs(file);

    await expectNoSeriousAxeViolations(page, "light, after the download");
    await page.emulateMedia({ colorScheme: "dark" });
    await expectDarkTheme(page);
    await expectNoSeriousAxeViolations(page, "dark, after the download");

    expect(pageErrors).toEqual([]);
    await page.context().close();

    await expectWorkbookClean(file);
    const computed = await readComputed(await recalculate(file));
    expect(findErrorValues(computed)).toEqual([]);
    const values = Object.values(computed).flatMap((sheet) => Object.values(sheet));
    expect(values).toContain(COUNCIL);
  });

  it("shows and takes dd/mm/yyyy on an American (en-US) browser, with the date in words beside it", async () => {
    const { page, errors: pageErrors } = await pane.open("", { locale: "en-US" });
    await page.getByText("Excel is not connected.").waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");
    const date = page.getByLabel("Assessment date");
    await expect(date.inputValue()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await page.getByLabel("Council name").fill(COUNCIL);
    await date.fill("06/12/2026");
    await page.getByText("Sunday 6 December 2026").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download a new assessment workbook" }).click(),
    ]);
    // 6 December, not 12 June.
    expect(download.suggestedFilename()).toBe(`NPS assessment - ${COUNCIL} - 2026-12-06.xlsx`);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("explains empty fields beside them, and passes axe with the errors shown, in dark", async () => {
    const { page } = await pane.open("", { colorScheme: "dark" });
    await page.getByText("Excel is not connected.").waitFor({ timeout: 20_000 });
    await expectDarkTheme(page);
    await tabUntilFocused(page, 'input[name="council"]', 20);
    await page.keyboard.press("Enter");
    await page.getByText("Enter your council's name.").waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe("council");
    await expectNoSeriousAxeViolations(page, "dark, with a validation error");
    await page.context().close();
  });
});

describe("checking a workbook on the standalone page", () => {
  it("journey: checks a tampered workbook chosen by keyboard, shows the changed words, and downloads a clean repaired copy", async () => {
    const tampered = await tamperedWorkbook();
    const scripts: string[] = [];
    const { page, errors: pageErrors } = await pane.open("", { beforeLoad: scriptsLoaded(scripts) });
    await page.getByText("Excel is not connected.").waitFor({ timeout: 20_000 });
    await openTask(page, "Check a file");
    await page.getByRole("heading", { name: "Check a workbook" }).waitFor({ timeout: 20_000 });
    const scriptsBeforeChoosing = [...scripts];

    // Keyboard only: Tab to the file input (a real one, with its label) and open it with Space.
    await tabUntilFocused(page, 'input[type="file"]', 20);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe(
      "Workbook to check (.xlsx)",
    );
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
    await chooser.setFiles(tampered.file);

    await page.getByText(`Check finished for “${path.basename(tampered.file)}”.`).waitFor({ timeout: 60_000 });
    await expectFocusOn(page, "check-summary");
    // The reader came with the choice of file, not with the page.
    expect(scriptsBeforeChoosing.some((script) => /exceljs/.test(script))).toBe(false);
    expect(scripts.some((script) => /exceljs/.test(script))).toBe(true);

    const errorsSection = page.getByRole("region", { name: "Errors" });
    await expect(errorsSection.getByRole("heading", { level: 4 }).innerText()).resolves.toBe("Errors (1)");
    await expect(errorsSection.getByRole("heading", { level: 5 }).innerText()).resolves.toBe(`${tampered.sheet} (1)`);
    const finding = errorsSection.getByRole("listitem");
    const shown = await finding.innerText();
    expect(shown).toMatch(new RegExp(`Key area\\s+${tampered.sheet}`));
    expect(shown).toMatch(new RegExp(`Cell\\s+${tampered.cell}\\b`));
    // The words added, marked, not two paragraphs to compare by eye.
    await expect(finding.locator("ins").innerText()).resolves.toContain("(as agreed locally)");
    expect(shown).toContain("The repaired copy fixes this.");
    await expect(page.getByRole("button", { name: /Go to cell/ }).count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(page, "light, the findings of a chosen file");
    await expectFitsTwoScreens(page, "the findings of a chosen file, one error");

    // From what the check found, Tab reaches the download of a repaired copy.
    await tabToButton(page, "Download a repaired copy", 10);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await page.getByText("Repaired copy downloaded.").waitFor();
    await expectFocusOn(page, "check-repaired-copy");
    await expectFitsTwoScreens(page, "after the repaired copy");
    const repaired = path.join(tempDir("nps-browser-"), download.suggestedFilename());
    await download.saveAs(repaired);
    expect(errorsAndWarnings(check(await readSnapshotFromBuffer(new Uint8Array(readFileSync(repaired)))))).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectDarkTheme(page);
    await expectNoSeriousAxeViolations(page, "dark, after the repaired copy");
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe("consolidating returns on the standalone page", () => {
  it("journey: consolidates a messy folder, the left-out files first, and downloads a group workbook the reader reads back", async () => {
    const folder = tempDir("nps-browser-");
    const files = await Promise.all(
      ["Anytown", "Otherton"].map((council) =>
        writeReturn(
          folder,
          `${council}.xlsx`,
          returnPlan(answersOf(council, "2026-03-01", { "SL-ECSM-01": "Mature" })),
        ),
      ),
    );
    const notes = path.join(folder, "notes.xlsx");
    writeFileSync(notes, "not a workbook");
    const empty = path.join(folder, "empty.xlsx");
    writeFileSync(empty, "");
    // The same council's return again, saved earlier: a duplicate.
    const again = path.join(folder, "Anytown (old).xlsx");
    writeFileSync(again, readFileSync(files[0]));
    const earlier = new Date("2026-03-02T09:00:00Z");
    utimesSync(again, earlier, earlier);
    const { page, errors: pageErrors } = await pane.open();
    await page.getByText("Excel is not connected.").waitFor({ timeout: 20_000 });
    await openTask(page, "Consolidate");
    await page.getByRole("heading", { name: "Consolidate returns" }).waitFor({ timeout: 20_000 });

    await page.getByLabel("Returned workbooks (.xlsx)").setInputFiles([again, ...files, notes, empty]);
    await page.getByRole("button", { name: "Consolidate 5 files" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByText("Group workbook downloaded. 3 files left out.").waitFor({ timeout: 60_000 }),
    ]);
    await expectFocusOn(page, "consolidate-result");
    await expect(page.locator("#consolidate-result").getAttribute("data-intent")).resolves.toBe("warning");
    const lines = await page.getByRole("list", { name: "Files consolidated" }).getByRole("listitem").allInnerTexts();
    const oneLine = lines.map((line) => line.replace(/\s+/g, " "));
    expect(oneLine).toEqual([
      expect.stringMatching(/^Anytown \(old\)\.xlsx Left out Anytown A duplicate of Anytown\.xlsx/),
      expect.stringMatching(/^notes\.xlsx Left out Could not be read\./),
      expect.stringMatching(/^empty\.xlsx Left out Could not be read\. The file is empty/),
      // "Used instead of" reads on into the file it replaced; the council comes last.
      expect.stringMatching(/^Anytown\.xlsx Used instead of Anytown \(old\)\.xlsx \(the same council .* Anytown$/),
      "Otherton.xlsx Used Otherton",
    ]);
    expect(oneLine.join(" ")).not.toMatch(/Left out\W+Left out/);
    await expectNoSeriousAxeViolations(page, "light, after consolidating a messy folder");
    await expectFitsTwoScreens(page, "after consolidating a messy folder");
    const saved = path.join(folder, download.suggestedFilename());
    await download.saveAs(saved);
    const snapshot = await readSnapshotFromBuffer(new Uint8Array(readFileSync(saved)));
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual([
      "Group Summary",
      "Group Data",
      "Group Actions",
      "Consolidation Log",
    ]);
    await expectNoSeriousAxeViolations(page, "light, after consolidating");
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe("moderating returns on the standalone page", () => {
  it("journey at 350×700: three respondents' returns chosen, the moderated workbook downloaded, focus on the message, axe clean", async () => {
    const folder = tempDir("nps-browser-");
    const files: string[] = [];
    for (const [i, answers] of THREE.entries())
      files.push(await writeReturn(folder, `R${i + 1}.xlsx`, returnPlan(answers)));
    const scripts: string[] = [];
    const { page, errors: pageErrors } = await pane.open("", { beforeLoad: scriptsLoaded(scripts) });
    expect(page.viewportSize()).toEqual({ width: 350, height: 700 });
    await page.getByText("Excel is not connected.").waitFor({ timeout: 20_000 });
    await openTask(page, "Moderate");
    await page.getByRole("heading", { name: "Moderate returns" }).waitFor({ timeout: 20_000 });
    await expectNoSeriousAxeViolations(page, "light, Moderate returns before choosing");
    await page.getByLabel("Respondents' returns (.xlsx)").setInputFiles(files);
    const beforeModerating = [...scripts];
    await page.getByRole("button", { name: "Download the moderated workbook" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByText("Moderated workbook downloaded.", { exact: true }).waitFor({ timeout: 60_000 }),
    ]);
    // The moderation (the reader, the checker, the writer) arrived only when asked for.
    expect(beforeModerating.some((script) => /exceljs/.test(script))).toBe(false);
    expect(scripts.some((script) => /exceljs/.test(script))).toBe(true);
    await expectFocusOn(page, "moderate-result");
    const lines = await page.getByRole("list", { name: "Returns moderated" }).getByRole("listitem").allInnerTexts();
    expect(lines.map((line) => line.replace(/\s+/g, " "))).toEqual([
      "R1.xlsx Used Anytown Council The levels and evidence of Alice Smith (Head of Procurement).",
      "R2.xlsx Used Anytown Council The levels and evidence of Bob Jones (Finance).",
      "R3.xlsx Used Anytown Council The levels and evidence of Carol White (Legal).",
    ]);
    await expectNoSeriousAxeViolations(page, "light, after moderating");
    await expectFitsTwoScreens(page, "after moderating");
    const saved = path.join(folder, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/^NPS moderated return - Anytown Council - \d{4}-\d{2}-\d{2}\.xlsx$/);
    const snapshot = await readSnapshotFromBuffer(new Uint8Array(readFileSync(saved)));
    expect(snapshot.sheets.map((sheet) => sheet.name)).toContain("Moderation");
    expect(check(snapshot).filter((f) => f.severity === "error")).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

/** A generated workbook (no answers yet) with one descriptor edited, as a colleague might send it back. */
async function tamperedWorkbook(): Promise<{ file: string; sheet: string; cell: string; found: string }> {
  const plan = planWith();
  const areaPlan = plan.sheets.find((sheet) => sheet.role === "keyArea")!;
  const cell = "D9";
  const { row, column } = parseCell(cell);
  const located = locatePlanCell(areaPlan, row, column)!;
  const found = `${String(located.line[located.index])} (as agreed locally)`;
  located.line[located.index] = found;
  const file = path.join(tempDir("nps-browser-"), "Anytown return.xlsx");
  writeFileSync(file, await writePlanToBuffer(plan));
  return { file, sheet: areaPlan.name, cell, found };
}

async function expectDarkTheme(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    const background = main ? getComputedStyle(main.parentElement!).backgroundColor : "";
    const [r, g, b] = (background.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    return r + g + b < 200;
  });
}

/** Records the path of every script the page requests in `scripts`, from its first request. */
const scriptsLoaded = (scripts: string[]) => (page: Page) =>
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });

/** Script files the page loads before any user action: every local <script src> in the built page. */
function localScriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((match) => match[1]);
  return sources.filter((src) => !/^(https?:)?\/\//i.test(src)).map((src) => src.replace(/^\.?\//, ""));
}

describe("starting next year's assessment on the standalone page", () => {
  it("journey: chooses last year's workbook, downloads next year's with last year's levels in the Previous columns, focus on what happened", async () => {
    const toolkit = canonicalToolkit();
    const [first] = toolkit.themes[0].keyAreas[0].behaviours;
    const lastYear = path.join(tempDir("nps-browser-"), "Anytown 2025.xlsx");
    const answers = {
      council: COUNCIL,
      assessmentDate: ASSESSMENT_DATE,
      behaviours: { [first.id]: { current: "Developing", target: "Mature", evidence: "Board minutes" } },
    };
    writeFileSync(lastYear, await writePlanToBuffer(buildWorkbookPlan(toolkit, answers, { now: new Date() })));
    const scripts: string[] = [];
    const { page, errors: pageErrors } = await pane.open("", { beforeLoad: scriptsLoaded(scripts) });
    await page.getByText("Excel is not connected.").waitFor({ timeout: 20_000 });
    await page.getByRole("heading", { name: "Start next year's assessment" }).waitFor();
    await expectFitsTwoScreens(page, "the new workbook with next year's section folded");
    // Keyboard: Tab to the section's button and unfold it with Enter; focus lands on its first field, the file.
    await tabToButton(page, "Start next year's assessment…", 30);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === "file");

    // The file input has its label; the file is given to it as the consolidation's journey gives its files.
    const input = page.getByLabel("Last year's workbook (.xlsx)");
    await input.setInputFiles(lastYear);
    await input.focus();
    // Then keyboard only: the date, the first option, and Enter on the button.
    await tabUntilFocused(page, 'input[name="nextAssessmentDate"]', 5);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("31/03/2026");
    await page.getByText("Tuesday 31 March 2026").waitFor();
    await tabUntilFocused(page, 'input[name="carryLevels"]', 5);
    await page.keyboard.press("Space");
    const scriptsBeforeStarting = [...scripts];
    await tabToButton(page, "Start next year's assessment", 5);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.keyboard.press("Enter"),
    ]);
    await page.getByText("Next year's assessment downloaded.").waitFor({ timeout: 60_000 });
    await expectFocusOn(page, "action-message");
    await expect(page.locator("#action-message").innerText()).resolves.toMatch(
      /Started from Anytown 2025\.xlsx: 1 behaviour's answer shown in the Previous columns, and their levels picked again/,
    );
    // The maker and its writer came with the click, not with the page.
    expect(scriptsBeforeStarting.some((script) => /exceljs/.test(script))).toBe(false);
    expect(scripts.some((script) => /exceljs/.test(script))).toBe(true);
    await expectFitsTwoScreens(page, "after next year's download");
    await expectNoSeriousAxeViolations(page, "light, after next year's download");

    expect(download.suggestedFilename()).toBe(`NPS assessment - ${COUNCIL} - 2026-03-31.xlsx`);
    const saved = path.join(tempDir("nps-browser-"), download.suggestedFilename());
    await download.saveAs(saved);
    const found = readAssessment(await readSnapshotFromBuffer(new Uint8Array(readFileSync(saved))), toolkit)!;
    expect(found.answers.council).toBe(COUNCIL);
    expect(found.answers.previous?.source).toMatchObject({
      file: "Anytown 2025.xlsx",
      assessmentDate: ASSESSMENT_DATE,
    });
    expect(found.answers.previous?.behaviours[first.id]).toEqual({
      current: "Developing",
      target: "Mature",
      evidence: "Board minutes",
    });
    expect(found.answers.behaviours[first.id]).toMatchObject({ current: "Developing", target: "Mature" });
    await expectWorkbookClean(saved);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
