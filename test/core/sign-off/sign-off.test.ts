/**
 * Sign-off: the fingerprint of the answers, the sign-off use case (in place, as the Excel host signs off, and as a
 * copy, as the command line does), what it refuses, and what reads as final, draft or changed. Its properties over
 * generated answers are in sign-off.property.test.ts.
 */
import { answersFingerprint, signOffOfWritten } from "../../../src/core/answers/fingerprint";
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import type { Answers } from "../../../src/core/plan/answer-types";
import { planUpgrade } from "../../../src/core/assessment/plan-assessment";
import { readSignOff, signOffState } from "../../../src/core/assessment/sign-off";
import { signOffBlockers, signOffWarningsNote } from "../../../src/core/check/sign-off-gate";
import { isRefusal, planSignedOffCopy, type SignOffRequest } from "../../../src/core/sign-off/sign-off";
import { signOffProblem } from "../../../src/core/assessment/sign-off-request";
import { GUIDE, KEY_AREA, METADATA_KEYS } from "../../../src/core/plan/layout";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { parseToolkit } from "../../../src/core/toolkit/load";
import { cellAddress } from "../../../src/core/util/a1";
import { isoDateToSerial } from "../../../src/core/util/dates";
import { olderLayoutPlan } from "../../support/older-layout";
import { plan, planSnapshot, typeInto } from "../../support/plan-cells";
import { area, areaKey, at, BY, checkOf, ids, inPlace, now, readBack, signedCopy, toolkit } from "./fixtures";
import { signOffWords } from "../../../src/core/words/sign-off";

/** Every behaviour of the toolkit with a current level: a complete return. */
const complete = (): Answers => ({
  council: "Anytown",
  behaviours: Object.fromEntries(ids.map((id, i) => [id, { current: toolkit.levels[i % toolkit.levels.length] }])),
});

describe("the fingerprint of the answers", () => {
  test("changes with who signed off and when", () => {
    const answers: Answers = { behaviours: { [ids[0]]: { current: "Mature" } } };
    const base = answersFingerprint(answers, BY, toolkit);
    expect(answersFingerprint(answers, { ...BY, by: "Someone Else" }, toolkit)).not.toBe(base);
    expect(answersFingerprint(answers, { ...BY, on: "2026-11-21" }, toolkit)).not.toBe(base);
  });

  test("an entry that is not a level counts as typed, not as blank", () => {
    const blank: Answers = { behaviours: {} };
    const typed: Answers = { behaviours: { [ids[0]]: { current: "Excellent" } } };
    expect(answersFingerprint(typed, BY, toolkit)).not.toBe(answersFingerprint(blank, BY, toolkit));
  });
});

/** A return with `answers` (by default one answer with its evidence), signed off by the command line's copy. */
const signedPlan = (
  answers: Answers = { behaviours: { [area.behaviours[0].id]: { current: "Mature", evidence: "Minutes" } } },
) => signedCopy(planSnapshot(plan(answers))).planned.plan;

/** `snapshot` repaired or upgraded to `target` as the pane does, with the council typed there ("" for none). */
const upgradedPlan = (snapshot: WorkbookSnapshot, { target = toolkit, council = "" } = {}) =>
  planUpgrade(snapshot, target, { details: { council, assessmentDate: "" }, now })!;

