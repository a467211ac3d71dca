/**
 * A level picker read back from Excel in a locale whose list separator is ";" (OfficeDev/office-js #2128: the
 * source property is not locale-aware) is the same picker, not a changed one; a picker that really lost levels
 * is still found.
 */
import { FakeExcel } from "../fakes/excel-fake";
import { keyColumn, keyRow } from "../fakes/excel/state";
import { columnLetter } from "../../src/core/util/a1";
import { DETAILS, hostFor, noProgress } from "./fixtures";

const LEVELS = ["Minimum", "Developing", "Mature", "Leader", "Innovator"];

/** The first cell with a level picker on a sheet of the built assessment (not the Guide's other pickers), and its sheet. */
function firstPicker(fake: FakeExcel) {
  for (const sheet of fake.state.sheets)
    for (const [key, validation] of sheet.validations)
      if (
        validation.rule &&
        "list" in validation.rule &&
        String((validation.rule.list as { source?: unknown }).source).includes(LEVELS[0])
      )
        return { sheet, key, address: `${columnLetter(keyColumn(key))}${keyRow(key)}` };
  throw new Error("The assessment has no picker.");
}

async function findingsAtPicker(source: string) {
  const fake = new FakeExcel();
  const host = hostFor(fake);
  await host.buildOrUpgrade(DETAILS, noProgress);
  const { sheet, key, address } = firstPicker(fake);
  sheet.validations.get(key)!.rule = { list: { inCellDropDown: true, source } };
  const { check } = await host.check(noProgress);
  return check!.findings.filter(
    (f) => f.rule === "answer.picker-missing" && f.sheet?.name === sheet.name && f.cell === address,
  );
}

test("a picker read back with semicolons between the levels is not reported", async () => {
  expect(await findingsAtPicker(LEVELS.join(";"))).toEqual([]);
});

test("a picker that lost levels is reported, whichever separator it reads back with", async () => {
  expect(await findingsAtPicker(LEVELS.slice(0, 3).join(";"))).not.toEqual([]);
  expect(await findingsAtPicker(LEVELS.slice(0, 3).join(","))).not.toEqual([]);
});
