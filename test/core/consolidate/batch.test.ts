/**
 * A batch of generated returns with answers worked out by hand — several councils, two respondents in one council,
 * a duplicate, an older toolkit version, a tampered return, a hostile file, and injection strings in evidence and
 * council names — consolidated,
 * written, validated by the Open XML SDK, recalculated by LibreOffice Calc, and compared with the hand's figures.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { consolidateReturns } from "../../../src/core/consolidate/consolidate";
import { planGroupWorkbook } from "../../../src/core/consolidate/group-plan";
import type { Consolidation } from "../../../src/core/consolidate/types";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { GROUP_DATA, GROUP_SUMMARY, KEY_AREA } from "../../../src/core/plan/layout";
import { columnLetter } from "../../../src/core/util/a1";
import { readReturn } from "../../../src/xlsx/read-return";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { readFile } from "fs/promises";
import { tempDir } from "../../support/fixtures";
import { recalculatePlans } from "../../support/recalculate-plan";
import { findErrorValues, type ComputedWorkbook } from "../../support/libreoffice";
import {
  answersOf,
  NOW,
  olderToolkit,
  returnPlan,
  tamperedPlan,
  TODAY,
  toolkit,
  writeReturn,
  zipBomb,
} from "./fixtures";
import { findingWords } from "../../../src/core/words/findings";

const INJECTIONS = {
  evidence1: '=HYPERLINK("http://evil.example","click")',
  evidence2: "+44 20 7946 0000",
  evidence3: "-1",
  evidence4: "@SUM(1+1)",
  owner: "=1+1",
  council: "+Old Town Council",
};

const older = olderToolkit();
let consolidation: Consolidation;
let computed: ComputedWorkbook;
let recalculated: string;
/** The group workbook with Group Data's rows reversed, recalculated. */
let resorted: ComputedWorkbook;
/** A consolidation of one return included with its errors, and its group workbook recalculated. */
let withErrors: Consolidation;
let withErrorsComputed: ComputedWorkbook;