describe("signing off, through a real .xlsx file written and read back", () => {
  test("then an answer typed over reads as changed; typing it back reads as final again", async () => {
    const current = cellAddress(KEY_AREA.firstBehaviourRow, KEY_AREA.columns.current);
    const snapshot = await readBack(signedPlan());
    const sheet = snapshot.sheets.find((s) => s.name === area.sheetName)!;
    expect(signOffState(readAssessment(snapshot, toolkit)!, toolkit)).toBe("final");
    sheet.cells[current] = { value: "Leader" };
    expect(signOffState(readAssessment(snapshot, toolkit)!, toolkit)).toBe("changed");
    sheet.cells[current] = { value: " mature " };
    expect(signOffState(readAssessment(snapshot, toolkit)!, toolkit)).toBe("final");
  });

  test("a repair, or an upgrade that carries every answer unchanged, keeps the sign-off final", () => {
    const signed = signedPlan();
    const newer = parseToolkit({ ...toolkit, version: "9.9.9" });
    for (const target of [toolkit, newer]) {
      const repaired = upgradedPlan(planSnapshot(signed), { target });
      expect(signOffState(readAssessment(planSnapshot(repaired.plan), target)!, target)).toBe("final");
    }
  });

  test("an upgrade that has to move an answer, or a new council typed in the pane, reads as changed", () => {
    const repaired = upgradedPlan(planSnapshot(signedPlan()), { council: "Othertown" });
    expect(signOffState(readAssessment(planSnapshot(repaired.plan), toolkit)!, toolkit)).toBe("changed");
  });

  test("a name typed into the Guide by hand is a draft, and an upgrade clears it and says so", () => {
    const workbook = plan({ behaviours: {} });
    const snapshot = planSnapshot(workbook);
    const guide = snapshot.sheets.find((s) => s.name === "Guide")!;
    guide.cells[at(GUIDE.signedOffByCell)] = { value: "Pat Officer" };
    guide.cells[at(GUIDE.signedOffOnCell)] = { value: isoDateToSerial("2026-11-01") };
    const found = readAssessment(snapshot, toolkit)!;
    expect(readSignOff(found, toolkit)).toEqual({ state: "draft", answersChanged: false, guideDiffers: true });
    const upgraded = upgradedPlan(snapshot);
    expect(upgraded.warnings).toEqual([
      `The Guide's sign-off cells held "Pat Officer, 2026-11-01", typed by hand rather than recorded by Sign off; they were cleared. Sign the return off with Sign off when it is final.`,
    ]);
    expect(readAssessment(planSnapshot(upgraded.plan), toolkit)!.info.signedOffBy).toBe("");
  });

  test("the Guide's sign-off edited by hand after sign-off reads as changed; a repair puts the recorded one back", () => {
    const snapshot = planSnapshot(signedPlan({ behaviours: { [area.behaviours[0].id]: { current: "Mature" } } }));
    snapshot.sheets.find((s) => s.name === "Guide")!.cells[at(GUIDE.signedOffByCell)] = { value: "Someone Else" };
    expect(readSignOff(readAssessment(snapshot, toolkit)!, toolkit)).toMatchObject({
      state: "changed",
      answersChanged: false,
      guideDiffers: true,
    });
    const repaired = upgradedPlan(snapshot);
    const found = readAssessment(planSnapshot(repaired.plan), toolkit)!;
    expect(found.info.signedOffBy).toBe(BY.by);
    expect(signOffState(found, toolkit)).toBe("final");
  });

  test("a never signed-off workbook is a draft, and the metadata records nothing", () => {
    const found = readAssessment(planSnapshot(plan({ behaviours: {} })), toolkit)!;
    expect(signOffState(found, toolkit)).toBe("draft");
    expect(found.info.metadata.answersFingerprint).toBe("");
    expect(METADATA_KEYS).toEqual(expect.arrayContaining(["signedOffBy", "signedOffOn", "answersFingerprint"]));
  });

  test("signing off writes the note first, keeps every answer, and fingerprints what is written", () => {
    const workbook = plan({
      behaviours: { [area.behaviours[0].id]: { evidence: "Minutes" }, [area.behaviours[1].id]: { current: "Mature" } },
    });
    typeInto(workbook, areaKey, cellAddress(KEY_AREA.firstBehaviourRow, KEY_AREA.columns.current), "Excellent");
    typeInto(workbook, "guide", at(GUIDE.dateCell), "not a date");
    const snapshot = planSnapshot(workbook);
    const copy = signedCopy(snapshot, { by: "  Sam Lead ", on: undefined, allowErrors: true });
    expect(copy.notes[0]).toBe(signOffWords.signedOff("Sam Lead", "2026-11-26"));
    expect(copy.notes[0]).toMatch(/^Signed off by Sam Lead on 26\/11\/2026: /);
    const { planned } = copy;
    const found = readAssessment(planSnapshot(planned.plan), toolkit)!;
    // The note in the evidence says which command moved the entry there: this sign-off, not an upgrade.
    expect(found.answers.behaviours[area.behaviours[0].id].evidence).toBe(
      "Minutes\n[Current level moved here by the sign-off, not a level: Excellent]",
    );
    expect(found.info.assessmentDate).toBe("");
    expect(copy.notes.join(" ")).toContain('"not a date" is not a date');
    expect(copy.notes.join(" ")).not.toMatch(/Repaired|Carried|Sheets/);
    expect(found.info.signedOffBy).toBe("Sam Lead");
    expect(signOffState(found, toolkit)).toBe("final");
    const record = signOffOfWritten(toolkit, found.answers, { by: "Sam Lead", on: "2026-11-26" });
    expect(found.info.metadata.answersFingerprint).toBe(record.answersFingerprint);
  });
});

