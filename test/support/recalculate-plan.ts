import { writeFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { findErrorValues, readComputed, recalculateAll, type ComputedWorkbook } from "./libreoffice";
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

/** A plan to recalculate, the file it is written to, and whether the file is checked first. */
export interface PlanToRecalculate {
  workbook: WorkbookPlan;
  file: string;
  validated?: boolean;
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
  return (await recalculatePlans([{ workbook, file, validated }]))[0];
}

/** As recalculatePlan, for several plans in one LibreOffice run (their files' names must differ); in their order. */
export async function recalculatePlans(
  plans: PlanToRecalculate[],
): Promise<{ recalculated: string; computed: ComputedWorkbook }[]> {
  for (const { workbook, file, validated = false } of plans) {
    writeFileSync(file, await writePlanToBuffer(workbook));
    if (validated) await expectWorkbookClean(file);
  }
  const copies = await recalculateAll(plans.map(({ file }) => file));
  return Promise.all(
    copies.map(async (recalculated) => ({ recalculated, computed: await readComputed(recalculated) })),
  );
}

/** A scenario's workbook as the test gave it, and what the recalculation made of it. */
interface Scenario {
  workbook: WorkbookPlan;
  pastedErrors: PastedError[];
  name: string;
}
type Recalculated = { file: string; computed: ComputedWorkbook };

/**
 * The generated workbooks of one test file's scenarios, recalculated in one LibreOffice run (recalculateAll: starting
 * LibreOffice costs about two seconds of CPU, each further workbook about one). Each `describe` adds its workbook while
 * jest collects the file and gets a function for its beforeAll; the first one called writes, checks and recalculates
 * every workbook added, and each scenario then meets its own findings (a file that is not clean, error values) alone.
 */
export function recalculationBatch(): {
  add(workbook: WorkbookPlan, pastedErrors?: PastedError[]): () => Promise<Recalculated>;
} {
  const scenarios: Scenario[] = [];
  let run: Promise<PromiseSettledResult<Recalculated>[]> | undefined;
  return {
    add(workbook, pastedErrors = []) {
      if (run) throw new Error("recalculationBatch: a scenario was added after the batch ran (add it in the describe)");
      const index = scenarios.push({ workbook, pastedErrors, name: `scenario-${scenarios.length + 1}.xlsx` }) - 1;
      return async () => {
        const outcome = (await (run ??= recalculateScenarios(scenarios)))[index];
        if (outcome.status === "rejected") throw outcome.reason;
        return outcome.value;
      };
    },
  };
}

/** Writes the scenarios (with any pasted error values), checks each file, recalculates the clean ones together. */
async function recalculateScenarios(scenarios: Scenario[]): Promise<PromiseSettledResult<Recalculated>[]> {
  const folder = tempDir();
  const written: PromiseSettledResult<string>[] = [];
  // One validator at a time: each is a process of its own, and the machine has other tests to run.
  for (const { workbook, pastedErrors, name } of scenarios) {
    const file = path.join(folder, name);
    try {
      writeFileSync(file, await pasteErrors(await writePlanToBuffer(workbook), pastedErrors));
      await expectWorkbookClean(file);
      written.push({ status: "fulfilled", value: file });
    } catch (reason) {
      // Not hidden: the scenario's own beforeAll throws it (the others still run).
      written.push({ status: "rejected", reason });
    }
  }
  const clean = written.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  const recalculated = await recalculateAll(clean);
  return Promise.allSettled(
    written.map(async (outcome, i) => {
      if (outcome.status === "rejected") throw outcome.reason;
      const computed = await readComputed(recalculated[clean.indexOf(outcome.value)]);
      const pasted = new Set(scenarios[i].pastedErrors.map((p) => `${p.sheet}!${p.address}`));
      const errors = findErrorValues(computed).filter((e) => !pasted.has(`${e.sheet}!${e.cell}`));
      if (errors.length > 0)
        throw new Error(`Error values after recalculation: ${JSON.stringify(errors.slice(0, 20))}`);
      return { file: outcome.value, computed };
    }),
  );
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
