/**
 * nps-toolkit consolidate on folders of returns mixed with everything the check's bad-input list holds: the
 * good returns are consolidated, the bad ones logged with their reasons, nothing crashes, the exit codes hold.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { mkdirSync } from "fs";
import * as path from "path";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { isRefusal, planSignedOffCopy } from "../../src/core/sign-off/sign-off";
import { checkWorkbook } from "../../src/core/check/check";
import { knownToolkits } from "../../src/core/toolkit/registry";
import { GROUP_DATA, GROUP_SUMMARY } from "../../src/core/plan/layout";
import { columnLetter } from "../../src/core/util/a1";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import {
  answersOf,
  NOW,
  returnPlan,
  tamperedPlan,
  TODAY,
  toolkit,
  writeReturn,
  zipBomb,
} from "../core/consolidate/fixtures";
import { tempDir } from "../support/fixtures";
import { convertWithLibreOffice, readComputed, recalculate } from "../support/libreoffice";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { compoundFile, craftZip, minimalWorkbook, storedEntry, filledCells } from "../xlsx/hostile-files";
import { runCli, runCliLines } from "./run-cli";

const anytown = () =>
  returnPlan(answersOf("Anytown Council", "2026-03-01", { "SL-ECSM-01": "Mature", "SL-ECSM-02": "Leader" }));
const borsetshire = () =>
  returnPlan(
    answersOf("Borsetshire County Council", "2026-03-31", {
      "SL-ECSM-01": { current: "Developing", evidence: '=HYPERLINK("http://evil.example","click")' },
    }),
  );

/** Every kind of file the check's bad-input list has, beside two good returns and a tampered one. */
async function mixedFolder(): Promise<string> {
  const dir = path.join(tempDir("nps-consolidate-"), "returns");
  mkdirSync(dir);
  await writeReturn(dir, "anytown.xlsx", anytown());
  await writeReturn(dir, "borsetshire.xlsx", borsetshire());
  await writeReturn(dir, "tampered.xlsx", tamperedPlan(answersOf("Tamperton Council", "2026-03-02", {})));
  const good = readFileSync(path.join(dir, "anytown.xlsx"));
  const bad: Record<string, Uint8Array | string> = {
    "notes.xlsx": "just some text",
    "empty.xlsx": "",
    "cut-short.xlsx": good.subarray(0, Math.floor(good.length / 2)),
    "password.xlsx": compoundFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]),
    "old.xlsx": compoundFile(["Workbook", "\u0005SummaryInformation"]),
    "binary.xlsx": craftZip(
      minimalWorkbook("", { mainType: "application/vnd.ms-excel.sheet.binary.macroEnabled.main+xml" }),
    ),
    "word.xlsx": craftZip([storedEntry("word/document.xml", "<w:document/>")]),
    "bomb.xlsx": zipBomb(),
    "someone-elses.xlsx": craftZip(minimalWorkbook(filledCells(5))),
    "~$anytown.xlsx": "Excel's lock file",
    "readme.txt": "not a workbook, and not .xlsx: not read",
  };
  for (const [name, bytes] of Object.entries(bad)) writeFileSync(path.join(dir, name), bytes);
  return dir;
}

