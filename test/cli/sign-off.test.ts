import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { readAssessment, type FoundAssessment } from "../../src/core/answers/from-snapshot";
import type { Answers } from "../../src/core/plan/answer-types";
import { readSignOff } from "../../src/core/assessment/sign-off";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { GUIDE } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { todayIso } from "../../src/core/util/dates";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { tempDir } from "../support/fixtures";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { typeInto } from "../support/recalculate-plan";
import { runCliLines as run } from "./run-cli";
import { loadWithExcelJs } from "../support/exceljs-load";
import { readFile as readFileBytes } from "fs/promises";
import { findingWords } from "../../src/core/words/findings";
import { cliWords } from "../../src/core/words/cli";
import { signOffWords } from "../../src/core/words/sign-off";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");

const ids = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));
const firstArea = toolkit.themes[0].keyAreas[0];

/** A complete return: every behaviour has a current level, with evidence, so the check has nothing to say. */
const given: Answers = {
  council: "Anytown Council",
  assessmentDate: "2026-03-31",
  respondent: "Jo Bloggs",
  role: "Finance",
  behaviours: {
    ...Object.fromEntries(
      ids.map((id, i) => [id, { current: toolkit.levels[i % toolkit.levels.length], evidence: "Board minutes" }]),
    ),
    "SL-ECSM-01": { current: "Mature", target: "Leader", evidence: "Board minutes", owner: "Ann" },
    "BC-MSR-02": { current: "Developing", evidence: "=SUM(A1:A3) is text" },
  },
};

const signedOffLine = signOffWords.signedOff("Sam Lead", "2026-11-20");

async function assessmentIn(file: string): Promise<FoundAssessment> {
  const found = readAssessment(await readSnapshotFromBuffer(new Uint8Array(readFileSync(file))), toolkit);
  if (!found) throw new Error(`${file} holds no assessment`);
  return found;
}

