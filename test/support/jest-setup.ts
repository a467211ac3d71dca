/**
 * Runs before every test file. Testing Library's find* queries and waitFor give up after one second by default:
 * on a busy 2-core machine, with two test files running at once, a pane can take longer than that to render, and
 * the test fails though nothing is wrong. They wait longer here; a pane that never shows what is expected still
 * fails, only later. Only where there is a DOM (jsdom test files), so the other files load nothing more.
 */
if (typeof document !== "undefined") {
  const { configure } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  configure({ asyncUtilTimeout: 20_000 });
}
