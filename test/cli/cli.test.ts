import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { sampleAnswers } from "../../src/core/answers/sample";
import { SUMMARY } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress } from "../../src/core/util/a1";
import { readComputed, recalculate, findErrorValues } from "../support/libreoffice";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { tempDir } from "../support/fixtures";

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("nps-toolkit new --sample", () => {
  test("writes a clean workbook whose Summary shows the sample's levels after LibreOffice recalculates it", async () => {
    const file = path.join(tempDir(), "sample.xlsx");
    const result = await run("new", file, "--sample", "--date", "2026-04-01", "--council", "Example Borough Council");
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(/Wrote .*sample\.xlsx: 13 sheets, 51 behaviours, \d+ with sample answers\./);
    await expectWorkbookClean(file);
    const computed = await readComputed(await recalculate(file));
    expect(findErrorValues(computed)).toEqual([]);

    // An independent oracle: the same statistics worked out here from the sample answers.
    const toolkit = canonicalToolkit();
    const answers = sampleAnswers(toolkit, "2026-04-01");
    const score = (level?: string) => (level ? toolkit.levels.indexOf(level) + 1 : undefined);
    const currents = Object.values(answers.behaviours)
      .map((a) => score(a.current))
      .filter((s): s is number => s !== undefined);
    const average = currents.reduce((a, b) => a + b, 0) / currents.length;
    // The overall row is the Summary's last: one row per key area and per theme, after the header.
    const overallRow = SUMMARY.headerRow + toolkit.themes.reduce((rows, t) => rows + t.keyAreas.length + 1, 0) + 1;
    const overall = (column: keyof typeof SUMMARY.columns) =>
      computed.Summary[cellAddress(overallRow, SUMMARY.columns[column])];
    expect(overall("label")).toBe("All key areas");
    expect(overall("assessed")).toBe(currents.length);
    expect(overall("averageCurrent")).toBeCloseTo(average, 10);
    expect(overall("weakestCurrent")).toBe(Math.min(...currents));
    expect(overall("typicalLevel")).toBe(toolkit.levels[Math.floor(average) - 1]);
    expect(overall("assuredLevel")).toBe(toolkit.levels[Math.min(...currents) - 1]);
    expect(currents.length).toBeGreaterThan(30);
    expect(currents.length).toBeLessThan(51);
  });
});

describe("nps-toolkit errors", () => {
  const dir = tempDir();

  test("refuses to replace an existing file unless --force", async () => {
    const file = path.join(dir, "exists.xlsx");
    writeFileSync(file, "my own work");
    expect(await run("new", file)).toMatchObject({
      code: 2,
      err: expect.stringContaining("already exists. Use --force"),
    });
    expect(readFileSync(file, "utf8")).toBe("my own work");
    expect((await run("new", file, "--force")).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  test.each([
    [["new", path.join(dir, "a.xlsx"), "--date", "31/03/2026"], "--date must be a real date written YYYY-MM-DD"],
    [["new", path.join(dir, "b.xlsx"), "--date", "2026-02-29"], "--date must be a real date"],
    [["new", path.join(dir, "c.xls")], "must end in .xlsx"],
    [["new", path.join(dir, "no-such-folder", "d.xlsx")], "does not exist"],
    [["new", path.join(dir, "e.xlsx"), "--colour", "red"], "Unknown option --colour"],
    [["new", path.join(dir, "f.xlsx"), "--council"], "--council needs a value"],
    [["new"], "Say which file to write"],
    [["make", "x.xlsx"], 'Unknown command "make"'],
  ])("%j is refused with a clear message", async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  test("a folder in the way is reported, not overwritten", async () => {
    const folder = path.join(dir, "folder.xlsx");
    mkdirSync(folder);
    expect(await run("new", folder, "--force")).toMatchObject({ code: 2, err: expect.stringContaining("is a folder") });
  });

  test("no file is left behind when a command fails", async () => {
    await run("new", path.join(dir, "g.xlsx"), "--date", "nonsense");
    expect(existsSync(path.join(dir, "g.xlsx"))).toBe(false);
  });
});

describe("the installed command", () => {
  test("--help explains every command and option", () => {
    const help = execFileSync(process.execPath, [path.join(__dirname, "../../bin/nps-toolkit.js"), "--help"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    for (const word of ["new", "--council", "--date", "--sample", "--force", "--help", "--version"])
      expect(help).toContain(word);
  });
});