describe("signing off in place writes only the sign-off", () => {
  test("its notes say who signed off and when, and nothing of sheets, repairs or carried answers", () => {
    const snapshot = planSnapshot(plan(complete()));
    const signOff = inPlace(snapshot);
    if (isRefusal(signOff)) throw new Error(signOff.message);
    expect(signOff.notes).toEqual([
      signOffWords.signedOff("Sam Lead", "2026-11-20"),
      // No evidence for Mature and above: warnings, which do not stop a sign-off.
      signOffWarningsNote(checkOf(snapshot)),
    ]);
    expect(signOff.notes.join(" ")).not.toMatch(/Repaired|Carried|Sheets/);
    expect(signOff.edits.every((edit) => edit.isProtected === false)).toBe(true);
  });

  test("a protected Guide and metadata sheet are lifted and protected again as the plan protects them", () => {
    const workbook = plan(complete());
    const snapshot = planSnapshot(workbook);
    for (const sheet of snapshot.sheets) sheet.protected = true;
    const signOff = inPlace(snapshot);
    if (isRefusal(signOff)) throw new Error(signOff.message);
    const protectionOf = (name: string) => workbook.sheets.find((s) => s.name === name)!.protection;
    for (const edit of signOff.edits) {
      expect(edit.isProtected).toBe(true);
      expect(edit.protection).toEqual(protectionOf(edit.sheet));
    }
  });

  test("an assessment whose layout has no sign-off cells is refused, with the upgrade as the way on", () => {
    // Its answers where an older layout put them, its stamp saying layout 2.
    const snapshot = planSnapshot(olderLayoutPlan(3, toolkit, complete(), { now }));
    const metadata = snapshot.sheets.find((s) => s.name === "NPS_Metadata")!;
    metadata.cells[`B${METADATA_KEYS.indexOf("layoutVersion") + 2}`] = { value: "2" };
    const refused = inPlace(snapshot, { allowErrors: true });
    expect(refused).toMatchObject({ refused: "no-sign-off-cells", nextStep: expect.stringMatching(/^Upgrade/) });
  });
});

