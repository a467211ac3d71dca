/**
 * The pane in Excel, in headless Chromium: the real pane and the real Office.js host over the
 * in-memory Excel fake (test/pictures/pane-harness.tsx, built by webpack as for the pictures). A
 * workbook with one descriptor edited by hand is checked, its cell selected, the assessment repaired
 * and checked again, and the report added as a sheet, by keyboard, with axe scans of the results.
 */
import { rmSync } from "fs";
import type { Server } from "http";
import type { Browser, Page } from "playwright-core";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { launchChromium, openPaneContext, serveStatic } from "../support/chromium";
import { tempDir } from "../support/fixtures";
import { expectNoSeriousAxeViolations, tabToButton } from "../support/pane-page";
import { buildHarness } from "../pictures/harness-build";
import { TAMPERED_CELL, TAMPERED_SUFFIX } from "../pictures/scenarios";

const AREA = canonicalToolkit().themes[0].keyAreas[0].sheetName;

let dist: string;
let server: Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  dist = await buildHarness(tempDir("nps-pane-harness-"));
  ({ server, baseUrl } = await serveStatic(dist));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** What the in-memory Excel behind the pane holds now. */
const activeSheet = (page: Page) =>
  page.evaluate(() => (window as unknown as { paneFake: { activeSheetName(): string } }).paneFake.activeSheetName());

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

async function openOnTamperedWorkbook(theme: "light" | "dark" = "light"): Promise<{ page: Page; errors: string[] }> {
  const context = await openPaneContext(browser, theme);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${baseUrl}/taskpane.html?scenario=check&theme=${theme}`);
  await page.getByText("When the pane opened, the check of this workbook found:").waitFor({ timeout: 60_000 });
  return { page, errors };
}

async function checkByKeyboard(page: Page): Promise<void> {
  await tabToButton(page, "Check");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Findings" }).waitFor({ timeout: 60_000 });
  // Focus lands on the results, so the next Tab goes through them.
  await page.waitForFunction(() => document.activeElement?.id === "check-results-heading");
}

describe("the pane in Excel (the in-memory fake)", () => {
  it("checks, goes to the tampered cell, repairs and checks again, by keyboard, and passes axe", async () => {
    const { page, errors } = await openOnTamperedWorkbook();
    const opened = page.getByRole("list", { name: "Findings by severity" });
    await expect(opened.innerText()).resolves.toMatch(/^1 error\b/);

    await checkByKeyboard(page);
    const errorsSection = page.getByRole("region", { name: "Errors" });
    await expect(errorsSection.getByRole("heading", { level: 4 }).innerText()).resolves.toBe("Errors (1)");
    await expect(errorsSection.getByRole("heading", { level: 5 }).innerText()).resolves.toBe(`${AREA} (1)`);
    const finding = errorsSection.getByRole("listitem");
    await expect(finding.innerText()).resolves.toMatch(/^The descriptor/);
    await expectNoSeriousAxeViolations(page, "the findings of a check");

    // The found text holds the words the user added (shown whole first, if it was clipped).
    const showAll = finding.getByRole("button", { name: /^Show all \d+ characters$/ });
    for (const button of await showAll.all()) await button.click();
    await expect(finding.innerText()).resolves.toContain(TAMPERED_SUFFIX.trim());

    await tabToButton(page, `Go to cell ${TAMPERED_CELL}`);
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (name) => (window as unknown as { paneFake: { activeSheetName(): string } }).paneFake.activeSheetName() === name,
      AREA,
    );

    await tabToButton(page, "Repair", 40, "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.getByText("Assessment repaired.").waitFor({ timeout: 60_000 });
    await page.getByText(/^Check finished: 0 errors, /).waitFor({ timeout: 60_000 });
    expect(await focusedId(page)).toBe("check-results-heading");
    await expect(page.getByRole("region", { name: "Errors" }).count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(page, "after Repair");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("adds the report to the workbook as a sheet, and its link goes there", async () => {
    const { page, errors } = await openOnTamperedWorkbook();
    await checkByKeyboard(page);
    await tabToButton(page, "Add report to workbook", 40, "Shift+Tab");
    await page.keyboard.press("Enter");
    await page
      .getByText("Report added.")
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nThe pane showed:\n${await page.locator("main").innerText()}`);
      });
    const link = page.getByRole("button", { name: /^Go to “.+”$/ });
    const sheet = (await link.innerText()).replace(/^Go to “(.+)”$/, "$1");
    expect(sheet).toBe("Check report");
    expect(await focusedId(page)).toBe("check-report-link");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (name) => (window as unknown as { paneFake: { activeSheetName(): string } }).paneFake.activeSheetName() === name,
      sheet,
    );
    expect(await activeSheet(page)).toBe(sheet);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the findings in Office's dark theme, passing axe", async () => {
    const { page, errors } = await openOnTamperedWorkbook("dark");
    await checkByKeyboard(page);
    await page.getByRole("region", { name: "Errors" }).waitFor();
    await expectNoSeriousAxeViolations(page, "dark, the findings of a check");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
