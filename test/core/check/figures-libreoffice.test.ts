/**
 * The checker's own figures (src/core/check/figures.ts) against LibreOffice's: a generated workbook
 * with answers of every kind is recalculated by LibreOffice, read back with the product's reader, and
 * every formula of the Summary, Gaps and Data sheets and every score and gap of the key area sheets
 * must hold the figure the core works out from the answers. Then the figure check on that file
 * finds nothing, and a saved result edited afterwards is found at its cell.
 */
import { readFile, writeFile } from "fs/promises";
import JSZip from "jszip";
import * as path from "path";
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { sampleAnswers } from "../../../src/core/answers/sample";
import { compareWithPlan } from "../../../src/core/check/compare-plan";
import { expectedFigures, sameFigure } from "../../../src/core/check/figures";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import { plannedCells } from "../../../src/core/plan/planned-cells";
import { isFormula } from "../../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { cellAddress } from "../../../src/core/util/a1";
import { isoDateToSerial } from "../../../src/core/util/dates";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { tempDir } from "../../support/fixtures";
import { recalculate } from "../../support/libreoffice";
import { check, NOW, toolkit, where } from "./fixtures";

const [first, second, third] = toolkit.themes[0].keyAreas;

/** Answers of every kind a figure must handle: levels written differently, entries that are not levels, blanks. */
function answers() {
  const sample = sampleAnswers(toolkit, "2026-11-01");
  const behaviours = { ...sample.behaviours };
  const [a, b, c, d] = first.behaviours.map((x) => x.id);
  behaviours[a] = { current: " mature ", target: "INNOVATOR", evidence: "42.5", owner: "Pat" };
  behaviours[b] = { current: "Good", target: "Leader", reviewDate: "2027-03-31" };
  behaviours[c] = { target: "Developing" };
  behaviours[d] = { current: "Innovator", target: "Mature", evidence: "Board minutes" };
  // A key area with nothing assessed, and one with every behaviour at the top level.
  for (const behaviour of second.behaviours) delete behaviours[behaviour.id];
  for (const behaviour of third.behaviours) behaviours[behaviour.id] = { current: "Innovator", target: "Innovator" };
  return { ...sample, council: "Anytown Borough Council", behaviours };
}

let recalculated: Promise<WorkbookSnapshot> | undefined;

/** The workbook with those answers, as LibreOffice saves it after recalculating (made once). */
function libreOfficeSnapshot(): Promise<WorkbookSnapshot> {
  recalculated ??= (async () => {
    const file = path.join(tempDir("nps-figures-"), "figures.xlsx");
    const plan = buildWorkbookPlan(toolkit, answers(), { now: NOW, assessmentDate: "2026-11-01" });
    await writeFile(file, await writePlanToBuffer(plan));
    return readSnapshotFromBuffer(await readFile(await recalculate(file)));
  })();
  return recalculated;
}

test("every figure the core works out is LibreOffice's, on every Summary, Gaps and Data formula and every score", async () => {
  const snapshot = await libreOfficeSnapshot();
  const found = readAssessment(snapshot, toolkit)!;
  const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { now: NOW, sheetNames: found.roles });
  const behaviourIds = new Set(toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id))));
  const compared = compareWithPlan(plan, snapshot, { behaviourIds });
  const figures = expectedFigures(plan, compared.sheets, snapshot, toolkit)!;
  const differences: string[] = [];
  let formulas = 0;
  let numbers = 0;
  for (const sheet of compared.sheets) {
    if (!["summary", "gaps", "data", "keyArea"].includes(sheet.plan.role)) continue;
    const own = figures.get(sheet.plan.key);
    for (const [row, cells] of plannedCells(sheet.plan))
      for (const [column, cell] of cells) {
        if (!isFormula(cell)) continue;
        formulas++;
        const address = cellAddress(sheet.rows.get(row) ?? row, column);
        const computed = own?.get(address);
        // LibreOffice saves an empty text result as an empty value, which the reader gives as null.
        const saved = sheet.actual.cells[address]?.value ?? "";
        const libreOffice = saved === null ? "" : saved;
        if (typeof saved === "number") numbers++;
        if (computed === undefined || !sameFigure(computed, libreOffice))
          differences.push(`${sheet.actual.name}!${address}: core ${String(computed)}, LibreOffice ${String(saved)}`);
      }
  }
  expect(differences).toEqual([]);
  // 51 behaviours: 3 figures on their key area sheets, 9 on Gaps, 10 on Data; 13 Summary rows of 10, the council line and the chart data.
  expect(formulas).toBeGreaterThan(51 * 22 + 13 * 10);
  // LibreOffice saved its results: most figures are numbers, so a wrong score or average would show.
  expect(numbers).toBeGreaterThan(51 * 6);
}, 120_000);

test("the recalculated workbook's saved figures raise no finding", async () => {
  const findings = check(await libreOfficeSnapshot());
  expect(findings.filter((f) => f.rule === "formula.saved-value-differs")).toEqual([]);
}, 120_000);

/** The sample workbook with one formula's saved result set, as a tool that computes nothing leaves it. */
async function withSavedValue(part: string, address: string, value: string): Promise<WorkbookSnapshot> {
  const plan = buildWorkbookPlan(toolkit, answers(), { now: NOW, assessmentDate: "2026-11-01" });
  const zip = await JSZip.loadAsync(await writePlanToBuffer(plan));
  const xml = await zip.file(part)!.async("string");
  const cell = new RegExp(`<c r="${address}"([^>]*?)>(<f>[^<]*</f>)(?:<v>[^<]*</v>)?</c>`);
  const edited = xml.replace(cell, (_, attributes: string, formula: string) => {
    const typed = /^[\d.]+$/.test(value) ? "" : ' t="str"';
    return `<c r="${address}"${attributes.replace(/ t="[^"]*"/, "")}${typed}>${formula}<v>${value}</v></c>`;
  });
  expect(edited).not.toBe(xml);
  zip.file(part, edited);
  return readSnapshotFromBuffer(await zip.generateAsync({ type: "uint8array" }));
}

test.each([
  ["an average current score on Summary", "xl/worksheets/sheet11.xml", "Summary", "F7", "4.5"],
  ["a typical level on Summary", "xl/worksheets/sheet11.xml", "Summary", "J7", "Innovator"],
  ["a current score on Gaps", "xl/worksheets/sheet12.xml", "Gaps", "G6", "5"],
  ["a current level on Data", "xl/worksheets/sheet13.xml", "Data", "H2", "Leader"],
  ["a score on a key area sheet", "xl/worksheets/sheet2.xml", first.sheetName, "P9", "1"],
])("a saved result that is not what the answers give: %s", async (_, part, sheet, address, value) => {
  const findings = check(await withSavedValue(part, address, value));
  const saved = findings.filter((f) => f.rule === "formula.saved-value-differs");
  expect(saved.map(where)).toEqual([{ rule: "formula.saved-value-differs", sheet, cell: address, severity: "error" }]);
  expect(saved[0]).toMatchObject({ found: value, repairable: true });
});

test("a saved result that is the answers' figure is no finding", async () => {
  // The first behaviour's current level is " mature ": score 3.
  const findings = check(await withSavedValue("xl/worksheets/sheet2.xml", "P9", "3"));
  expect(findings.filter((f) => f.rule === "formula.saved-value-differs")).toEqual([]);
  expect(isoDateToSerial("2027-03-31")).toBeGreaterThan(0);
});
