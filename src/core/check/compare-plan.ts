/**
 * A user's workbook against its plan: the structural half of the check. Everything a snapshot
 * carries is compared here: which sheets there are, their visibility and protection, every cell
 * (formulas by meaning), the defined names, and the locks and pickers of the guarded cells.
 *
 * Rows keyed by behaviour ID are matched by ID, input cells are left to the answer rules, cells the
 * plan leaves empty are the user's, and what LibreOffice saves differently (very hidden as hidden)
 * stands. (The writers' tests hold a writer's own output to the plan exactly, in
 * test/support/exact-plan.ts.)
 */
import { guardedCells } from "../snapshot/guarded-cells";
import { normaliseReference, sheetOfReference } from "../snapshot/references";
import type { SheetPlan, Validation, WorkbookPlan } from "../plan/types";
import type { SnapshotSheet, SnapshotValidation, WorkbookSnapshot } from "../snapshot/types";
import { cellAddress, cellsIn, parseCell } from "../util/a1";
import { plannedCells } from "../plan/planned-cells";
import { type CouncilGrouping } from "../plan/council-groups";
import { GUIDE_PICKERS } from "../plan/layout";
import { peerWords } from "../words/peers";
import { compareSheet, type DefaultNames, type RowMap, type SheetComparison } from "./compare-sheet";
import { rowMoveFindings, rowMoves, type RowMoves } from "./row-moves";
import { finding } from "./findings";
import type { Finding, FindingSheet } from "./types";
import { findingWords } from "../words/findings";

export interface PlanComparisonOptions {
  /** Behaviour IDs, whose rows a check matches by ID (Gaps and Data may be sorted). */
  behaviourIds?: Set<string>;
  /** Each planned sheet's current name → the name the generator gives it by default. */
  defaults?: DefaultNames;
  /** Sheets whose content (cells, locks, pickers) is not compared, only their presence and state. */
  contentSkipped?: (sheet: SheetPlan) => boolean;
}

/** A planned sheet found in the workbook and compared, with where its keyed rows were found. */
export interface ComparedSheet {
  plan: SheetPlan;
  actual: SnapshotSheet;
  where: FindingSheet;
  /** Planned row → actual row, for rows keyed by behaviour ID. */
  rows: RowMap;
  /** False when columns are missing or moved: cell-by-cell rules would only repeat that. */
  columnsIntact: boolean;
}

export interface PlanComparison {
  findings: Finding[];
  sheets: ComparedSheet[];
}

const whereOf = (sheet: SheetPlan, name: string): FindingSheet => ({ role: sheet.role, key: sheet.key, name });

/** Compares a workbook snapshot with the plan of what it should hold. Pure. */
export function compareWithPlan(
  plan: WorkbookPlan,
  snapshot: WorkbookSnapshot,
  options: PlanComparisonOptions,
): PlanComparison {
  const findings: Finding[] = [];
  const sheets: ComparedSheet[] = [];
  const moves = movedRows(plan, snapshot);
  const movedSheets = new Map([...moves].map(([sheet, moved]) => [sheet.name.toLowerCase(), moved.move]));
  for (const sheet of plan.sheets) {
    // The retired answers are the user's to sort, once they are out of the toolkit's sheets.
    if (sheet.role === "retired") continue;
    const actual = snapshot.sheets.find((s) => s.name === sheet.name);
    if (!actual) {
      // In a check a missing metadata sheet is an identity finding already.
      if (sheet.role !== "metadata") findings.push(sheetMissing(sheet));
      continue;
    }
    const where = whereOf(sheet, actual.name);
    findings.push(...sheetState(sheet, actual, where));
    if (options.contentSkipped?.(sheet)) continue;
    const moved = moves.get(sheet);
    if (moved) findings.push(...rowMoveFindings(moved, plannedCells(sheet), where));
    const compared = compareSheet(sheet, actual, where, {
      behaviourIds: options.behaviourIds ?? new Set(),
      defaults: options.defaults,
      moves: moved,
      movedSheets,
    });
    findings.push(...compared.findings);
    if (compared.columnsIntact)
      findings.push(...compareGuards(sheet, actual, where, snapshot.names, plannedRowOf(compared, moved)));
    sheets.push({ plan: sheet, actual, where, rows: compared.rows, columnsIntact: compared.columnsIntact });
  }
  findings.push(...compareNames(plan, snapshot));
  return { findings, sheets };
}

