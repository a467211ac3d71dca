/**
 * The pane in Excel, in headless Chromium at the pane's size (350×700): the real pane and the real
 * Office.js host over the in-memory Excel fake (test/pictures/pane-harness.tsx, built by webpack as for
 * the pictures: test/support/pane-build.ts). Journeys an officer makes, each step's view no taller than two
 * screens, focus on what the action said, and axe clean (WCAG 2.1 AA): build → pick levels → check → repair →
 * sign off; check a workbook edited by hand and add the report; consolidate returns into the workbook.
 */
import { rmSync, writeFileSync } from "fs";
import type { Page } from "playwright-core";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { answersOf, returnPlan, writeReturn } from "../core/consolidate/fixtures";
import { servePane, type ServedPane } from "../support/chromium";
import { tempDir } from "../support/fixtures";
import { buildHarness } from "../support/pane-build";
import {
  expectFitsTwoScreens,
  expectFocusOn,
  expectNoSeriousAxeViolations,
  openTask,
  tabToButton,
} from "../support/pane-page";
import { PICTURE_COUNCIL, TAMPERED_CELL, TAMPERED_SUFFIX } from "../pictures/scenarios";

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

interface PaneFake {
  activeSheetName(): string;
  sheet(name: string): unknown;
  seedCell(sheet: unknown, address: string, value: string): void;
  state: { sheets: { name: string }[] };
}

/** What the in-memory Excel behind the pane holds now. */
const activeSheet = (page: Page) =>
  page.evaluate(() => (window as unknown as { paneFake: PaneFake }).paneFake.activeSheetName());

const waitForActiveSheet = (page: Page, name: string) =>
  page.waitForFunction(
    (expected) => (window as unknown as { paneFake: PaneFake }).paneFake.activeSheetName() === expected,
    name,
  );

/** Types into a cell of the workbook behind the pane, as a user does in Excel. */
const typeInExcel = (page: Page, sheet: string, cell: string, value: string) =>
  page.evaluate(
    ([name, address, text]) => {
      const fake = (window as unknown as { paneFake: PaneFake }).paneFake;
      fake.seedCell(fake.sheet(name), address, text);
    },
    [sheet, cell, value],
  );

/** Every step of a journey: the view fits in two screens and axe finds nothing serious. */
async function expectGoodView(page: Page, when: string): Promise<void> {
  await expectFitsTwoScreens(page, when);
  await expectNoSeriousAxeViolations(page, when);
}

async function openOnTamperedWorkbook(theme: "light" | "dark" = "light"): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await pane.open(`?scenario=check&theme=${theme}`, { colorScheme: theme });
  await page.getByRole("tab", { name: "Check" }).waitFor({ timeout: 60_000 });
  return { page, errors };
}

/** Opens Check and checks by keyboard; focus lands on what the check found. */
async function checkByKeyboard(page: Page): Promise<void> {
  await openTask(page, "Check");
  await tabToButton(page, "Check");
  await page.keyboard.press("Enter");
  await page.getByText("Check finished.").waitFor({ timeout: 60_000 });
  await expectFocusOn(page, "check-summary");
}

/**
 * The tabs by keyboard, as the WAI-ARIA tabs pattern has them: Tab reaches only the selected tab, the arrows
 * move to the next (wrapping) and Home and End to the ends, each selecting its task; and no hidden element in
 * the page takes focus (Fluent's arrow-key group used to add two, which axe reports).
 */
