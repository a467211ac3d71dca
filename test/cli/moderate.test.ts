/**
 * nps-toolkit moderate on three sample returns of one council made by nps-toolkit new, then the moderated workbook
 * checked (with its sources given again, one of them changed since); and the bad inputs' exit codes and messages.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check/check";
import { knownToolkits } from "../../src/core/toolkit/registry";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { tempDir } from "../support/fixtures";
import { runCli } from "./run-cli";

const TODAY = "2026-11-26";
let dir: string;
const at = (name: string) => path.join(dir, name);

const newReturn = (file: string, respondent: string, role: string, council = "Anytown Council") =>
  runCli(
    "new",
    at(file),
    "--council",
    council,
    "--respondent",
    respondent,
    "--role",
    role,
    "--sample",
    "--date",
    "2026-11-01",
  );

beforeAll(async () => {
  dir = tempDir("nps-cli-moderate-");
  for (const [file, respondent, role] of [
    ["alice.xlsx", "Alice Smith", "Head of Procurement"],
    ["bob.xlsx", "Bob Jones", "Finance"],
    ["carol.xlsx", "Carol White", "Legal"],
  ])
    expect((await newReturn(file, respondent, role)).code).toBe(0);
}, 120_000);

test("three returns of one council make a council workbook that checks with no errors and names each respondent", async () => {
  const moderated = await runCli(
    "moderate",
    at("alice.xlsx"),
    at("bob.xlsx"),
    at("carol.xlsx"),
    "-o",
    at("council.xlsx"),
    "--today",
    TODAY,
  );
  expect(moderated.err).toBe("");
  expect(moderated.code).toBe(0);
  expect(moderated.out).toMatch(
    /^Wrote .*council\.xlsx: 3 returns of Anytown Council moderated: \d+ levels pre-filled/,
  );
  expect(moderated.out).toContain("Used: the levels and evidence of Alice Smith (Head of Procurement).");
  const snapshot = await readSnapshotFromBuffer(readFileSync(at("council.xlsx")));
  const result = checkWorkbook(snapshot, knownToolkits(), { today: TODAY });
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  const sheet = snapshot.sheets.find((s) => s.name === "Moderation")!;
  const headers = Object.values(sheet.cells).map((c) => c.value);
  for (const respondent of ["Alice Smith", "Bob Jones", "Carol White"])
    expect(headers).toContain(`${respondent}: current`);
  const checked = await runCli(
    "check",
    at("council.xlsx"),
    "--today",
    TODAY,
    "--source",
    at("alice.xlsx"),
    "--source",
    at("bob.xlsx"),
  );
  expect([checked.code, checked.err]).toEqual([0, ""]);
  expect(checked.out).not.toContain("moderation.source");
}, 180_000);

test("a folder's earlier moderated workbook is left out; a source return changed since is named by check --source", async () => {
  expect((await runCli("moderate", at("alice.xlsx"), at("bob.xlsx"), "-o", at("earlier.xlsx"), "--force")).code).toBe(
    0,
  );
  const fromFolder = await runCli("moderate", dir, "-o", at("folder.xlsx"), "--today", TODAY);
  expect(fromFolder.code).toBe(1);
  expect(fromFolder.out).toContain("Left out: it is already a moderated return (agreed from 2 respondents)");
  const later = await runCli(
    "new",
    at("bob-later.xlsx"),
    "--council",
    "Anytown Council",
    "--respondent",
    "Bob Jones",
    "--sample",
    "--date",
    "2026-11-20",
  );
  expect(later.code).toBe(0);
  const checked = await runCli("check", at("folder.xlsx"), "--today", TODAY, "--source", at("bob-later.xlsx"));
  expect(checked.out).toContain("moderation.source-changed");
  expect(checked.out).toContain("The return of Bob Jones");
}, 180_000);

test("a single return writes nothing (exit 2); another council's return is left out and logged (exit 1)", async () => {
  const single = await runCli("moderate", at("alice.xlsx"), "-o", at("single.xlsx"));
  expect(single.code).toBe(2);
  expect(single.out).toContain("only one could be used, so nothing was written");
  expect(existsSync(at("single.xlsx"))).toBe(false);
  expect((await newReturn("other.xlsx", "Eve Black", "Finance", "Otherton Council")).code).toBe(0);
  const mixed = await runCli("moderate", at("alice.xlsx"), at("other.xlsx"), at("bob.xlsx"), "-o", at("mixed.xlsx"));
  expect(mixed.code).toBe(1);
  expect(mixed.out).toContain("Left out: a return of Otherton Council, not of Anytown Council");
  expect(existsSync(at("mixed.xlsx"))).toBe(true);
}, 180_000);

test("moderate never writes over one of its returns", async () => {
  const over = await runCli("moderate", at("alice.xlsx"), at("bob.xlsx"), "-o", at("bob.xlsx"), "--force");
  expect(over.code).toBe(2);
  expect(over.err).toContain("moderate never writes over a return");
});
