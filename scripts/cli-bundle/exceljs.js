// The command line bundle's `exceljs` (webpack.cli.config.js): what exceljs.nodejs.js exports, without loading the
// streaming reader and writer (unzipper, archiver and their dependencies) at every start. They are still bundled
// and load the first time something asks for them. ExcelJS is pinned in package.json, so these paths hold.
"use strict";

const ExcelJS = { Workbook: require("exceljs/lib/doc/workbook"), ...require("exceljs/lib/doc/enums") };
Object.defineProperty(ExcelJS, "stream", {
  enumerable: true,
  get: () => require("exceljs/lib/exceljs.nodejs.js").stream,
});
Object.defineProperty(ExcelJS, "ModelContainer", {
  enumerable: true,
  get: () => require("exceljs/lib/doc/modelcontainer"),
});
module.exports = ExcelJS;