async function expectTabsByArrowKeys(page: Page): Promise<void> {
  const selected = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      return active?.getAttribute("role") === "tab" && active.getAttribute("aria-selected") === "true"
        ? active.textContent
        : null;
    });
  await page.getByRole("tab", { name: "Assessment", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(selected()).resolves.toMatch(/^Check/);
  await page.keyboard.press("End");
  await expect(selected()).resolves.toMatch(/^Moderate/);
  await page.keyboard.press("ArrowRight");
  await expect(selected()).resolves.toMatch(/^Assessment/);
  await page.keyboard.press("ArrowLeft");
  await expect(selected()).resolves.toMatch(/^Moderate/);
  await page.keyboard.press("Home");
  await expect(selected()).resolves.toMatch(/^Assessment/);
  await expect(page.locator('[data-tabster-dummy], [aria-hidden="true"][tabindex="0"]').count()).resolves.toBe(0);
  await expect(page.locator('[role="tab"][tabindex="0"]').count()).resolves.toBe(1);
}

describe("the pane in Excel (the in-memory fake)", () => {
  it("journey: build, pick levels, check, repair and sign off, each view in two screens, focus on what happened", async () => {
    const { page, errors } = await pane.open("?scenario=new");
    await page.getByRole("button", { name: "Build assessment" }).waitFor({ timeout: 60_000 });
    await expectGoodView(page, "a new workbook");

    // Build by keyboard: the council, then Enter.
    await page.getByLabel("Council name").focus();
    await page.keyboard.type(PICTURE_COUNCIL);
    await page.keyboard.press("Enter");
    await page.getByText("Assessment built.").waitFor({ timeout: 60_000 });
    await expectFocusOn(page, "action-message");
    // The next step is to pick levels, not to repair: a second Enter presses nothing.
    await page.keyboard.press("Enter");
    await expect(page.getByText("Assessment repaired.").count()).resolves.toBe(0);
    await page.getByText("Where the assessment stands").waitFor({ timeout: 60_000 });
    await expectGoodView(page, "after the build");
    await page.getByRole("button", { name: `Go to “${AREA}”` }).click();
    await waitForActiveSheet(page, AREA);
    await expectTabsByArrowKeys(page);

    // Pick a level, and (by mistake) edit a toolkit text: Check finds it, Repair puts it right.
    await typeInExcel(page, AREA, "J9", "Mature");
    await typeInExcel(page, AREA, TAMPERED_CELL, `Edited by hand${TAMPERED_SUFFIX}`);
    await checkByKeyboard(page);
    await expect(
      page.getByRole("region", { name: "Errors" }).getByRole("heading", { level: 4 }).innerText(),
    ).resolves.toBe("Errors (1)");
    await expectGoodView(page, "the check's findings, one error");
    await tabToButton(page, "Repair", 40, "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.getByText("Assessment repaired.").waitFor({ timeout: 60_000 });
    await expectFocusOn(page, "check-summary");
    await expect(page.getByRole("region", { name: "Errors" }).count()).resolves.toBe(0);
    await expectGoodView(page, "after Repair");

    // The level picked was kept: the status counts it.
    await openTask(page, "Assessment");
    await expect(page.getByText(/^Assessed 1 of \d+ behaviours$/).count()).resolves.toBe(1);

    // One level picked: every key area is named as not complete, and signing off as it is must be chosen.
    await openTask(page, "Sign off");
    const notComplete = page.getByRole("list", { name: "Key areas not complete" }).getByRole("listitem");
    await expect(notComplete.count()).resolves.toBe(canonicalToolkit().themes.flatMap((t) => t.keyAreas).length);
    await expectGoodView(page, "Sign off");
    await page.getByRole("checkbox", { name: "Sign off although these key areas are not complete" }).check();
    await page.getByLabel("Your name").fill("Sam Lead");
    await page.keyboard.press("Enter");
    const said = page.locator("#action-message");
    await said.getByText("Signed off.").waitFor({ timeout: 60_000 });
    await expectFocusOn(page, "action-message");
    await expect(said.innerText()).resolves.toMatch(/Signed off although it is not complete, as asked/);
    await expectGoodView(page, "after Sign off");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("checks a workbook edited by hand: the changed words, Go to cell, and the report as a sheet", async () => {
    const { page, errors } = await openOnTamperedWorkbook();
    await checkByKeyboard(page);
    const finding = page.getByRole("region", { name: "Errors" }).getByRole("listitem");
    await expect(finding.locator("ins").innerText()).resolves.toContain(TAMPERED_SUFFIX.trim());
    await expect(finding.innerText()).resolves.toMatch(new RegExp(`Key area\\s+${AREA}`));
    await expectGoodView(page, "the findings of a workbook edited by hand");

    await tabToButton(page, `Go to cell ${TAMPERED_CELL}`);
    await page.keyboard.press("Enter");
    await waitForActiveSheet(page, AREA);

    await tabToButton(page, "Add report to workbook", 40, "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.getByText("Report added.").waitFor({ timeout: 20_000 });
    const link = page.getByRole("button", { name: /^Go to “.+”$/ }).last();
    const sheet = (await link.innerText()).replace(/^Go to “(.+)”$/, "$1");
    expect(sheet).toBe("Check report");
    await expectFocusOn(page, "check-report-link");
    await page.keyboard.press("Enter");
    await waitForActiveSheet(page, sheet);
    expect(await activeSheet(page)).toBe(sheet);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the status and the findings in Office's dark theme, passing axe", async () => {
    const { page, errors } = await openOnTamperedWorkbook("dark");
    await expectGoodView(page, "dark, the status");
    await checkByKeyboard(page);
    await page.getByRole("region", { name: "Errors" }).waitFor();
    await expectGoodView(page, "dark, the findings of a check");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("consolidating returns in Excel (the in-memory fake)", () => {
  it("adds the group sheets beside the user's sheet, says a file was left out, and its links select them", async () => {
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
    const empty = `${folder}/empty.xlsx`;
    writeFileSync(empty, "");
    const { page, errors } = await pane.open("?scenario=new");
    await page.getByRole("button", { name: "Build assessment" }).waitFor({ timeout: 60_000 });
    await openTask(page, "Consolidate");
    await expectGoodView(page, "Consolidate, before");

    await page.getByLabel("Returned workbooks (.xlsx)").setInputFiles([...files, empty]);
    await page.getByRole("button", { name: "Consolidate 3 files" }).click();
    await page.getByText("Group sheets added. 1 file left out.").waitFor({ timeout: 60_000 });
    await expectFocusOn(page, "consolidate-result");
    await expect(page.locator("#consolidate-result").getAttribute("data-intent")).resolves.toBe("warning");
    const lines = await page.getByRole("list", { name: "Files consolidated" }).getByRole("listitem").allInnerTexts();
    expect(lines[0]).toMatch(/^empty\.xlsx\s+Left out\s+Could not be read\. The file is empty/);
    await expectGoodView(page, "Consolidate, after");

    const links = page.getByRole("list", { name: "Group sheets written" }).getByRole("button");
    await expect(links.allInnerTexts()).resolves.toEqual([
      "Group Summary",
      "Group Data",
      "Group Actions",
      "Consolidation Log",
    ]);
    await links.nth(1).click();
    await waitForActiveSheet(page, "Group Data");
    const sheets = await page.evaluate(() =>
      (window as unknown as { paneFake: PaneFake }).paneFake.state.sheets.map((s) => s.name),
    );
    expect(sheets).toEqual(["Sheet1", "Group Summary", "Group Data", "Group Actions", "Consolidation Log"]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
