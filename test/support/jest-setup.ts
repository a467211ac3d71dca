/**
 * Runs before every test file. Testing Library's find* queries and waitFor give up after one second by default:
 * on a busy 2-core machine, with two test files running at once, a pane can take longer than that to render, and
 * the test fails though nothing is wrong. They wait longer here; a pane that never shows what is expected still
 * fails, only later. Only where there is a DOM (jsdom test files), so the other files load nothing more.
 *
 * While a find* query or waitFor waits, it asks again at every change to the page and every 50 ms, and each miss
 * builds an error that prints the whole page, to be thrown away at the next try: a large share of a pane test's
 * time. Testing Library marks those tries (its own `_disableExpensiveErrorDiagnostics`, which it sets only around
 * them); a miss then says what was not found without printing the page. Nothing shown changes: when the wait gives
 * up, waitFor prints the page into the last miss's message, outside those tries, and a get* query that fails
 * outside a wait prints it as before. Were the mark ever gone, every miss would print the page again, as by default.
 */
if (typeof document !== "undefined") {
  const { configure, getConfig } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  const withThePage = getConfig().getElementError;
  configure({
    asyncUtilTimeout: 20_000,
    getElementError: (message, container) => {
      if (!(getConfig() as { _disableExpensiveErrorDiagnostics?: boolean })._disableExpensiveErrorDiagnostics) {
        return withThePage(message, container);
      }
      const miss = new Error(message ?? "");
      miss.name = "TestingLibraryElementError";
      return miss;
    },
  });
}
