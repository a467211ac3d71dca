import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { conversionKey, keepConversion, reuseConversion, type ConversionFile } from "./conversion-cache";
import { runBounded } from "./process";
import { loadWithExcelJs } from "./exceljs-load";
import { readFile as readFileBytes } from "fs/promises";

export interface RecalculateOptions {
  /** Where the recalculated copy goes; a fresh temporary folder by default. Must not be the input's folder. */
  outDir?: string;
  /** Upper bound for the whole LibreOffice run. */
  timeoutMs?: number;
  /**
   * Run LibreOffice even when this jest run has already converted the same workbook the same way. Only for tests
   * of the conversion itself (its timeout, its profiles): everywhere else the earlier result is the same file.
   */
  fresh?: boolean;
}

export type ComputedValue = string | number | boolean | Date | null;
/** sheet name → A1 address → value (formula cells give their cached result, errors their text). */
export type ComputedWorkbook = Record<string, Record<string, ComputedValue>>;

export interface ErrorCell {
  sheet: string;
  cell: string;
  value: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;

// LibreOffice's default for OOXMLRecalcMode is 1 ("never"): it would hand back the cached
// <v> values it was given. 0 means "always recalculate on load".
const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

// Profiles are reused (creating one costs LibreOffice about a second) but never shared by two
// running conversions: two soffice processes on one profile hand work to each other or collide
// on its lock. Pool entries belong to this process, so parallel jest workers never meet.
const idleProfiles: string[] = [];
const allProfiles = new Set<string>();
// Every profile lives here, named after its process: jest ends workers without running "exit"
// handlers, so each new pool first removes the profiles of processes that are gone.
const PROFILE_ROOT = path.join(tmpdir(), "nps-lo-profiles");

function createProfile(): string {
  if (allProfiles.size === 0) {
    removeDeadProcessesProfiles();
    process.once("exit", removeAllProfiles);
  }
  mkdirSync(PROFILE_ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(PROFILE_ROOT, `${process.pid}-`));
  mkdirSync(path.join(dir, "user"), { recursive: true });
  writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU);
  allProfiles.add(dir);
  return dir;
}

