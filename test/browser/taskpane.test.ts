/**
 * The built task pane in headless Chromium (Debian's, never a downloaded one), as a user whose IT
 * blocks office.js sees it: the page must notice it is not in Excel, let a keyboard-only user
 * download a workbook that passes the command line's checks, and pass an axe-core scan in light and
 * dark colour schemes, and it measures the initial JavaScript. (The README's pictures are made by
 * `npm run docs:pictures`, not by tests: a test run changes nothing in the repository.)
 *
 * NPS_TASKPANE_DIST=<folder> reuses an existing production build instead of building one.
 */
import { execFile } from "child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "fs";
import type { Server } from "http";
import * as path from "path";
import { promisify } from "util";
import { gzipSync } from "zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { animationsFinished, launchChromium, openPaneContext, serveStatic } from "../support/chromium";
import { tempDir } from "../support/fixtures";
import { findErrorValues, readComputed, recalculate } from "../support/libreoffice";
import { expectWorkbookClean } from "../support/xlsx-checks";

const REPO = path.resolve(__dirname, "../..");
const INITIAL_JS_BUDGET_BYTES = 350 * 1024;
const COUNCIL = "Anytown Borough Council";
// A fixed date keeps the file name the same from run to run.
const ASSESSMENT_DATE = "2025-03-31";

let dist: string;
let builtHere = false;
let server: Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  builtHere = !process.env.NPS_TASKPANE_DIST;
  dist = process.env.NPS_TASKPANE_DIST ?? (await buildProductionBundle());
  ({ server, baseUrl } = await serveStatic(dist));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
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

  it("runs standalone, downloads a clean workbook by keyboard alone, and passes axe in light and dark", async () => {
    const context = await openPaneContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });

    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByText("Not running inside Excel.").waitFor({ timeout: 20_000 });
    await expect(page.locator("main").innerText()).resolves.toMatch(/office\.js is not available/);
    expect(await page.title()).toBe("NPS self-assessment");
    expect(await page.getAttribute("html", "lang")).toBe("en-GB");
    await expectNoSeriousAxeViolations(page, "light, on opening");

    // Keyboard only: Tab to the council field, type, Tab to the date, type it, Enter submits.
    await tabUntilFocused(page, 'input[name="council"]');
    await page.keyboard.type(COUNCIL);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe("assessmentDate");
    await typeDateByKeyboard(page, ASSESSMENT_DATE);
    const scriptsBeforeDownload = [...scripts];
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await page.getByText("Workbook downloaded.").waitFor();

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
    await context.close();

    await expectWorkbookClean(file);
    const computed = await readComputed(await recalculate(file));
    expect(findErrorValues(computed)).toEqual([]);
    const values = Object.values(computed).flatMap((sheet) => Object.values(sheet));
    expect(values).toContain(COUNCIL);
  });

  it("explains empty fields beside them, and passes axe with the errors shown, in dark", async () => {
    const context = await openPaneContext(browser, "dark");
    const page = await context.newPage();
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByText("Not running inside Excel.").waitFor({ timeout: 20_000 });
    await expectDarkTheme(page);
    await tabUntilFocused(page, 'input[name="council"]');
    await page.keyboard.press("Enter");
    await page.getByText("Enter your council's name.").waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe("council");
    await expectNoSeriousAxeViolations(page, "dark, with a validation error");
    await context.close();
  });
});

async function tabUntilFocused(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Types into the focused date field as a keyboard user would. The field's segment order follows the
 * browser's own locale (en-US order where no locale is installed), so it is found first on a scratch page.
 */
async function typeDateByKeyboard(page: Page, isoDate: string): Promise<void> {
  const keys = await dateKeystrokes(page.context(), isoDate);
  await page.keyboard.type(keys);
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(isoDate);
}

async function dateKeystrokes(context: BrowserContext, isoDate: string): Promise<string> {
  const [year, month, day] = isoDate.split("-");
  const candidates = [`${day}${month}${year}`, `${month}${day}${year}`, `${year}${month}${day}`];
  const scratch = await context.newPage();
  try {
    for (const keys of candidates) {
      await scratch.setContent('<input type="date" aria-label="Scratch date">');
      await scratch.focus("input");
      await scratch.keyboard.type(keys);
      if ((await scratch.inputValue("input")) === isoDate) return keys;
    }
  } finally {
    await scratch.close();
  }
  throw new Error("Could not find the date field's segment order in this Chromium");
}

async function expectDarkTheme(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    const background = main ? getComputedStyle(main.parentElement!).backgroundColor : "";
    const [r, g, b] = (background.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    return r + g + b < 200;
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function expectNoSeriousAxeViolations(page: Page, when: string): Promise<void> {
  await animationsFinished(page);
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const results = await axe.run(document);
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
  // Serious and critical violations fail the test (and jest prints them); lesser ones are only reported, in one line.
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const lesser = violations.filter((v) => !serious.includes(v));
  if (lesser.length > 0)
    process.stdout.write(`axe (${when}): ${lesser.map((v) => `${v.impact} ${v.id}`).join(", ")}\n`);
  expect(serious).toEqual([]);
}

/** Script files the page loads before any user action: every local <script src> in the built page. */
function localScriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((match) => match[1]);
  return sources.filter((src) => !/^(https?:)?\/\//i.test(src)).map((src) => src.replace(/^\.?\//, ""));
}

async function buildProductionBundle(): Promise<string> {
  const out = tempDir("nps-taskpane-dist-");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [REPO] });
  await promisify(execFile)(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
    cwd: REPO,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 540_000,
  });
  if (!existsSync(path.join(out, "taskpane.html"))) {
    throw new Error(`webpack produced no taskpane.html in ${out}: ${readdirSync(out).join(", ")}`);
  }
  return out;
}
