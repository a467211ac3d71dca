/**
 * `npm run test:fast` (scripts/test-fast.js) chooses its files without starting jest to list them: the list must be
 * jest's own, and a jest config it cannot read must stop it rather than give another list.
 */
import { spawnSync } from "child_process";
import * as path from "path";

// Plain JavaScript run by node, so it has no declarations to import.
const { listTestFiles, fastTestFiles } = require("../../scripts/test-fast.js") as {
  listTestFiles(config?: Record<string, unknown>): string[];
  fastTestFiles(all?: string[]): string[];
};

const ROOT = path.resolve(__dirname, "..", "..");
const config = require("../../jest.config.js") as Record<string, unknown>;

test("lists the same test files as jest --listTests", () => {
  const jest = require.resolve("jest/bin/jest", { paths: [ROOT] });
  const listed = spawnSync(process.execPath, [jest, "--listTests"], { cwd: ROOT, encoding: "utf8" });
  expect(listed.status).toBe(0);
  const fromJest = listed.stdout.split("\n").filter(Boolean).sort();
  expect(fromJest.length).toBeGreaterThan(100);
  expect(listTestFiles()).toEqual(fromJest);
});

test("a jest config it does not understand stops it, naming what", () => {
  expect(() => listTestFiles({ ...config, testRegex: "\\.spec\\.ts$" })).toThrow(/testRegex/);
  expect(() => listTestFiles({ ...config, testMatch: ["**/__tests__/**/*.ts"] })).toThrow(/__tests__/);
  expect(() => listTestFiles({ ...config, roots: ["/elsewhere"] })).toThrow(/elsewhere/);
  expect(() => listTestFiles({ ...config, testPathIgnorePatterns: ["/fixtures/"] })).toThrow(/testPathIgnorePatterns/);
});

test("the fast files leave out property and scale tests, files over the in-memory Excel and files that start a process, this one included", () => {
  const all = listTestFiles();
  const fast = fastTestFiles(all);
  const file = (relative: string) => path.join(ROOT, relative);
  expect(fast).toContain(file("test/core/plan/plan.test.ts"));
  expect(fast).not.toContain(file("test/core/sign-off/sign-off.property.test.ts"));
  expect(fast).not.toContain(file("test/core/moderate/bad-input.scale.test.ts"));
  expect(fast).not.toContain(__filename);
  // Over the in-memory Excel, directly (the Office layer's tests) and through a helper (the pane's over a workbook).
  expect(fast).not.toContain(file("test/office/excel-host.test.ts"));
  expect(fast).not.toContain(file("test/taskpane/sign-off.test.tsx"));
  expect(fast).toContain(file("test/taskpane/Root.test.tsx"));
  expect(fast.every((name) => all.includes(name))).toBe(true);
});