describe("a folder of mixed returns", () => {
  let dir: string;
  let out: string;
  let result: Awaited<ReturnType<typeof runCliLines>>;
  beforeAll(async () => {
    dir = await mixedFolder();
    out = path.join(path.dirname(dir), "group.xlsx");
    result = await runCliLines(
      "consolidate",
      dir,
      "-o",
      out,
      "--csv",
      path.join(path.dirname(dir), "group.csv"),
      "--today",
      TODAY,
    );
  }, 120_000);

  test("uses the good returns, logs every other file with its reason, and exits 1", () => {
    expect(result.code).toBe(1);
    expect(result.err).toEqual([]);
    expect(result.out[0]).toBe(
      `Wrote ${out} and ${path.join(path.dirname(dir), "group.csv")}: 12 files: 2 returns used, 10 left out. 102 rows on Group Data (toolkit nps-2018 1.0.0).`,
    );
    const text = result.out.join("\n");
    const line = (file: string) => result.out.find((l) => l.includes(path.join(dir, file)));
    expect(line("anytown.xlsx")).toMatch(/^ {2}1 +Used +0 +\d+ +/);
    expect(line("borsetshire.xlsx")).toMatch(/^ {2}2 +Used +/);
    for (const file of [
      "notes.xlsx",
      "empty.xlsx",
      "cut-short.xlsx",
      "password.xlsx",
      "old.xlsx",
      "binary.xlsx",
      "word.xlsx",
      "bomb.xlsx",
      "someone-elses.xlsx",
      "tampered.xlsx",
    ])
      expect(line(file)).toMatch(/^ {2}- +Left out /);
    for (const reason of [
      "Could not be read. This file is not an Excel workbook (.xlsx)",
      "Could not be read. This workbook file is incomplete",
      "Could not be read. This workbook is protected with a password",
      "Could not be read. This is an Excel 97–2003 workbook (.xls)",
      "Could not be read. This is an Excel binary workbook (.xlsb)",
      "Could not be read. This file is not an Excel workbook: it holds no spreadsheet",
      "Not an NPS Toolkit assessment",
      "Left out because the check found 1 error, for example: Councillors & Senior Managers!D9",
    ])
      expect(text).toContain(reason);
    expect(text).toMatch(/bomb\.xlsx\n +Could not be read\. .*unpack/);
    expect(text).not.toContain("~$anytown.xlsx");
    expect(text).not.toContain("readme.txt");
  });

  test("the group workbook is valid, and LibreOffice recalculates its Group Summary to the returns' figures", async () => {
    await expectWorkbookClean(out);
    const computed = await readComputed(await recalculate(out));
    const summary = computed["Group Summary"];
    const row = GROUP_SUMMARY.firstRow; // Engaging Councillors and Senior Managers
    // Anytown (3+4)/2, Borsetshire 2; mean 2.5 of the two, lowest 2, highest 3.5, spread 1.5.
    expect(["C", "D", "E", "F", "G", "H"].map((c) => summary[`${c}${row}`])).toEqual([3.5, 2, 2.75, 2, 3.5, 1.5]);
    const log = computed["Consolidation Log"];
    expect(log.A2).toMatch(/^12 files: 2 returns used, 10 left out\./);
  });

  test("the CSV opened by LibreOffice, which runs formulas in a CSV, holds the evidence as text", async () => {
    const csv = path.join(path.dirname(dir), "group.csv");
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const converted = await convertWithLibreOffice(csv, "xlsx", "xlsx:Calc MS Excel 2007 XML");
    const snapshot = await readSnapshotFromBuffer(readFileSync(converted));
    const cells = Object.values(snapshot.sheets[0].cells);
    expect(cells.filter((cell) => cell.formula !== undefined)).toEqual([]);
    expect(cells.map((cell) => cell.value)).toContain(`'=HYPERLINK("http://evil.example","click")`);
  }, 60_000);

  test("a second run does not read its own output in the folder, and will not replace it without --force", async () => {
    const folder = path.join(tempDir("nps-consolidate-"), "returns");
    mkdirSync(folder);
    await writeReturn(folder, "anytown.xlsx", anytown());
    const inside = path.join(folder, "group.xlsx");
    const first = await runCli("consolidate", folder, "-o", inside, "--today", TODAY);
    expect(first.code).toBe(0);
    const again = await runCli("consolidate", folder, "-o", inside, "--today", TODAY);
    expect(again).toMatchObject({ code: 2, err: expect.stringMatching(/already exists\. Use --force/) });
    const forced = await runCli("consolidate", folder, "-o", inside, "--force", "--today", TODAY);
    expect(forced).toMatchObject({ code: 0, out: expect.stringMatching(/1 file: 1 return used, 0 left out/) });
    const beside = await runCli("consolidate", folder, "-o", path.join(folder, "group-2.xlsx"), "--today", TODAY);
    expect(beside.code).toBe(1);
    expect(beside.out).toMatch(/2 files: 1 return used, 1 left out/);
    expect(beside.out).toContain(
      "Not an NPS Toolkit assessment: it is a group workbook made by consolidating returns, not a return.",
    );
  }, 120_000);
});