function removeDeadProcessesProfiles(): void {
  if (!existsSync(PROFILE_ROOT)) return;
  for (const name of readdirSync(PROFILE_ROOT)) {
    const pid = Number(name.split("-")[0]);
    if (!processAlive(pid)) rmSync(path.join(PROFILE_ROOT, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive but someone else's.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeAllProfiles(): void {
  for (const dir of allProfiles) rmSync(dir, { recursive: true, force: true });
  allProfiles.clear();
}

function discardProfile(dir: string): void {
  allProfiles.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Re-saves a workbook through LibreOffice Calc with every formula recalculated and returns
 * the path of the new .xlsx. Throws with LibreOffice's output when no file comes back.
 */
export async function recalculate(xlsxPath: string, options: RecalculateOptions = {}): Promise<string> {
  return (await recalculateAll([xlsxPath], options))[0];
}

/**
 * As `recalculate`, for several workbooks in one LibreOffice run: starting LibreOffice costs about two seconds of
 * CPU, each further workbook about one. Returns the new files' paths in the order of the inputs, each kept for the
 * rest of the jest run as `recalculate` keeps it. The inputs' file names must differ (the copies share a folder).
 */
export async function recalculateAll(xlsxPaths: string[], options: RecalculateOptions = {}): Promise<string[]> {
  // Name the filter so the output format never depends on LibreOffice's default for "xlsx".
  return convertAll({ inputs: xlsxPaths, extension: "xlsx", convertTo: "xlsx:Calc MS Excel 2007 XML", options });
}

/**
 * Converts a workbook with LibreOffice (formulas recalculated on load) to `extension` through the
 * named `--convert-to` filter, and returns the new file's path.
 */
export async function convertWithLibreOffice(
  xlsxPath: string,
  extension: string,
  convertTo: string,
  options: RecalculateOptions = {},
): Promise<string> {
  return (await convertAll({ inputs: [xlsxPath], extension, convertTo, options }))[0];
}

/**
 * As convertWithLibreOffice, for several workbooks in one LibreOffice run; the new files' paths in the order of the
 * inputs, whose file names must differ (the copies share a folder).
 */
export async function convertAllWithLibreOffice(
  xlsxPaths: string[],
  { extension, convertTo, ...options }: RecalculateOptions & { extension: string; convertTo: string },
): Promise<string[]> {
  return convertAll({ inputs: xlsxPaths, extension, convertTo, options });
}

interface Conversions {
  inputs: string[];
  extension: string;
  convertTo: string;
  options: RecalculateOptions;
}

/** Converts every input not already converted in this run, in one LibreOffice run; the outputs in input order. */
async function convertAll({ inputs, extension, convertTo, options }: Conversions): Promise<string[]> {
  const files = inputs.map((file) => path.resolve(file));
  for (const input of files) if (!existsSync(input)) throw new Error(`LibreOffice conversion: no such file ${input}`);
  const names = files.map((input) => path.basename(input, path.extname(input)));
  if (new Set(names).size < names.length)
    throw new Error(`LibreOffice conversion: two inputs have one name, and their outputs would too: ${files}`);
  const outDir = path.resolve(options.outDir ?? mkdtempSync(path.join(tmpdir(), "nps-lo-out-")));
  if (files.some((input) => path.dirname(input) === outDir))
    throw new Error("LibreOffice conversion: outDir must differ from the input's folder");
  const conversions = await Promise.all(
    files.map(async (input, i) => {
      const output = path.join(outDir, `${names[i]}.${extension}`);
      rmSync(output, { force: true });
      return { input, key: await conversionKey({ input, convertTo }), extension, output };
    }),
  );
  const pending = conversions.filter((conversion) => options.fresh || !reuseConversion(conversion));
  if (pending.length > 0) await runLibreOffice({ pending, outDir, convertTo, options });
  return conversions.map((conversion) => conversion.output);
}

interface LibreOfficeRun {
  pending: (ConversionFile & { input: string })[];
  outDir: string;
  convertTo: string;
  options: RecalculateOptions;
}

async function runLibreOffice({ pending, outDir, convertTo, options }: LibreOfficeRun): Promise<void> {
  const profile = idleProfiles.pop() ?? createProfile();
  try {
    const inputs = pending.map((conversion) => conversion.input);
    const args = sofficeArgs(profile, outDir, inputs, convertTo);
    // Each workbook is given the time one conversion alone would have.
    const timeoutMs = (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) * pending.length;
    const result = await runBounded("soffice", args, timeoutMs);
    const missing = pending.filter(({ output }) => !existsSync(output) || statSync(output).size === 0);
    if (missing.length > 0) {
      const outputs = missing.map(({ output }) => output).join(", ");
      throw new Error(
        `LibreOffice produced no ${outputs} (exit ${result.code})\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
      );
    }
    idleProfiles.push(profile);
    for (const conversion of pending) keepConversion(conversion);
  } catch (err) {
    // A killed or failed run can leave a lock or half-written state behind: start afresh next time.
    discardProfile(profile);
    throw err;
  }
}

function sofficeArgs(profile: string, outDir: string, inputs: string[], convertTo: string): string[] {
  return [
    "--headless",
    "--norestore",
    `-env:UserInstallation=file://${profile}`,
    "--convert-to",
    convertTo,
    "--outdir",
    outDir,
    ...inputs,
  ];
}

/** Reads every non-empty cell of every sheet, as a spreadsheet program last computed it. */
export async function readComputed(xlsxPath: string): Promise<ComputedWorkbook> {
  const workbook = await loadWithExcelJs(new Uint8Array(await readFileBytes(xlsxPath)));
  const computed: ComputedWorkbook = {};
  for (const sheet of workbook.worksheets) {
    const cells: Record<string, ComputedValue> = {};
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged range's other cells echo the master's value; count it once.
        if (cell.isMerged && cell.master !== cell) return;
        // cell.value drops a cached formula result of 0 (ExcelJS 4.4); cell.result keeps it.
        cells[cell.address] =
          cell.type === ExcelJS.ValueType.Formula ? toComputed(cell.result ?? null) : toComputed(cell.value);
      }),
    );
    computed[sheet.name] = cells;
  }
  return computed;
}

/**
 * What ExcelJS makes of an error result in a date-formatted cell: it converts the result to a date as if
 * it were a number, giving an invalid Date and losing which error it was. Reported as this text, so that
 * findErrorValues still sees it (no date cell of the workbook computes text other than "").
 */
export const ERROR_IN_DATE_CELL = "#ERROR! (in a date cell)";

function toComputed(value: ExcelJS.CellValue): ComputedValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date && Number.isNaN(value.getTime())) return ERROR_IN_DATE_CELL;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return toComputed(value.result ?? null);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return value.text;
  return String(value);
}

const ERROR_VALUES = new Set(["#REF!", "#NAME?", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", ERROR_IN_DATE_CELL]);
// LibreOffice shows its own codes (Err:502 …) where Excel has no matching error.
const LIBREOFFICE_ERROR = /^Err:\d{3}$/;

/** Every cell whose computed value is a spreadsheet error. */
export function findErrorValues(computed: ComputedWorkbook): ErrorCell[] {
  const found: ErrorCell[] = [];
  for (const [sheet, cells] of Object.entries(computed)) {
    for (const [cell, value] of Object.entries(cells)) {
      if (typeof value === "string" && (ERROR_VALUES.has(value) || LIBREOFFICE_ERROR.test(value))) {
        found.push({ sheet, cell, value });
      }
    }
  }
  return found;
}
