/**
 * The sample workbook's action plan (`nps-toolkit new --sample`): a few realistic actions of several statuses, for
 * behaviours below their target, due after the assessment date, in the NPS_Actions table when written.
 */
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { sampleAnswers, sampleAnswersWithActions } from "../../../src/core/answers/sample";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { NOW, toolkit } from "../check/fixtures";

const DATE = "2026-04-01";

test("a few actions, for behaviours below target, of several statuses, due after the assessment date", () => {
  const answers = sampleAnswersWithActions(toolkit, DATE);
  const actions = answers.actions ?? [];
  expect(actions.length).toBeGreaterThanOrEqual(3);
  expect(new Set(actions.map((a) => a.status))).toEqual(new Set(["In progress", "Not started", "Done"]));
  const levels = toolkit.levels;
  for (const action of actions) {
    const answer = answers.behaviours[action.behaviourId!];
    expect(levels.indexOf(answer.current!)).toBeLessThan(levels.indexOf(answer.target!));
    expect(action.dueDate! > DATE).toBe(true);
    expect(action.action).toMatch(/\w+ .{20,}/);
  }
  // The answers themselves are the sample's, unchanged.
  expect({ ...answers, actions: undefined }).toEqual({ ...sampleAnswers(toolkit, DATE), actions: undefined });
});

test("written, the actions stand in the NPS_Actions table and read back as they were", async () => {
  const answers = sampleAnswersWithActions(toolkit, DATE);
  const snapshot = await readSnapshotFromBuffer(
    await writePlanToBuffer(buildWorkbookPlan(toolkit, answers, { now: NOW })),
  );
  expect(snapshot.tables?.map((t) => t.name)).toContain("NPS_Actions");
  expect(readAssessment(snapshot, toolkit)!.answers.actions).toEqual(answers.actions);
});
