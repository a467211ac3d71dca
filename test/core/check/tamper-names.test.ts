/**
 * Answers no figure reads: a hidden copy of a key area sheet full of Innovator with a name of the
 * add-in's pointing at it, and an answer on a Retired answers sheet for a behaviour that has its own
 * row. Each is written to a file, read back with the product's reader, and taken through the check,
 * consolidation and sign-off: the check names it, and neither consolidation nor sign-off reads it.
 */
import JSZip from "jszip";
import { checkWorkbook } from "../../../src/core/check/check";
import { isRefusal, planSignedOffCopy } from "../../../src/core/sign-off/sign-off";
import { locatePlanCell } from "../../../src/core/plan/locate";
import { retiredSheet } from "../../../src/core/plan/retired-sheet";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { parseCell } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import {
  check,
  errorsAndWarnings,
  NOW,
  planWith,
  samplePlan,
  sheetOf,
  snapshotOf,
  TODAY,
  toolkit,
  where,
} from "./fixtures";
import { examineSnapshot } from "../consolidate/fixtures";

const area = toolkit.themes[0].keyAreas[0];
const AREA = area.sheetName;
const areaKey = `keyArea:${area.id}`;
const rows = area.behaviours.map((_, i) => 9 + i);

function cellOf(sheet: SheetPlan, address: string): PlanCell {
  const { row, column } = parseCell(address);
  const found = locatePlanCell(sheet, row, column);
  return found ? found.line[found.index] : null;
}

function setCell(sheet: SheetPlan, address: string, value: PlanCell): void {
  const { row, column } = parseCell(address);
  const found = locatePlanCell(sheet, row, column);
  if (!found) throw new Error(`${sheet.name}!${address} is not in the plan`);
  found.line[found.index] = value;
}

/** The first key area sheet copied to a very hidden "Decoy" with every current level Innovator. */
function withDecoy(plan: WorkbookPlan, name: string): WorkbookPlan {
  const decoy = structuredClone(sheetOf(plan, areaKey));
  Object.assign(decoy, { key: "decoy", name: "Decoy", visibility: "veryHidden" });
  for (const row of rows) setCell(decoy, `J${row}`, "Innovator");
  plan.sheets.splice(plan.sheets.length - 1, 0, decoy);
  plan.names.push({ name, reference: "'Decoy'!$A$1" });
  return plan;
}

/** The answers the consolidation takes from a return. */
function consolidated(snapshot: WorkbookSnapshot) {
  const examined = examineSnapshot(snapshot);
  return { examined, answers: examined.answers ?? {} };
}

/**
 * The first key area sheet's current levels as sign-off would write them: the command line's signed-off copy, told
 * to go ahead despite errors and gaps, so that what it read is what it writes.
 */
function signedOffLevels(snapshot: WorkbookSnapshot): PlanCell[] {
  const check = checkWorkbook(snapshot, knownToolkits(), { today: TODAY });
  const request = { by: "Sam Lead", on: "2026-11-20", now: NOW, allowErrors: true, allowIncomplete: true };
  const signed = planSignedOffCopy({ snapshot, toolkit, request, check });
  if (isRefusal(signed)) throw new Error(`sign-off refused: ${signed.message}`);
  const sheet = sheetOf(signed.planned.plan, areaKey);
  return rows.map((row) => cellOf(sheet, `J${row}`));
}

describe("a hidden copy of a key area sheet, with a name of the add-in's pointing at it", () => {
  const sample = samplePlan();
  const realLevels = rows.map((row) => cellOf(sheetOf(sample, areaKey), `J${row}`));

  test("the sample's levels are not all Innovator, so a decoy read would show", () => {
    expect(realLevels.filter((level) => level !== "Innovator").length).toBeGreaterThan(0);
  });

  test("check: an error on the name, at the sheet and cell it points at", async () => {
    const findings = errorsAndWarnings(check(await snapshotOf(withDecoy(samplePlan(), "NPS_Sheet_KA_SL_ECSM_2"))));
    expect(findings.map(where)).toEqual([
      { rule: "names.unknown-sheet-name", sheet: "Decoy", cell: "A1", severity: "error" },
    ]);
    expect(findings[0]).toMatchObject({ found: "NPS_Sheet_KA_SL_ECSM_2 = 'Decoy'!$A$1", repairable: false });
  });

  test("consolidation counts the real sheet's levels and leaves the return out for its error", async () => {
    const { examined, answers } = consolidated(await snapshotOf(withDecoy(samplePlan(), "NPS_Sheet_KA_DECOY")));
    expect(examined.counts.error).toBe(1);
    expect(area.behaviours.map((b) => answers[b.id]?.current ?? null)).toEqual(realLevels);
  });

  test("sign-off writes the real sheet's levels, not the decoy's", async () => {
    expect(signedOffLevels(await snapshotOf(withDecoy(samplePlan(), "NPS_Sheet_KA_DECOY")))).toEqual(realLevels);
  });

  test("another name of the add-in's that it never writes is a warning", async () => {
    const plan = samplePlan();
    plan.names.push({ name: "NPS_Levels", reference: "'Guide'!$B$4" });
    expect(errorsAndWarnings(check(await snapshotOf(plan))).map(where)).toEqual([
      { rule: "names.unknown", sheet: "Guide", cell: "B4", severity: "warning" },
    ]);
  });
});

