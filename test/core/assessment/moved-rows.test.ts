/**
 * Repair, upgrade and sign-off never lose an answer when rows of a key area sheet were inserted,
 * deleted or moved (people unprotect the sheet to add a note): every answer is carried to its
 * behaviour, or named in the notes. On snapshots; one example goes through the .xlsx writer and
 * reader (test/cli/repair.test.ts runs the command itself). The property over any row edits is in
 * moved-rows.property.test.ts.
 */
import { planRepairedCopy } from "../../../src/core/assessment/plan-assessment";
import { checkWorkbook } from "../../../src/core/check/check";
import { isRefusal, planSignedOffCopy } from "../../../src/core/sign-off/sign-off";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { KEY_AREA, keyAreaSheetKey, roleNameFor } from "../../../src/core/plan/layout";
import { cellAddress } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { deleteRow, insertRow, typeCells, type Shift } from "../../support/row-edits";
import { plan, planSnapshot } from "../../support/plan-cells";
import { answersIn, areas, NOW, repaired, toolkit } from "./moved-rows-fixtures";
import { upgradeWords } from "../../../src/core/words/upgrade";

const C = KEY_AREA.columns;
const area = areas[0];
const every = Object.fromEntries(
  areas.flatMap((k) => k.behaviours).map((b, i) => [b.id, { current: toolkit.levels[i % 5], evidence: `Note ${i}` }]),
);

describe.each<Shift>(["excel", "naive"])("a row inserted in a key area sheet (%s)", (shift) => {
  const input = insertRow(
    planSnapshot(plan({ behaviours: every })),
    area.sheetName,
    KEY_AREA.firstBehaviourRow + 2,
    shift,
  );

  test("repair carries the answers of every behaviour below it, and counts them", () => {
    const copy = repaired(input);
    expect(answersIn(planSnapshot(copy.plan))).toEqual(every);
    expect(copy.carried).toHaveLength(Object.keys(every).length);
    expect(copy.warnings).toEqual([]);
  });

  test("the repaired copy has the generator's layout again", () => {
    const copy = repaired(input);
    const fresh = planRepairedCopy(planSnapshot(plan({ behaviours: every })), toolkit, NOW)!;
    expect(planSnapshot(copy.plan).sheets).toEqual(planSnapshot(fresh.plan).sheets);
  });
});

test("sign-off reads every answer of a sheet with a row inserted above the behaviours", () => {
  const input = insertRow(planSnapshot(plan({ behaviours: every })), area.sheetName, 6, "excel");
  const check = checkWorkbook(input, knownToolkits(), { today: "2026-11-20" });
  const signed = planSignedOffCopy({
    snapshot: input,
    toolkit,
    request: { by: "Sam Lead", on: "2026-11-20", now: NOW },
    check,
  });
  if (isRefusal(signed)) throw new Error(`sign-off refused: ${signed.message}`);
  expect(answersIn(planSnapshot(signed.planned.plan))).toEqual(every);
  expect(signed.planned.notes).toContain(upgradeWords.carried({ count: Object.keys(every).length }));
});

test("an empty row deleted above the grid loses nothing", () => {
  const input = deleteRow(planSnapshot(plan({ behaviours: every })), area.sheetName, 6, "excel");
  expect(answersIn(planSnapshot(repaired(input).plan))).toEqual(every);
});

test("an ID padded with spaces or invisible characters still finds its answer", () => {
  const row = KEY_AREA.firstBehaviourRow + 1;
  const id = area.behaviours[1].id;
  const input = typeCells(planSnapshot(plan({ behaviours: every })), area.sheetName, {
    [cellAddress(row, C.id)]: ` ${id}\u200B\u00A0`,
  });
  expect(answersIn(input)[id]).toEqual(every[id]);
});

test("a note typed in an inserted row is named in the notes, with its sheet and row", () => {
  const at = KEY_AREA.firstBehaviourRow + 1;
  const inserted = insertRow(planSnapshot(plan({ behaviours: every })), area.sheetName, at, "excel");
  const input = typeCells(inserted, area.sheetName, {
    [cellAddress(at, C.behaviour)]: "Ask finance",
    [cellAddress(at, C.current)]: "Mature",
  });
  const copy = repaired(input);
  expect(copy.warnings).toEqual([
    `Row ${at} of "${area.sheetName}" has entries that belong to no behaviour (it has no behaviour ID): B${at} "Ask finance" and ${KEY_AREA.letters.current}${at} "Mature". They were not carried across; copy them where they belong.`,
  ]);
  expect(answersIn(planSnapshot(copy.plan))).toEqual(every);
});

test("a second row for one behaviour with other answers is named in the notes, not dropped", () => {
  const id = area.behaviours[0].id;
  const at = KEY_AREA.firstBehaviourRow + area.behaviours.length;
  const input = typeCells(planSnapshot(plan({ behaviours: every })), area.sheetName, {
    [cellAddress(at, C.id)]: id,
    [cellAddress(at, C.current)]: "Innovator",
  });
  const copy = repaired(input);
  expect(answersIn(planSnapshot(copy.plan))[id]).toEqual(every[id]);
  expect(copy.warnings).toEqual([
    `Behaviour ${id} has a second row, row ${at} of "${area.sheetName}", with current level "Innovator"; the answers of row ${KEY_AREA.firstBehaviourRow} of "${area.sheetName}" were carried, not these. Copy them across if they are the right ones.`,
  ]);
});

describe("an add-in name pointed at another of its sheets", () => {
  const generated = () => planSnapshot(plan({ behaviours: every }));

  test("the Summary's name on the Guide: repair writes a workbook, with every answer", async () => {
    const input = generated();
    input.names[roleNameFor("summary")] = input.names[roleNameFor("guide")];
    expect(input.names[roleNameFor("summary")]).toBe("'Guide'!$A$1");
    const copy = repaired(input);
    const names = copy.plan.sheets.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const back = await readSnapshotFromBuffer(await writePlanToBuffer(copy.plan));
    expect(answersIn(back)).toEqual(every);
  });

  test("one key area's name on another's sheet: both key areas' answers are carried", async () => {
    const input = generated();
    const [first, second] = areas;
    input.names[roleNameFor(keyAreaSheetKey(first.id))] = input.names[roleNameFor(keyAreaSheetKey(second.id))];
    const copy = repaired(input);
    expect(answersIn(planSnapshot(copy.plan))).toEqual(every);
    expect(copy.plan.sheets.filter((s) => s.role === "keyArea").map((s) => s.name)).toEqual(
      areas.map((k) => k.sheetName),
    );
    // The copy is written: two sheets of one name made the writer stop ("Worksheet name already exists").
    expect(answersIn(await readSnapshotFromBuffer(await writePlanToBuffer(copy.plan)))).toEqual(every);
  });
});
