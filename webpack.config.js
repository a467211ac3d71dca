// Builds the task pane into dist/ and serves it on https://localhost:3000 during development.
// Shaped like Microsoft's Office-Addin-TaskPane-React template: module.exports is a function of (env, argv).
//   npm run build                          production build, manifest addresses stay https://localhost:3000/
//   ADDIN_BASE_URL=https://host/path/ npm run build
//                                          production build whose dist/manifest.xml points at the deployment
//   npm run build:dev / npm start          development build / development server
"use strict";

const path = require("path");
const webpack = require("webpack");

const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

/** The deployment address from ADDIN_BASE_URL, normalised to end in "/"; DEV_URL when unset. Office only loads https. */
function deploymentUrl(value = process.env.ADDIN_BASE_URL) {
  if (!value) return DEV_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a valid address: "${value}". Example: https://addins.example.gov.uk/nps/`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL must start with https:// (Office refuses add-ins served over http): "${value}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_BASE_URL must be a plain folder address without ?query or #fragment: "${value}"`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** manifest.xml with every development address replaced by the deployment address (XML-escaped). */
function rewriteManifest(xml, baseUrl) {
  const escaped = baseUrl.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return xml.split(DEV_URL).join(escaped);
}

/**
 * ExcelJS must stay out of every chunk loaded with the page (the pane has to open fast in Excel): fail the build if
 * it is not. Its own chunk is marked as minimised, because re-minifying the minified bundle takes most of a minute.
 */
class ExcelJsChunkPlugin {
  apply(compiler) {
    const name = "ExcelJsChunkPlugin";
    const isExcelJs = (module) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(module.resource || "");
    compiler.hooks.compilation.tap(name, (compilation) => {
      compilation.hooks.afterOptimizeChunks.tap(name, (chunks) => {
        for (const chunk of chunks) {
          if (chunk.canBeInitial() && [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some(isExcelJs)) {
            const message = `ExcelJS is in the initial chunk "${chunk.name || chunk.id}": import src/xlsx only with import().`;
            compilation.errors.push(new webpack.WebpackError(message));
          }
        }
      });
      const beforeMinimising = webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1;
      compilation.hooks.processAssets.tap({ name, stage: beforeMinimising }, () => {
        for (const chunk of compilation.chunks) {
          if (chunk.name !== "exceljs") continue;
          for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
        }
      });
    });
  }
}

/** office-addin-dev-certs' trusted localhost certificate, or undefined where it cannot be installed. */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (error) {
    // Typically Linux without sudo or a trust store tool. The page still serves; browsers will warn once.
    const reason = String((error && error.message) || error).split("\n")[0];
    console.log(`Note: using a self-signed certificate (office-addin-dev-certs could not install one: ${reason}).`);
    return undefined;
  }
}

/** The deployment address, or one plain line saying what is wrong with ADDIN_BASE_URL and an exit (no stack trace). */
function deploymentUrlOrExit() {
  try {
    return deploymentUrl();
  } catch (error) {
    console.error(`Build stopped: ${error.message}`);
    process.exit(1);
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = deploymentUrlOrExit();
  if (!dev && !process.env.ADDIN_BASE_URL) {
    console.log(`Note: ADDIN_BASE_URL is not set, so dist/manifest.xml points at ${DEV_URL} (see docs/add-in.md).`);
  }
  // Only the dev server needs certificates; a plain build must not try to install any.
  const certificates = env.WEBPACK_SERVE ? await httpsOptions() : undefined;

  return {
    mode: dev ? "development" : "production",
    // Source maps for our code only: mapping ExcelJS's one-line minified bundle costs more time than the build.
    devtool: false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Content hashes let a deployment cache scripts forever while taskpane.html always loads the current ones.
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      alias: {
        // ExcelJS's browser bundle needs no Node polyfills (fs, stream, buffer). The "bare" build leaves out the
        // core-js polyfills, which every host that runs React 19 and ExcelApi 1.8 already has.
        exceljs$: require.resolve("exceljs/dist/exceljs.bare.min.js"),
      },
    },
    module: {
      // ExcelJS's browser bundle is self-contained (browserify): nothing in it for webpack to resolve.
      noParse: /[\\/]exceljs[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // Types are checked by `npm run typecheck`; the build only transpiles. ES modules (not the tsconfig's
            // commonjs) so that import() becomes a split point instead of a bundled require().
            transpileOnly: true,
            compilerOptions: { module: "es2020", sourceMap: true },
          },
        },
      ],
    },
    // A pre-built bundle (ExcelJS) is too large for webpack's default performance hints to say anything useful.
    performance: { hints: false },
    optimization: {
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString("utf8"), baseUrl),
          },
        ],
      }),
      new ExcelJsChunkPlugin(),
      new webpack.SourceMapDevToolPlugin({ filename: "[file].map", exclude: /^exceljs\./ }),
    ],
    devServer: {
      port: 3000,
      // Office loads add-ins only over https. Without trusted certificates, webpack-dev-server makes its own.
      server: certificates ? { type: "https", options: certificates } : "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.deploymentUrl = deploymentUrl;
module.exports.rewriteManifest = rewriteManifest;
