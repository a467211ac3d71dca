/**
 * One list per sheet's columns: a key area column added in layout.ts's declaration alone is followed by the plan,
 * the .xlsx writer, the reader and the checker. The layout module is replaced, for this file only, by one whose key
 * area sheets have a "Comment" column between Owner and Review date (every later column moves one to the right),
 * declared as a text input: the sheet unlocks it and formats it as text, the readers read its lock, and the checks
 * on inputs (a formula typed in, a lock) cover it.
 */
import { sampleAnswers } from "../../../src/core/answers/sample";
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { checkWorkbook } from "../../../src/core/check/check";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { columnLayout } from "../../../src/core/plan/columns";
import { KEY_AREA } from "../../../src/core/plan/layout";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { cellAddress, cellsIn } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";

jest.mock("../../../src/core/plan/layout", () => {
  const actual = jest.requireActual("../../../src/core/plan/layout");
  const { columnLayout: layoutOf } = jest.requireActual("../../../src/core/plan/columns");
  const specs: Record<string, object> = {};
  for (const [key, spec] of Object.entries(actual.KEY_AREA.specs)) {
    // One declaration: its header, width, format (typed text stays text) and role (the user answers in it).
    if (key === "reviewDate") specs.comment = { header: "Comment", width: 20, format: "text", role: "input" };
    specs[key] = spec as object;
  }
  return { ...actual, KEY_AREA: { ...actual.KEY_AREA, ...layoutOf(specs) } };
});

/** The test's key area columns, with the column the mocked layout adds. */
const COLUMNS = KEY_AREA.columns as typeof KEY_AREA.columns & { comment: number };
const toolkit = canonicalToolkit();
const NOW = new Date("2026-11-26T09:00:00Z");
const area = toolkit.themes[0].keyAreas[0];
const behaviour = area.behaviours[0];

test("the test's layout really has the extra column, and the real layout's columns come from the same declaration", () => {
  const real = jest.requireActual<typeof import("../../../src/core/plan/layout")>(
    "../../../src/core/plan/layout",
  ).KEY_AREA;
  expect(real.columns.reviewDate).toBe(15);
  expect(KEY_AREA.columns.reviewDate).toBe(real.columns.reviewDate + 1);
  expect(KEY_AREA.columns.gap).toBe(real.columns.gap + 1);
  expect(KEY_AREA.columnCount).toBe(real.columnCount + 1);
  expect(columnLayout({ a: { header: "A", width: 1 }, b: { header: "B", width: 2, span: 3 } }).widths).toEqual([
    1, 2, 2, 2,
  ]);
});

test("plan, written .xlsx, reader and checker all follow a key area column added in the layout alone", async () => {
  const answers = sampleAnswers(toolkit, "2026-11-01");
  const answer = {
    current: "Leader",
    target: "Innovator",
    evidence: "Minutes",
    owner: "Ann",
    reviewDate: "2027-01-31",
  };
  answers.behaviours[behaviour.id] = answer;
  const plan = buildWorkbookPlan(toolkit, answers, { now: NOW, assessmentDate: "2026-11-01" });
  const sheet = plan.sheets.find((s) => s.key === `keyArea:${area.id}`)!;
  const grid = sheet.blocks.find((b) => b.at === cellAddress(KEY_AREA.headerRow, 1))!.cells;
  expect(grid[0][COLUMNS.comment - 1]).toBe("Comment");
  expect(grid[0][KEY_AREA.columns.reviewDate - 1]).toBe("Review date");
  expect(sheet.columnWidths).toHaveLength(KEY_AREA.columnCount);

  const snapshot = await readSnapshotFromBuffer(await writePlanToBuffer(plan));
  const cells = snapshot.sheets.find((s) => s.name === sheet.name)!.cells;
  const row = KEY_AREA.firstBehaviourRow;
  expect(cells[cellAddress(row, KEY_AREA.columns.owner)]?.value).toBe("Ann");
  expect(cells[cellAddress(row, COLUMNS.comment)]?.value ?? null).toBeNull();
  expect(cells[cellAddress(row, KEY_AREA.columns.currentScore)]?.formula).toMatch(
    new RegExp(`\\b${cellAddress(row, KEY_AREA.columns.current)}\\b`),
  );

  expect(readAssessment(snapshot, toolkit)?.answers.behaviours[behaviour.id]).toEqual(answer);
  const findings = checkWorkbook(snapshot, [toolkit], { today: "2026-11-26" }).findings;
  expect(findings.filter((f) => f.severity !== "info")).toEqual([]);

  // The column's declaration reaches its styles, the lock the reader reads, and the checks on inputs.
  const comment = cellAddress(row, COLUMNS.comment);
  const styleOf = (address: string) =>
    Object.assign({}, ...sheet.styles.filter((s) => cellsIn(s.range).includes(address)).map((s) => s.style));
  expect(styleOf(comment)).toMatchObject({ locked: false, numberFormat: "@" });
  expect(styleOf(cellAddress(row, KEY_AREA.columns.reviewDate))).toMatchObject({ locked: false });
  const read = snapshot.sheets.find((s) => s.name === sheet.name)!;
  expect(read.locked?.[comment]).toBe(false);
  read.cells[comment] = { value: 3, formula: "1+2" };
  read.locked![comment] = true;
  const rules = checkWorkbook(snapshot, [toolkit], { today: "2026-11-26" })
    .findings.filter((f) => f.cell === comment)
    .map((f) => [f.rule, f.message.split(":")[0]]);
  expect(rules).toEqual(
    expect.arrayContaining([
      ["answer.formula-in-input", "The comment is a formula, not a typed answer"],
      ["protection.input-locked", expect.any(String)],
    ]),
  );
});
