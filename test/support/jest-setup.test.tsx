/** @jest-environment jsdom */
/** What jest-setup.ts changes in Testing Library: a miss while waiting prints no page, yet a failure still shows it. */
import { getConfig, screen, waitFor } from "@testing-library/dom";

beforeEach(() => {
  document.body.innerHTML = '<main><p>Only this paragraph</p><button type="button">Build assessment</button></main>';
});

const messageOf = async (attempt: Promise<unknown>): Promise<string> =>
  attempt.then(
    () => "",
    (error: Error) => error.message,
  );

test("waits for twenty seconds", () => {
  expect(getConfig().asyncUtilTimeout).toBe(20_000);
});

test("a get* query that fails outside a wait prints the page", () => {
  expect(() => screen.getByText("Missing words")).toThrow(/Only this paragraph/);
});

test("a find* query that gives up prints the page once, with what it did not find", async () => {
  const message = await messageOf(screen.findByRole("button", { name: "Sign off" }, { timeout: 100 }));
  expect(message).toMatch(/Unable to find role="button" and name "Sign off"/);
  expect(message.match(/Only this paragraph/g)).toHaveLength(1);
});

test("a miss while waiting prints no page", async () => {
  const misses: string[] = [];
  await waitFor(() => {
    try {
      screen.getByText("Missing words");
    } catch (miss) {
      misses.push((miss as Error).message);
    }
    expect(misses.length).toBeGreaterThan(1);
  });
  expect(misses[0]).toMatch(/Unable to find an element with the text: Missing words/);
  expect(misses.every((message) => !message.includes("Only this paragraph"))).toBe(true);
});