function sheetMissing(sheet: SheetPlan): Finding {
  return finding({
    rule: "structure.sheet-missing",
    sheet: whereOf(sheet, sheet.name),
    message: findingWords.structure.sheetMissing(sheet.name),
    expected: sheet.name,
    found: findingWords.noSuchSheet,
    repairable: true,
  });
}

const VISIBILITY_SAID = findingWords.structure.visibility;

/** Protection and visibility of one sheet. */
function sheetState(sheet: SheetPlan, actual: SnapshotSheet, where: FindingSheet): Finding[] {
  const findings: Finding[] = [];
  if (sheet.protection && actual.protected === false)
    findings.push(
      finding({
        rule: "protection.sheet-unprotected",
        sheet: where,
        message: findingWords.protection.sheetUnprotected(where),
        expected: findingWords.protection.protected,
        found: findingWords.protection.notProtected,
        repairable: true,
      }),
    );
  if (!sheet.protection && actual.protected === true)
    findings.push(
      finding({
        rule: "protection.sheet-protected",
        sheet: where,
        message: findingWords.protection.sheetProtected(where),
        expected: findingWords.protection.notProtected,
        found: findingWords.protection.protected,
        repairable: true,
      }),
    );
  const expected = sheet.visibility;
  const found = actual.visibility;
  // LibreOffice saves a very hidden sheet as merely hidden: in a check, that stands.
  const differs = (found === "visible") !== (expected === "visible");
  if (differs) {
    const details = { expected: VISIBILITY_SAID[expected], found: VISIBILITY_SAID[found], repairable: true };
    findings.push(
      found === "visible"
        ? finding({
            rule: "structure.sheet-visible",
            sheet: where,
            message: findingWords.structure.sheetVisible(where),
            ...details,
          })
        : finding({
            rule: "structure.sheet-hidden",
            sheet: where,
            message: findingWords.structure.sheetHidden(where, details.found, details.expected),
            ...details,
          }),
    );
  }
  return findings;
}

function nameChanged(name: string, expected: string, found: string | undefined): Finding {
  return finding({
    rule: "structure.name-changed",
    message:
      found === undefined
        ? findingWords.structure.nameMissing(name)
        : findingWords.structure.namePointsElsewhere(name, found),
    expected,
    found: found ?? findingWords.noSuchName,
    repairable: true,
  });
}

/**
 * The defined names the plan gives, each pointing where the plan points it (the add-in finds its
 * sheets and the Guide's inputs by them). A name on a missing sheet is left to the sheet's finding.
 */
function compareNames(plan: WorkbookPlan, snapshot: WorkbookSnapshot): Finding[] {
  const present = new Set(snapshot.sheets.map((s) => s.name));
  const findings: Finding[] = [];
  for (const { name, reference } of plan.names) {
    const expected = normaliseReference(reference);
    const found = snapshot.names[name];
    const sheet = sheetOfReference(expected);
    if (found !== expected && (sheet === undefined || present.has(sheet)))
      findings.push(nameChanged(name, expected, found));
  }
  return findings;
}

/** The planned row an actual row of the sheet stands for; undefined for a row the comparison leaves alone. */
type PlannedRowOf = (actualRow: number) => number | undefined;

/**
 * A keyed row stands for the planned row whose behaviour it holds; another row that the plan writes
 * stands for itself; the rest (a row a user added, a behaviour's row that is gone) belong to nobody.
 */
function plannedRowOf(compared: SheetComparison, moves: RowMoves | undefined): PlannedRowOf {
  const fromActual = new Map([...compared.rows].map(([planned, actual]) => [actual, planned]));
  const unkeyed = (planned: number | undefined) =>
    planned !== undefined && compared.planned.has(planned) && !compared.keyed.has(planned) ? planned : undefined;
  return (row) => fromActual.get(row) ?? unkeyed(moves ? moves.back(row) : row);
}

/** The key area sheets whose rows were inserted or deleted (row-moves.ts), with their moves. */
function movedRows(plan: WorkbookPlan, snapshot: WorkbookSnapshot): Map<SheetPlan, RowMoves> {
  const moves = new Map<SheetPlan, RowMoves>();
  for (const sheet of plan.sheets) {
    const actual = sheet.role === "keyArea" ? snapshot.sheets.find((s) => s.name === sheet.name) : undefined;
    const moved = actual && rowMoves(plannedCells(sheet), actual);
    if (moved) moves.set(sheet, moved);
  }
  return moves;
}

