/**
 * The pane in Excel, in headless Chromium: the real pane and the real Office.js host over the
 * in-memory Excel fake (test/pictures/pane-harness.tsx, built by webpack as for the pictures). A
 * workbook with one descriptor edited by hand is checked, its cell selected, the assessment repaired
 * and checked again, and the report added as a sheet, by keyboard, with axe scans of the results.
 */
import { rmSync } from "fs";
import type { Page } from "playwright-core";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { answersOf, returnPlan, writeReturn } from "../consolidate/fixtures";
import { servePane, type ServedPane } from "../support/chromium";
import { tempDir } from "../support/fixtures";
import { expectNoSeriousAxeViolations, tabToButton } from "../support/pane-page";
import { buildHarness } from "../pictures/harness-build";
import { TAMPERED_CELL, TAMPERED_SUFFIX } from "../pictures/scenarios";

const AREA = canonicalToolkit().themes[0].keyAreas[0].sheetName;

let dist: string;
let pane: ServedPane;

beforeAll(async () => {
  dist = await buildHarness(tempDir("nps-pane-harness-"));
  pane = await servePane(dist);
}, 600_000);

afterAll(async () => {
  await pane?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** What the in-memory Excel behind the pane holds now. */
const activeSheet = (page: Page) =>
  page.evaluate(() => (window as unknown as { paneFake: { activeSheetName(): string } }).paneFake.activeSheetName());

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

async function openOnTamperedWorkbook(theme: "light" | "dark" = "light"): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await pane.open(`?scenario=check&theme=${theme}`, { colorScheme: theme });
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

describe("consolidating returns in Excel (the in-memory fake)", () => {
  it("adds the group sheets to the open workbook beside the user's sheet, and its links select them", async () => {
    const folder = tempDir("nps-pane-returns-");
    const files = await Promise.all(
      ["Anytown", "Otherton"].map((council) =>
        writeReturn(
          folder,
          `${council}.xlsx`,
          returnPlan(answersOf(council, "2026-03-01", { "SL-ECSM-01": "Mature" })),
        ),
      ),
    );
    const { page, errors } = await pane.open("?scenario=new");
    await page.getByRole("button", { name: "Build assessment" }).waitFor({ timeout: 60_000 });

    await page.getByLabel("Returned workbooks (.xlsx)").setInputFiles(files);
    await page.getByRole("button", { name: "Consolidate 2 files" }).click();
    await page.getByText("Group sheets added.").waitFor({ timeout: 60_000 });
    const links = page.getByRole("list", { name: "Group sheets written" }).getByRole("button");
    await expect(links.allInnerTexts()).resolves.toEqual(["Group Summary", "Group Data", "Consolidation Log"]);
    await links.nth(1).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { paneFake: { activeSheetName(): string } }).paneFake.activeSheetName() === "Group Data",
    );
    const sheets = await page.evaluate(() =>
      (window as unknown as { paneFake: { state: { sheets: { name: string }[] } } }).paneFake.state.sheets.map(
        (s) => s.name,
      ),
    );
    expect(sheets).toEqual(["Sheet1", "Group Summary", "Group Data", "Consolidation Log"]);
    await expectNoSeriousAxeViolations(page, "after consolidating into the workbook");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
