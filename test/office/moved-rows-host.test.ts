/// <reference types="office-js" />
/**
 * The Excel host's repair of a key area sheet with a row inserted among the behaviours (the cells
 * below moved down, as a user's inserted row leaves them): every answer is read from the whole used
 * range and carried, the layout is restored, and the repair takes as many syncs as on an untouched
 * workbook.
 */
import { sampleAnswers } from "../../src/core/answers/sample";
import { KEY_AREA } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { FakeExcel } from "../fakes/excel-fake";
import { cellKey, keyColumn, keyRow } from "../fakes/excel/state";
import { DETAILS, hostFor, noProgress, readBack, writePlanWithAnswers } from "./fixtures";

const toolkit = canonicalToolkit();
const area = toolkit.themes[0].keyAreas[0];
const answers = sampleAnswers(toolkit, DETAILS.assessmentDate);

/** Moves every cell of the sheet from row `at` down one row: a blank row now stands at `at`. */
function insertBlankRow(fake: FakeExcel, sheetName: string, at: number): void {
  const sheet = fake.sheet(sheetName);
  const moved = [...sheet.cells].map(
    ([key, cell]) => [keyRow(key) >= at ? cellKey(keyRow(key) + 1, keyColumn(key)) : key, cell] as const,
  );
  sheet.cells.clear();
  for (const [key, cell] of moved) sheet.cells.set(key, cell);
}

async function repairSyncs(fake: FakeExcel) {
  const mark = fake.syncs.length;
  const outcome = await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
  return { outcome, syncs: fake.since(mark).syncs };
}

test("a row inserted among a key area's behaviours: the repair carries every answer in the same number of syncs", async () => {
  const untouched = new FakeExcel();
  await writePlanWithAnswers(untouched, toolkit, answers);
  const expected = await repairSyncs(untouched);

  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, answers);
  const at = KEY_AREA.firstBehaviourRow + 1;
  insertBlankRow(fake, area.sheetName, at);
  // Before the repair, the answers below the inserted row stand one row lower, and are read there.
  expect((await readBack(fake, toolkit))?.answers.behaviours).toEqual(answers.behaviours);

  const { outcome, syncs } = await repairSyncs(fake);
  expect(outcome.action).toBe("repaired");
  expect(outcome.notes).toContain(expected.outcome.notes.find((note) => note.startsWith("Carried ")));
  expect(syncs).toBe(expected.syncs);
  expect((await readBack(fake, toolkit))?.answers.behaviours).toEqual(answers.behaviours);
  // The layout is the generator's again: the second behaviour's ID is back in its row.
  expect(fake.cell(area.sheetName, `A${at}`)).toMatchObject({ text: area.behaviours[1].id });
});
