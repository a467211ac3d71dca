/**
 * The layer rules in eslint.config.mjs, proved on files that break them: each snippet is linted by
 * ESLint's own Node API, with the project's real config, as if it lived at the path given. ESLint
 * runs in a child process because it loads its flat config with import(), which jest's sandbox refuses.
 */
import { execFileSync } from "child_process";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");

interface Snippet {
  filePath: string;
  code: string;
}

/** Lints every snippet in one ESLint run; for each, the rule ids it broke. */
function ruleIdsBroken(snippets: Snippet[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const snippets = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(snippets.map(async ({ filePath, code }) => {
      const [result] = await eslint.lintText(code, { filePath });
      return result.messages.map((m) => m.ruleId ?? "fatal: " + m.message);
    })).then((ids) => process.stdout.write(JSON.stringify(ids)));
  `;
  const output = execFileSync(process.execPath, ["-e", script], {
    cwd: REPO,
    input: JSON.stringify(snippets),
    encoding: "utf8",
    timeout: 120_000,
  });
  return JSON.parse(output) as string[][];
}

const wrongWay: [string, Snippet, string][] = [
  [
    "src/core importing the Office layer",
    {
      filePath: "src/core/plan/bad.ts",
      code: 'import { createExcelHost } from "../../office/excel-host";\nexport const x = createExcelHost;\n',
    },
    "no-restricted-imports",
  ],
  [
    "src/core importing a type from the app contract",
    {
      filePath: "src/core/bad.ts",
      code: 'import type { WorkbookHost } from "../app/workbook-host";\nexport type X = WorkbookHost;\n',
    },
    "no-restricted-imports",
  ],
  [
    "src/core importing the .xlsx writer",
    { filePath: "src/core/answers/bad.ts", code: 'export { writeWorkbookXlsx } from "../../xlsx/write-xlsx";\n' },
    "no-restricted-imports",
  ],
  [
    "src/core importing the task pane",
    { filePath: "src/core/bad.ts", code: 'import { Root } from "../taskpane/Root";\nexport const x = Root;\n' },
    "no-restricted-imports",
  ],
  [
    "src/core importing the command line",
    { filePath: "src/core/bad.ts", code: 'import * as cli from "../cli/command";\nexport const x = cli;\n' },
    "no-restricted-imports",
  ],
  [
    "src/core importing React",
    { filePath: "src/core/bad.ts", code: 'import { useState } from "react";\nexport const x = useState;\n' },
    "no-restricted-imports",
  ],
  [
    "src/core importing ExcelJS",
    { filePath: "src/core/bad.ts", code: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n' },
    "no-restricted-imports",
  ],
  [
    "src/core importing the Office layer with import()",
    { filePath: "src/core/bad.ts", code: 'export const load = () => import("../office/excel-host");\n' },
    "no-restricted-syntax",
  ],
  [
    "the toolkit importing the plan it sits below (the core's own order)",
    {
      filePath: "src/core/toolkit/bad.ts",
      code: 'import { SHEET_NAMES } from "../plan/layout";\nexport const x = SHEET_NAMES;\n',
    },
    "no-restricted-imports",
  ],
  [
    "the plan importing the answers read from a snapshot",
    {
      filePath: "src/core/plan/bad.ts",
      code: 'import type { FoundAssessment } from "../answers/from-snapshot";\nexport type X = FoundAssessment;\n',
    },
    "no-restricted-imports",
  ],
  [
    "a sign-off use case importing the checker's types",
    {
      filePath: "src/core/assessment/bad.ts",
      code: 'import type { CheckResult } from "../check/types";\nexport type X = CheckResult;\n',
    },
    "no-restricted-imports",
  ],
  [
    "the util folder importing the core's top by a longer path",
    {
      filePath: "src/core/util/bad.ts",
      code: 'export { consolidate } from "../../core/consolidate/consolidate";\n',
    },
    "no-restricted-imports",
  ],
  [
    "the task pane calling Excel.run",
    { filePath: "src/taskpane/bad.ts", code: "export const f = () => Excel.run(async () => undefined);\n" },
    "no-restricted-globals",
  ],
  [
    "the app contract naming an Excel type",
    { filePath: "src/app/bad.ts", code: "export type Context = Excel.RequestContext;\n" },
    "no-restricted-syntax",
  ],
  [
    "src/core naming an Excel type",
    { filePath: "src/core/bad.ts", code: "export type Run = typeof Excel;\n" },
    "no-restricted-syntax",
  ],
];

const rightWay: [string, Snippet][] = [
  [
    "src/office using Excel and the core",
    {
      filePath: "src/office/fine.ts",
      code: 'import type { WorkbookPlan } from "../core/plan/types";\nexport type P = WorkbookPlan;\nexport type C = Excel.RequestContext;\nexport const run = Excel.run;\n',
    },
  ],
  [
    "src/core importing zod and its own modules",
    {
      filePath: "src/core/plan/fine.ts",
      code: 'import { z } from "zod";\nimport type { Toolkit } from "../toolkit/schema";\nexport const s = z.string();\nexport type T = Toolkit;\n',
    },
  ],
  [
    "consolidation importing every core folder below it",
    {
      filePath: "src/core/consolidate/fine.ts",
      code: [
        "util/a1",
        "toolkit/schema",
        "plan/layout",
        "snapshot/types",
        "answers/from-snapshot",
        "assessment/sign-off",
        "check/types",
      ]
        .map((module, i) => `import * as m${i} from "../${module}";\nexport const x${i} = m${i};\n`)
        .join(""),
    },
  ],
  [
    "the task pane importing the core and the app contract",
    {
      filePath: "src/taskpane/fine.ts",
      code: 'import type { WorkbookHost } from "../app/workbook-host";\nimport { canonicalToolkit } from "../core/toolkit/canonical";\nexport type H = WorkbookHost;\nexport const t = canonicalToolkit;\n',
    },
  ],
];

// The project's plain JavaScript (scripts/, bin/, the configs) is linted as today's Node CommonJS, and formatted.
const plainScripts: [string, Snippet, string[]][] = [
  [
    "a script in today's JavaScript, with Node's globals",
    {
      filePath: "scripts/fine.js",
      code: 'const sep = process.env.SEP ?? require("path").sep;\nmodule.exports = { ...{ sep }, dir: __dirname };\n',
    },
    [],
  ],
  [
    "a script naming a global Node does not have",
    { filePath: "scripts/bad.js", code: "module.exports = notAGlobal;\n" },
    ["no-undef"],
  ],
  [
    "a script prettier would format",
    { filePath: "jest.config.js", code: "module.exports = {a:1}\n" },
    ["prettier/prettier"],
  ],
];

describe("lint keeps the layers apart", () => {
  const broken = ruleIdsBroken([
    ...wrongWay.map(([, snippet]) => snippet),
    ...rightWay.map(([, snippet]) => snippet),
    ...plainScripts.map(([, snippet]) => snippet),
  ]);

  it.each(wrongWay.map(([name, , rule], i) => [name, rule, i] as const))("fails %s (%s)", (_name, rule, i) => {
    expect(broken[i]).toContain(rule);
  });

  it.each(rightWay.map(([name], i) => [name, wrongWay.length + i] as const))("allows %s", (_name, i) => {
    expect(broken[i]).toEqual([]);
  });

  it.each(plainScripts.map(([name, , rules], i) => [name, rules, wrongWay.length + rightWay.length + i] as const))(
    "lints %s as plain JavaScript: %j",
    (_name, rules, i) => {
      expect([...new Set(broken[i])]).toEqual(rules);
    },
  );
});