/** Where the plan locks or unlocks a cell (a cell no style mentions is locked, as in Excel). */
function plannedLocks(sheet: SheetPlan): Map<string, boolean> {
  const locks = new Map<string, boolean>();
  for (const { range, style } of sheet.styles)
    if (style.locked !== undefined) for (const address of cellsIn(range)) locks.set(address, style.locked);
  return locks;
}

function plannedValidations(sheet: SheetPlan): Map<string, Validation> {
  const validations = new Map<string, Validation>();
  for (const validation of sheet.validations)
    for (const address of cellsIn(validation.range)) validations.set(address, validation);
  return validations;
}

/** The locks and pickers of the cells the reader looked at (see guardedCells), row by row. */
function compareGuards(
  sheet: SheetPlan,
  actual: SnapshotSheet,
  where: FindingSheet,
  names: Record<string, string>,
  plannedRow: PlannedRowOf,
): Finding[] {
  if (!actual.locked && !actual.validations) return [];
  const locks = plannedLocks(sheet);
  const validations = plannedValidations(sheet);
  const byRow = new Map<number, Finding[]>();
  const add = (row: number, found: Finding | undefined) => {
    if (found) byRow.set(row, [...(byRow.get(row) ?? []), found]);
  };
  const plannedAddress = (address: string) => {
    const { row, column } = parseCell(address);
    const planned = plannedRow(row);
    return planned === undefined ? undefined : { row, at: cellAddress(planned, column) };
  };
  if (actual.validations)
    for (const address of guardedCells(actual.name, names, actual.cells).validated) {
      const planned = plannedAddress(address);
      const expected = planned && validations.get(planned.at);
      if (planned && expected)
        add(planned.row, validationFinding(sheet, where, address, expected, actual.validations[address]));
    }
  for (const [address, locked] of Object.entries(actual.locked ?? {})) {
    const planned = plannedAddress(address);
    const expected = planned && (locks.get(planned.at) ?? true);
    if (planned && expected !== locked) add(planned.row, lockFinding(where, address, { input: !expected }));
  }
  return [...byRow.keys()].sort((a, b) => a - b).flatMap((row) => byRow.get(row)!);
}

/** Which picker a list validation is: a level's on a key area sheet, the council type's or region's on the Guide. */
function pickerGoneMessage(sheet: SheetPlan, address: string): string {
  const grouping =
    sheet.role === "guide"
      ? (Object.keys(GUIDE_PICKERS) as CouncilGrouping[]).find((key) => {
          const cell = GUIDE_PICKERS[key];
          return cellAddress(cell.row, cell.column) === address;
        })
      : undefined;
  return grouping ? peerWords.pickerGone(grouping) : findingWords.answer.pickerMissing;
}

function validationFinding(
  sheet: SheetPlan,
  where: FindingSheet,
  address: string,
  expected: Validation,
  found: SnapshotValidation | undefined,
): Finding | undefined {
  if (expected.type === "list") {
    const list = expected.values.join(", ");
    if (found?.type === "list" && found.alert === "stop" && found.list?.join(", ") === list) return undefined;
    return finding({
      rule: "answer.picker-missing",
      sheet: where,
      cell: address,
      message: pickerGoneMessage(sheet, address),
      expected: findingWords.answer.pickerExpected(list),
      found: found
        ? findingWords.answer.pickerFound(found.type, found.list?.join(", "), found.alert)
        : findingWords.answer.noPicker,
      repairable: true,
    });
  }
  if (found?.type === "date" && found.alert === "stop") return undefined;
  return finding({
    rule: "answer.date-rule-missing",
    sheet: where,
    cell: address,
    message: findingWords.answer.dateRuleMissing({ assessmentDate: sheet.role === "guide" }),
    expected: findingWords.answer.dateRuleExpected,
    found: found ? findingWords.answer.dateRuleFound(found.type, found.alert) : findingWords.answer.noDateRule,
    repairable: true,
  });
}

/** `input`: the plan leaves the cell unlocked, for answers; otherwise it is canonical text, locked. */
function lockFinding(where: FindingSheet, address: string, { input }: { input: boolean }): Finding {
  return input
    ? finding({
        rule: "protection.input-locked",
        sheet: where,
        cell: address,
        message: findingWords.protection.inputLocked,
        expected: findingWords.protection.unlocked,
        found: findingWords.protection.locked,
        repairable: true,
      })
    : finding({
        rule: "protection.cell-unlocked",
        sheet: where,
        cell: address,
        message: findingWords.protection.cellUnlocked,
        expected: findingWords.protection.locked,
        found: findingWords.protection.unlocked,
        repairable: true,
      });
}