beforeAll(async () => {
  const dir = tempDir("nps-batch-");
  const files = [
    await writeReturn(
      dir,
      "1-anytown.xlsx",
      returnPlan(
        answersOf("Anytown Council", "2026-03-01", {
          "SL-ECSM-01": {
            current: "Mature",
            target: "Leader",
            evidence: INJECTIONS.evidence1,
            owner: INJECTIONS.owner,
          },
          "SL-ECSM-02": { current: "mature", evidence: INJECTIONS.evidence2 },
          "SL-ECSM-03": { current: "Leader", evidence: INJECTIONS.evidence3 },
          "SL-ECSM-04": { current: "Developing", evidence: INJECTIONS.evidence4 },
          "SL-WWP-01": "Innovator",
        }),
      ),
    ),
    await writeReturn(
      dir,
      "2-borsetshire-january.xlsx",
      returnPlan(
        answersOf("Borsetshire County Council", "2026-01-15", {
          "SL-ECSM-01": "Innovator",
          "SL-ECSM-02": "Innovator",
          "SL-ECSM-03": "Innovator",
          "SL-ECSM-04": "Innovator",
        }),
      ),
    ),
    await writeReturn(
      dir,
      "3-borsetshire-march.xlsx",
      returnPlan(
        answersOf("borsetshire  County Council ", "2026-03-31", {
          "SL-ECSM-01": "Minimum",
          "SL-ECSM-02": "Minimum",
          "SL-ECSM-03": "Minimum",
          "SL-ECSM-04": "Minimum",
          "BC-CCO-01": "Developing",
          "BC-CCO-02": "Developing",
          "BC-CCO-03": "Mature",
          "BC-CCO-04": "Mature",
          "BC-CCO-05": "Leader",
          "BC-CCO-06": "Leader",
        }),
      ),
    ),
    await writeReturn(
      dir,
      "4-old-town.xlsx",
      returnPlan(
        answersOf(INJECTIONS.council, "2026-02-01", {
          "SL-ECSM-01": "Leader",
          "SL-ECSM-02": "Leader",
          "SL-ECSM-03": "Mature",
          "SL-ECSM-05": "Innovator",
        }),
        older,
      ),
    ),
    await writeReturn(
      dir,
      "5-m-star.xlsx",
      returnPlan(
        answersOf("M*", "2026-03-15", {
          ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`DCB-OSV-0${i + 1}`, "Mature"])),
          "DCB-OSV-10": "Innovator",
        }),
      ),
    ),
    await writeReturn(
      dir,
      "6-greater-than.xlsx",
      returnPlan(answersOf(">3", "2026-03-20", { "SL-ECSM-01": "Developing" })),
    ),
    // Two respondents in one council, who see it differently: two returns, not a duplicate.
    await writeReturn(
      dir,
      "7-casterbridge-jane.xlsx",
      returnPlan({
        ...answersOf("Casterbridge District Council", "2026-03-10", {
          "SL-ECSM-01": "Leader",
          "SL-ECSM-02": "Leader",
          "SL-ECSM-03": "Innovator",
          "SL-ECSM-04": "Mature",
          "BC-CCO-01": "Innovator",
        }),
        respondent: "Jane Smith",
        role: "Procurement",
      }),
    ),
    await writeReturn(
      dir,
      "8-casterbridge-raj.xlsx",
      returnPlan({
        ...answersOf("Casterbridge District Council", "2026-03-10", {
          "SL-ECSM-01": "Minimum",
          "SL-ECSM-02": "Developing",
          "SL-WWP-01": "Mature",
          "BC-CCO-01": "Developing",
        }),
        respondent: "Raj Patel",
        role: "Finance",
      }),
    ),
    await writeReturn(
      dir,
      "9-tampered.xlsx",
      tamperedPlan(answersOf("Tamperton Council", "2026-03-02", { "SL-ECSM-01": "Innovator" })),
    ),
    path.join(dir, "10-hostile.xlsx"),
  ];
  writeFileSync(files[9], zipBomb());
  consolidation = await consolidateReturns(
    files.map((file) => ({ file: path.basename(file), read: async () => readReturn(await readFile(file)) })),
    { registry: [older, toolkit], today: TODAY, includeErrors: false, finalOnly: false },
  );
  withErrors = await consolidateWithNotALevel();
  // The group workbook, the same with Group Data's rows reversed, and the one with errors: one LibreOffice run.
  [{ recalculated, computed }, { computed: resorted }, { computed: withErrorsComputed }] = await recalculatePlans([
    { workbook: planGroupWorkbook(consolidation, { now: NOW }), file: path.join(dir, "group.xlsx"), validated: true },
    {
      workbook: reversedGroupData(planGroupWorkbook(consolidation, { now: NOW })),
      file: path.join(dir, "sorted.xlsx"),
    },
    { workbook: planGroupWorkbook(withErrors, { now: NOW }), file: path.join(dir, "with-errors.xlsx") },
  ]);
}, 240_000);

/** The plan with Group Data's rows in reverse order, as a user's sort might leave them. */
function reversedGroupData(plan: WorkbookPlan): WorkbookPlan {
  const groupData = plan.sheets.find((s) => s.key === "groupData")!;
  const [header, ...rows] = groupData.blocks[0].cells;
  groupData.blocks[0].cells = [header, ...rows.reverse()];
  return plan;
}

/** One return, included with its errors, whose SL-ECSM-01 current level is "Good", not a level. */
function consolidateWithNotALevel(): Promise<Consolidation> {
  return consolidateReturns(
    [
      {
        file: "good-is-not-a-level.xlsx",
        read: async () => {
          const plan = returnPlan(answersOf("Anytown Council", "2026-03-01", { "SL-ECSM-02": "Mature" }));
          plan.sheets[1].blocks.find((b) => b.at === "A7")!.cells[2][KEY_AREA.columns.current - 1] = "Good"; // SL-ECSM-01's current level
          return { snapshot: await readSnapshotFromBuffer(await writePlanToBuffer(plan)) };
        },
      },
    ],
    { registry: [toolkit], today: TODAY, includeErrors: true, finalOnly: false },
  );
}

test("LibreOffice finds no error value anywhere in the group workbook", () => {
  expect(findErrorValues(computed)).toEqual([]);
});

