/**
 * The tamper corpus: generated workbooks with one change each, written to a file and read back with
 * the product's reader, and the exact finding each change must give (rule, sheet, cell, severity).
 */
import JSZip from "jszip";
import { LAYOUT_VERSION, METADATA_KEYS } from "../../../src/core/plan/layout";
import { isFormula, type WorkbookPlan } from "../../../src/core/plan/types";
import { parseToolkit } from "../../../src/core/toolkit/load";
import { cellAddress, parseCell } from "../../../src/core/util/a1";
import { isoDateToSerial } from "../../../src/core/util/dates";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { buildGoodWorkbook, writeWorkbook } from "../../support/fixtures";
import { readFile } from "fs/promises";
import {
  check,
  checkPlan,
  errorsAndWarnings,
  expectedFinding,
  NOW,
  planWith,
  samplePlan,
  setPlanCell,
  sheetOf,
  SIGNED,
  signedOff,
  toolkit,
  where,
} from "./fixtures";
import { planCell } from "../../support/plan-cells";

const area = toolkit.themes[0].keyAreas[0];
const AREA = area.sheetName;
const areaKey = `keyArea:${area.id}`;

/** The findings that need action, as the corpus pins them down. */
async function actionable(plan: WorkbookPlan) {
  return errorsAndWarnings(await checkPlan(plan)).map(where);
}

const expectOnly = async (plan: WorkbookPlan, expected: ReturnType<typeof where>[]) =>
  expect(await actionable(plan)).toEqual(expected);

