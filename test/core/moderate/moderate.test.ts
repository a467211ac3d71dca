/**
 * A moderation of three respondents worked out by hand (fixtures.ts): the agreed levels, the Moderation sheet and
 * the merged evidence, written as .xlsx, validated by the Open XML SDK, recalculated by LibreOffice Calc and checked.
 */
import * as path from "path";
import { readFile } from "fs/promises";
import { checkWorkbook } from "../../../src/core/check/check";
import { moderateReturns, planModeratedWorkbook, type Moderation } from "../../../src/core/moderate/moderate";
import { KEY_AREA, MODERATION, MODERATION_RESPONDENTS_FROM } from "../../../src/core/plan/layout";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { cellAddress } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { tempDir } from "../../support/fixtures";
import { recalculatePlan } from "../../support/recalculate-plan";
import { findErrorValues, type ComputedWorkbook } from "../../support/libreoffice";
import { expectWorkbookClean } from "../../support/xlsx-checks";
import { COUNCIL, NOW, sourcesOf, THREE, TODAY, toolkit, writeReturns } from "./fixtures";

const registry = knownToolkits();
let moderation: Moderation;
let output: string;
let computed: ComputedWorkbook;

/** The Moderation sheet's row of a behaviour (toolkit order: SL-ECSM-01 is the first). */
const rowOf = (n: number) => MODERATION.firstRow + n - 1;
const at = (row: number, column: number) => cellAddress(row, column);
const M = MODERATION.columns;

beforeAll(async () => {
  const dir = tempDir("nps-moderate-");
  const files = await writeReturns(
    dir,
    THREE.map((answers, i) => ({ name: `R${i + 1}`, answers })),
  );
  moderation = await moderateReturns(sourcesOf(files), { registry, today: TODAY, includeErrors: false });
  output = path.join(dir, "council.xlsx");
  ({ computed } = await recalculatePlan(planModeratedWorkbook(moderation, { now: NOW }), { file: output }));
}, 180_000);

test("the agreed levels are the lower median where the respondents are within one level, blank where two apart", () => {
  const agreed = moderation.agreed!.answers;
  expect(agreed.respondent).toBe("Moderated");
  expect(agreed.council).toBe(COUNCIL);
  expect(agreed.behaviours["SL-ECSM-01"]).toMatchObject({ current: "Mature", target: "Leader" });
  expect(agreed.behaviours["SL-ECSM-02"].current).toBe("Developing");
  expect(agreed.behaviours["SL-ECSM-02"].target).toBeUndefined();
  expect(agreed.behaviours["SL-ECSM-03"].current).toBeUndefined();
  expect(agreed.behaviours["SL-ECSM-03"].target).toBe("Mature");
  expect(moderation.agreed).toMatchObject({ prefilled: 4, open: 1 });
  expect(moderation.log.map((e) => e.used)).toEqual([true, true, true]);
});

test("each respondent's evidence is merged, named, and stays text", () => {
  const evidence = moderation.agreed!.answers.behaviours["SL-ECSM-01"].evidence;
  expect(evidence).toBe(
    '[Alice Smith (Head of Procurement)] Board minutes, March (owner: A. Smith)\n\n[Bob Jones (Finance)] =HYPERLINK("http://evil.example","click")',
  );
  const area = computed[toolkit.themes[0].keyAreas[0].sheetName];
  const row = KEY_AREA.firstBehaviourRow;
  expect(area[cellAddress(row, KEY_AREA.columns.id)]).toBe("SL-ECSM-01");
  expect(area[cellAddress(row, KEY_AREA.columns.evidence)]).toBe(evidence);
  expect(area[cellAddress(row, KEY_AREA.columns.current)]).toBe("Mature");
  expect(area[cellAddress(row, KEY_AREA.columns.currentScore)]).toBe(3);
});

test("LibreOffice computes the Moderation sheet as worked out by hand", () => {
  const sheet = computed["Moderation"];
  expect(findErrorValues(computed)).toEqual([]);
  const row1 = rowOf(1);
  expect([1, 2].map((i) => sheet[at(MODERATION.headerRow, MODERATION_RESPONDENTS_FROM + i - 1)])).toEqual([
    "Alice Smith: current",
    "Alice Smith: target",
  ]);
  expect(sheet[at(MODERATION.headerRow, MODERATION_RESPONDENTS_FROM + 2)]).toBe("Bob Jones: current");
  expect(sheet[at(MODERATION.headerRow, MODERATION_RESPONDENTS_FROM + 4)]).toBe("Carol White: current");
  expect(sheet[at(row1, M.id)]).toBe("SL-ECSM-01");
  expect(
    [M.lowestCurrent, M.highestCurrent, M.currentSpread, M.agreedCurrentScore].map((c) => sheet[at(row1, c)]),
  ).toEqual([3, 4, 1, 3]);
  expect(sheet[at(row1, M.agreedCurrent)]).toBe("Mature");
  expect([M.lowestTarget, M.highestTarget, M.targetSpread, M.agreedTargetScore].map((c) => sheet[at(row1, c)])).toEqual(
    [4, 5, 1, 4],
  );
  expect(sheet[at(row1, M.agreedTarget)]).toBe("Leader");
  expect(sheet[at(row1, M.differ)] ?? "").toBe("");
  expect(sheet[at(row1, M.outside)] ?? "").toBe("");
  const row3 = rowOf(3);
  expect([M.lowestCurrent, M.highestCurrent, M.currentSpread].map((c) => sheet[at(row3, c)])).toEqual([1, 4, 3]);
  expect(sheet[at(row3, M.agreedCurrent)] ?? "").toBe("");
  expect(sheet[at(row3, M.differ)]).toBe("Agree in the meeting: current levels 3 apart");
  expect([0, 1, 2, 3, 4, 5].map((i) => sheet[at(row3, MODERATION_RESPONDENTS_FROM + i)])).toEqual([
    "Minimum",
    "Mature",
    "Leader",
    "Mature",
    "Mature",
    "Leader",
  ]);
});

test("the moderated return checks with no errors and records its sources", async () => {
  const snapshot = await readSnapshotFromBuffer(await readFile(output));
  const result = checkWorkbook(snapshot, registry, { today: TODAY });
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(result.findings.filter((f) => f.rule.startsWith("moderation."))).toEqual([]);
  const metadata = snapshot.sheets.find((s) => s.name === "NPS_Metadata")!;
  expect(["D2", "E2", "F2"].map((a) => metadata.cells[a]?.value)).toEqual([
    "R1.xlsx",
    "Alice Smith",
    "Head of Procurement",
  ]);
  expect(String(metadata.cells.G4?.value)).toMatch(/^[0-9a-f]{64}$/);
});

test("the Open XML SDK finds nothing wrong with the moderated workbook", async () => {
  await expectWorkbookClean(output);
}, 120_000);
