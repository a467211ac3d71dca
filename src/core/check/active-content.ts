/**
 * Active content: what could run, or fetch figures from elsewhere, when a return is opened. The
 * workbook the add-in makes has no macros and no links (the README promises it), so any of these in
 * a return is an error naming where it is. The package's parts are known only to the .xlsx reader
 * (Office.js does not show a workbook's parts); links to other workbooks show in formulas, which
 * both readers read.
 */
import type { WorkbookSnapshot } from "../snapshot/types";
import { finding } from "./findings";
import type { ComparedSheet } from "./compare-plan";
import type { Finding, RuleId } from "./types";
import { findingWords } from "../words/findings";

interface ActivePart {
  pattern: RegExp;
  rule: RuleId;
  what: string;
}

/** The parts that hold active content, by their names in the package (ECMA-376 Part 1 §12.3; MS-OFFMACRO2 for VBA). */
const ACTIVE_PARTS: ActivePart[] = [
  { pattern: /(^|\/)vbaProject\.bin$/i, rule: "active.macros", what: findingWords.active.what.vba },
  { pattern: /^xl\/macrosheets\/[^/]+\.xml$/i, rule: "active.macros", what: findingWords.active.what.macroSheet },
  { pattern: /^xl\/dialogsheets\/[^/]+\.xml$/i, rule: "active.macros", what: findingWords.active.what.dialogSheet },
  { pattern: /^xl\/embeddings\/[^/]+$/i, rule: "active.embedded-object", what: findingWords.active.what.ole },
  { pattern: /^xl\/activeX\/[^/]+\.xml$/i, rule: "active.embedded-object", what: findingWords.active.what.activeX },
  {
    pattern: /^xl\/externalLinks\/[^/]+\.xml$/i,
    rule: "active.external-link",
    what: findingWords.active.what.externalLink,
  },
];

function partFindings(parts: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const part of parts) {
    const active = ACTIVE_PARTS.find((a) => a.pattern.test(part));
    if (active)
      findings.push(
        finding({
          rule: active.rule,
          message: findingWords.active.held(active.what, part),
          expected: findingWords.active.nothing,
          found: part,
          repairable: true,
        }),
      );
  }
  return findings;
}

/**
 * Whether a formula refers to another workbook: "[1]Sheet1!A1", "'[1]Sheet 1'!A1", "[1]!Name", or
 * as Office.js shows it "'C:\Files\[Book.xlsx]Sheet1'!A1". Text in double quotes is left out, and a
 * table's column ("NPS_Data[Gap]") is never followed by "!".
 */
export function linksToAnotherWorkbook(formula: string): boolean {
  if (!formula.includes("[") || !formula.includes("!")) return false;
  const outsideText = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return (
    /'[^']*\[[^\]']+\][^']*'!/.test(outsideText) || /(?:^|[^A-Za-z0-9_.\]])\[[^\][]+\][A-Za-z0-9_.]*!/.test(outsideText)
  );
}

function formulaFindings(sheets: readonly ComparedSheet[]): Finding[] {
  const findings: Finding[] = [];
  for (const { actual, where } of sheets)
    for (const address in actual.cells) {
      const formula = actual.cells[address].formula;
      if (formula !== undefined && linksToAnotherWorkbook(formula))
        findings.push(
          finding({
            rule: "active.external-link",
            sheet: where,
            cell: address,
            message: findingWords.active.externalLink,
            expected: findingWords.active.externalLinkExpected,
            found: `=${formula}`,
            repairable: true,
          }),
        );
    }
  return findings;
}

/** Every active part of the package, then every formula on the add-in's sheets that links to another workbook. */
export function checkActiveContent(snapshot: WorkbookSnapshot, sheets: readonly ComparedSheet[]): Finding[] {
  return [...partFindings(snapshot.parts ?? []), ...formulaFindings(sheets)];
}