describe("nps-toolkit sign-off FILE --by NAME", () => {
  const dir = tempDir();
  const input = path.join(dir, "return.xlsx");
  const broken = path.join(dir, "broken.xlsx");
  let inBytes: Buffer;

  beforeAll(async () => {
    writeFileSync(input, await writePlanToBuffer(buildWorkbookPlan(toolkit, given, { now })));
    inBytes = readFileSync(input);
    const plan = buildWorkbookPlan(toolkit, given, { now });
    typeInto(plan, "keyArea:SL-ECSM", "J10", "Excellent"); // not a level: an error
    writeFileSync(broken, await writePlanToBuffer(plan));
  });

  afterEach(() => expect(readFileSync(input).equals(inBytes)).toBe(true));

  test("writes a new, valid workbook signed off, with every answer; the check reads it as signed off", async () => {
    const output = path.join(dir, "final.xlsx");
    const result = await run("sign-off", input, "--by", "Sam Lead", "--on", "2026-11-20", "-o", output);
    expect(result).toEqual({
      code: 0,
      err: [],
      out: [`Wrote ${output}: a signed-off copy of ${input}, which was not changed.`, signedOffLine],
    });
    await expectWorkbookClean(output);
    const found = await assessmentIn(output);
    expect(found.answers).toEqual((await assessmentIn(input)).answers);
    expect(found.info).toMatchObject({ signedOffBy: "Sam Lead", signedOffOn: "2026-11-20", respondent: "Jo Bloggs" });
    expect(readSignOff(found, toolkit).state).toBe("final");
    const checked = await run("check", output, "--json", "--today", "2026-11-26");
    const findings = JSON.parse(checked.out.join("\n")).files[0].findings as { rule: string; severity: string }[];
    expect(findings.filter((f) => f.rule.startsWith("signoff."))).toEqual([
      expect.objectContaining({ rule: "signoff.signed-off", severity: "info", cell: "B9" }),
    ]);
  });

  test("an answer changed in Excel afterwards: check warns that it changed since sign-off", async () => {
    const output = path.join(dir, "then-changed.xlsx");
    expect((await run("sign-off", input, "--by", "Sam Lead", "-o", output)).code).toBe(0);
    const workbook = await loadWithExcelJs(new Uint8Array(await readFileBytes(output)));
    workbook.getWorksheet(toolkit.themes[0].keyAreas[0].sheetName)!.getCell("M9").value = "Board minutes, revised";
    await workbook.xlsx.writeFile(output);
    const checked = await run("check", output, "--json");
    const findings = JSON.parse(checked.out.join("\n")).files[0].findings as { rule: string }[];
    expect(findings.filter((f) => f.rule.startsWith("signoff.")).map((f) => f.rule)).toEqual([
      "signoff.answers-changed",
    ]);
    expect(checked.code).toBe(0);
  });

  test("the new file is <file>-signed-off.xlsx beside it unless -o says otherwise, dated today", async () => {
    const result = await run("sign-off", input, "--by", "Sam Lead");
    const output = path.join(dir, "return-signed-off.xlsx");
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe(`Wrote ${output}: a signed-off copy of ${input}, which was not changed.`);
    expect((await assessmentIn(output)).info.signedOffOn).toBe(todayIso());
    expect((await run("sign-off", input, "--by", "Sam Lead")).err).toEqual([
      `nps-toolkit: "${output}" already exists. Use --force to replace it.`,
    ]);
    expect((await run("sign-off", input, "--by", "Pat Other", "--force")).code).toBe(0);
    expect((await assessmentIn(output)).info.signedOffBy).toBe("Pat Other");
  });

  test("a return with errors is not signed off: the errors are listed and nothing is written", async () => {
    const output = path.join(dir, "broken-final.xlsx");
    const result = await run("sign-off", broken, "--by", "Sam Lead", "-o", output);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual([
      `${broken}: This return has 1 error (a figure on Summary, Gaps or Data cannot be trusted, or the toolkit's text was changed), so it was not signed off.`,
      `  Councillors & Senior Managers!J10: ${findingWords.answer.notALevel(findingWords.answer.current)} (answer.not-a-level)`,
      cliWords.signOff.correctErrors,
    ]);
    expect(existsSync(output)).toBe(false);
  });

  test("--with-errors signs off anyway, says so, and the entry that is not a level moves into the evidence with a note saying the sign-off moved it", async () => {
    const output = path.join(dir, "broken-anyway.xlsx");
    // The behaviour whose level is not a level has no current level: its key area is not complete either.
    const refused = await run("sign-off", broken, "--by", "Sam Lead", "-o", output, "--with-errors");
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toContain(`${firstArea.name} (${firstArea.behaviours.length - 1} of`);
    expect(existsSync(output)).toBe(false);
    const args = ["-o", output, "--with-errors", "--allow-incomplete", "--on", "2026-11-20"];
    const result = await run("sign-off", broken, "--by", "Sam Lead", ...args);
    expect(result.code).toBe(0);
    expect(result.out).toContain("Signed off with 1 error, as --with-errors asked:");
    expect(result.out.join("\n")).not.toMatch(/Repaired|Carried|carried across\.|Sheets made/);
    const found = await assessmentIn(output);
    expect(found.answers.behaviours["SL-ECSM-02"].evidence).toBe(
      "Board minutes\n[Current level moved here by the sign-off, not a level: Excellent]",
    );
    expect(readSignOff(found, toolkit).state).toBe("final");
  });

  test("a return with no answers is never signed off, even with --allow-incomplete: exit 1, nothing written", async () => {
    const blank = path.join(dir, "blank.xlsx");
    writeFileSync(
      blank,
      await writePlanToBuffer(buildWorkbookPlan(toolkit, { council: "Anytown", behaviours: {} }, { now })),
    );
    const output = path.join(dir, "blank-final.xlsx");
    const result = await run("sign-off", blank, "--by", "Sam Lead", "-o", output, "--allow-incomplete");
    expect(result).toEqual({
      code: 1,
      out: [],
      err: [
        `${blank}: This return has no answers yet: no behaviour has a current level, so there is nothing to sign off.`,
        "Pick a current level for each behaviour first; then sign off.",
      ],
    });
    expect(existsSync(output)).toBe(false);
  });

  test("a return not complete is refused naming its key areas; --allow-incomplete signs it off and says so", async () => {
    const partial = path.join(dir, "partial.xlsx");
    const answers = structuredClone(given);
    for (const behaviour of firstArea.behaviours.slice(0, 2)) delete answers.behaviours[behaviour.id];
    writeFileSync(partial, await writePlanToBuffer(buildWorkbookPlan(toolkit, answers, { now })));
    const output = path.join(dir, "partial-final.xlsx");
    const areaLine = `${firstArea.name} (${firstArea.behaviours.length - 2} of ${firstArea.behaviours.length} behaviours with a current level)`;
    const refused = await run("sign-off", partial, "--by", "Sam Lead", "--on", "2026-11-20", "-o", output);
    expect(refused).toEqual({
      code: 1,
      out: [],
      err: [
        `${partial}: This return is not complete, so it was not signed off: one key area has behaviours without a current level: ${areaLine}.`,
        "Pick a current level for every behaviour, then sign off again; or add --allow-incomplete to sign off as it is.",
      ],
    });
    expect(existsSync(output)).toBe(false);
    const args = ["--on", "2026-11-20", "-o", output, "--allow-incomplete"];
    const result = await run("sign-off", partial, "--by", "Sam Lead", ...args);
    expect(result).toEqual({
      code: 0,
      err: [],
      out: [
        `Wrote ${output}: a signed-off copy of ${partial}, which was not changed.`,
        signedOffLine,
        `Signed off although it is not complete, as asked: ${areaLine}.`,
      ],
    });
    expect(readSignOff(await assessmentIn(output), toolkit).state).toBe("final");
  });

  test.each([
    [["sign-off", "IN"], "Say which workbook to sign off and who signs it off"],
    [["sign-off", "IN", "--by", " "], "Say who signs the answers off: a name is needed."],
    [
      ["sign-off", "IN", "--by", "Sam", "--on", "31/03/2026"],
      "The sign-off date must be a real date written YYYY-MM-DD",
    ],
    [["sign-off", "IN", "--by", "Sam", "--on", "2999-01-01"], "is in the future"],
    [["sign-off", "IN", "--by", "Sam", "-o", "IN"], "is the workbook being signed off; sign-off never rewrites it"],
    [["sign-off", "IN", "--by", "Sam", "-o", "out.txt"], "The file name must end in .xlsx"],
    [["sign-off", "MISSING", "--by", "Sam"], "does not exist"],
  ])("%j is refused in one line, exit 2", async (args, message) => {
    const missing = path.join(dir, "missing.xlsx");
    const result = await run(...args.map((a) => (a === "IN" ? input : a === "MISSING" ? missing : a)));
    expect(result.code).toBe(2);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toContain(message);
  });

  test("a workbook that is not an assessment is refused, exit 2", async () => {
    const other = path.join(dir, "other.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Budget").getCell("A1").value = "Our figures";
    await workbook.xlsx.writeFile(other);
    const result = await run("sign-off", other, "--by", "Sam", "-o", path.join(dir, "other-final.xlsx"));
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain(cliWords.signOff.noAssessment(other));
  });

  test("warnings do not stop a sign-off; each is listed with its cell", async () => {
    const unproven = path.join(dir, "unproven.xlsx");
    const noEvidence: Answers = {
      ...given,
      behaviours: { ...given.behaviours, "SL-ECSM-01": { current: "Mature", target: "Leader" } },
    };
    writeFileSync(unproven, await writePlanToBuffer(buildWorkbookPlan(toolkit, noEvidence, { now })));
    const output = path.join(dir, "unproven-final.xlsx");
    const result = await run("sign-off", unproven, "--by", "Sam Lead", "--on", "2026-11-20", "-o", output);
    expect(result.code).toBe(0);
    expect(result.out.slice(2)).toEqual([
      `The check found 1 warning in ${unproven}, which does not stop a sign-off:`,
      "  Councillors & Senior Managers!M9: The current level is Mature, but there is no evidence for it. (answer.evidence-missing)",
    ]);
  });

  test("the Guide shows who and when in the cells the layout names", async () => {
    const output = path.join(dir, "guide.xlsx");
    await run("sign-off", input, "--by", "Sam Lead", "--on", "2026-11-20", "-o", output);
    const workbook = await loadWithExcelJs(new Uint8Array(await readFileBytes(output)));
    const guide = workbook.getWorksheet("Guide")!;
    const cell = (at: { row: number; column: number }) => guide.getCell(at.row, at.column);
    expect(cell(GUIDE.signedOffByCell).value).toBe("Sam Lead");
    expect(cell(GUIDE.signedOffOnCell).numFmt).toBe("dd/mm/yyyy");
    expect(guide.getCell(GUIDE.signedOffByCell.row, 1).value).toBe("Signed off by");
    expect(cell(GUIDE.signedOffByCell).protection?.locked).not.toBe(false);
    expect(cell(GUIDE.respondentCell).protection?.locked).toBe(false);
  });
});
