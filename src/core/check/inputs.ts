/**
 * Inputs that are not values. The figures score what each input cell holds; the add-in reads what
 * was saved in it. A formula in an input cell can change what the figures show without anyone
 * answering (and the add-in reads only its last saved result); a merge hides an input under its
 * neighbour, where the figures still count it but no reader sees it; a behaviour ID with spaces or
 * invisible characters around it is found by the add-in but not by the Gaps and Data lookups.
 */
import type { FoundAssessment } from "../answers/from-snapshot";
import { GROUPING_CHOICES, listedChoice, type CouncilGrouping } from "../plan/council-groups";
import { DATA, GAPS, GUIDE_PICKERS, KEY_AREA } from "../plan/layout";
import type { SnapshotSheet, WorkbookSnapshot } from "../snapshot/types";
import { peerWords } from "../words/peers";
import { cellAddress, cellsIn, parseRange } from "../util/a1";
import type { ComparedSheet } from "./compare-plan";
import { finding, shown } from "./findings";
import type { Finding } from "./types";
import { findingWords } from "../words/findings";

const C = KEY_AREA.columns;
/** The key area's input columns (layout.ts), each named in a finding by its header in lower case ("review date"). */
const INPUTS: [number, string][] = KEY_AREA.keysWithRole("input").map((key) => [
  C[key],
  KEY_AREA.header[key].toLowerCase(),
]);

/** An input cell holding a formula: the workbook scores what it gives, the add-in reads its saved result. */
function formulaInputs(compared: ComparedSheet): Finding[] {
  const findings: Finding[] = [];
  for (const row of compared.rows.values())
    for (const [column, what] of INPUTS) {
      const address = cellAddress(row, column);
      const cell = compared.actual.cells[address];
      if (cell?.formula === undefined) continue;
      findings.push(
        finding({
          rule: "answer.formula-in-input",
          sheet: compared.where,
          cell: address,
          message: findingWords.answer.formulaInInput(what),
          expected: findingWords.answer.formulaInInputExpected,
          found: shown(cell),
          repairable: false,
        }),
      );
    }
  return findings;
}

/** Merges over the behaviour rows' input cells: the cells merged away still count on Summary but are read by nobody. */
function mergedInputs(compared: ComparedSheet): Finding[] {
  const rows = new Set(compared.rows.values());
  return (compared.actual.merges ?? [])
    .filter((merge) => {
      const { top, left, bottom, right } = parseRange(merge);
      if (!INPUTS.some(([column]) => left <= column && column <= right)) return false;
      for (let row = top; row <= bottom; row++) if (rows.has(row)) return true;
      return false;
    })
    .map((merge) =>
      finding({
        rule: "answer.input-merged",
        sheet: compared.where,
        cell: cellsIn(merge)[0],
        message: findingWords.answer.inputMerged(merge),
        expected: findingWords.answer.inputMergedExpected,
        found: merge,
        repairable: false,
      }),
    );
}

/** Spaces and invisible characters a paste brings around a behaviour ID. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/** Where the sheet keeps its behaviour IDs. */
const ID_COLUMN: Partial<Record<ComparedSheet["plan"]["role"], number>> = {
  keyArea: C.id,
  gaps: GAPS.columns.id,
  data: DATA.columns.id,
};

/** A behaviour ID written with extra spaces or invisible characters, which the Gaps and Data lookups cannot find. */
function idsNotExact(compared: ComparedSheet, behaviourIds: ReadonlySet<string>): Finding[] {
  const column = ID_COLUMN[compared.plan.role];
  if (column === undefined) return [];
  const findings: Finding[] = [];
  for (const address of idCells(compared.actual, column)) {
    const value = compared.actual.cells[address].value;
    if (typeof value !== "string" || behaviourIds.has(value)) continue;
    const cleaned = value.replace(INVISIBLE, "");
    if (!behaviourIds.has(cleaned)) continue;
    findings.push(
      finding({
        rule: "structure.id-not-exact",
        sheet: compared.where,
        cell: address,
        message: findingWords.structure.idNotExact(cleaned),
        expected: cleaned,
        found: JSON.stringify(value),
        repairable: true,
      }),
    );
  }
  return findings;
}

/** The filled cells of one column, top to bottom. */
function idCells(sheet: SnapshotSheet, column: number): string[] {
  const letters = cellAddress(1, column).replace(/\d+$/, "");
  return Object.keys(sheet.cells)
    .filter((address) => address.startsWith(letters) && /^\d+$/.test(address.slice(letters.length)))
    .sort((a, b) => Number(a.slice(letters.length)) - Number(b.slice(letters.length)));
}

/** Every finding about inputs that are not values, on the compared sheets whose columns stand. */
export function checkInputs(compared: readonly ComparedSheet[], behaviourIds: ReadonlySet<string>): Finding[] {
  return compared
    .filter((sheet) => sheet.columnsIntact)
    .flatMap((sheet) => [
      ...(sheet.plan.role === "keyArea" ? [...formulaInputs(sheet), ...mergedInputs(sheet)] : []),
      ...idsNotExact(sheet, behaviourIds),
    ]);
}

/**
 * A council type or region typed rather than picked (pasted, or typed where the picker was lost):
 * the return's figures stand, but a group workbook cannot place it among its peers.
 */
export function checkGuidePickers(snapshot: WorkbookSnapshot, found: FoundAssessment): Finding[] {
  const guide = snapshot.sheets.find((sheet) => sheet.name === found.roles.guide);
  if (!guide) return [];
  return (Object.keys(GUIDE_PICKERS) as CouncilGrouping[]).flatMap((grouping) => {
    const cell = GUIDE_PICKERS[grouping];
    const address = cellAddress(cell.row, cell.column);
    const value = guide.cells[address]?.value ?? null;
    if (value === null || String(value).trim() === "" || listedChoice(grouping, String(value))) return [];
    return [
      finding({
        rule: "answer.not-listed",
        sheet: { role: "guide", key: "guide", name: guide.name },
        cell: address,
        message: peerWords.notListedFinding(grouping),
        expected: GROUPING_CHOICES[grouping].join(", "),
        found: String(value),
        repairable: false,
      }),
    ];
  });
}
