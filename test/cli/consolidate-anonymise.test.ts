/**
 * nps-toolkit consolidate --anonymise: seven returns (one council twice with two respondents, one return given
 * twice), the group workbook searched part by part for every council, respondent, role, evidence, owner and
 * file name of its inputs, its figures from too few returns checked after LibreOffice recalculates it, and the
 * key file holding what the workbook does not.
 */
import { existsSync, readFileSync } from "fs";
import { mkdirSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { Answers, BehaviourAnswer } from "../../src/core/plan/answer-types";
import { GROUP_DATA, GROUP_SUMMARY } from "../../src/core/plan/layout";
import { cellAddress } from "../../src/core/util/a1";
import { peerWords } from "../../src/core/words/peers";
import { answersOf, returnPlan, TODAY, toolkit, writeReturn } from "../core/consolidate/fixtures";
import { tempDir } from "../support/fixtures";
import { findErrorValues, readComputed, recalculate, type ComputedWorkbook } from "../support/libreoffice";
import { expectWorkbookClean } from "../support/xlsx-checks";
import { runCli } from "./run-cli";

interface Given {
  file: string;
  council: string;
  respondent: string;
  role: string;
  date: string;
  councilType: string;
  region: string;
  /** Engaging Councillors' first behaviour, and Working with Partners' first when given. */
  engaging: string;
  partners?: string;
  evidence: string;
  owner: string;
}

const GIVEN: Given[] = [
  {
    file: "anytown-jane.xlsx",
    council: "Anytown Council",
    respondent: "Jane Quillfeather",
    role: "Zephyr Sourcing",
    date: "2026-03-01",
    councilType: "District",
    region: "South West",
    engaging: "Mature",
    partners: "Leader",
    evidence: "Anytown quixotic contracts register",
    owner: "Olwen Quagmire",
  },
  {
    file: "anytown-raj.xlsx",
    council: "Anytown Council",
    respondent: "Raj Vortexian",
    role: "Xylo Finance",
    date: "2026-03-02",
    councilType: "District",
    region: "South West",
    engaging: "Developing",
    partners: "Mature",
    evidence: "Minutes of the Vortexian board",
    owner: "Percival Thistlewood",
  },
  {
    file: "bramblewick.xlsx",
    council: "Bramblewick Borough",
    respondent: "Bea Marchbanks",
    role: "Category Zenith",
    date: "2026-03-03",
    councilType: "District",
    region: "South West",
    engaging: "Leader",
    partners: "Innovator",
    evidence: "Bramblewick social value ledger",
    owner: "Ulric Fennimore",
  },
  {
    file: "cragmoor.xlsx",
    council: "Cragmoor Council",
    respondent: "Cass Harrowgate",
    role: "Quartermaster Jinks",
    date: "2026-03-04",
    councilType: "District",
    region: "North West",
    engaging: "Minimum",
    evidence: "Cragmoor spend cube",
    owner: "Ysolde Brackenridge",
  },
  {
    file: "dunholm.xlsx",
    council: "Dunholm Council",
    respondent: "Dev Okonkwo-Pryce",
    role: "Wyvern Commissioning",
    date: "2026-03-05",
    councilType: "District",
    region: "South West",
    engaging: "Innovator",
    evidence: "Dunholm supplier day notes",
    owner: "Ignatius Pellow",
  },
  {
    file: "eastwold.xlsx",
    council: "Eastwold County Council",
    respondent: "Edith Saltmarsh",
    role: "Kestrel Contracts",
    date: "2026-03-06",
    councilType: "County",
    region: "North East",
    engaging: "Mature",
    evidence: "Eastwold strategy refresh",
    owner: "Hamish Trevelyan",
  },
  // The same council and respondent again, with an earlier date: a duplicate, left out.
  {
    file: "eastwold-earlier.xlsx",
    council: "Eastwold County Council",
    respondent: "Edith Saltmarsh",
    role: "Kestrel Contracts",
    date: "2026-01-06",
    councilType: "County",
    region: "North East",
    engaging: "Leader",
    evidence: "Eastwold draft from January",
    owner: "Gwendolyn Spratt",
  },
];

function answersFor(given: Given): Answers {
  const levels: Record<string, BehaviourAnswer> = {
    "SL-ECSM-01": { current: given.engaging, evidence: given.evidence, owner: given.owner },
  };
  if (given.partners) levels["SL-WWP-01"] = { current: given.partners };
  return {
    ...answersOf(given.council, given.date, levels),
    respondent: given.respondent,
    role: given.role,
    councilType: given.councilType,
    region: given.region,
  };
}

let dir: string;
let out: string;

/** The returns consolidated anonymised into files of `dir` so named. */
const consolidateAnonymised = (names: { xlsx: string; csv: string; key: string }) =>
  runCli(
    "consolidate",
    path.join(dir, "returns"),
    ...["-o", path.join(dir, names.xlsx), "--csv", path.join(dir, names.csv)],
    ...["--anonymise", "--key", path.join(dir, names.key), "--today", TODAY],
  );
let code: number;
let computed: ComputedWorkbook;

beforeAll(async () => {
  dir = tempDir("nps-anonymise-");
  const returns = path.join(dir, "returns");
  mkdirSync(returns);
  for (const given of GIVEN) await writeReturn(returns, given.file, returnPlan(answersFor(given)));
  const result = await consolidateAnonymised({ xlsx: "shared.xlsx", csv: "shared.csv", key: "key.csv" });
  code = result.code;
  out = result.out;
  await expectWorkbookClean(path.join(dir, "shared.xlsx"));
  computed = await readComputed(await recalculate(path.join(dir, "shared.xlsx")));
}, 240_000);

/** Everything of the inputs that says whose they are. */
const secrets = () => [
  ...new Set(
    GIVEN.flatMap((g) => [g.council, g.respondent, g.role, g.evidence, g.owner, g.file, path.parse(g.file).name]),
  ),
];

const escapedXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

test("six returns used, the earlier duplicate left out (exit 1, as any file left out)", () => {
  expect(code).toBe(1);
  expect(out).toMatch(/^Wrote .*shared\.xlsx and .*shared\.csv and .*key\.csv: 7 files: 6 returns used, 1 left out\./);
});

test("no part of the anonymised workbook names a council, respondent, role, evidence, owner or file of its inputs", async () => {
  const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "shared.xlsx")));
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  // Sheets, shared strings, the workbook (sheet and defined names), tables, styles, document properties.
  expect(parts).toEqual(expect.arrayContaining(["docProps/core.xml", "docProps/app.xml", "xl/workbook.xml"]));
  expect(parts.some((part) => part.startsWith("xl/tables/"))).toBe(true);
  const found: string[] = [];
  for (const part of parts) {
    const text = (await zip.file(part)!.async("string")).toLowerCase();
    for (const secret of secrets())
      if (text.includes(secret.toLowerCase()) || text.includes(escapedXml(secret).toLowerCase()))
        found.push(`${secret} in ${part}`);
  }
  expect(found).toEqual([]);
});

