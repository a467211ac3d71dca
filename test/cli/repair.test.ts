import ExcelJS from "exceljs";
import fc from "fast-check";
import { existsSync, linkSync, readFileSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { runCliLines as run } from "./run-cli";
import { readAssessment, type FoundAssessment } from "../../src/core/answers/from-snapshot";
import type { Answers } from "../../src/core/plan/answer-types";
import { carryAnswers } from "../../src/core/assessment/carry";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { answersFor, behaviourAnswer, nonEmpty } from "../support/answer-arbitraries";
import { tempDir } from "../support/fixtures";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { typeInto } from "../support/recalculate-plan";
import { compoundFile } from "../xlsx/hostile-files";
import { loadWithExcelJs } from "../support/exceljs-load";
import { cliWords } from "../../src/core/words/cli";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");

/** The answers of an assessment as an upgrade or repair carries them. */
// The inputs are of this toolkit and layout: carried as a repair, whose notes say so.
const carriedFrom = (found: FoundAssessment) => carryAnswers(found.answers, toolkit, "repair").answers;

async function assessmentIn(file: string): Promise<FoundAssessment> {
  const found = readAssessment(await readSnapshotFromBuffer(new Uint8Array(readFileSync(file))), toolkit);
  if (!found) throw new Error(`${file} holds no assessment`);
  return found;
}

/** What a user's own sheets look like to the tool: added in a spreadsheet program, beside the assessment. */
async function addUsersSheets(bytes: Uint8Array, names: string[]): Promise<Uint8Array> {
  const workbook = await loadWithExcelJs(bytes);
  for (const name of names) workbook.addWorksheet(name).getCell("A1").value = `${name}: my own figures`;
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const given: Answers = {
  council: "Anytown Council",
  assessmentDate: "2026-03-31",
  behaviours: {
    "SL-ECSM-01": {
      current: "Mature",
      target: "Leader",
      evidence: "Board minutes",
      owner: "Ann",
      reviewDate: "2026-09-30",
    },
    "BC-MSR-02": { current: "Developing", evidence: "=SUM(A1:A3) is text" },
    "XX-OLD-01": { current: "Leader", evidence: "Kept from toolkit 0.9", reviewDate: "2025-05-01" },
  },
};

describe("nps-toolkit repair IN OUT", () => {
  const dir = tempDir();
  const input = path.join(dir, "return.xlsx");
  let inBytes: Buffer;

  beforeAll(async () => {
    const plan = buildWorkbookPlan(toolkit, given, {
      now,
      sheetNames: { "keyArea:BC-MSR": "Risk (ours)", summary: "Overview" },
    });
    typeInto(plan, "keyArea:SL-ECSM", "J10", "Excellent"); // a typed entry that is not a level
    typeInto(plan, "keyArea:SL-ECSM", "K10", " leader "); // a level typed in other case, with spaces
    writeFileSync(input, await addUsersSheets(await writePlanToBuffer(plan), ["Budget 2026", "My pivot"]));
    inBytes = readFileSync(input);
  });

  afterEach(() => expect(readFileSync(input).equals(inBytes)).toBe(true));

  test("writes a new, clean workbook holding every answer, and names the sheets it did not carry", async () => {
    const output = path.join(dir, "repaired.xlsx");
    const before = statSync(input).mtimeMs;
    const result = await run("repair", input, output);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe(
      `Wrote ${output}: a new assessment from toolkit ${toolkit.version} with what was entered for 4 behaviours carried across from ${input} (1 of them retired answers, kept on the Retired answers sheet). ${input} was not changed.`,
    );
    expect(result.out[1]).toBe('Not carried across (copy them in Excel if you need them): "Budget 2026", "My pivot".');
    expect(statSync(input).mtimeMs).toBe(before);
    await expectWorkbookClean(output);

    // The reader reports the input as typed; carrying it (the upgrade's rule, in the core) moves the
    // entry that is not a level into the evidence text and writes " leader " as the level's own name.
    const typed = await assessmentIn(input);
    expect(typed.answers.behaviours["SL-ECSM-02"]).toEqual({ current: "Excellent", target: " leader " });
    expect(result.out[2]).toBe(
      'Warning: SL-ECSM-02: the current level "Excellent" is not a level name; it was kept in the evidence cell.',
    );
    const repaired = await assessmentIn(output);
    expect(repaired.answers).toEqual(carriedFrom(typed));
    expect(repaired.answers.behaviours).toMatchObject(given.behaviours);
    expect(repaired.answers.behaviours["SL-ECSM-02"]).toEqual({
      target: "Leader",
      evidence: "[Current level moved here by the repair, not a level: Excellent]",
    });
    expect(repaired.answers).toMatchObject({ council: "Anytown Council", assessmentDate: "2026-03-31" });
    expect(repaired.roles).toMatchObject({ "keyArea:BC-MSR": "Risk (ours)", summary: "Overview" });
    expect(repaired.roles.retired).toBe("Retired answers");
    const sheets = (await readSnapshotFromBuffer(new Uint8Array(readFileSync(output)))).sheets.map((s) => s.name);
    expect(sheets).not.toContain("Budget 2026");
  });

  test("never writes over IN, however OUT names it", async () => {
    const link = path.join(dir, "link.xlsx");
    linkSync(input, link);
    for (const same of [input, path.join(dir, ".", "return.xlsx"), path.relative(process.cwd(), input), link]) {
      const result = await run("repair", input, same, "--force");
      expect(result).toEqual({
        code: 2,
        out: [],
        err: [
          `nps-toolkit: ${same} is the workbook being repaired; repair never rewrites it. Name a new file for the repaired copy.`,
        ],
      });
    }
  });

  test("replaces an existing OUT only with --force", async () => {
    const output = path.join(dir, "taken.xlsx");
    writeFileSync(output, "my own work");
    expect(await run("repair", input, output)).toMatchObject({
      code: 2,
      err: [`nps-toolkit: "${output}" already exists. Use --force to replace it.`],
    });
    expect(readFileSync(output, "utf8")).toBe("my own work");
    expect((await run("repair", input, output, "--force")).code).toBe(0);
    expect((await assessmentIn(output)).answers).toEqual(carriedFrom(await assessmentIn(input)));
  });
});

describe("nps-toolkit repair with a bad IN: exit 2 and one clear line", () => {
  const dir = tempDir();
  const output = path.join(dir, "out.xlsx");

  async function refused(name: string, bytes: Uint8Array | string) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const result = await run("repair", file, output);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(existsSync(output)).toBe(false);
    return result.err[0];
  }

  test("files that are not assessment workbooks", async () => {
    expect(await refused("names.xlsx", "name,level\nA,Mature\n")).toBe(
      `nps-toolkit: ${path.join(dir, "names.xlsx")}: This file is not an Excel workbook (.xlsx): it could not be opened as one. Choose the .xlsx file of the assessment.`,
    );
    expect(await refused("old.xls", compoundFile(["Workbook"]))).toMatch(
      /: This is an Excel 97–2003 workbook \(\.xls\)/,
    );
    expect(await refused("locked.xlsx", compoundFile(["EncryptionInfo", "EncryptedPackage"]))).toMatch(
      /: This workbook is protected with a password/,
    );
    const whole = await writePlanToBuffer(buildWorkbookPlan(toolkit, given, { now }));
    expect(await refused("cut.xlsx", whole.subarray(0, 5000))).toMatch(/: This workbook file is incomplete/);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Figures").getCell("A1").value = 1;
    expect(await refused("plain.xlsx", new Uint8Array((await plain.xlsx.writeBuffer()) as ArrayBuffer))).toContain(
      cliWords.repair.noAssessment("plain.xlsx"),
    );
  });

  test("repair --help says what it does and that IN is never changed", async () => {
    const result = await run("repair", "--help");
    expect(result.code).toBe(0);
    expect(result.out.join("\n")).toMatch(/^Usage: nps-toolkit repair <in\.xlsx> <out\.xlsx> \[--force\]/);
    expect(result.out.join("\n")).toContain("<in.xlsx> is only read, never changed.");
  });

  test("a missing IN, and the wrong number of files", async () => {
    const missing = path.join(dir, "missing.xlsx");
    expect(await run("repair", missing, output)).toEqual({
      code: 2,
      out: [],
      err: [`nps-toolkit: "${missing}" does not exist.`],
    });
    expect((await run("repair", missing)).err).toEqual([
      "nps-toolkit: Say which workbook to repair and where to write the new one: nps-toolkit repair in.xlsx out.xlsx",
    ]);
  });
});

test("property: every answer, retired ones included, survives repair, by behaviour ID", async () => {
  const dir = tempDir();
  const retiredIds = ["XX-OLD-01", "XX-OLD-02", "ZZ-GONE-07"];
  // At least one answer for a behaviour the toolkit no longer has, as a workbook from an older toolkit keeps.
  const retired = fc.dictionary(fc.constantFrom(...retiredIds), behaviourAnswer(toolkit), { minKeys: 1 });
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(answersFor(toolkit), retired, async (current, old) => {
      const answers = { ...current, behaviours: { ...current.behaviours, ...old } };
      runs++;
      const input = path.join(dir, `in-${runs}.xlsx`);
      const output = path.join(dir, `out-${runs}.xlsx`);
      writeFileSync(input, await writePlanToBuffer(buildWorkbookPlan(toolkit, answers, { now })));
      const result = await run("repair", input, output);
      expect(result.code).toBe(0);
      expect((await assessmentIn(output)).answers).toEqual(nonEmpty(answers));
    }),
    { numRuns: 8 },
  );
  expect(runs).toBe(8);
});