describe("the add-in's own key area name pointed at the decoy", () => {
  test("check: the sheet no figure reads is named, and its Innovators are read by nobody", async () => {
    const plan = withDecoy(samplePlan(), "NPS_Unused");
    plan.names = plan.names.filter((n) => n.name !== "NPS_Unused");
    const bytes = await writePlanToBuffer(plan);
    // Point NPS_Sheet_KA_SL_ECSM at the decoy, as Name Manager would.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const edited = xml.replace(
      /(<definedName name="NPS_Sheet_KA_SL_ECSM">)[^<]*(<\/definedName>)/,
      (_, open: string, close: string) => `${open}Decoy!$A$1${close}`,
    );
    expect(edited).not.toBe(xml);
    zip.file("xl/workbook.xml", edited);
    const snapshot = await readSnapshotFromBuffer(await zip.generateAsync({ type: "uint8array" }));
    const findings = check(snapshot);
    expect(findings.filter((f) => f.rule === "names.sheet-not-read").map(where)).toEqual([
      { rule: "names.sheet-not-read", sheet: "Decoy", cell: undefined, severity: "error" },
    ]);
    const { answers } = consolidated(snapshot);
    const realLevels = rows.map((row) => cellOf(sheetOf(samplePlan(), areaKey), `J${row}`));
    expect(area.behaviours.map((b) => answers[b.id]?.current ?? null)).toEqual(realLevels);
  });
});

describe("a sheet-scope copy of one of the add-in's names", () => {
  test("is a warning on the sheet it is defined on, and the workbook's own name still finds the sheet", async () => {
    const bytes = await writePlanToBuffer(withDecoy(samplePlan(), "NPS_Unused"));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const decoyIndex = sheets.indexOf("Decoy");
    const edited = xml
      .replace(/<definedName name="NPS_Unused">[^<]*<\/definedName>/, "")
      .replace(
        "</definedNames>",
        () =>
          `<definedName name="NPS_Sheet_KA_SL_ECSM" localSheetId="${decoyIndex}">Decoy!$A$1</definedName></definedNames>`,
      );
    expect(decoyIndex).toBeGreaterThan(0);
    zip.file("xl/workbook.xml", edited);
    const snapshot = await readSnapshotFromBuffer(await zip.generateAsync({ type: "uint8array" }));
    expect(snapshot.names.NPS_Sheet_KA_SL_ECSM).toBe(`'${AREA}'!$A$1`);
    expect(errorsAndWarnings(check(snapshot)).map(where)).toEqual([
      { rule: "names.sheet-scoped", sheet: "Decoy", cell: undefined, severity: "warning" },
    ]);
  });
});

describe("an answer on a Retired answers sheet for a behaviour with its own row", () => {
  /** A blank return with a user's "Retired answers" sheet giving the first behaviour Innovator. */
  function withRetired({ named }: { named: boolean }): WorkbookPlan {
    const plan = planWith();
    const retired = retiredSheet({ [area.behaviours[0].id]: { current: "Innovator" } }, {});
    plan.sheets.splice(plan.sheets.length - 1, 0, retired);
    if (named) plan.names.push({ name: "NPS_Sheet_retired", reference: "'Retired answers'!$A$1" });
    return plan;
  }

  test("check: a warning at the answer, when the add-in's name marks the sheet", async () => {
    const findings = errorsAndWarnings(check(await snapshotOf(withRetired({ named: true }))));
    expect(findings.map(where)).toEqual([
      { rule: "answer.retired-not-counted", sheet: "Retired answers", cell: "B4", severity: "warning" },
    ]);
  });

  test.each([
    ["with the add-in's name", true],
    ["without it", false],
  ])("consolidation and sign-off do not read it (%s)", async (_, named) => {
    const snapshot = await snapshotOf(withRetired({ named }));
    expect(consolidated(snapshot).answers[area.behaviours[0].id]?.current).toBeUndefined();
    // The retired answer is the workbook's only entry: read, it would be signed off; not read, there is nothing to sign.
    const check = checkWorkbook(snapshot, knownToolkits(), { today: TODAY });
    const request = { by: "Sam Lead", on: "2026-11-20", now: NOW, allowErrors: true, allowIncomplete: true };
    const signed = planSignedOffCopy({ snapshot, toolkit, request, check });
    expect(isRefusal(signed) ? signed.refused : "signed off").toBe("no-answers");
  });
});
