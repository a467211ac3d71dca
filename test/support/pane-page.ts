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
