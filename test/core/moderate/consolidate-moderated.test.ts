/** A moderated return consolidated beside a respondent's own: marked as moderated in Group Data and in the log. */
import { consolidateReturns } from "../../../src/core/consolidate/consolidate";
import { groupDataRows } from "../../../src/core/consolidate/group-rows";
import { moderateReturns, planModeratedWorkbook } from "../../../src/core/moderate/moderate";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { consolidateWords } from "../../../src/core/words/consolidate";
import { NOW, respondentAnswers, snapshotSources, THREE, TODAY } from "./fixtures";

test("Group Data and the log mark the moderated return, and only it", async () => {
  const registry = knownToolkits();
  const options = { registry, today: TODAY, includeErrors: false };
  const moderation = await moderateReturns(
    snapshotSources(THREE.map((answers, i) => ({ file: `R${i + 1}.xlsx`, answers }))),
    options,
  );
  const bytes = await writePlanToBuffer(planModeratedWorkbook(moderation, { now: NOW }));
  const consolidation = await consolidateReturns(
    [
      { file: "anytown.xlsx", read: async () => ({ snapshot: await readSnapshotFromBuffer(bytes) }) },
      ...snapshotSources([
        { file: "otherton.xlsx", answers: respondentAnswers("Eve Black", "Finance", {}, "Otherton Council") },
      ]),
    ],
    { ...options, finalOnly: false },
  );
  expect(consolidation.log.map((e) => [e.file, e.outcome])).toEqual([
    ["anytown.xlsx", "used"],
    ["otherton.xlsx", "used"],
  ]);
  expect(consolidation.log[0].reason).toBe("A moderated return: the council's agreed answers from 3 respondents.");
  // Eve Black's return has no levels: it is not moderated, only said to add no figure.
  expect(consolidation.log[1].reason).toBe(consolidateWords.noCurrentLevels);
  const rows = groupDataRows(consolidation);
  const marks = (returnNumber: number) => [
    ...new Set(rows.filter((r) => r.returnNumber === returnNumber).map((r) => r.moderatedFrom)),
  ];
  expect(marks(1)).toEqual([3]);
  expect(marks(2)).toEqual([null]);
  expect(rows.find((r) => r.returnNumber === 1 && r.id === "SL-ECSM-01")).toMatchObject({
    respondent: "Moderated",
    currentLevel: "Mature",
  });
}, 120_000);
