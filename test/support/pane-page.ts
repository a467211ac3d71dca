/**
 * What the Chromium tests of the pane do on a page: step through it with Tab as a keyboard user does,
 * and scan it with axe-core. Shared by the standalone page's test and the test of the pane in Excel.
 */
import type { Page } from "playwright-core";
import { animationsFinished } from "./chromium";

/** Presses Tab until the element matching `selector` has focus; fails after `limit` presses. */
export async function tabUntilFocused(page: Page, selector: string, limit = 10, key = "Tab"): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${key} never reached ${selector}`);
}

/** Presses Tab until a button whose text is exactly `name` has focus. */
export async function tabToButton(page: Page, name: string, limit = 40, key = "Tab"): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(key);
    const text = await page.evaluate(() => {
      const active = document.activeElement;
      return active?.tagName === "BUTTON" ? (active.textContent?.trim() ?? "") : null;
    });
    if (text === name) return;
  }
  throw new Error(`${key} never reached the button "${name}"`);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export async function expectNoSeriousAxeViolations(page: Page, when: string): Promise<void> {
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

/** Two screens of Excel's task pane (350×700): the most a task's view may need, scrolled once. */
export const TWO_SCREENS_PX = 1400;

/** Fails when the page, as it stands, is taller than two screens of the pane. */
export async function expectFitsTwoScreens(page: Page, when: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(0);
  if (height > TWO_SCREENS_PX) throw new Error(`${when}: the view is ${height} px tall, over ${TWO_SCREENS_PX} px`);
}

/** Opens one of the pane's tasks by its tab. */
export async function openTask(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  // Off the tab again, so a picture shows the chosen tab as it stands, not as the pointer hovers it.
  await page.mouse.move(0, 0);
  // The Check and Consolidate views arrive when their tab is first opened: a user waits for them, and so do we.
  await page.getByText("Loading…").waitFor({ state: "detached", timeout: 20_000 });
}

/** Waits until the element with `id` has focus: what an action said, where keyboard users land. */
export async function expectFocusOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((expected) => document.activeElement?.id === expected, id, { timeout: 20_000 });
}
