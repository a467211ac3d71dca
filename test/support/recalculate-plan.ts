import { writeFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { findErrorValues, readComputed, recalculate, type ComputedWorkbook } from "./libreoffice";
import { elements } from "./ooxml";
import { expectWorkbookClean } from "./xlsx-checks";
import { tempDir } from "./fixtures";

// In their own file so that tests which only edit plans do not load LibreOffice's helpers (npm run test:fast).
export { FIXED_NOW, plan, planCell, planSnapshot, typeInto } from "./plan-cells";

/** An error value a user pasted into a cell, as Excel stores it: a cell of type "e". */
export interface PastedError {
  sheet: string;
  address: string;
  error: "#N/A" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#NULL!";
}

/**
 * Pastes error values into the written file. The plan cannot hold an error (the product never writes
 * one), so the cell's XML is replaced the way Excel saves a pasted error: `<c r=".." s=".." t="e"><v>#N/A</v></c>`,
 * keeping the cell's style (and so its unlocked input format).
 */
async function pasteErrors(file: Uint8Array, pastes: PastedError[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const text = async (part: string) => (await zip.file(part)?.async("string")) ?? "";
  const workbookXml = await text("xl/workbook.xml");
  const relsXml = await text("xl/_rels/workbook.xml.rels");
  for (const { sheet, address, error } of pastes) {
    const id = elements(workbookXml, "sheet").find((e) => e.attrs.name === sheet)?.attrs["r:id"];
    const target = elements(relsXml, "Relationship").find((e) => e.attrs.Id === id)?.attrs.Target;
    if (!target) throw new Error(`no sheet called ${sheet}`);
    const part = path.posix.join("xl", target.replace(/^\/?xl\//, ""));
    const xml = await text(part);
    const cell = new RegExp(`<c\\b([^>]*?)\\sr="${address}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
    const found = cell.exec(xml);
    if (!found) throw new Error(`${sheet}!${address} is not in ${part}`);
    const attrs = `${found[1]}${found[2]}`.replace(/\st="[^"]*"/, "");
    zip.file(part, xml.replace(cell, `<c r="${address}"${attrs} t="e"><v>${error}</v></c>`));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * Writes the plan to `file` as the .xlsx writer does, checks the file with the Open XML SDK validator and the extra
 * checks when asked (`validated`), recalculates it in LibreOffice and reads every computed value: the setup of
 * every test of a generated workbook's figures. `recalculated` is LibreOffice's copy, to read again.
 */
export async function recalculatePlan(
  workbook: WorkbookPlan,
  { file, validated = false }: { file: string; validated?: boolean },
): Promise<{ recalculated: string; computed: ComputedWorkbook }> {
  writeFileSync(file, await writePlanToBuffer(workbook));
  if (validated) await expectWorkbookClean(file);
  const recalculated = await recalculate(file);
  return { recalculated, computed: await readComputed(recalculated) };
}

/**
 * Writes the plan (with any pasted error values), checks the file is clean, recalculates it in LibreOffice
 * and returns every computed value. Any error value the recalculation shows, other than the pasted ones, fails.
 */
export async function writeCheckAndRecalculate(
  workbook: WorkbookPlan,
  pastedErrors: PastedError[] = [],
  name = "assessment.xlsx",
): Promise<{ file: string; computed: ComputedWorkbook }> {
  const file = path.join(tempDir(), name);
  writeFileSync(file, await pasteErrors(await writePlanToBuffer(workbook), pastedErrors));
  await expectWorkbookClean(file);
  const computed = await readComputed(await recalculate(file));
  const pasted = new Set(pastedErrors.map((p) => `${p.sheet}!${p.address}`));
  const errors = findErrorValues(computed).filter((e) => !pasted.has(`${e.sheet}!${e.cell}`));
  if (errors.length > 0) throw new Error(`Error values after recalculation: ${JSON.stringify(errors.slice(0, 20))}`);
  return { file, computed };
}

/** A row of computed values, columns A.. up to `last`, with blanks as "". */
export function rowValues(
  computed: ComputedWorkbook,
  sheet: string,
  row: number,
  last = "O",
): (string | number | boolean)[] {
  const values: (string | number | boolean)[] = [];
  for (let c = 65; c <= last.charCodeAt(0); c++) {
    const value = computed[sheet]?.[`${String.fromCharCode(c)}${row}`];
    values.push(value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : value);
  }
  return values;
}
