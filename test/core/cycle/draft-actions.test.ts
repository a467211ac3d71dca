/** Draft actions from the gaps: one per behaviour below its target with no action yet; nothing overwritten. */
import { draftActions } from "../../../src/core/cycle/draft-actions";
import type { Answers } from "../../../src/core/plan/answer-types";
import { richTextToCell } from "../../../src/core/toolkit/text";
import { toolkit } from "../check/fixtures";

const [a, b, c, d] = toolkit.themes[0].keyAreas[0].behaviours;

const answers: Answers = {
  behaviours: {
    [a.id]: { current: "Developing", target: "Leader" }, // below target, no action: drafted
    [b.id]: { current: " minimum ", target: "MATURE" }, // below target, typed loosely: drafted
    [c.id]: { current: "Mature", target: "Mature" }, // at target: none
    [d.id]: { current: "Minimum", target: "Leader" }, // below target, already has an action: none
  },
  actions: [{ behaviourId: d.id.toLowerCase(), action: "Ours, kept as it is", status: "Done" }],
};

test("one action per behaviour below target without one, aiming at the next level; existing actions first, untouched", () => {
  const { answers: drafted, drafted: added, note } = draftActions(toolkit, answers);
  expect(drafted.actions).toEqual([
    answers.actions![0],
    { behaviourId: a.id, action: `Reach Mature: ${richTextToCell(a.descriptors[2])}`, status: "Not started" },
    { behaviourId: b.id, action: `Reach Developing: ${richTextToCell(b.descriptors[1])}`, status: "Not started" },
  ]);
  expect(added).toHaveLength(2);
  expect(note).toMatch(/^Drafted 2 actions/);
  expect(drafted.behaviours).toBe(answers.behaviours);
});

test("drafting again adds nothing: every gap has its action now", () => {
  const once = draftActions(toolkit, answers).answers;
  const twice = draftActions(toolkit, once);
  expect(twice.drafted).toEqual([]);
  expect(twice.answers.actions).toEqual(once.actions);
  expect(twice.note).toMatch(/^No action drafted/);
});