test("the same search finds them in the group workbook made without --anonymise (so it can fail)", async () => {
  const plain = path.join(dir, "plain.xlsx");
  expect((await runCli("consolidate", path.join(dir, "returns"), "-o", plain, "--today", TODAY)).code).toBe(1);
  const zip = await JSZip.loadAsync(readFileSync(plain));
  const texts = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => !zip.files[name].dir)
      .map(async (part) => (await zip.file(part)!.async("string")).toLowerCase()),
  );
  const missing = secrets().filter((secret) => !texts.some((text) => text.includes(secret.toLowerCase())));
  // Only the left-out duplicate's evidence and owner are in no group workbook.
  expect(missing).toEqual(["Eastwold draft from January", "Gwendolyn Spratt"]);
});

test("nor does the anonymised CSV of Group Data", () => {
  const csv = readFileSync(path.join(dir, "shared.csv"), "utf8").toLowerCase();
  expect(secrets().filter((secret) => csv.includes(secret.toLowerCase()))).toEqual([]);
  expect(csv.split("\r\n")).toHaveLength(1 + 6 * 51 + 1);
});

test("the key file, and only it, says whose return has which number", () => {
  const key = readFileSync(path.join(dir, "key.csv"), "utf8");
  const used = GIVEN.slice(0, 6);
  expect(key).toBe(
    `\uFEFFReturn,Council,Respondent,Role or department,Source file\r\n${used
      .map((g, i) => `${i + 1},${g.council},${g.respondent},${g.role},${path.join(dir, "returns", g.file)}`)
      .join("\r\n")}\r\n`,
  );
});

test("returns are Return 1 to 6, and Group Data holds no council type, region or source file", () => {
  const summary = computed["Group Summary"];
  const labels = [1, 2, 3, 4, 5, 6].map((n) => summary[cellAddress(GROUP_SUMMARY.headerRow, 2 + n)]);
  expect(labels).toEqual(["Return 1", "Return 2", "Return 3", "Return 4", "Return 5", "Return 6"]);
  const data = computed["Group Data"];
  const C = GROUP_DATA.columns;
  const columnValues = (column: number) =>
    Array.from({ length: 6 * 51 }, (_, i) => data[cellAddress(GROUP_DATA.firstRow + i, column)]).filter(
      (value) => value !== undefined && value !== null,
    );
  for (const column of [C.council, C.respondent, C.role, C.councilType, C.region, C.evidence, C.owner, C.sourceFile])
    expect(columnValues(column)).toEqual([]);
  expect(columnValues(C.currentLevel)).toHaveLength(6 + 3);
  const log = computed["Consolidation Log"];
  const files = Array.from({ length: 7 }, (_, i) => log[`A${5 + i}`]);
  expect(files.sort()).toEqual(["Left out", "Return 1", "Return 2", "Return 3", "Return 4", "Return 5", "Return 6"]);
});

