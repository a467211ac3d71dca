/**
 * npm run docs:pictures: makes every picture in docs/ again.
 *
 * - The task pane as it looks in Excel (pane-*.png): the real pane, built by webpack around
 *   test/pictures/pane-harness.tsx, whose Excel is the in-memory fake, photographed in headless Debian
 *   Chromium with the en-GB locale, in Office's light and dark themes.
 * - The workbook (workbook-*.png): a --sample workbook, recalculated by LibreOffice, printed to PDF one
 *   page per sheet, and turned into PNGs by pdftoppm (Debian's poppler-utils).
 *
 * Everything temporary goes in one folder that is removed at the end.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { readFile } from "fs/promises";
import { tmpdir } from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { sampleAnswers } from "../../src/core/answers/sample";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { animationsFinished, servePane } from "../support/chromium";
import { buildHarness } from "../support/pane-build";
import { printSheets } from "../support/render";
import { openTask } from "../support/pane-page";
import { runBounded } from "../support/process";
import { PICTURE_COUNCIL, PICTURE_DATE, tamperedPlan, type PaneScenario } from "./scenarios";

const REPO = path.resolve(__dirname, "../..");
const DOCS = path.join(REPO, "docs");
// Chromium's British English (en-GB.pak, from chromium-l10n) gives the date field its dd/mm/yyyy order.
const TOOLS = ["/usr/bin/chromium", "/usr/lib/chromium/locales/en-GB.pak", "soffice", "pdftoppm"];

async function main(): Promise<void> {
  requireTools();
  const scratch = mkdtempSync(path.join(tmpdir(), "nps-pictures-"));
  try {
    await panePictures(scratch);
    await workbookPictures(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function requireTools(): void {
  const onPath = (command: string) =>
    command.includes("/")
      ? existsSync(command)
      : (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
  const missing = TOOLS.filter((tool) => !onPath(tool));
  if (missing.length > 0) {
    throw new Error(
      `docs:pictures needs ${missing.join(", ")}. On Debian or Ubuntu: ` +
        "sudo apt-get install --no-install-recommends chromium chromium-l10n libreoffice-calc poppler-utils fonts-dejavu-core",
    );
  }
}

// ---- The task pane, in Excel ----

interface PaneShot {
  file: string;
  scenario: PaneScenario;
  /** What the user has done in the pane before the picture is taken. */
  act: (page: Page) => Promise<void>;
}

const PANE_SHOTS: PaneShot[] = [
  { file: "pane-new", scenario: "new", act: (page) => fillDetails(page, "Build assessment") },
  { file: "pane-upgrade", scenario: "upgrade", act: (page) => waitForButton(page, "Upgrade assessment") },
  { file: "pane-built", scenario: "built", act: buildAndWait },
  { file: "pane-check", scenario: "check", act: checkAndWait },
  { file: "pane-sign-off", scenario: "check", act: (page) => openTaskAndWait(page, "Sign off", "Sign off") },
  { file: "pane-consolidate", scenario: "new", act: (page) => openTaskAndWait(page, "Consolidate", "Consolidate") },
  {
    file: "pane-moderate",
    scenario: "new",
    act: (page) => openTaskAndWait(page, "Moderate", "Write the moderation into this workbook"),
  },
  {
    file: "pane-standalone",
    scenario: "standalone",
    act: (page) => fillDetails(page, "Download a new assessment workbook"),
  },
  { file: "pane-standalone-check", scenario: "standalone", act: checkChosenFile },
];

/** The file the standalone page checks in its picture: the "check" scenario's workbook, as a file. */
let tamperedFile = "";

async function panePictures(scratch: string): Promise<void> {
  tamperedFile = path.join(scratch, "Anytown return.xlsx");
  writeFileSync(tamperedFile, await writePlanToBuffer(tamperedPlan({ answered: false })));
  const dist = await buildHarness(path.join(scratch, "pane"));
  const pane = await servePane(dist);
  try {
    for (const shot of PANE_SHOTS) {
      for (const theme of ["light", "dark"] as const) {
        const { page, errors } = await pane.open(`?scenario=${shot.scenario}&theme=${theme}`, { colorScheme: theme });
        await shot.act(page).catch(async (error: unknown) => {
          // What the pane showed instead says more than the time-out does.
          const shown = await page.locator("body").innerText();
          throw new Error(`${shot.file} (${theme}): ${errorText(error)}\nThe pane showed:\n${shown}`);
        });
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await animationsFinished(page);
        if (errors.length > 0) throw new Error(`The pane failed in ${shot.file} (${theme}): ${errors.join("; ")}`);
        await save(page.screenshot({ fullPage: true }), `${shot.file}-${theme}.png`);
        await page.context().close();
      }
    }
  } finally {
    await pane.close();
  }
}

