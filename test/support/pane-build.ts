/**
 * The task pane's two webpack builds for the browser tests, the bench and `npm run docs:pictures`, both from
 * webpack.config.js in production mode (React's production build: no StrictMode checks run twice):
 *
 * - buildPane: the pane as users get it, exactly as `npm run build` makes it, minified and split into chunks.
 * - buildHarness: test/pictures/pane-harness.tsx in place of the page's entry: the real Root and TaskPane over the
 *   real Office.js host, whose Excel is the in-memory fake (office.js is never fetched). It is neither minified nor
 *   given source maps: the harness is never deployed, nothing a test looks at (the page, its behaviour, axe) depends
 *   on either, minifying it took two thirds of its build and the maps a sixth of the rest (its code is readable as
 *   built).
 */
import { existsSync } from "fs";
import * as path from "path";
import webpack from "webpack";

const REPO = path.resolve(__dirname, "../..");
const HARNESS_ENTRY = path.join(REPO, "test", "pictures", "pane-harness.tsx");

type Configure = (env: object, argv: { mode: string }) => Promise<webpack.Configuration>;

/** Builds the pane as users get it into `out` (emptied first); returns `out`, which holds taskpane.html. */
export async function buildPane(out: string): Promise<string> {
  return build(await productionConfig(out));
}

/** Builds the harness into `out` (emptied first) as taskpane.html; returns `out`. */
export async function buildHarness(out: string): Promise<string> {
  const config = await productionConfig(out);
  config.entry = { taskpane: HARNESS_ENTRY };
  config.optimization = { ...config.optimization, minimize: false };
  config.plugins = config.plugins?.filter((plugin) => !(plugin instanceof webpack.SourceMapDevToolPlugin));
  return build(config);
}

async function productionConfig(out: string): Promise<webpack.Configuration> {
  const configure = require(path.join(REPO, "webpack.config.js")) as Configure;
  // The manifest in these folders is never deployed: naming the development address keeps webpack's note quiet.
  const before = process.env.ADDIN_BASE_URL;
  process.env.ADDIN_BASE_URL ??= "https://localhost:3000/";
  try {
    const config = await configure({}, { mode: "production" });
    return { ...config, context: REPO, output: { ...config.output, path: out } };
  } finally {
    if (before === undefined) delete process.env.ADDIN_BASE_URL;
  }
}

async function build(config: webpack.Configuration): Promise<string> {
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (error, result) =>
      error || !result ? reject(error ?? new Error("webpack gave no result")) : resolve(result),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  const out = config.output!.path!;
  if (!existsSync(path.join(out, "taskpane.html"))) throw new Error(`webpack wrote no taskpane.html in ${out}`);
  return out;
}
