import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { COMMANDS } from "../../src/cli/commands";
import { closest } from "../../src/cli/suggest";
import { sampleAnswers } from "../../src/core/answers/sample";
import { GUIDE, SUMMARY } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress } from "../../src/core/util/a1";
import { GENERATOR_VERSION } from "../../src/core/version";
import { readComputed, recalculate, findErrorValues } from "../support/libreoffice";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { tempDir } from "../support/fixtures";
import { runCli } from "./run-cli";
import { loadWithExcelJs } from "../support/exceljs-load";
import { readFile as readFileBytes } from "fs/promises";

describe("nps-toolkit new --sample", () => {
  test("writes a clean workbook whose Summary shows the sample's levels after LibreOffice recalculates it", async () => {
    const file = path.join(tempDir(), "sample.xlsx");
    const result = await runCli(
      "new",
      file,
      "--sample",
      "--date",
      "2026-04-01",
      "--council",
      "Example Borough Council",
    );
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(/Wrote .*sample\.xlsx: 14 sheets, 51 behaviours, \d+ with sample answers\./);
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
    expect(await runCli("new", file)).toMatchObject({
      code: 2,
      err: expect.stringContaining("already exists. Use --force"),
    });
    expect(readFileSync(file, "utf8")).toBe("my own work");
    expect((await runCli("new", file, "--force")).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  test.each([
    [["new", path.join(dir, "a.xlsx"), "--date", "31/03/2026"], "--date must be a real date from 2000 to 2100"],
    [["new", path.join(dir, "b.xlsx"), "--date", "2026-02-29"], "--date must be a real date"],
    [
      ["new", path.join(dir, "b.xlsx"), "--date=1899-01-01"],
      '--date must be a real date from 2000 to 2100, written YYYY-MM-DD, for example 2026-03-31 (got "1899-01-01")',
    ],
    [["new", path.join(dir, "b.xlsx"), "--date", "2101-01-01"], '(got "2101-01-01")'],
    [["new", path.join(dir, "c.xls")], "must end in .xlsx"],
    [["new", path.join(dir, "no-such-folder", "d.xlsx")], "does not exist"],
    [["new", path.join(dir, "e.xlsx"), "--colour", "red"], "Unknown option --colour. Run nps-toolkit new --help"],
    [["new", path.join(dir, "e.xlsx"), "--dat", "2026-03-31"], "Unknown option --dat (did you mean --date?)"],
    [["new", path.join(dir, "f.xlsx"), "--council"], "--council needs a value."],
    [
      ["new", path.join(dir, "f.xlsx"), "--council", "--sample"],
      "--council needs a value, but the next argument is the option --sample",
    ],
    [
      ["--council", "--sample", "new", path.join(dir, "f.xlsx")],
      "--council needs a value, but the next argument is the option --sample",
    ],
    [["new", path.join(dir, "f.xlsx"), "--force=yes"], '--force takes no value (got "yes")'],
    [["new", path.join(dir, "f.xlsx"), path.join(dir, "g.xlsx")], "Only one file can be written at a time"],
    [["new"], "Say which file to write"],
    [["make", "x.xlsx"], 'Unknown command "make". Run nps-toolkit --help for the commands.'],
    [["nwe", "x.xlsx"], 'Unknown command "nwe": did you mean "new"?'],
    [["--sample", "New", "x.xlsx"], 'Unknown command "New": did you mean "new"?'],
    [["--colour"], "Unknown option --colour"],
  ])("%j is refused with a clear message", async (args, message) => {
    const result = await runCli(...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err.split("\n")).toHaveLength(1); // one line, no stack trace
    expect(result.out).toBe("");
  });

  test("a folder in the way is reported, not overwritten", async () => {
    const folder = path.join(dir, "folder.xlsx");
    mkdirSync(folder);
    expect(await runCli("new", folder, "--force")).toMatchObject({
      code: 2,
      err: expect.stringContaining("is a folder"),
    });
  });

  test("no file is left behind when a command fails", async () => {
    await runCli("new", path.join(dir, "g.xlsx"), "--date", "nonsense");
    expect(existsSync(path.join(dir, "g.xlsx"))).toBe(false);
  });

  test("a file the system will not write is one plain line naming the file, and leaves nothing behind", async () => {
    const folder = tempDir();
    // Too long for any file system's name limit (255 bytes), so it fails for root too, unlike a read-only folder.
    const name = path.join(folder, `${"n".repeat(300)}.xlsx`);
    const result = await runCli("new", name);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`nps-toolkit: Could not write "${name}": the file name is too long (ENAMETOOLONG).`);
    expect(result.err).not.toContain(".partial-");
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("nps-toolkit options", () => {
  const dir = tempDir();

  /** The council and date cells of the Guide sheet, as ExcelJS reads them back. */
  async function guideDetails(file: string): Promise<{ council: unknown; date: unknown }> {
    const workbook = await loadWithExcelJs(new Uint8Array(await readFileBytes(file)));
    const guide = workbook.getWorksheet("Guide");
    const at = ({ row, column }: { row: number; column: number }) => guide?.getCell(row, column).value;
    return { council: at(GUIDE.councilCell), date: at(GUIDE.dateCell) };
  }

  test("--name=value works, and options may come before the command", async () => {
    const file = path.join(dir, "before.xlsx");
    const result = await runCli("--council=Anytown Council", "--date=2026-03-31", "new", file);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(await guideDetails(file)).toEqual({
      council: "Anytown Council",
      date: new Date(Date.UTC(2026, 2, 31)),
    });
  });

  test("a value that starts with a dash is taken when written --name=value", async () => {
    const file = path.join(dir, "dash.xlsx");
    expect(await runCli("new", file, "--council=-Dash Council")).toMatchObject({ code: 0, err: "" });
    expect((await guideDetails(file)).council).toBe("-Dash Council");
  });

  test("--version prints the version, before or after a command", async () => {
    expect(await runCli("--version")).toEqual({ code: 0, out: GENERATOR_VERSION, err: "" });
    expect(await runCli("new", "--version")).toEqual({ code: 0, out: GENERATOR_VERSION, err: "" });
  });

  test("--help lists every command with its summary; each command has its own --help", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const result = await runCli(...args);
      expect(result.code).toBe(0);
      const lines = result.out.split("\n");
      for (const command of COMMANDS) {
        const listed = lines.filter((line) => line.startsWith(`  ${command.name} `) && line.endsWith(command.summary));
        expect([command.name, listed.length]).toEqual([command.name, 1]);
      }
      expect(result.out).toContain("--version");
    }
    for (const command of COMMANDS) {
      for (const args of [
        [command.name, "--help"],
        ["--help", command.name],
        ["help", command.name],
      ]) {
        expect(await runCli(...args)).toEqual({ code: 0, out: command.help, err: "" });
      }
      for (const option of Object.keys(command.options)) expect(command.help).toContain(`--${option}`);
    }
  });

  test("new --help explains every option", async () => {
    const help = (await runCli("new", "--help")).out;
    for (const word of ["--council NAME", "--date YYYY-MM-DD", "from 2000 to 2100", "--sample", "--force", "--help"])
      expect(help).toContain(word);
  });

  test("with no command it shows the help and fails as wrong usage", async () => {
    const result = await runCli();
    expect(result.code).toBe(2);
    expect(result.out).toContain("Commands:");
  });

  test("no option is declared with two types by two commands (the command is found before its options are known)", () => {
    const types = new Map<string, string>();
    for (const command of COMMANDS) {
      for (const [name, option] of Object.entries(command.options)) {
        expect([name, types.get(name) ?? option.type]).toEqual([name, option.type]);
        types.set(name, option.type);
      }
    }
  });

  test.each([
    ["nwe", "new"],
    ["ne", "new"],
    ["neww", "new"],
    ["make", undefined],
    ["x.xlsx", undefined],
  ])("closest(%p) suggests %p", (typed, expected) => {
    expect(closest(typed, ["new", "check", "repair"])).toBe(expected);
  });
});
