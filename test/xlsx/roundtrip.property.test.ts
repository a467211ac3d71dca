/**
 * The .xlsx round trip over generated answers: whatever answers are written are read back identically, by
 * behaviour ID, and carry with no warning. A property test (npm run test:fast leaves these out); the round trip's
 * examples are in roundtrip.test.ts.
 */
import fc from "fast-check";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { carryAnswers } from "../../src/core/assessment/carry";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { answersFor, nonEmpty } from "../support/answer-arbitraries";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");
const answers = answersFor(toolkit);

describe(".xlsx round trip", () => {
  test("every answer written is read back identically by behaviour ID", async () => {
    await fc.assert(
      fc.asyncProperty(answers, async (given) => {
        const bytes = await writePlanToBuffer(buildWorkbookPlan(toolkit, given, { now }));
        const found = readAssessment(await readSnapshotFromBuffer(bytes), toolkit);
        expect(found?.answers).toEqual(nonEmpty(given));
        expect(carryAnswers(found!.answers, toolkit).warnings).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
