/**
 * Sign-off's properties, over generated answers: the fingerprint of the answers changes with any one answer and
 * with nothing else, and any answers signed off (through a real .xlsx file, and in place) read back as final. In
 * their own file because fast-check runs each hundreds of times (npm run test:fast leaves property tests out).
 */
import fc from "fast-check";
import { answersFingerprint } from "../../../src/core/answers/fingerprint";
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { readSignOff } from "../../../src/core/assessment/sign-off";
import type { Answers, BehaviourAnswer } from "../../../src/core/plan/answer-types";
import { GUIDE, METADATA_KEYS } from "../../../src/core/plan/layout";
import { isRefusal, type SignOffInPlace } from "../../../src/core/sign-off/sign-off";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { answersFor, userText } from "../../support/answer-arbitraries";
import { plan, planSnapshot } from "../../support/plan-cells";
import { at, BY, ids, inPlace, readBack, signedCopy, toolkit } from "./fixtures";

/** What a writer makes of the in-place edits: exactly their cells, on a copy of `snapshot`. */
function applied(snapshot: WorkbookSnapshot, signOff: SignOffInPlace): WorkbookSnapshot {
  const after = structuredClone(snapshot);
  for (const edit of signOff.edits) {
    const sheet = after.sheets.find((s) => s.name === edit.sheet)!;
    for (const cell of edit.cells) sheet.cells[cell.address] = { value: cell.value };
  }
  return after;
}

/** Some behaviour of the toolkit has a current level (a retired one's does not count). */
const hasALevel = (answers: Answers) =>
  Object.entries(answers.behaviours).some(([id, answer]) => ids.includes(id) && answer.current !== undefined);

/** Answers with a respondent and role too, and now and then a retired behaviour's answer. */
const fullAnswers = fc
  .tuple(answersFor(toolkit, ["XX-OLD-01"]), fc.option(userText), fc.option(userText))
  .map(([answers, respondent, role]): Answers => ({
    ...answers,
    ...(respondent === null ? {} : { respondent }),
    ...(role === null ? {} : { role }),
  }));

/** Every way to change one answer: each text and level field of each answer, and the details. */
function changedOnce(answers: Answers, which: number, replacement: string): Answers | undefined {
  const details = ["council", "assessmentDate", "respondent", "role"] as const;
  const fields = ["current", "target", "evidence", "owner", "reviewDate"] as const;
  const slots = [
    ...details.map((key) => ({ details: key })),
    ...Object.keys(answers.behaviours).flatMap((id) => fields.map((field) => ({ id, field }))),
  ];
  const slot = slots[which % slots.length];
  const copy = structuredClone(answers);
  if ("details" in slot) {
    if (copy[slot.details] === replacement) return undefined;
    copy[slot.details] = replacement;
    return copy;
  }
  const answer: BehaviourAnswer = copy.behaviours[slot.id];
  const levelField = slot.field === "current" || slot.field === "target";
  const value = levelField ? toolkit.levels.find((level) => level !== answer[slot.field]) : replacement;
  if (answer[slot.field] === value) return undefined;
  answer[slot.field] = value;
  return copy;
}

describe("the fingerprint of the answers", () => {
  test("changes when any one answer changes", () => {
    fc.assert(
      fc.property(fullAnswers, fc.nat(), userText, (answers, which, replacement) => {
        const changed = changedOnce(answers, which, replacement);
        fc.pre(changed !== undefined);
        expect(answersFingerprint(changed!, BY, toolkit)).not.toBe(answersFingerprint(answers, BY, toolkit));
      }),
      { numRuns: 300 },
    );
  });

  test("does not change when nothing a formula or a reader would see changes", () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        const respelt = structuredClone(answers);
        for (const answer of Object.values(respelt.behaviours)) {
          // A level in other case with spaces around it scores the same; blank text is no answer.
          if (answer.current) answer.current = `  ${answer.current.toUpperCase()}\t`;
          if (answer.evidence === undefined) answer.evidence = " \n ";
        }
        // The order behaviours were read in, and a behaviour with nothing entered, make no difference.
        respelt.behaviours = Object.fromEntries(Object.entries(respelt.behaviours).reverse());
        respelt.behaviours[ids[ids.length - 1]] ??= { owner: "  " };
        expect(answersFingerprint(respelt, BY, toolkit)).toBe(answersFingerprint(answers, BY, toolkit));
      }),
      { numRuns: 200 },
    );
  });
});

describe("signing off, through a real .xlsx file written and read back", () => {
  test("any answers signed off read back as final, with the signer and date on the Guide", async () => {
    await fc.assert(
      fc.asyncProperty(fullAnswers, async (answers) => {
        // Before the file is written: a run without a level is discarded, and need not cost a round trip.
        fc.pre(hasALevel(answers));
        const snapshot = await readBack(plan(answers));
        const { planned } = signedCopy(snapshot);
        const found = readAssessment(await readBack(planned.plan), toolkit)!;
        expect(found.info).toMatchObject({ signedOffBy: BY.by, signedOffOn: BY.on });
        expect(found.info.metadata).toMatchObject({ signedOffBy: BY.by, signedOffOn: BY.on });
        expect(readSignOff(found, toolkit)).toMatchObject({
          state: "final",
          answersChanged: false,
          guideDiffers: false,
        });
      }),
      { numRuns: 12 },
    );
  });
});

describe("signing off in place writes only the sign-off", () => {
  test("the Guide's two cells and the metadata's three, nothing else; the answers as read read back as final", () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        fc.pre(hasALevel(answers));
        const snapshot = planSnapshot(plan(answers));
        const signOff = inPlace(snapshot, { allowIncomplete: true });
        if (isRefusal(signOff)) throw new Error(signOff.message);
        expect(signOff.edits.map((e) => [e.sheet, e.cells.map((c) => c.address)])).toEqual([
          ["Guide", [at(GUIDE.signedOffByCell), at(GUIDE.signedOffOnCell)]],
          [
            "NPS_Metadata",
            METADATA_KEYS.filter((key) => key.startsWith("signedOff") || key === "answersFingerprint").map(
              (key) => `B${METADATA_KEYS.indexOf(key) + 2}`,
            ),
          ],
        ]);
        const found = readAssessment(applied(snapshot, signOff), toolkit)!;
        expect(found.answers).toEqual(readAssessment(snapshot, toolkit)!.answers);
        expect(found.info).toMatchObject({ signedOffBy: BY.by, signedOffOn: BY.on });
        expect(found.info.metadata).toMatchObject({
          signedOffBy: BY.by,
          signedOffOn: BY.on,
          answersFingerprint: signOff.record.answersFingerprint,
        });
        expect(readSignOff(found, toolkit).state).toBe("final");
      }),
      { numRuns: 40 },
    );
  });
});