test("the log accounts for every file: seven used (both Casterbridge respondents), the earlier duplicate, the tampered and the hostile file left out", () => {
  expect(consolidation.log.map((e) => [e.file, e.outcome, e.returnNumber])).toEqual([
    ["1-anytown.xlsx", "used", 1],
    ["2-borsetshire-january.xlsx", "left-out", undefined],
    ["3-borsetshire-march.xlsx", "used", 2],
    ["4-old-town.xlsx", "used", 3],
    ["5-m-star.xlsx", "used", 4],
    ["6-greater-than.xlsx", "used", 5],
    ["7-casterbridge-jane.xlsx", "used", 6],
    ["8-casterbridge-raj.xlsx", "used", 7],
    ["9-tampered.xlsx", "left-out", undefined],
    ["10-hostile.xlsx", "left-out", undefined],
  ]);
  const reason = (file: string) => consolidation.log.find((e) => e.file === file)?.reason;
  expect(reason("2-borsetshire-january.xlsx")).toBe(
    "Left out: a duplicate of 3-borsetshire-march.xlsx (the same council and respondent, borsetshire  County Council), which was used because it has the later assessment date (31/03/2026 against 15/01/2026).",
  );
  expect(reason("3-borsetshire-march.xlsx")).toBe(
    "Used instead of 2-borsetshire-january.xlsx (the same council and respondent) because it has the later assessment date (31/03/2026 against 15/01/2026).",
  );
  expect(reason("4-old-town.xlsx")).toBe(
    "Made from toolkit 0.9.0: its answers were matched to toolkit 1.0.0 by behaviour ID. 1 answer for behaviours toolkit 1.0.0 no longer has was not consolidated.",
  );
  // Same council, different respondents: neither is a duplicate of the other.
  expect(reason("7-casterbridge-jane.xlsx")).toBe("");
  expect(reason("8-casterbridge-raj.xlsx")).toBe("");
  expect(reason("9-tampered.xlsx")).toBe(
    `Left out because the check found 1 error, for example: Councillors & Senior Managers!D9: ${findingWords.content.edited(findingWords.content.what["content.descriptor-edited"])} Fix the errors (the check lists them all), or include returns with errors.`,
  );
  expect(reason("10-hostile.xlsx")).toMatch(/^Could not be read\. .*unpack/i);
});

/** One block row of Group Summary: the label, the scope, the seven returns, then the statistics. */
const summaryRow = (row: number, last: number) =>
  Array.from({ length: last }, (_, i) => computed["Group Summary"][`${columnLetter(i + 1)}${row}`] ?? "");

const close = (values: (string | number | boolean | Date | null)[]) =>
  values.map((v) => (typeof v === "number" ? Number(v.toFixed(9)) : v));

