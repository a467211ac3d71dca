/**
 * The standalone page runs the same reader in the browser, so neither the guard nor the reader may lean on Node.
 * Webpack bundles it for the web (webpack 5 adds no Node polyfills: a `zlib` or `fs` import fails
 * the build), and the bundle runs in a bare JavaScript context with no require, Buffer or process,
 * only what a browser has that the guard uses: TextDecoder and timers.
 */
import { readFileSync } from "fs";
import * as path from "path";
import * as vm from "vm";
import webpack from "webpack";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { samplePlan } from "../core/check/fixtures";
import { tempDir } from "../support/fixtures";
import { craftZip, filledCells, minimalWorkbook, text, zerosBomb } from "./hostile-files";

const ENTRIES = { guard: "src/xlsx/zip-guard.ts", reader: "src/xlsx/read-xlsx.ts" };
type Library = keyof typeof ENTRIES;

/**
 * Each entry bundled for the web as a global of its own name. One compilation makes both (the reader holds the
 * guard, so its modules are read once), shared by the tests below.
 */
function bundleAll(outputDir: string): Promise<Record<Library, string>> {
  const compiler = webpack({
    mode: "development",
    target: "web",
    devtool: false,
    entry: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, path.resolve(entry)])),
    output: { path: outputDir, filename: "[name].js", library: { name: "[name]", type: "var" } },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "es2020" } },
        },
      ],
    },
  });
  const read = (library: Library) => readFileSync(path.join(outputDir, `${library}.js`), "utf8");
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve({ guard: read("guard"), reader: read("reader") });
    }),
  );
}

let bundles: Promise<Record<Library, string>> | undefined;
/** The bundled code of `library`, from the one compilation of both. */
async function bundle(library: Library): Promise<string> {
  bundles ??= bundleAll(tempDir());
  return (await bundles)[library];
}

interface Outcome {
  problem?: string;
  counters: { inflatedBytes: number; cells: number };
}

test("the guard bundles for the web and refuses a zip bomb and a huge sheet with no Node APIs", async () => {
  const code = await bundle("guard");
  const context = vm.createContext({ TextDecoder, setTimeout, clearTimeout });
  vm.runInContext(code, context);
  expect(vm.runInContext("typeof require + typeof Buffer + typeof process", context)).toBe(
    "undefinedundefinedundefined",
  );
  const guard = (bytes: Uint8Array): Promise<Outcome> => {
    context.input = Array.from(bytes);
    // The bytes are made inside the context: a Uint8Array from another realm is not one to JSZip's instanceof.
    return vm.runInContext(
      `(() => {
        const counters = guard.noCounters();
        return guard.guardWorkbookBytes(new Uint8Array(input), { limits: guard.DEFAULT_READ_LIMITS, counters }).then(
          () => ({ counters }),
          (error) => ({ problem: error.problem, counters }),
        );
      })()`,
      context,
    ) as Promise<Outcome>;
  };

  const fine = await guard(craftZip(minimalWorkbook(filledCells(50))));
  expect(fine).toEqual({ counters: expect.objectContaining({ cells: 50 }) });
  expect((await guard(text("not a zip"))).problem).toBe("not-a-zip");
  const bomb = craftZip([
    ...minimalWorkbook(filledCells(1)),
    { name: "xl/media/image1.png", stored: zerosBomb(300), deflated: true, declaredSize: 10 },
  ]);
  const stopped = await guard(bomb);
  expect(stopped.problem).toBe("unpacks-too-large");
  expect(stopped.counters.inflatedBytes).toBeLessThan(120 * 1024 * 1024);
  const huge = await guard(craftZip(minimalWorkbook(filledCells(250_000))));
  expect(huge.problem).toBe("too-big");
});

test("the whole reader bundles for the web and reads a generated workbook there as it does in Node", async () => {
  const code = await bundle("reader");
  const context = vm.createContext({ TextDecoder, setTimeout, clearTimeout });
  vm.runInContext(code, context);
  expect(vm.runInContext("typeof require + typeof Buffer + typeof process", context)).toBe(
    "undefinedundefinedundefined",
  );
  const bytes = await writePlanToBuffer(samplePlan());
  context.input = Array.from(bytes);
  // The snapshot comes back as JSON: objects from another realm are not plain objects to toEqual.
  const json = (await vm.runInContext(
    "reader.readSnapshotFromBuffer(new Uint8Array(input)).then((snapshot) => JSON.stringify(snapshot))",
    context,
  )) as string;
  const inNode = await readSnapshotFromBuffer(bytes);
  expect(inNode.sheets.length).toBeGreaterThan(5);
  expect(JSON.parse(json)).toEqual(inNode);
});