async function waitForButton(page: Page, name: string): Promise<void> {
  const button = page.getByRole("button", { name, exact: true });
  await button.waitFor({ timeout: 30_000 });
  await page.waitForFunction((label) => {
    const found = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === label);
    return found !== undefined && !found.disabled;
  }, name);
}

async function fillDetails(page: Page, button: string): Promise<void> {
  await waitForButton(page, button);
  await page.fill('input[name="council"]', PICTURE_COUNCIL);
  // The date field takes dd/mm/yyyy whatever the browser's language.
  await page.fill('input[name="assessmentDate"]', PICTURE_DATE.split("-").reverse().join("/"));
}

/** Checks the workbook with a descriptor edited by hand: the findings, grouped, with Go to cell and Repair. */
async function checkAndWait(page: Page): Promise<void> {
  await openTaskAndWait(page, "Check", "Check");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText("Check finished.").waitFor({ timeout: 60_000 });
  await waitForButton(page, "Repair");
  await changedWordsShown(page);
}

/** The changed words arrive a moment after the findings (their code loads on first use): the picture shows them. */
const changedWordsShown = (page: Page) => page.locator("ins").first().waitFor({ timeout: 30_000 });

/** Opens one of the pane's tasks by its tab, once the pane has read the workbook. */
async function openTaskAndWait(page: Page, tab: string, button: string): Promise<void> {
  await page.getByRole("tab", { name: tab, exact: true }).waitFor({ timeout: 60_000 });
  await openTask(page, tab);
  await page.getByRole("button", { name: button, exact: true }).waitFor({ timeout: 30_000 });
}

async function checkChosenFile(page: Page): Promise<void> {
  // The form above is filled as in the other picture, so the date shown is the fixed one, not today's.
  await waitForButton(page, "Download a new assessment workbook");
  await page.getByRole("tab", { name: "Check a file", exact: true }).click();
  await page.getByLabel("Workbook to check (.xlsx)").setInputFiles(tamperedFile);
  await page.getByText(/^Check finished for/).waitFor({ timeout: 60_000 });
  await waitForButton(page, "Download a repaired copy");
  await changedWordsShown(page);
}

async function buildAndWait(page: Page): Promise<void> {
  await fillDetails(page, "Build assessment");
  await page.getByRole("button", { name: "Build assessment" }).click();
  await page.getByText("Assessment built.").waitFor({ timeout: 60_000 });
  await waitForButton(page, "Change the details, or repair…");
}

// ---- The workbook, in LibreOffice ----

/** Which sheet each picture shows, by plan key; a long sheet is cut to its first rows (height in pixels). */
const WORKBOOK_SHOTS: { file: string; key: string; height?: number }[] = [
  { file: "workbook-guide", key: "guide" },
  { file: "workbook-key-area", key: "keyArea:SL-ECSM" },
  { file: "workbook-summary", key: "summary" },
  { file: "workbook-gaps", key: "gaps", height: 1100 },
];

async function workbookPictures(scratch: string): Promise<void> {
  const toolkit = canonicalToolkit();
  const answers = sampleAnswers(toolkit, PICTURE_DATE);
  const plan = buildWorkbookPlan(toolkit, answers, {
    council: PICTURE_COUNCIL,
    assessmentDate: PICTURE_DATE,
    now: new Date(`${PICTURE_DATE}T09:00:00Z`),
  });
  const xlsx = path.join(scratch, "sample.xlsx");
  writeFileSync(xlsx, await writePlanToBuffer(plan));
  const pdf = await printSheets(xlsx, path.join(scratch, "pdf"));
  for (const shot of WORKBOOK_SHOTS) {
    const page = pageOfSheet(plan, shot.key);
    const prefix = path.join(scratch, shot.file);
    const crop = shot.height ? ["-H", `${shot.height}`] : [];
    await run("pdftoppm", ["-png", "-r", "96", "-f", `${page}`, "-l", `${page}`, ...crop, "-singlefile", pdf, prefix]);
    await save(readFile(`${prefix}.png`), `${shot.file}.png`);
  }
}

/** The PDF's pages are the visible sheets, in order, one page each. */
function pageOfSheet(plan: WorkbookPlan, key: string): number {
  const visible = plan.sheets.filter((sheet) => sheet.visibility === "visible");
  const index = visible.findIndex((sheet) => sheet.key === key);
  if (index < 0) throw new Error(`The sample workbook has no visible sheet ${key}`);
  return index + 1;
}

async function run(command: string, args: string[]): Promise<void> {
  const result = await runBounded(command, args, 180_000);
  if (result.code !== 0) throw new Error(`${command} failed (exit ${result.code}): ${result.stderr || result.stdout}`);
}

async function save(bytes: Promise<Buffer>, name: string): Promise<void> {
  writeFileSync(path.join(DOCS, name), await bytes);
  console.log(`docs/${name}`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  console.error(`docs:pictures failed: ${errorText(error)}`);
  process.exitCode = 1;
});