test("Group Summary: each return's average current score and the group's mean, lowest, highest and spread", () => {
  const first = GROUP_SUMMARY.firstRow;
  const r = (n: number) => close(summaryRow(first + n, 2 + 7 + 4));
  const q = (n: number) => Number(n.toFixed(9));
  const none = ["", "", "", ""];
  expect(summaryRow(GROUP_SUMMARY.returnNumberRow, 9).slice(2)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(summaryRow(GROUP_SUMMARY.headerRow, 9).slice(2)).toEqual([
    "1. Anytown Council",
    "2. borsetshire  County Council",
    `3. ${INJECTIONS.council}`,
    "4. M*",
    "5. >3",
    "6. Casterbridge District Council: Jane Smith",
    "7. Casterbridge District Council: Raj Patel",
  ]);
  // Engaging Councillors: Anytown (3+3+4+2)/4 = 3, Borsetshire 1, Old Town (4+4+3)/3 = 11/3 (its withdrawn
  // SL-ECSM-05 not counted), M* none, >3: 2, Casterbridge's Jane (4+4+5+3)/4 = 4 and Raj (1+2)/2 = 1.5: two
  // returns of one council, each its own column. Six returns: mean (3+1+11/3+2+4+1.5)/6, lowest 1 (Borsetshire),
  // highest 4 (Jane), spread 4-1 = 3.
  expect(r(0)).toEqual([
    "Engaging Councillors and Senior Managers",
    "Key area",
    3,
    1,
    q(11 / 3),
    "",
    2,
    4,
    1.5,
    q((3 + 1 + 11 / 3 + 2 + 4 + 1.5) / 6),
    1,
    4,
    3,
  ]);
  // Working with Partners: Anytown 5, Raj 3 (Mature); mean (5+3)/2 = 4, spread 2.
  expect(r(1)).toEqual(["Working with Partners", "Key area", 5, "", "", "", "", "", 3, 4, 3, 5, 2]);
  expect(r(2)).toEqual(["Engaging Strategic Suppliers", "Key area", "", "", "", "", "", "", "", ...none]);
  // Showing leadership pools every behaviour of the theme: Anytown (12+5)/5 = 3.4, Jane 16/4 = 4 (no Working
  // with Partners answer), Raj (1+2+3)/3 = 2. Mean (3.4+1+11/3+2+4+2)/6, lowest 1, highest 4, spread 3.
  expect(r(3)).toEqual([
    "Showing leadership",
    "Theme",
    3.4,
    1,
    q(11 / 3),
    "",
    2,
    4,
    2,
    q((3.4 + 1 + 11 / 3 + 2 + 4 + 2) / 6),
    1,
    4,
    3,
  ]);
  // Creating Commercial Opportunities: Borsetshire (2+2+3+3+4+4)/6 = 3, Jane 5 (Innovator), Raj 2 (Developing).
  // Mean (3+5+2)/3 = 10/3, lowest 2, highest 5, spread 3; the theme has no other answer, so the same.
  const cco = ["", 3, "", "", "", 5, 2, q(10 / 3), 2, 5, 3];
  expect(r(4)).toEqual(["Creating Commercial Opportunities", "Key area", ...cco]);
  expect(r(7)).toEqual(["Behaving commercially", "Theme", ...cco]);
  // M*: nine Mature and one Innovator, (27+5)/10.
  expect(r(8)).toEqual(["Obtaining Social Value", "Key area", "", "", "", 3.2, "", "", "", 3.2, 3.2, 3.2, 0]);
  expect(r(11)).toEqual(["Driving community benefits", "Theme", "", "", "", 3.2, "", "", "", 3.2, 3.2, 3.2, 0]);
  // Overall: Borsetshire (4+18)/10 = 2.2, Jane (16+5)/5 = 4.2, Raj (1+2+3+2)/4 = 2. Seven returns: mean
  // (3.4+2.2+11/3+3.2+2+4.2+2)/7, lowest 2 (>3 and Raj), highest 4.2 (Jane), spread 4.2-2 = 2.2.
  expect(r(12)).toEqual([
    "All key areas",
    "Overall",
    3.4,
    2.2,
    q(11 / 3),
    3.2,
    2,
    4.2,
    2,
    q((3.4 + 2.2 + 11 / 3 + 3.2 + 2 + 4.2 + 2) / 7),
    2,
    4.2,
    q(4.2 - 2),
  ]);
});

test("Group Summary: each return's typical level, and the levels of the group's mean, lowest and highest", () => {
  const levelsTop = GROUP_SUMMARY.firstRow + 13 + 4;
  const r = (n: number) => summaryRow(levelsTop + n, 2 + 7 + 3);
  // Each average rounded down to a level: 3 Mature, 1 Minimum, 3.67 Mature, none, 2 Developing, Jane's 4 Leader,
  // Raj's 1.5 Minimum; the group's mean (15.17/6 = 2.53) Developing, lowest 1 Minimum, highest 4 Leader.
  expect(r(0)).toEqual([
    "Engaging Councillors and Senior Managers",
    "Key area",
    "Mature",
    "Minimum",
    "Mature",
    "Not assessed",
    "Developing",
    "Leader",
    "Minimum",
    "Developing",
    "Minimum",
    "Leader",
  ]);
  // Overall: 3.4, 2.2, 3.67, 3.2, 2, Jane's 4.2 Leader, Raj's 2 Developing; mean (20.67/7 = 2.95) Developing,
  // lowest 2 Developing, highest 4.2 Leader.
  expect(r(12)).toEqual([
    "All key areas",
    "Overall",
    "Mature",
    "Developing",
    "Mature",
    "Mature",
    "Developing",
    "Leader",
    "Developing",
    "Developing",
    "Developing",
    "Leader",
  ]);
});

const dataRow = (n: number) =>
  GROUP_DATA.headers.map((_, i) => {
    const value = computed["Group Data"][`${columnLetter(i + 1)}${GROUP_DATA.headerRow + n}`];
    return value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? "");
  });