/** A Group Summary row's cells from column C on: the six returns, then the four statistics. */
function summaryCells(row: number, count = 10) {
  return Array.from({ length: count }, (_, i) => {
    const value = computed["Group Summary"][cellAddress(row, 3 + i)] ?? "";
    return typeof value === "number" ? Number(value.toFixed(9)) : value;
  });
}

function rowOf(label: string, from = 1): number {
  for (let row = from; row < 500; row++) if (computed["Group Summary"][`A${row}`] === label) return row;
  throw new Error(`No row "${label}" below row ${from}`);
}

test("the group's figures: shown over six returns, not shown where fewer than five returns have a figure", () => {
  expect(findErrorValues(computed)).toEqual([]);
  const suppressed = Array(4).fill(peerWords.suppressed);
  // Engaging Councillors: 3, 2, 4, 1, 5, 3: mean 3, lowest 1, highest 5, spread 4, over six returns.
  expect(summaryCells(GROUP_SUMMARY.firstRow)).toEqual([3, 2, 4, 1, 5, 3, 3, 1, 5, 4]);
  // Working with Partners: only returns 1 to 3 answered (4, 3, 5): their figures stand, the group's are not shown.
  expect(summaryCells(GROUP_SUMMARY.firstRow + 1)).toEqual([4, 3, 5, "", "", "", ...suppressed]);
  // And their levels below: not shown either.
  const levelsTop = rowOf(toolkit.themes[0].keyAreas[1].name, GROUP_SUMMARY.firstRow + 2);
  expect(summaryCells(levelsTop, 9).slice(6)).toEqual(Array(3).fill(peerWords.suppressed));
  expect(computed["Group Summary"].A4).toBe(peerWords.suppressedNote(5));
});

test("by council type: District's five returns shown, County's one not (nor its count)", () => {
  const title = rowOf(peerWords.groupsTitle.councilType);
  expect(summaryCells(title + 1, 8)).toEqual(["County", "", "", "", "District", "", "", ""]);
  expect(summaryCells(title + 2, 8)).toEqual(["Fewer than 5", "", "", "", 5, "", "", ""]);
  const engaging = title + 4;
  const suppressed = Array(4).fill(peerWords.suppressed);
  // District: 3, 2, 4, 1, 5: mean 3, lowest 1, highest 5, spread 4.
  expect(summaryCells(engaging, 8)).toEqual([...suppressed, 3, 1, 5, 4]);
  // Working with Partners: three District returns have a figure: not shown.
  expect(summaryCells(engaging + 1, 8)).toEqual([...suppressed, ...suppressed]);
});

test("by region: no region has five returns, so no figure of any is shown", () => {
  const title = rowOf(peerWords.groupsTitle.region);
  expect(summaryCells(title + 1, 12)).toEqual([
    "North East",
    "",
    "",
    "",
    "North West",
    "",
    "",
    "",
    "South West",
    "",
    "",
    "",
  ]);
  expect(summaryCells(title + 2, 12).filter((v) => v !== "")).toEqual(Array(3).fill("Fewer than 5"));
  const body = summaryCells(title + 4, 12);
  expect(body).toEqual(Array(12).fill(peerWords.suppressed));
});

test("--anonymise needs --key, --key needs --anonymise, and nothing is written without them", async () => {
  const returns = path.join(dir, "returns");
  const noKey = await runCli("consolidate", returns, "-o", path.join(dir, "a.xlsx"), "--anonymise");
  expect(noKey.code).toBe(2);
  expect(noKey.err).toMatch(/--anonymise --key key\.csv/);
  const noAnonymise = await runCli(
    "consolidate",
    returns,
    "-o",
    path.join(dir, "b.xlsx"),
    "--key",
    path.join(dir, "k.csv"),
  );
  expect(noAnonymise.code).toBe(2);
  expect(noAnonymise.err).toMatch(/give --anonymise too/);
  const sameFile = await consolidateAnonymised({ xlsx: "c.xlsx", csv: "same.csv", key: "same.csv" });
  expect(sameFile.code).toBe(2);
  expect([
    existsSync(path.join(dir, "a.xlsx")),
    existsSync(path.join(dir, "b.xlsx")),
    existsSync(path.join(dir, "c.xlsx")),
  ]).toEqual([false, false, false]);
});
