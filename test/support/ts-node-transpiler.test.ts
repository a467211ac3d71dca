/**
 * ts-node's transpiler in jest runs: TypeScript's own output, kept in the run's folder under a hash of the file's
 * path, its text and the compiler's options, and loaded from there the next time.
 */
import { readdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ts from "typescript";
import { tempDir } from "./fixtures";
import { RUN_ROOT_VARIABLE } from "./temp-root";

interface Output {
  outputText: string;
  sourceMapText?: string;
  diagnostics?: ts.Diagnostic[];
}
type Transpiler = { transpile(input: string, options: { fileName: string }): Output };
// Plain JavaScript that ts-node loads itself, so it has no declarations to import.
const { create } = require("./ts-node-transpiler") as {
  create(options: { service: { config: { options: ts.CompilerOptions } } }): Transpiler;
};

const compilerOptions: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 };
const SOURCE = "export const twice = (n: number): number => n * 2;\n";
const fileName = "/project/src/twice.ts";

let runFolder: string;
let saved: string | undefined;
beforeEach(() => {
  saved = process.env[RUN_ROOT_VARIABLE];
  runFolder = tempDir();
  process.env[RUN_ROOT_VARIABLE] = runFolder;
});
afterEach(() => {
  if (saved === undefined) delete process.env[RUN_ROOT_VARIABLE];
  else process.env[RUN_ROOT_VARIABLE] = saved;
});

const transpiler = (options = compilerOptions) => create({ service: { config: { options } } });
const kept = () => readdirSync(path.join(runFolder, "transpiled"));

test("gives what TypeScript gives, and keeps it in the run's folder", () => {
  const output = transpiler().transpile(SOURCE, { fileName });
  const typescript = ts.transpileModule(SOURCE, { fileName, compilerOptions, reportDiagnostics: true });
  expect(output).toEqual({ outputText: typescript.outputText, sourceMapText: typescript.sourceMapText });
  expect(output.outputText).toContain("const twice = (n) => n * 2;");
  expect(kept()).toHaveLength(1);
});

test("a later transpiler, in another worker, loads what was kept rather than transpiling again", () => {
  transpiler().transpile(SOURCE, { fileName });
  // Marked, so that only a read of the kept file can give this text back.
  const file = path.join(runFolder, "transpiled", kept()[0]);
  const marked = { outputText: "/* kept */", sourceMapText: "{}" };
  writeFileSync(file, JSON.stringify(marked));
  expect(transpiler().transpile(SOURCE, { fileName })).toEqual(marked);
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(marked);
});

test("another text, another file's path or other compiler options are transpiled afresh and kept apart", () => {
  transpiler().transpile(SOURCE, { fileName });
  const changed = transpiler().transpile(SOURCE.replace("* 2", "* 3"), { fileName });
  expect(changed.outputText).toContain("n * 3");
  transpiler().transpile(SOURCE, { fileName: "/project/src/double.ts" });
  const es5 = transpiler({ ...compilerOptions, target: ts.ScriptTarget.ES5 }).transpile(SOURCE, { fileName });
  expect(es5.outputText).toContain("function (n)");
  expect(kept()).toHaveLength(4);
});

test("a file that does not parse is reported every time and never kept", () => {
  const broken = "export const = ;\n";
  for (let time = 0; time < 2; time++) {
    const output = transpiler().transpile(broken, { fileName });
    expect(output.diagnostics?.length).toBeGreaterThan(0);
  }
  expect(kept()).toEqual([]);
});

test("outside a jest run it only transpiles", () => {
  delete process.env[RUN_ROOT_VARIABLE];
  expect(transpiler().transpile(SOURCE, { fileName }).outputText).toContain("n * 2");
  expect(readdirSync(runFolder)).toEqual([]);
});
