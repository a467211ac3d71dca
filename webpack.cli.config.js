// Builds the command line into one plain JavaScript file, build/cli/nps-toolkit.js, that bin/nps-toolkit.js runs:
// no TypeScript at run time, and no run-time dependencies (ExcelJS, JSZip and zod are bundled in), so
// `npm install -g` of the packed tarball needs nothing from the registry.
//   npm run build:cli        (also run by `npm pack`, through the "prepack" script; `npm run cli` builds it too)
// Third-party licences of everything bundled go to build/cli/THIRD-PARTY-NOTICES.txt beside it.
"use strict";

const fs = require("fs");
const path = require("path");
const webpack = require("webpack");

const OUT = path.resolve(__dirname, "build", "cli");

/** The folder and package.json of the npm package a bundled file comes from, or undefined for our own files. */
function packageOf(file) {
  const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
  if (!match) return undefined;
  const manifest = JSON.parse(fs.readFileSync(path.join(match[1], "package.json"), "utf8"));
  return { folder: match[1], manifest };
}

function licenceText(folder) {
  const name = fs.readdirSync(folder).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
  return name ? fs.readFileSync(path.join(folder, name), "utf8").trim() : "(no licence file in the package)";
}

/** Writes the name, version, licence and licence text of every npm package in the bundle: MIT asks for it. */
class ThirdPartyNoticesPlugin {
  apply(compiler) {
    const name = "ThirdPartyNoticesPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const packages = new Map();
        for (const module of compilation.modules) {
          const found = module.resource && packageOf(module.resource);
          if (found) packages.set(`${found.manifest.name}@${found.manifest.version}`, found);
        }
        const notices = [...packages.keys()].sort().map((id) => {
          const { folder, manifest } = packages.get(id);
          return `${id} (${manifest.license || "licence not stated"})\n\n${licenceText(folder)}`;
        });
        const text = `The command line bundles these packages, under these licences.\n\n${notices.join(`\n\n${"-".repeat(78)}\n\n`)}\n`;
        compilation.emitAsset("THIRD-PARTY-NOTICES.txt", new webpack.sources.RawSource(text));
      });
    });
  }
}

module.exports = {
  mode: "production",
  target: "node20",
  entry: { "nps-toolkit": "./src/cli/main.ts" },
  output: { path: OUT, filename: "[name].js", library: { type: "commonjs2" }, clean: true },
  // Readable output: minifying 3 MB of ExcelJS costs most of a minute and gains a fresh process nothing it notices.
  optimization: { minimize: false, nodeEnv: false },
  devtool: false,
  resolve: {
    extensions: [".ts", ".js", ".json"],
    alias: {
      exceljs$: path.resolve(__dirname, "scripts/cli-bundle/exceljs.js"),
      pako$: path.resolve(__dirname, "scripts/cli-bundle/pako.js"),
    },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: "ts-loader",
        // Types are checked by `npm run typecheck`; the build only transpiles.
        options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: false } },
      },
    ],
  },
  // Rebuilds only what changed (webpack checks every file it bundled), so `npm run cli` stays quick.
  cache: { type: "filesystem", name: "cli", buildDependencies: { config: [__filename] } },
  performance: { hints: false },
  stats: "errors-warnings",
  plugins: [new ThirdPartyNoticesPlugin()],
};
