/**
 * The progress figures (Previous average current and Change on the Summary; previous level, previous score and
 * change on Gaps and Data), worked out by hand for a small scenario and recalculated by LibreOffice: per key area,
 * theme and overall, with a behaviour answered only this year and one answered only last year, each left out of
 * the change figures. The file passes the Open XML SDK validator.
 */
import { readFile, writeFile } from "fs/promises";
import * as path from "path";
import type { Answers } from "../../../src/core/plan/answer-types";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { DATA, GAPS, KEY_AREA, SUMMARY } from "../../../src/core/plan/layout";
import type { SnapshotSheet, WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { cellAddress } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { tempDir } from "../../support/fixtures";
import { recalculate } from "../../support/libreoffice";
import { expectWorkbookClean } from "../../support/xlsx-checks";

const toolkit = canonicalToolkit();
const [areaA, areaB] = toolkit.themes[0].keyAreas;
const [a1, a2, a3, a4] = areaA.behaviours;
const [b1] = areaB.behaviours;

/**
 * Key area A: a1 Mature now, Developing last year (+1); a2 Minimum now, Mature last year (−2); a3 Leader now only;
 * a4 Innovator last year only. Key area B: b1 Developing now, Minimum last year (+1). Nothing elsewhere.
 */
const answers: Answers = {
  council: "Anytown Council",
  assessmentDate: "2026-03-31",
  behaviours: {
    [a1.id]: { current: "Mature" },
    [a2.id]: { current: "Minimum" },
    [a3.id]: { current: "Leader" },
    [b1.id]: { current: "Developing" },
  },
  previous: {
    source: { file: "anytown-2025.xlsx", assessmentDate: "2025-03-31", answersFingerprint: "" },
    behaviours: {
      [a1.id]: { current: "Developing" },
      [a2.id]: { current: "Mature", target: "Leader" },
      [a4.id]: { current: "Innovator", evidence: "=SUM(1,2)" },
      [b1.id]: { current: "Minimum" },
    },
  },
};

let recalculated: WorkbookSnapshot;
let file: string;
beforeAll(async () => {
  const plan = buildWorkbookPlan(toolkit, answers, { now: new Date("2026-03-31T09:00:00Z") });
  file = path.join(tempDir("nps-progress-"), "progress.xlsx");
  await writeFile(file, await writePlanToBuffer(plan));
  recalculated = await readSnapshotFromBuffer(await readFile(await recalculate(file)));
}, 180_000);

const sheet = (name: string) => recalculated.sheets.find((s) => s.name === name) as SnapshotSheet;
const value = (s: SnapshotSheet, row: number, column: number) => s.cells[cellAddress(row, column)]?.value ?? null;
const near = (expected: number | string) => (typeof expected === "number" ? expect.closeTo(expected, 9) : expected);

test("Summary: previous average current and change per key area, theme and overall", () => {
  const summary = sheet("Summary");
  const themeRow = SUMMARY.firstRow + toolkit.themes[0].keyAreas.length;
  const overallRow = SUMMARY.firstRow + toolkit.themes.flatMap((t) => t.keyAreas).length + toolkit.themes.length;
  const figures = (row: number) => [
    value(summary, row, SUMMARY.columns.previousAverageCurrent),
    value(summary, row, SUMMARY.columns.change),
  ];
  // A: previous (2 + 3 + 5) / 3; change (+1 − 2) / 2, a3 and a4 left out. B: 1 and +1.
  expect(figures(SUMMARY.firstRow)).toEqual([near(10 / 3), near(-0.5)]);
  expect(figures(SUMMARY.firstRow + 1)).toEqual([near(1), near(1)]);
  // A key area with nothing this year or last: blank, as blank is everywhere.
  expect(figures(SUMMARY.firstRow + 2)).toEqual([null, null]);
  // The theme and overall: previous (2 + 3 + 5 + 1) / 4; change (+1 − 2 + 1) / 3.
  expect(figures(themeRow)).toEqual([near(11 / 4), near(0)]);
  expect(figures(overallRow)).toEqual([near(11 / 4), near(0)]);
});

test("the key area sheet, Gaps and Data: previous level, previous score and change per behaviour", () => {
  const area = sheet(areaA.sheetName);
  const rowOf = (s: SnapshotSheet, idColumn: number, id: string) =>
    Number(
      Object.entries(s.cells)
        .find(
          ([address, cell]) =>
            address.replace(/\d+$/, "") === cellAddress(1, idColumn).replace(/\d+$/, "") && cell.value === id,
        )![0]
        .replace(/^[A-Z]+/, ""),
    );
  const onKeyArea = (id: string) => {
    const row = rowOf(area, KEY_AREA.columns.id, id);
    return [value(area, row, KEY_AREA.columns.previousScore), value(area, row, KEY_AREA.columns.change)];
  };
  expect([a1, a2, a3, a4].map((b) => onKeyArea(b.id))).toEqual([
    [2, 1],
    [3, -2],
    [null, null],
    [5, null],
  ]);
  expect(value(area, rowOf(area, KEY_AREA.columns.id, a4.id), KEY_AREA.columns.previousEvidence)).toBe("=SUM(1,2)");
  for (const [name, table] of [
    ["Gaps", GAPS],
    ["Data", DATA],
  ] as const) {
    const s = sheet(name);
    const row = (id: string) => rowOf(s, table.columns.id, id);
    const line = (id: string) => [
      value(s, row(id), table.columns.previousLevel),
      value(s, row(id), table.columns.previousScore),
      value(s, row(id), table.columns.change),
    ];
    expect({ name, lines: [a1, a2, a3, a4, b1].map((b) => line(b.id)) }).toEqual({
      name,
      lines: [
        ["Developing", 2, 1],
        ["Mature", 3, -2],
        [null, null, null],
        ["Innovator", 5, null],
        ["Minimum", 1, 1],
      ],
    });
  }
});

test("the workbook passes the Open XML SDK validator", async () => {
  await expectWorkbookClean(file);
}, 120_000);
