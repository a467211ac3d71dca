/**
 * A group workbook given among the returns (an earlier consolidation's output, often saved beside them) is left out
 * and logged as what it is, whether its Group Data has this layout's header or an earlier layout's (which had fewer
 * columns); a workbook whose header is not Group Data's is not taken for one.
 */
import { consolidate } from "../../../src/core/consolidate/consolidate";
import { planGroupWorkbook } from "../../../src/core/consolidate/group-plan";
import { GROUP_DATA } from "../../../src/core/plan/layout";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { cellAddress } from "../../../src/core/util/a1";
import { consolidateWords } from "../../../src/core/words/consolidate";
import { planSnapshot } from "../../support/plan-cells";
import { examinedReturn, examineSnapshot, NOW, toolkit } from "./fixtures";

const groupSnapshot = (): WorkbookSnapshot =>
  planSnapshot(
    planGroupWorkbook(
      consolidate([examinedReturn(0, { council: "Anytown Council" })], toolkit, {
        includeErrors: false,
        finalOnly: false,
      }),
      { now: NOW },
    ),
  );

const problemOf = (snapshot: WorkbookSnapshot) => {
  const examined = examineSnapshot(snapshot, { file: "group.xlsx" });
  return [examined.kind, examined.problem];
};

/** Group Data's header as an earlier layout wrote it: these columns (added since) left out, those after moved left. */
function withoutColumns(snapshot: WorkbookSnapshot, keys: readonly (keyof typeof GROUP_DATA.columns)[]) {
  const sheet = snapshot.sheets.find((s) => s.name === "Group Data")!;
  const kept = GROUP_DATA.headers.filter((header) => !keys.some((key) => GROUP_DATA.header[key] === header));
  for (let column = 1; column <= GROUP_DATA.columnCount; column++)
    delete sheet.cells[cellAddress(GROUP_DATA.headerRow, column)];
  kept.forEach((header, i) => (sheet.cells[cellAddress(GROUP_DATA.headerRow, i + 1)] = { value: header }));
  return snapshot;
}

test("a group workbook of this layout is left out as a group workbook", () => {
  expect(problemOf(groupSnapshot())).toEqual(["not-an-assessment", consolidateWords.groupWorkbook]);
});

test.each([
  ["before the previous figures", ["previousLevel", "previousScore", "change"]],
  ["before moderation", ["previousLevel", "previousScore", "change", "moderatedFrom"]],
  [
    "before council type and region",
    ["councilType", "region", "previousLevel", "previousScore", "change", "moderatedFrom"],
  ],
] as const)(
  "a group workbook made %s is left out as one, with a note that consolidating makes it as now",
  (_, keys) => {
    expect(problemOf(withoutColumns(groupSnapshot(), keys))).toEqual([
      "not-an-assessment",
      consolidateWords.olderGroupWorkbook,
    ]);
  },
);

test("a workbook whose header only resembles Group Data's is not taken for a group workbook", () => {
  const moved = groupSnapshot();
  const sheet = moved.sheets.find((s) => s.name === "Group Data")!;
  const [a, b] = [cellAddress(GROUP_DATA.headerRow, 2), cellAddress(GROUP_DATA.headerRow, 3)];
  [sheet.cells[a], sheet.cells[b]] = [sheet.cells[b], sheet.cells[a]];
  expect(problemOf(moved)).toEqual(["not-an-assessment", undefined]);
  const unknown = withoutColumns(groupSnapshot(), ["sourceFile"]);
  expect(problemOf(unknown)).toEqual(["not-an-assessment", undefined]);
});