test("Group Data: one row per return and behaviour, with the return's answers as typed, mapped by ID", () => {
  const behaviours = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours));
  expect(computed["Group Data"][`A${GROUP_DATA.headerRow + 7 * behaviours.length}`]).toBe(7);
  expect(computed["Group Data"][`A${GROUP_DATA.headerRow + 7 * behaviours.length + 1}`]).toBeUndefined();
  expect(dataRow(1)).toEqual([
    1,
    "Anytown Council",
    "",
    "",
    "",
    "",
    "2026-03-01",
    "nps-2018 1.0.0",
    "Showing leadership",
    "Engaging Councillors and Senior Managers",
    "SL-ECSM-01",
    behaviours[0].name,
    "Mature",
    3,
    "Leader",
    4,
    1,
    INJECTIONS.evidence1,
    INJECTIONS.owner,
    "", // Previous level, score and change: not started from last year's return
    "",
    "",
    "1-anytown.xlsx",
    "Draft",
    "", // Moderated from: one respondent's return
  ]);
  // "mature" as typed reads as Mature, as the workbook's own score formula reads it.
  expect(dataRow(2).slice(12, 17)).toEqual(["Mature", 3, "", "", ""]);
  // Old Town (return 3) was made from toolkit 0.9.0, which had no SL-ECSM-04: that row is blank.
  const oldTown = 2 * behaviours.length;
  expect(dataRow(oldTown + 1).slice(6, 14)).toEqual([
    "2026-02-01",
    "nps-2018 0.9.0",
    "Showing leadership",
    "Engaging Councillors and Senior Managers",
    "SL-ECSM-01",
    behaviours[0].name,
    "Leader",
    4,
  ]);
  expect(dataRow(oldTown + 4).slice(10, 14)).toEqual(["SL-ECSM-04", behaviours[3].name, "", ""]);
  // The two Casterbridge respondents (returns 6 and 7): one council, told apart by respondent and role.
  const C = GROUP_DATA.columns;
  const who = (n: number) =>
    [C.returnNumber, C.council, C.respondent, C.role, C.currentLevel].map((c) => dataRow(n)[c - 1]);
  expect(who(5 * behaviours.length + 1)).toEqual([
    6,
    "Casterbridge District Council",
    "Jane Smith",
    "Procurement",
    "Leader",
  ]);
  expect(who(6 * behaviours.length + 1)).toEqual([
    7,
    "Casterbridge District Council",
    "Raj Patel",
    "Finance",
    "Minimum",
  ]);
});

test("injection strings in evidence, owners and council names stay text: no cell of Group Data is a formula", async () => {
  const snapshot = await readSnapshotFromBuffer(await readFile(recalculated));
  const groupData = snapshot.sheets.find((s) => s.name === "Group Data")!;
  expect(Object.values(groupData.cells).filter((cell) => cell.formula !== undefined)).toEqual([]);
  const evidence = columnLetter(GROUP_DATA.columns.evidence);
  expect([2, 3, 4, 5].map((row) => groupData.cells[`${evidence}${row}`]?.value)).toEqual([
    INJECTIONS.evidence1,
    INJECTIONS.evidence2,
    INJECTIONS.evidence3,
    INJECTIONS.evidence4,
  ]);
  const summary = snapshot.sheets.find((s) => s.name === "Group Summary")!;
  expect(summary.cells[`E${GROUP_SUMMARY.headerRow}`]).toEqual({ value: `3. ${INJECTIONS.council}` });
  expect(summary.cells[`F${GROUP_SUMMARY.headerRow}`]).toEqual({ value: "4. M*" });
  const council = columnLetter(GROUP_DATA.columns.council);
  const oldTownFirstRow = GROUP_DATA.firstRow + 2 * 51;
  expect(groupData.cells[`${council}${oldTownFirstRow}`]).toEqual({ value: INJECTIONS.council });
});

test("Group Summary reads the same when Group Data's rows are sorted another way (here: reversed)", () => {
  expect(resorted["Group Data"].A2).toBe(7);
  expect(resorted["Group Summary"]).toEqual(computed["Group Summary"]);
});

test("an entry that is not a level, in a return included with its errors, counts in no average (LibreOffice)", () => {
  expect(withErrors.log[0]).toMatchObject({ outcome: "used-with-errors", counts: { error: 1 } });
  const values = withErrorsComputed;
  expect(values["Group Data"][`${columnLetter(GROUP_DATA.columns.currentScore)}2`]).toBe("Not a level");
  expect(findErrorValues(values)).toEqual([]);
  // Engaging Councillors: only SL-ECSM-02's Mature counts; the overall row likewise.
  expect(values["Group Summary"][`C${GROUP_SUMMARY.firstRow}`]).toBe(3);
  expect(values["Group Summary"][`C${GROUP_SUMMARY.firstRow + 12}`]).toBe(3);
});
