/** fast-check generators of what respondents enter, shared by the round-trip and repair properties. */
import fc from "fast-check";
import type { Answers, BehaviourAnswer } from "../../src/core/plan/answer-types";
import type { Toolkit } from "../../src/core/toolkit/schema";

/** Text a user might type, including things that look like formulas; never blank. */
export const userText = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      "=SUM(A1:A3)",
      "+44 20 7664 3000",
      "-1",
      "@team",
      "'quoted'",
      "line one\nline two",
      "£50m & ‘curly’",
    ),
  )
  .filter((t) => t.trim() !== "");

export const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export function behaviourAnswer(toolkit: Toolkit): fc.Arbitrary<BehaviourAnswer> {
  return fc.record(
    {
      current: fc.constantFrom(...toolkit.levels),
      target: fc.constantFrom(...toolkit.levels),
      evidence: userText,
      owner: userText,
      reviewDate: isoDate,
    },
    { requiredKeys: [] },
  );
}

/** Answers for up to `maxKeys` behaviours, drawn from the toolkit's IDs and any `otherIds` (retired ones). */
export function answersFor(toolkit: Toolkit, otherIds: string[] = [], maxKeys = 8): fc.Arbitrary<Answers> {
  const ids = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));
  return fc.record({
    council: userText,
    assessmentDate: isoDate,
    behaviours: fc.dictionary(fc.constantFrom(...ids, ...otherIds), behaviourAnswer(toolkit), { maxKeys }),
  });
}

/** The answers as a reader gives them back: a behaviour with nothing entered is not there. */
export const nonEmpty = (a: Answers): Answers => ({
  ...a,
  behaviours: Object.fromEntries(Object.entries(a.behaviours).filter(([, v]) => Object.keys(v).length > 0)),
});