/** Rewrites one part of a written workbook, as a tool other than the add-in would leave it. */
async function editPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const before = await zip.file(part)!.async("string");
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${part} changed nothing`);
  zip.file(part, after);
  return zip.generateAsync({ type: "uint8array" });
}

describe("content", () => {
  test("an edited descriptor is reported with both texts", async () => {
    const plan = planWith();
    const canonical = planCell(plan, areaKey, "D9") as string;
    setPlanCell(plan, areaKey, "D9", `${canonical} (as agreed locally)`);
    const findings = errorsAndWarnings(await checkPlan(plan));
    expect(findings.map(where)).toEqual([expectedFinding("content.descriptor-edited", AREA, "D9", "error")]);
    // The officer is told which behaviour's descriptor it is, not only the cell.
    expect(findings[0].behaviour).toEqual({ id: area.behaviours[0].id, name: area.behaviours[0].name });
    // And its key area, named in full (the sheet's name may be a shortened one).
    expect(findings[0].keyArea).toEqual({ id: area.id, name: area.name });
    expect(findings[0]).toMatchObject({
      expected: canonical,
      found: `${canonical} (as agreed locally)`,
      repairable: true,
    });
    expect(findings[0].sheet).toEqual({ role: "keyArea", key: areaKey, name: AREA });
  });

  test.each([
    ["content.principle-edited", "C8"],
    ["content.behaviour-name-edited", "B10"],
    ["content.level-header-edited", "E7"],
    ["content.key-area-text-edited", "B3"],
  ] as const)("%s at %s", async (rule, address) => {
    const plan = planWith();
    setPlanCell(plan, areaKey, address, `${String(planCell(plan, areaKey, address))} edited`);
    await expectOnly(plan, [expectedFinding(rule, AREA, address, "error")]);
  });

  test("an edited key area name on Gaps", async () => {
    const plan = planWith();
    setPlanCell(plan, "gaps", "C5", "Something else");
    await expectOnly(plan, [expectedFinding("content.text-edited", "Gaps", "C5", "error")]);
  });
});

describe("formulas", () => {
  test("a changed score formula on a key area sheet", async () => {
    const plan = planWith();
    setPlanCell(plan, areaKey, "P9", { formula: "3" });
    await expectOnly(plan, [expectedFinding("formula.changed", AREA, "P9", "error")]);
  });

  test("a Summary formula overwritten with a typed number", async () => {
    const plan = planWith();
    const summary = sheetOf(plan, "summary");
    const first = summary.blocks.flatMap((block) => {
      const at = parseCell(block.at);
      return block.cells.flatMap((line, r) =>
        line.map((cell, c) => (isFormula(cell) ? cellAddress(at.row + r, at.column + c) : "")).filter(Boolean),
      );
    })[0];
    setPlanCell(plan, "summary", first, 42);
    await expectOnly(plan, [expectedFinding("formula.changed", "Summary", first, "error")]);
  });

  test("a Gaps formula that holds an error value after recalculation", async () => {
    const bytes = await editPart(await writePlanToBuffer(planWith()), "xl/worksheets/sheet12.xml", (xml) =>
      xml.replace(/<c r="G5"([^>]*?)>(<f>[^<]*<\/f>)(?:<v>[^<]*<\/v>)?<\/c>/, '<c r="G5"$1 t="e">$2<v>#N/A</v></c>'),
    );
    const findings = errorsAndWarnings(check(await readSnapshotFromBuffer(bytes)));
    expect(findings.map(where)).toEqual([expectedFinding("formula.error-value", "Gaps", "G5", "error")]);
    expect(findings[0].found).toBe("#N/A");
  });
});

describe("answers", () => {
  test.each([
    ["a typed word", "Good", "Good"],
    ["a pasted number", 3, "3"],
  ])("%s in a picker is not a level", async (_, typed, shown) => {
    const plan = planWith();
    setPlanCell(plan, areaKey, "J9", typed);
    const findings = errorsAndWarnings(await checkPlan(plan));
    expect(findings.map(where)).toEqual([expectedFinding("answer.not-a-level", AREA, "J9", "error")]);
    expect(findings[0]).toMatchObject({ found: shown, repairable: false });
  });

  test("an error value pasted into a picker", async () => {
    const bytes = await editPart(await writePlanToBuffer(planWith()), "xl/worksheets/sheet2.xml", (xml) =>
      xml.replace(/<c r="J11"([^>]*?)\/>/, '<c r="J11"$1 t="e"><v>#N/A</v></c>'),
    );
    const findings = errorsAndWarnings(check(await readSnapshotFromBuffer(bytes)));
    expect(findings.map(where)).toEqual([expectedFinding("answer.error-value", AREA, "J11", "error")]);
  });

  test("a level typed in other case and with spaces is counted, and repair would write its name", async () => {
    const plan = planWith();
    setPlanCell(plan, areaKey, "J12", " mature ");
    setPlanCell(plan, areaKey, "M12", "Board minutes");
    const findings = await checkPlan(plan);
    expect(errorsAndWarnings(findings)).toEqual([]);
    const other = findings.filter((f) => f.rule === "answer.level-written-differently");
    expect(other.map(where)).toEqual([expectedFinding("answer.level-written-differently", AREA, "J12", "info")]);
    expect(other[0]).toMatchObject({ expected: "Mature", found: " mature ", repairable: true });
  });

  test("a picker pasted away", async () => {
    const plan = planWith();
    const sheet = sheetOf(plan, areaKey);
    sheet.validations = sheet.validations.flatMap((v) =>
      v.range === "J9:J12"
        ? [
            { ...v, range: "J9" },
            { ...v, range: "J11:J12" },
          ]
        : [v],
    );
    await expectOnly(plan, [expectedFinding("answer.picker-missing", AREA, "J10", "warning")]);
  });

  test("a level at Mature or above with no evidence", async () => {
    const plan = planWith();
    setPlanCell(plan, areaKey, "J9", "Leader");
    await expectOnly(plan, [expectedFinding("answer.evidence-missing", AREA, "M9", "warning")]);
  });

  test("a review date typed as text", async () => {
    const plan = planWith();
    setPlanCell(plan, areaKey, "O9", "next March");
    await expectOnly(plan, [expectedFinding("answer.review-date-not-a-date", AREA, "O9", "error")]);
  });

  test("a review date already past (today is a parameter)", async () => {
    const plan = planWith();
    setPlanCell(plan, areaKey, "O9", isoDateToSerial("2026-01-01"));
    await expectOnly(plan, [expectedFinding("answer.review-date-past", AREA, "O9", "warning")]);
  });

  test("a target below the current level", async () => {
    const plan = planWith();
    setPlanCell(plan, areaKey, "J9", "Mature");
    setPlanCell(plan, areaKey, "M9", "Cabinet report");
    setPlanCell(plan, areaKey, "K9", "Developing");
    await expectOnly(plan, [expectedFinding("answer.target-below-current", AREA, "K9", "warning")]);
  });

  test("completeness per key area names the first behaviour without a current level", async () => {
    const plan = planWith();
    for (const row of [9, 10, 11]) setPlanCell(plan, areaKey, `J${row}`, "Minimum");
    const findings = (await checkPlan(plan)).filter((f) => f.sheet?.name === AREA);
    expect(findings.map(where)).toEqual([expectedFinding("answer.key-area-incomplete", AREA, "J12", "info")]);
    expect(findings[0]).toMatchObject({ expected: "4 of 4", found: "3 of 4" });
  });
});

describe("protection", () => {
  test.each([
    [areaKey, AREA],
    ["summary", "Summary"],
    ["guide", "Guide"],
  ])("protection lifted from %s", async (key, name) => {
    const plan = planWith();
    delete sheetOf(plan, key).protection;
    await expectOnly(plan, [expectedFinding("protection.sheet-unprotected", name, undefined, "warning")]);
  });

  test("a descriptor unlocked and an input locked", async () => {
    const plan = planWith();
    sheetOf(plan, areaKey).styles.push(
      { range: "D10", style: { locked: false } },
      { range: "M11", style: { locked: true } },
    );
    await expectOnly(plan, [
      expectedFinding("protection.cell-unlocked", AREA, "D10", "warning"),
      expectedFinding("protection.input-locked", AREA, "M11", "warning"),
    ]);
  });
});

describe("the Guide's inputs", () => {
  test("the respondent and role cells locked", async () => {
    const plan = planWith();
    sheetOf(plan, "guide").styles.push({ range: "B6:B7", style: { locked: true } });
    await expectOnly(plan, [
      expectedFinding("protection.input-locked", "Guide", "B6", "warning"),
      expectedFinding("protection.input-locked", "Guide", "B7", "warning"),
    ]);
  });

  test("text typed in the respondent and role cells is an answer, not edited toolkit text", async () => {
    const plan = planWith();
    setPlanCell(plan, "guide", "B6", "=Jo Bloggs");
    setPlanCell(plan, "guide", "B7", "Finance");
    await expectOnly(plan, []);
  });

  test("the assessment date's rule pasted away and the council cell locked", async () => {
    const plan = planWith();
    const guide = sheetOf(plan, "guide");
    guide.validations = guide.validations.filter((validation) => validation.type !== "date");
    guide.styles.push({ range: "B4", style: { locked: true } });
    await expectOnly(plan, [
      expectedFinding("protection.input-locked", "Guide", "B4", "warning"),
      expectedFinding("answer.date-rule-missing", "Guide", "B5", "warning"),
    ]);
  });
});

describe("sign-off", () => {
  test("an answer changed after sign-off: the return is not final", async () => {
    const plan = signedOff(samplePlan());
    // The sample's first behaviour is at Minimum, aiming for Minimum: a higher target raises no other finding.
    expect([planCell(plan, areaKey, "J9"), planCell(plan, areaKey, "K9")]).toEqual(["Minimum", "Minimum"]);
    setPlanCell(plan, areaKey, "K9", "Developing");
    const findings = errorsAndWarnings(await checkPlan(plan));
    expect(findings.map(where)).toEqual([expectedFinding("signoff.answers-changed", "Guide", "B9", "warning")]);
    expect(findings[0]).toMatchObject({ repairable: false });
    expect(findings[0].message).toBe(
      "Signed off by Sam Lead on 20/11/2026, but the answers have changed since, so this return is not final. Check the answers and sign it off again.",
    );
    // The fingerprints compared are not shown: 64 hexadecimal digits would mean nothing to the reader.
    expect(findings[0]).not.toHaveProperty("expected");
    expect(findings[0]).not.toHaveProperty("found");
  });

  test("evidence edited after sign-off, and the respondent's name changed, are changes too", async () => {
    for (const [key, address, text] of [
      [areaKey, "M9", "Different evidence"],
      ["guide", "B6", "Another respondent"],
    ] as const) {
      const plan = signedOff(samplePlan());
      setPlanCell(plan, key, address, text);
      await expectOnly(plan, [expectedFinding("signoff.answers-changed", "Guide", "B9", "warning")]);
    }
  });

  test("a sign-off typed into the Guide by hand, without Sign off: a draft, not final", async () => {
    const plan = planWith();
    setPlanCell(plan, "guide", "B9", "Pat Officer");
    setPlanCell(plan, "guide", "B10", isoDateToSerial("2026-11-01"));
    const findings = errorsAndWarnings(await checkPlan(plan));
    expect(findings.map(where)).toEqual([expectedFinding("signoff.not-recorded", "Guide", "B9", "warning")]);
    expect(findings[0]).toMatchObject({
      expected: "(empty until Sign off)",
      found: "Pat Officer, 2026-11-01",
      repairable: true,
    });
  });

  test("the signer's name edited on the Guide after sign-off", async () => {
    const plan = signedOff(samplePlan());
    setPlanCell(plan, "guide", "B9", "Someone Else");
    const findings = errorsAndWarnings(await checkPlan(plan));
    expect(findings.map(where)).toEqual([expectedFinding("signoff.not-recorded", "Guide", "B9", "warning")]);
    expect(findings[0]).toMatchObject({ expected: `${SIGNED.by}, ${SIGNED.on}`, found: `Someone Else, ${SIGNED.on}` });
  });

  test("the recorded fingerprint edited in the metadata", async () => {
    const plan = signedOff(samplePlan());
    setPlanCell(plan, "metadata", `B${METADATA_KEYS.indexOf("answersFingerprint") + 2}`, "0".repeat(64));
    await expectOnly(plan, [expectedFinding("signoff.answers-changed", "Guide", "B9", "warning")]);
  });
});

describe("structure", () => {
  test("a behaviour row deleted (as Excel leaves it: later rows up, ranges shrunk)", async () => {
    const trimmed = structuredClone(toolkit) as typeof toolkit;
    trimmed.themes[0].keyAreas[0].behaviours.splice(1, 1);
    const plan = buildWorkbookPlan(parseToolkit(trimmed), { behaviours: {} }, { now: NOW });
    // The metadata still says canonical 1.0.0 (the user deleted a row; the stamp stays).
    const canonicalPlan = planWith();
    sheetOf(plan, "metadata").blocks = sheetOf(canonicalPlan, "metadata").blocks;
    const found = await actionable(plan);
    const id = area.behaviours[1].id;
    expect(found).toContainEqual(expectedFinding("structure.row-missing", AREA, "A10", "error"));
    // The behaviours below moved up with the deleted row: said by its row-missing, not once per behaviour.
    expect(found.filter((f) => f.rule === "structure.row-moved")).toEqual([]);
    expect(found).toContainEqual(expectedFinding("structure.row-missing", "Gaps", "B6", "error"));
    expect(found).toContainEqual(expectedFinding("structure.row-missing", "Data", "F3", "error"));
    expect(found.every((f) => f.severity === "error")).toBe(true);
    expect(id).toBe("SL-ECSM-02");
  });

  test("a behaviour row duplicated on Gaps", async () => {
    const plan = planWith();
    const lost = planCell(plan, "gaps", "B6");
    setPlanCell(plan, "gaps", "B6", planCell(plan, "gaps", "B5")!);
    const found = await actionable(plan);
    expect(found).toEqual(
      expect.arrayContaining([
        expectedFinding("structure.row-duplicated", "Gaps", "B6", "error"),
        expectedFinding("structure.row-missing", "Gaps", "B6", "error"),
      ]),
    );
    expect(found).toHaveLength(2);
    expect(lost).toBe(area.behaviours[1].id);
  });

  test("a row the toolkit does not have", async () => {
    const plan = planWith();
    sheetOf(plan, areaKey).blocks.push({ at: "A13", cells: [["SL-ECSM-99", "A behaviour of our own"]] });
    await expectOnly(plan, [expectedFinding("structure.row-unknown", AREA, "A13", "error")]);
  });

  test("two Gaps columns swapped", async () => {
    const plan = planWith();
    for (const block of sheetOf(plan, "gaps").blocks) {
      if (parseCell(block.at).column !== 1 || block.cells[0].length < 6) continue;
      for (const line of block.cells) [line[4], line[5]] = [line[5], line[4]];
    }
    await expectOnly(plan, [
      expectedFinding("structure.column-moved", "Gaps", "E4", "error"),
      expectedFinding("structure.column-moved", "Gaps", "F4", "error"),
    ]);
  });

  test("a Gaps column deleted (the one after it moves left) and a Gaps column duplicated", async () => {
    const deleted = planWith();
    for (const block of sheetOf(deleted, "gaps").blocks)
      for (const line of block.cells)
        if (line.length > 11) {
          line.splice(11, 1);
          line.push(null);
        }
    expect(await actionable(deleted)).toEqual([
      expectedFinding("structure.column-missing", "Gaps", "L4", "error"),
      // Every column after it moves left: Priority, then the previous level, previous score and change.
      expectedFinding("structure.column-moved", "Gaps", "M4", "error"),
      expectedFinding("structure.column-moved", "Gaps", "N4", "error"),
      expectedFinding("structure.column-moved", "Gaps", "O4", "error"),
      expectedFinding("structure.column-moved", "Gaps", "P4", "error"),
    ]);

    const duplicated = planWith();
    const header = sheetOf(duplicated, "gaps").blocks.find((b) => b.at === "A4")!.cells[0];
    header[12] = header[11];
    expect(await actionable(duplicated)).toEqual([
      expectedFinding("structure.column-duplicated", "Gaps", "L4", "error"),
      expectedFinding("structure.column-missing", "Gaps", "M4", "error"),
    ]);
  });

  test("a sheet deleted", async () => {
    const plan = planWith();
    plan.sheets = plan.sheets.filter((s) => s.key !== "summary");
    plan.names = plan.names.filter((n) => n.name !== "NPS_Sheet_summary");
    await expectOnly(plan, [expectedFinding("structure.sheet-missing", "Summary", undefined, "error")]);
  });

  test("the metadata sheet made visible is worth knowing, not an error", async () => {
    const plan = planWith();
    sheetOf(plan, "metadata").visibility = "visible";
    const findings = await checkPlan(plan);
    expect(errorsAndWarnings(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === "structure.sheet-visible").map(where)).toEqual([
      expectedFinding("structure.sheet-visible", "NPS_Metadata", undefined, "info"),
    ]);
  });

  test("a name the add-in finds the council by, pointed elsewhere", async () => {
    const plan = planWith();
    plan.names.find((n) => n.name === "NPS_Council")!.reference = "'Guide'!$B$9";
    const findings = await checkPlan(plan);
    expect(errorsAndWarnings(findings).map(where)).toEqual([
      expectedFinding("structure.name-changed", undefined, undefined, "warning"),
    ]);
    expect(findings.find((f) => f.rule === "structure.name-changed")).toMatchObject({
      expected: "'Guide'!$B$4",
      found: "'Guide'!$B$9",
    });
  });

  test("Gaps protected and Data hidden are worth knowing, not errors", async () => {
    const plan = planWith();
    sheetOf(plan, "gaps").protection = sheetOf(plan, "summary").protection;
    sheetOf(plan, "data").visibility = "veryHidden";
    const findings = await checkPlan(plan);
    expect(errorsAndWarnings(findings)).toEqual([]);
    expect(
      findings.filter((f) => f.rule.startsWith("protection.") || f.rule.startsWith("structure.")).map(where),
    ).toEqual([
      expectedFinding("protection.sheet-protected", "Gaps", undefined, "info"),
      expectedFinding("structure.sheet-hidden", "Data", undefined, "info"),
    ]);
  });
});

describe("identity", () => {
  const metadataRow = (key: (typeof METADATA_KEYS)[number]) => METADATA_KEYS.indexOf(key) + 2;

  test("metadata missing", async () => {
    const plan = planWith();
    plan.sheets = plan.sheets.filter((s) => s.key !== "metadata");
    plan.names = plan.names.filter((n) => n.name !== "NPS_Sheet_metadata");
    await expectOnly(plan, [expectedFinding("identity.metadata-missing", undefined, undefined, "error")]);
  });

  test("metadata unreadable", async () => {
    const plan = planWith();
    setPlanCell(plan, "metadata", `B${metadataRow("toolkitVersion")}`, "");
    await expectOnly(plan, [expectedFinding("identity.metadata-unreadable", "NPS_Metadata", "B2", "error")]);
  });

  test("a toolkit version the product does not know", async () => {
    const plan = planWith();
    setPlanCell(plan, "metadata", `B${metadataRow("toolkitVersion")}`, "9.9.9");
    const findings = await checkPlan(plan);
    expect(findings.map(where)).toEqual([expectedFinding("identity.unknown-toolkit", "NPS_Metadata", "B3", "error")]);
  });

  test("a fingerprint that does not match", async () => {
    const plan = planWith();
    setPlanCell(plan, "metadata", `B${metadataRow("toolkitFingerprint")}`, "0".repeat(64));
    await expectOnly(plan, [expectedFinding("identity.fingerprint-mismatch", "NPS_Metadata", "B4", "error")]);
  });

  test("an older toolkit version than the canonical one: upgrade available", async () => {
    const newer = parseToolkit({ ...toolkit, version: "1.1.0" });
    const findings = await checkPlan(planWith(), [toolkit, newer]);
    expect(errorsAndWarnings(findings).map(where)).toEqual([
      expectedFinding("identity.upgrade-available", "NPS_Metadata", "B3", "warning"),
    ]);
  });

  test("a workbook of layout 2 (before respondent and sign-off cells): one warning, not errors on its Guide", async () => {
    const asLayout2 = (layout: string) => {
      const plan = planWith({ council: "Anytown", behaviours: {} });
      // Layout 2's Guide: the toolkit's label in row 6, "How to use this workbook" in row 8, its first lines below.
      setPlanCell(plan, "guide", "A6", "Toolkit");
      setPlanCell(plan, "guide", "B6", `${toolkit.id} ${toolkit.version}`);
      setPlanCell(plan, "guide", "A7", null);
      setPlanCell(plan, "guide", "A8", "How to use this workbook");
      setPlanCell(plan, "guide", "B8", null);
      setPlanCell(plan, "guide", "A9", "1.");
      setPlanCell(plan, "guide", "B9", "Each key area has its own sheet.");
      setPlanCell(plan, "guide", "A10", "2.");
      setPlanCell(plan, "guide", "B10", "Record the evidence for the current level.");
      setPlanCell(plan, "metadata", `B${metadataRow("layoutVersion")}`, layout);
      return plan;
    };
    const findings = errorsAndWarnings(await checkPlan(asLayout2("2")));
    expect(findings.map(where)).toEqual([expectedFinding("identity.layout-outdated", "NPS_Metadata", "B5", "warning")]);
    expect(findings[0]).toMatchObject({ expected: "3 or later", found: "2", repairable: true });
    // Stamped as the current layout, the same Guide is edited text: the stamp is what the rule trusts.
    const stamped = (await actionable(asLayout2(String(LAYOUT_VERSION)))).map((f) => f.rule);
    expect(stamped).toContain("content.text-edited");
  });

  test("a workbook that is not an assessment at all", async () => {
    const file = await writeWorkbook(buildGoodWorkbook);
    const findings = check(await readSnapshotFromBuffer(await readFile(file)));
    expect(findings.map(where)).toEqual([expectedFinding("identity.not-an-assessment", undefined, undefined, "error")]);
  });
});