describe("what must not be signed off", () => {
  const blank = () => planSnapshot(plan({ council: "Anytown", behaviours: {} }));

  test("a return with no answers is refused, even when an incomplete one is allowed", () => {
    for (const decide of [
      inPlace,
      (s: WorkbookSnapshot, r: Partial<SignOffRequest>) =>
        planSignedOffCopy({ snapshot: s, toolkit, request: { ...BY, now, ...r }, check: checkOf(s) }),
    ]) {
      expect(decide(blank(), { allowIncomplete: true })).toMatchObject({
        refused: "no-answers",
        message: "This return has no answers yet: no behaviour has a current level, so there is nothing to sign off.",
      });
    }
    // Evidence without any level is no answer either: no figure can be computed from it.
    const evidenceOnly = planSnapshot(plan({ behaviours: { [ids[0]]: { evidence: "Minutes" } } }));
    expect(inPlace(evidenceOnly, { allowIncomplete: true })).toMatchObject({ refused: "no-answers" });
  });

  test("a return with key areas not complete is refused, naming each of them, unless allowed", () => {
    const answers = complete();
    const [first, second] = toolkit.themes.flatMap((t) => t.keyAreas);
    delete answers.behaviours[first.behaviours[0].id];
    for (const b of second.behaviours.slice(0, 2)) delete answers.behaviours[b.id];
    const snapshot = planSnapshot(plan(answers));
    const refused = inPlace(snapshot);
    const line = (name: string, assessed: number, total: number) =>
      `${name} (${assessed} of ${total} behaviours with a current level)`;
    expect(refused).toMatchObject({
      refused: "incomplete",
      message: `This return is not complete, so it was not signed off: 2 key areas have behaviours without a current level: ${line(first.name, first.behaviours.length - 1, first.behaviours.length)}; ${line(second.name, second.behaviours.length - 2, second.behaviours.length)}.`,
      incomplete: [
        { name: first.name, assessed: first.behaviours.length - 1, behaviours: first.behaviours.length },
        { name: second.name, assessed: second.behaviours.length - 2, behaviours: second.behaviours.length },
      ],
    });
    const allowed = inPlace(snapshot, { allowIncomplete: true });
    if (isRefusal(allowed)) throw new Error(allowed.message);
    expect(allowed.notes[1]).toBe(
      `Signed off although it is not complete, as asked: ${line(first.name, first.behaviours.length - 1, first.behaviours.length)}; ${line(second.name, second.behaviours.length - 2, second.behaviours.length)}.`,
    );
  });

  test("a level typed that is not a level is an error: refused, naming it, unless errors are allowed", () => {
    const workbook = plan(complete());
    typeInto(workbook, areaKey, cellAddress(KEY_AREA.firstBehaviourRow, KEY_AREA.columns.current), "Excellent");
    const snapshot = planSnapshot(workbook);
    const refused = inPlace(snapshot, { allowIncomplete: true });
    expect(refused).toMatchObject({
      refused: "errors",
      errors: [expect.objectContaining({ rule: "answer.not-a-level" })],
    });
    expect(isRefusal(inPlace(snapshot, { allowIncomplete: true, allowErrors: true }))).toBe(false);
  });

  test("a workbook without an assessment is refused", () => {
    const snapshot: WorkbookSnapshot = { sheets: [{ name: "Sheet1", visibility: "visible", cells: {} }], names: {} };
    expect(inPlace(snapshot)).toMatchObject({ refused: "no-assessment" });
  });
});

describe("what a sign-off needs", () => {
  test.each([
    ["", "2026-11-20", "Say who signs the answers off: a name is needed."],
    ["   ", "2026-11-20", "Say who signs the answers off: a name is needed."],
    ["Sam\nLead", "2026-11-20", "The name must be on one line."],
    ["x".repeat(101), "2026-11-20", "The name is too long: at most 100 characters."],
    ["Sam", "20/11/2026", 'The sign-off date must be a real date written YYYY-MM-DD (got "20/11/2026").'],
    ["Sam", "2026-02-30", 'The sign-off date must be a real date written YYYY-MM-DD (got "2026-02-30").'],
    ["Sam", "1999-12-31", "The sign-off date must be on or after 01/01/2000."],
    ["Sam", "2026-11-27", "The sign-off date 27/11/2026 is in the future."],
    ["Sam", "2026-11-26", null],
  ])("%j on %s", (by, on, problem) => {
    expect(signOffProblem(by, on, "2026-11-26")).toBe(problem);
  });

  test("the use case refuses what signOffProblem refuses", () => {
    const snapshot = planSnapshot(plan(complete()));
    expect(() => inPlace(snapshot, { by: "" })).toThrow("Say who signs the answers off: a name is needed.");
    expect(() => signedCopy(snapshot, { by: "" })).toThrow("Say who signs the answers off: a name is needed.");
  });

  test("errors block a sign-off; warnings and notes do not", () => {
    const error = { rule: "formula.changed", severity: "error", message: "", repairable: true } as const;
    const warning = { rule: "answer.evidence-missing", severity: "warning", message: "", repairable: false } as const;
    expect(signOffBlockers({ findings: [warning, error] })).toEqual([error]);
    expect(signOffBlockers({ findings: [warning] })).toEqual([]);
  });
});
