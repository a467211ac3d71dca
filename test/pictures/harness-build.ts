/**
 * The pane's own webpack build with test/pictures/pane-harness.tsx in place of the page's entry: the
 * real Root and TaskPane over the real Office.js host, whose Excel is the in-memory fake (office.js is
 * never fetched). Shared by `npm run docs:pictures` and the Chromium test of the pane in Excel.
 */
import * as path from "path";
import webpack from "webpack";

const REPO = path.resolve(__dirname, "../..");

export async function buildHarness(out: string): Promise<string> {
  const configure = require(path.join(REPO, "webpack.config.js")) as (
    env: object,
    argv: { mode: string },
  ) => Promise<webpack.Configuration>;
  // Production, as users get it (a development build would also run React's StrictMode checks twice).
  // This build's manifest is never used: naming the development address keeps webpack's note about it quiet.
  process.env.ADDIN_BASE_URL ??= "https://localhost:3000/";
  const config = await configure({}, { mode: "production" });
  config.context = REPO;
  config.entry = { taskpane: path.join(__dirname, "pane-harness.tsx") };
  config.output = { ...config.output, path: out };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  return out;
}
