/**
 * What moderation does with returns it cannot simply agree: other councils, no council, duplicates of one
 * respondent, an older toolkit, a return with errors, a single return. A clear message for each in the log, and
 * nothing lost. Two hundred respondents are in bad-input.scale.test.ts (out of the inner loop, in `npm test`).
 */
import { moderateReturns } from "../../../src/core/moderate/moderate";
import { planModeratedWorkbook } from "../../../src/core/moderate/moderate";
import type { ReturnSource } from "../../../src/core/consolidate/types";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { olderToolkit, tamperedPlan } from "../consolidate/fixtures";
import { NOW, respondentAnswers, snapshotSources, THREE, TODAY } from "./fixtures";

const older = olderToolkit();
const registry = [...knownToolkits(), older];
const moderate = (sources: ReturnSource[]) =>
  moderateReturns(sources, { registry, today: TODAY, includeErrors: false });

test("returns of other councils, or of none, are left out and logged; the council most returns name is moderated", async () => {
  const moderation = await moderate(
    snapshotSources([
      { file: "R1.xlsx", answers: THREE[0] },
      { file: "other.xlsx", answers: respondentAnswers("Eve Black", "Finance", {}, "Otherton Council") },
      { file: "R2.xlsx", answers: THREE[1] },
      { file: "blank.xlsx", answers: { ...THREE[2], council: undefined } },
    ]),
  );
  expect(moderation.council).toBe("Anytown Council");
  expect(moderation.log.map((e) => [e.file, e.used])).toEqual([
    ["R1.xlsx", true],
    ["other.xlsx", false],
    ["R2.xlsx", true],
    ["blank.xlsx", false],
  ]);
  expect(moderation.log[1].reason).toBe(
    "Left out: a return of Otherton Council, not of Anytown Council, the council being moderated. Moderate each council's returns on their own.",
  );
  expect(moderation.log[3].reason).toMatch(/does not name the council/);
  expect(moderation.agreed!.record.sources.map((s) => s.respondent)).toEqual(["Alice Smith", "Bob Jones"]);
});

test("of two returns of one respondent the later is used, and the log says why", async () => {
  const earlier = { ...THREE[0], assessmentDate: "2026-01-01", behaviours: { "SL-ECSM-01": { current: "Minimum" } } };
  const moderation = await moderate(
    snapshotSources([
      { file: "alice-old.xlsx", answers: earlier },
      { file: "R1.xlsx", answers: THREE[0] },
      { file: "R2.xlsx", answers: THREE[1] },
    ]),
  );
  expect(moderation.log.map((e) => e.used)).toEqual([false, true, true]);
  expect(moderation.log[0].reason).toMatch(/^Left out: a duplicate of R1.xlsx .*later assessment date/);
  expect(moderation.agreed!.answers.behaviours["SL-ECSM-01"].current).toBe("Mature"); // Mature and Leader
});

test("a return of an older toolkit is matched by behaviour ID, and a return with errors is left out", async () => {
  const carol = {
    ...THREE[2],
    behaviours: { "SL-ECSM-01": { current: "Leader" }, "SL-ECSM-05": { current: "Mature" } },
  };
  const moderation = await moderate([
    ...snapshotSources([
      { file: "R1.xlsx", answers: THREE[0] },
      { file: "R3-older.xlsx", answers: carol, toolkit: older },
    ]),
    {
      file: "R2-tampered.xlsx",
      read: async () => ({ snapshot: await readSnapshotFromBuffer(await writePlanToBuffer(tamperedPlan(THREE[1]))) }),
    },
  ]);
  expect(moderation.log.map((e) => e.used)).toEqual([true, true, false]);
  expect(moderation.log[1].reason).toContain("Made from toolkit 0.9.0");
  expect(moderation.log[1].reason).toContain("1 answer for behaviours toolkit 1.0.0 no longer has");
  expect(moderation.log[2].reason).toMatch(/^Left out because the check found 1 error/);
  expect(moderation.agreed!.answers.behaviours["SL-ECSM-01"].current).toBe("Mature"); // Mature and Leader
});

test("a single return is not moderated, and nothing is planned", async () => {
  const moderation = await moderate(snapshotSources([{ file: "R1.xlsx", answers: THREE[0] }]));
  expect(moderation.agreed).toBeUndefined();
  expect(moderation.summary).toBe(
    "Moderation needs the returns of at least two respondents of one council; only one could be used, so nothing was written.",
  );
  expect(() => planModeratedWorkbook(moderation, { now: NOW })).toThrow(/Nothing was moderated/);
});
