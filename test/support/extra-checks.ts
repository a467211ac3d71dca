/**
 * Checks for what Microsoft's Open XML SDK validator lets through but Excel objects to, or the workbook contract
 * forbids: read from the file's XML parts alone, so they start no process (npm run test:fast runs their tests).
 * test/support/xlsx-checks.ts runs them together with the validator.
 */
import { readFile } from "fs/promises";
import * as path from "path";
import JSZip from "jszip";
import { functionCalls, overlaps, referenceArea, tokenize, type Area, type Token } from "./formula-calls";
import { childText, decodeXml, elements } from "./ooxml";

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
  | "defined-name-bad-sheet"
  | "input-read-as-pattern";

export interface Finding {
  check: CheckId;
  /** The zip part the problem is in, e.g. xl/worksheets/sheet2.xml. */
  part: string;
  detail: string;
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
  stylesXml: string;
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
  const stylesXml = zip.file("xl/styles.xml") ? await partText(zip, "xl/styles.xml") : "";
  return { workbookXml, stylesXml, sheets, definedNames, tables };
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
  /** The sheet a reference without a sheet name points into (none for a defined name). */
  sheet?: string;
  /** For a conditional format or validation: the range it applies to, across which relative references shift. */
  appliesTo?: string;
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
  const at = (where: string, text: string, appliesTo?: string): FormulaSite => ({
    part: sheet.part,
    where: `'${sheet.name}' ${where}`,
    text,
    sheet: sheet.name,
    appliesTo,
  });
  const sites: FormulaSite[] = [];
  for (const cell of elements(sheet.xml, "c")) {
    const text = childText(cell.inner, "f");
    if (text) sites.push(at(`cell ${cell.attrs.r}`, text));
  }
  // Covers both <conditionalFormatting> and the x14 extension form, whose formulas sit in <xm:f>.
  for (const block of elements(sheet.xml, "conditionalFormatting")) {
    const appliesTo = block.attrs.sqref ?? childText(block.inner, "sqref");
    for (const rule of elements(block.inner, "cfRule")) {
      for (const f of [...elements(rule.inner, "formula"), ...elements(rule.inner, "f")]) {
        sites.push(at(`conditional format (${rule.attrs.type ?? "rule"})`, decodeXml(f.inner), appliesTo));
      }
    }
  }
  for (const dv of elements(sheet.xml, "dataValidation")) {
    const range = validationRange(dv);
    for (const text of validationFormulas(dv.inner)) sites.push(at(`validation on ${range}`, text, range));
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

// ---------------------------------------------------------------------------------------------
// Typed text read as a pattern

/**
 * The arguments (0-based) Excel reads as a pattern: a lookup value in which `*`, `?` and `~` are
 * wildcards, or a criterion that may also start with `>`, `<` or `=`. LibreOffice does not apply them
 * against an inline array, so no recalculation test sees the difference: only this rule does.
 */
const PATTERN_ARGUMENTS: Record<string, (argumentCount: number) => number[]> = {
  MATCH: () => [0],
  VLOOKUP: () => [0],
  HLOOKUP: () => [0],
  XMATCH: () => [0],
  XLOOKUP: () => [0],
  SEARCH: () => [0],
  SEARCHB: () => [0],
  COUNTIF: () => [1],
  SUMIF: () => [1],
  AVERAGEIF: () => [1],
  // (criteria_range1, criteria1, criteria_range2, criteria2, …)
  COUNTIFS: (n) => everyOther(1, n),
  // (sum_range, criteria_range1, criteria1, …)
  SUMIFS: (n) => everyOther(2, n),
  AVERAGEIFS: (n) => everyOther(2, n),
  MAXIFS: (n) => everyOther(2, n),
  MINIFS: (n) => everyOther(2, n),
};

const everyOther = (first: number, count: number) =>
  Array.from({ length: Math.max(0, Math.ceil((count - first) / 2)) }, (_, i) => first + 2 * i);

interface SheetArea extends Area {
  sheet: string;
}

/** Indexes of the cell formats (cellXfs) that unlock a cell. */
function unlockedFormats(stylesXml: string): Set<number> {
  const cellXfs = elements(stylesXml, "cellXfs")[0]?.inner ?? "";
  const unlocked = new Set<number>();
  elements(cellXfs, "xf").forEach((xf, index) => {
    const locked = elements(xf.inner, "protection")[0]?.attrs.locked;
    if (locked === "0" || locked === "false") unlocked.add(index);
  });
  return unlocked;
}

const rangesOf = (sqref: string): Area[] =>
  sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((ref) => referenceArea(ref) as Area);

/**
 * Where a user types, by lower-case sheet name: every unlocked cell (by its format, its row's or its
 * column's) and every validated cell.
 */
function inputAreas(wb: Workbook): Map<string, Area[]> {
  const unlocked = unlockedFormats(wb.stylesXml);
  const bySheet = new Map<string, Area[]>();
  for (const sheet of wb.sheets) {
    const areas: Area[] = [];
    bySheet.set(sheet.name.toLowerCase(), areas);
    const add = (area: Area | undefined) => area && areas.push(area);
    for (const c of elements(sheet.xml, "c")) if (unlocked.has(Number(c.attrs.s))) add(referenceArea(c.attrs.r ?? ""));
    for (const col of elements(sheet.xml, "col")) {
      if (unlocked.has(Number(col.attrs.style)))
        add({ top: 1, bottom: 1_048_576, left: Number(col.attrs.min), right: Number(col.attrs.max) });
    }
    for (const row of elements(sheet.xml, "row")) {
      if (row.attrs.customFormat === "1" && unlocked.has(Number(row.attrs.s)))
        add({ top: Number(row.attrs.r), bottom: Number(row.attrs.r), left: 1, right: 16_384 });
    }
    for (const dv of elements(sheet.xml, "dataValidation")) rangesOf(validationRange(dv)).forEach(add);
  }
  return bySheet;
}

/** How far a conditional format's or validation's relative references shift across the range it applies to. */
function spreadOver(appliesTo: string | undefined): { rows: number; columns: number } {
  if (!appliesTo) return { rows: 0, columns: 0 };
  const [anchor, ...others] = rangesOf(appliesTo);
  return [anchor, ...others].reduce(
    (spread, r) => ({
      rows: Math.max(spread.rows, r.bottom - anchor.top),
      columns: Math.max(spread.columns, r.right - anchor.left),
    }),
    { rows: 0, columns: 0 },
  );
}

/** The cells an argument reads, following defined names to what they refer to. */
function argumentAreas(tokens: Token[], site: FormulaSite, wb: Workbook, depth = 0): SheetArea[] {
  const areas: SheetArea[] = [];
  for (const token of tokens) {
    if (token.kind === "reference") {
      const sheet = token.sheet ?? site.sheet;
      const area = referenceArea(token.ref, spreadOver(site.appliesTo));
      if (sheet && area) areas.push({ ...area, sheet: sheet.toLowerCase() });
    } else if (token.kind === "name" && depth < 5) {
      const defined = wb.definedNames.find((d) => d.name.toLowerCase() === token.name.toLowerCase());
      if (defined) {
        // A defined name's references carry their sheet, and never shift.
        const inName = { ...site, sheet: undefined, appliesTo: undefined };
        areas.push(...argumentAreas(tokenize(defined.text), inName, wb, depth + 1));
      }
    }
  }
  return areas;
}

function inputAsPatternFindings(wb: Workbook): Finding[] {
  const inputs = inputAreas(wb);
  const findings: Finding[] = [];
  const mentionsOne = new RegExp(`(?<!\\w)(${Object.keys(PATTERN_ARGUMENTS).join("|")})\\s*\\(`, "i");
  // Only formulas that call one of the functions are parsed (the test is on the code, outside text).
  for (const site of formulaSites(wb).filter((s) => mentionsOne.test(formulaCode(s.text)))) {
    for (const call of functionCalls(site.text)) {
      for (const index of PATTERN_ARGUMENTS[call.name]?.(call.args.length) ?? []) {
        const read = argumentAreas(call.args[index] ?? [], site, wb);
        const input = read.find((area) => inputs.get(area.sheet)?.some((i) => overlaps(i, area)));
        if (!input) continue;
        findings.push({
          check: "input-read-as-pattern",
          part: site.part,
          detail: `${site.where}: argument ${index + 1} of ${call.name} reads an input cell of '${input.sheet}', where Excel takes typed text as a wildcard or criterion, in ${JSON.stringify(site.text)}`,
        });
      }
    }
  }
  return findings;
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
  inputAsPatternFindings,
];

/** Problems that Excel objects to (or that break the workbook contract) and the validator lets through. */
export async function extraChecks(xlsxPath: string): Promise<Finding[]> {
  const wb = await loadWorkbook(xlsxPath);
  return CHECKS.flatMap((check) => check(wb));
}