describe("exit codes", () => {
  test("0 when every file was used; --include-errors uses a return with errors", async () => {
    const dir = tempDir("nps-consolidate-");
    const files = [
      await writeReturn(dir, "a.xlsx", anytown()),
      await writeReturn(dir, "t.xlsx", tamperedPlan(answersOf("Tamperton Council", "2026-03-02", {}))),
    ];
    const out = path.join(dir, "group.xlsx");
    expect((await runCli("consolidate", files[0], "-o", out, "--today", TODAY)).code).toBe(0);
    const strict = await runCli("consolidate", ...files, "-o", out, "--force", "--today", TODAY);
    expect(strict.code).toBe(1);
    const missing = await runCli(
      "consolidate",
      files[0],
      path.join(dir, "gone.xlsx"),
      "-o",
      out,
      "--force",
      "--today",
      TODAY,
    );
    expect(missing.code).toBe(1);
    expect(missing.out).toContain(
      `Could not be read. ${path.join(dir, "gone.xlsx")} could not be read: there is no such file.`,
    );
    const included = await runCli("consolidate", ...files, "-o", out, "--force", "--include-errors", "--today", TODAY);
    expect(included.code).toBe(0);
    expect(included.out).toMatch(/2 +Used with errors +1 /);
  }, 60_000);

  test("2, with no file written, when nothing could be consolidated (drafts only, and --final-only)", async () => {
    const dir = tempDir("nps-consolidate-");
    const draft = await writeReturn(dir, "a.xlsx", anytown());
    writeFileSync(path.join(dir, "junk.xlsx"), "junk");
    const out = path.join(dir, "group.xlsx");
    const nothing = await runCli("consolidate", path.join(dir, "junk.xlsx"), "-o", out, "--today", TODAY);
    expect(nothing.code).toBe(2);
    expect(nothing.out).toMatch(
      /^1 file: 0 returns used, 1 left out\. Nothing could be consolidated, so no file was written\./,
    );
    const drafts = await runCli("consolidate", draft, "-o", out, "--final-only", "--today", TODAY);
    expect(drafts.code).toBe(2);
    expect(drafts.out).toContain("Left out because it is a draft (not signed off)");
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  test("2 for wrong usage: no returns, no -o, an output that is a return, a CSV not named .csv, a bad --today", async () => {
    const dir = tempDir("nps-consolidate-");
    const file = await writeReturn(dir, "a.xlsx", anytown());
    expect(await runCli("consolidate", "-o", "g.xlsx")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Say which returns/),
    });
    expect(await runCli("consolidate", file)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Say where to write/),
    });
    expect(await runCli("consolidate", file, "-o", file, "--force")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/is one of the returns/),
    });
    expect(
      await runCli("consolidate", file, "-o", path.join(dir, "g.xlsx"), "--csv", path.join(dir, "g.txt")),
    ).toMatchObject({
      code: 2,
      err: expect.stringMatching(/must end in \.csv/),
    });
    expect(await runCli("consolidate", file, "-o", path.join(dir, "g.xlsx"), "--today", "2026-02-30")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--today must be a real date/),
    });
  });
});

describe("respondents and sign-off", () => {
  test("two respondents in one council are two returns; Final and Draft come from the recorded sign-off", async () => {
    const dir = path.join(tempDir("nps-consolidate-"), "returns");
    mkdirSync(dir);
    const jane = {
      ...answersOf("Anytown Council", "2026-03-01", { "SL-ECSM-01": "Mature" }),
      respondent: "Jane Smith",
      role: "Procurement",
    };
    const raj = {
      ...answersOf("Anytown Council", "2026-03-01", { "SL-ECSM-01": "Leader" }),
      respondent: "Raj Patel",
      role: "Finance",
    };
    const snapshot = await readSnapshotFromBuffer(await writePlanToBuffer(returnPlan(jane)));
    const signed = planSignedOffCopy({
      snapshot,
      toolkit,
      request: { by: "Jane Smith", on: "2026-03-02", now: NOW, allowIncomplete: true },
      check: checkWorkbook(snapshot, knownToolkits(), { today: TODAY }),
    });
    if (isRefusal(signed)) throw new Error(signed.message);
    await writeReturn(dir, "jane.xlsx", signed.planned.plan);
    await writeReturn(dir, "raj.xlsx", returnPlan(raj));
    const out = path.join(path.dirname(dir), "group.xlsx");
    const all = await runCliLines("consolidate", dir, "-o", out, "--today", TODAY);
    expect(all.code).toBe(0);
    expect(all.out[0]).toMatch(/2 files: 2 returns used, 0 left out/);
    const groupData = (await readSnapshotFromBuffer(readFileSync(out))).sheets.find((s) => s.name === "Group Data")!;
    const C = GROUP_DATA.columns;
    const row = (r: number) =>
      [C.council, C.respondent, C.role, C.currentLevel, C.status].map(
        (c) => groupData.cells[`${columnLetter(c)}${r}`]?.value,
      );
    expect(row(GROUP_DATA.firstRow)).toEqual(["Anytown Council", "Jane Smith", "Procurement", "Mature", "Final"]);
    expect(row(GROUP_DATA.firstRow + 51)).toEqual(["Anytown Council", "Raj Patel", "Finance", "Leader", "Draft"]);
    const finals = await runCli("consolidate", dir, "-o", out, "--force", "--final-only", "--today", TODAY);
    expect(finals.code).toBe(1);
    expect(finals.out).toContain(
      "Left out because it is a draft (not signed off), and only final returns were asked for.",
    );
  }, 120_000);
});
