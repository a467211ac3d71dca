/**
 * Workbooks nobody tampered with report no errors and no warnings: as generated, re-saved by
 * LibreOffice, with sheets renamed, with Gaps sorted and filtered, with users' own sheets added.
 */
import { readFile, writeFile } from "fs/promises";
import * as path from "path";
import JSZip from "jszip";
import { sampleAnswers } from "../../../src/core/answers/sample";
import { behaviourEntries } from "../../../src/core/plan/behaviour-rows";
import { dataSheet } from "../../../src/core/plan/data-sheet";
import { gapsSheet } from "../../../src/core/plan/gaps-sheet";
import { keyAreaRows } from "../../../src/core/plan/key-area-sheet";
import { canonicalLevel } from "../../../src/core/plan/answers";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { readWorkbookSnapshot } from "../../../src/office/read-snapshot";
import { queueWorkbookPlan } from "../../support/queue-plan";
import { FakeExcel } from "../../fakes/excel-fake";
import {
  check,
  checkPlan,
  errorsAndWarnings,
  generatedAndResaved,
  planWith,
  samplePlan,
  signedOff,
  snapshotOf,
  toolkit,
  where,
} from "./fixtures";
import { tempDir } from "../../support/fixtures";
import { recalculate } from "../../support/libreoffice";

const keyAreaCount = toolkit.themes.flatMap((t) => t.keyAreas).length;

test("a blank generated workbook: no errors or warnings, and each key area is reported not yet complete", async () => {
  const findings = await checkPlan(planWith());
  expect(errorsAndWarnings(findings)).toEqual([]);
  expect(findings.map((f) => f.rule)).toEqual(Array(keyAreaCount).fill("answer.key-area-incomplete"));
});

test("the sample answers give evidence for every level at Mature or above, and check clean", async () => {
  const answers = sampleAnswers(toolkit, "2026-11-01");
  const matureOrAbove = Object.values(answers.behaviours).filter(
    (a) => toolkit.levels.indexOf(canonicalLevel(toolkit.levels, a.current ?? "") ?? "") >= 2,
  );
  expect(matureOrAbove.length).toBeGreaterThan(5);
  expect(matureOrAbove.every((a) => (a.evidence ?? "").trim() !== "")).toBe(true);
  expect(errorsAndWarnings(await checkPlan(samplePlan()))).toEqual([]);
});

test("the same workbook opened and saved by LibreOffice checks clean", async () => {
  const { resaved } = await generatedAndResaved();
  const bytes = await readFile(resaved);
  // LibreOffice really wrote what ExcelJS misreads and lost "very hidden", or this proves nothing.
  const zip = await JSZip.loadAsync(bytes);
  expect(await zip.file("xl/styles.xml")!.async("string")).toMatch(/locked="false"/);
  expect(await zip.file("xl/worksheets/sheet2.xml")!.async("string")).toMatch(/<sheetProtection[^>]*sheet="true"/);
  const snapshot = await readSnapshotFromBuffer(bytes);
  expect(snapshot.sheets.find((s) => s.name === "NPS_Metadata")?.visibility).toBe("hidden");
  expect(errorsAndWarnings(check(snapshot))).toEqual([]);
});

test("a signed-off return checks clean and reads as signed off, also once LibreOffice has saved it", async () => {
  const file = path.join(tempDir("nps-check-"), "signed.xlsx");
  await writeFile(file, await writePlanToBuffer(signedOff(samplePlan())));
  for (const saved of [file, await recalculate(file)]) {
    const findings = check(await readSnapshotFromBuffer(await readFile(saved)));
    expect(errorsAndWarnings(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule.startsWith("signoff.")).map(where)).toEqual([
      { rule: "signoff.signed-off", sheet: "Guide", cell: "B9", severity: "info" },
    ]);
  }
});

test("with every sheet renamed (names with spaces, apostrophes and accents) it checks clean", async () => {
  const sheetNames: Record<string, string> = {
    guide: "Read me",
    summary: "Résumé",
    gaps: "Council's gaps",
    data: "Data 2026",
    metadata: "Meta",
  };
  for (const area of toolkit.themes.flatMap((t) => t.keyAreas)) sheetNames[`keyArea:${area.id}`] = `KA ${area.id}`;
  const plan = samplePlan({ sheetNames });
  expect(plan.sheets.map((s) => s.name)).toContain("Council's gaps");
  expect(errorsAndWarnings(await checkPlan(plan))).toEqual([]);
});

