/// <reference types="office-js" />
/** Property tests: answers survive build → upgrade → repair; users' sheets survive everything. */
import fc from "fast-check";
import type { Answers, BehaviourAnswer } from "../../src/core/plan/answer-types";
import { carryAnswers } from "../../src/core/assessment/carry";
import { defaultSheetNames } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { FakeExcel, type SeedCell } from "../fakes/excel-fake";
import { DETAILS, hostFor, nextVersion, noProgress, readBack, userSheetsOf, writePlanWithAnswers } from "./fixtures";

const toolkit = canonicalToolkit();
/** The same toolkit under a new version, made once: each run upgrades to it. */
const newer = nextVersion(toolkit);
const behaviourIds = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));

/** Characters that make Excel read text as something else, mixed with ordinary ones. */
const risky = fc.string({
  unit: fc.constantFrom(
    "=",
    "+",
    "-",
    "@",
    "'",
    "#",
    "0",
    "1",
    "9",
    "/",
    ".",
    ",",
    "%",
    "£",
    "a",
    "B",
    " ",
    "\n",
    "T",
    "R",
    "U",
    "E",
    "&",
    '"',
  ),
  minLength: 1,
  maxLength: 24,
});
const text = risky.filter((s) => s.trim() !== "");
const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const level = fc.constantFrom(...toolkit.levels);

const answer: fc.Arbitrary<BehaviourAnswer> = fc
  .record({ current: level, target: level, evidence: text, owner: text, reviewDate: isoDate }, { requiredKeys: [] })
  .filter((a) => Object.keys(a).length > 0);

const answers: fc.Arbitrary<Answers> = fc.record({
  council: text,
  assessmentDate: isoDate,
  behaviours: fc.dictionary(fc.constantFrom(...behaviourIds), answer, { maxKeys: 12 }),
});

test("random answers survive build → upgrade → repair unchanged", async () => {
  await fc.assert(
    fc.asyncProperty(answers, async (given) => {
      const fake = new FakeExcel();
      await writePlanWithAnswers(fake, toolkit, given);
      const upgraded = await hostFor(fake, newer).buildOrUpgrade({ council: "", assessmentDate: "" }, noProgress);
      const repaired = await hostFor(fake, newer).buildOrUpgrade({ council: "", assessmentDate: "" }, noProgress);
      expect([upgraded.action, repaired.action]).toEqual(["upgraded", "repaired"]);
      const found = await readBack(fake, newer);
      expect(found?.answers).toEqual(given);
      // Nothing read back is an entry a further upgrade would have to move.
      expect(carryAnswers(found!.answers, newer).warnings).toEqual([]);
    }),
    { numRuns: 25 },
  );
});

const wantedNames = Object.values(defaultSheetNames(toolkit));
/** A user's sheet name: one the plan wants (in any case), or a name of its own. */
const userSheetName = fc.oneof(
  fc.constantFrom(...wantedNames).chain((name) => fc.constantFrom(name, name.toUpperCase(), name.toLowerCase())),
  fc.constantFrom("Notes", "Budget 2025", "Summary (2)", "Gaps (2)", "Sheet2"),
);
const seedCell: fc.Arbitrary<SeedCell> = fc.oneof(
  risky.map((s) => `'${s}`),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom({ formula: "=SUM(A1:A3)" }, { formula: "='Summary'!B5" }),
);
const userSheet = fc.record({
  name: userSheetName,
  cells: fc.dictionary(fc.constantFrom("A1", "B2", "C3", "H9", "J12"), seedCell, { maxKeys: 4 }),
  visibility: fc.constantFrom("Visible" as const, "Hidden" as const),
});

test("users' sheets with colliding names are never renamed or changed, through build and upgrade", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(userSheet, { minLength: 1, maxLength: 5, selector: (s) => s.name.toLowerCase() }),
      async (sheets) => {
        const fake = new FakeExcel({ sheets: ["Sheet1"] });
        const ids = sheets.map((s) => fake.seedSheet(s.name, s.cells, s.visibility).id);
        const before = userSheetsOf(fake, ids);
        await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
        expect(userSheetsOf(fake, ids)).toEqual(before);
        const outcome = await hostFor(fake, newer).buildOrUpgrade(DETAILS, noProgress);
        expect(outcome.action).toBe("upgraded");
        expect(userSheetsOf(fake, ids)).toEqual(before);
        expect(fake.syncs).toHaveLength(5);
      },
    ),
    { numRuns: 25 },
  );
});