test("with Gaps sorted (rows moved, their formulas moving with them) and filtered it checks clean", async () => {
  const plan = samplePlan();
  const areaRows = new Map(
    toolkit.themes.flatMap((t) => t.keyAreas).map((area) => [area.id, keyAreaRows(area, area.sheetName)]),
  );
  // A sort in Excel leaves each row's formulas pointing at its new row: exactly what the generator
  // writes for the same rows in another order (here, reversed).
  const sorted = gapsSheet(toolkit, behaviourEntries(toolkit, areaRows).reverse(), {});
  const gapsIndex = plan.sheets.findIndex((s) => s.role === "gaps");
  expect(sorted.blocks).not.toEqual(plan.sheets[gapsIndex].blocks);
  plan.sheets[gapsIndex] = sorted;
  const bytes = await writePlanToBuffer(plan);
  // A filter on Status: the criterion in the autoFilter and the rows it hides.
  const zip = await JSZip.loadAsync(bytes);
  const part = "xl/worksheets/sheet12.xml";
  const xml = await zip.file(part)!.async("string");
  const filtered = xml
    .replace(
      /<autoFilter ref="([^"]+)"\/>/,
      '<autoFilter ref="$1"><filterColumn colId="9"><filters><filter val="Below target"/></filters></filterColumn></autoFilter>',
    )
    .replace(/<row r="(6|7|8)"/g, '<row r="$1" hidden="1"');
  expect(filtered).not.toEqual(xml);
  zip.file(part, filtered);
  const snapshot = await readSnapshotFromBuffer(await zip.generateAsync({ type: "uint8array" }));
  expect(snapshot.sheets[12 - 1].name).toBe(sorted.name);
  expect(errorsAndWarnings(check(snapshot))).toEqual([]);
});

test("with the Data table sorted it checks clean", async () => {
  const plan = samplePlan();
  const areaRows = new Map(
    toolkit.themes.flatMap((t) => t.keyAreas).map((area) => [area.id, keyAreaRows(area, area.sheetName)]),
  );
  const entries = behaviourEntries(toolkit, areaRows);
  // Sorted by behaviour name: each row's formulas follow it, as the generator writes them for that row.
  entries.sort((a, b) => a.behaviour.name.localeCompare(b.behaviour.name));
  const index = plan.sheets.findIndex((s) => s.role === "data");
  const sorted = dataSheet(entries, {}, `${toolkit.id} ${toolkit.version}`, toolkit.levels);
  expect(sorted.blocks).not.toEqual(plan.sheets[index].blocks);
  plan.sheets[index] = sorted;
  expect(errorsAndWarnings(await checkPlan(plan))).toEqual([]);
});

test("with users' own sheets added, even one named like a sheet the add-in makes, it checks clean", async () => {
  const snapshot = await snapshotOf(samplePlan());
  snapshot.sheets.splice(2, 0, {
    name: "Notes",
    visibility: "visible",
    cells: { A1: { value: "Our own notes" }, B2: { value: 3, formula: "SUM(1,2)" } },
    protected: false,
  });
  snapshot.sheets.push({
    name: "Summary (2)",
    visibility: "visible",
    cells: { A1: { value: "Copy" } },
    protected: false,
  });
  expect(errorsAndWarnings(check(snapshot))).toEqual([]);
});

test("read through the Office reader from the in-memory Excel, a generated workbook checks clean", async () => {
  const fake = new FakeExcel();
  const plan = samplePlan();
  await fake.run(async (context) => {
    await queueWorkbookPlan(context, plan, { existing: new Map(), existingNames: new Set(), excelApi19: true });
    await context.sync();
  });
  const snapshot = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
  expect(snapshot.sheets.find((s) => s.name === plan.sheets[1].name)?.validations).toBeDefined();
  expect(errorsAndWarnings(check(snapshot))).toEqual([]);
});
