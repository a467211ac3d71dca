/**
 * One sheet's cells against the sheet the generator would write, cell by cell (compareWithPlan in
 * compare-plan.ts runs it for every sheet). In a check, rows keyed by behaviour ID are matched by ID
 * (Gaps and Data may be sorted), everything else by address, and input cells are left to the answer
 * rules.
 */
import { LOOKS_LIKE_ID } from "../answers/behaviour-id";
import { isNumberedName } from "../assessment/sheet-names";
import { ACTIONS, GUIDE_INPUTS, GUIDE_SIGN_OFF, KEY_AREA, SUMMARY_ACTIONS } from "../plan/layout";
import { plannedCells, type PlannedCells } from "../plan/planned-cells";
import { isFormula, type PlanCell, type SheetPlan } from "../plan/types";
import type { SnapshotCell, SnapshotSheet } from "../snapshot/types";
import { cellAddress, columnLetter, parseCell } from "../util/a1";
import { finding, isErrorValue, shown } from "./findings";
import { sameFormula, type MovedRows } from "./formula-tokens";
import type { RowMove, RowMoves } from "./row-moves";
import type { Finding, FindingSheet, RuleId } from "./types";
import { findingWords } from "../words/findings";

const C = KEY_AREA.columns;

/** Where a planned row sits in the workbook: the row it was found in, or undefined when it is gone. */
export type RowMap = Map<number, number>;

export interface SheetComparison {
  findings: Finding[];
  /** Planned row → actual row, for rows keyed by behaviour ID. */
  rows: RowMap;
  /** False when columns are missing or moved: cell-by-cell comparison would only repeat that. */
  columnsIntact: boolean;
  /** The planned rows keyed by behaviour ID, and every row the plan writes in. */
  keyed: Set<number>;
  planned: Set<number>;
}

const textOf = (cell: SnapshotCell | undefined) =>
  cell === undefined || cell.value === null ? "" : String(cell.value).trim();

/** The column holding behaviour IDs on this sheet, and the rows they are on, from the plan itself. */
function keyedRows(planned: PlannedCells, behaviourIds: Set<string>) {
  const firstRow = Math.min(...planned.keys());
  for (let row = firstRow; row <= Math.max(...planned.keys()); row++)
    for (const [column, cell] of planned.get(row) ?? [])
      if (typeof cell === "string" && behaviourIds.has(cell)) {
        const keyed = new Map<string, number>();
        for (const [r, line] of planned) {
          const key = line.get(column);
          if (typeof key === "string" && behaviourIds.has(key)) keyed.set(key, r);
        }
        return { column, firstRow: row, keyed };
      }
  return undefined;
}

/** A sheet's filled cells with their addresses parsed once, for the lookups by row and column. */
type CellIndex = { row: number; column: number; cell: SnapshotCell }[];

function indexCells(sheet: SnapshotSheet): CellIndex {
  const index: CellIndex = [];
  for (const address in sheet.cells) {
    const { row, column } = parseCell(address);
    index.push({ row, column, cell: sheet.cells[address] });
  }
  return index;
}

/** Where each text in a key column occurs in the workbook, from `firstRow` down, top first. */
function actualRowsByKey(index: CellIndex, column: number, firstRow: number): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const at of index) {
    if (at.column !== column || at.row < firstRow) continue;
    const key = textOf(at.cell);
    if (key !== "") byKey.set(key, [...(byKey.get(key) ?? []), at.row]);
  }
  for (const rows of byKey.values()) rows.sort((a, b) => a - b);
  return byKey;
}

/** Which content rule an edited text on this sheet breaks, by where it is. */
function contentRule(sheet: SheetPlan, row: number, column: number): ContentRule {
  if (sheet.role !== "keyArea") return "content.text-edited";
  const descriptor = column >= C.descriptors && column <= KEY_AREA.lastColumns.descriptors;
  if (row < KEY_AREA.headerRow) return "content.key-area-text-edited";
  if (row === KEY_AREA.headerRow) return descriptor ? "content.level-header-edited" : "content.text-edited";
  if (row === KEY_AREA.principleRow) return descriptor ? "content.principle-edited" : "content.text-edited";
  if (column === C.behaviour) return "content.behaviour-name-edited";
  return descriptor ? "content.descriptor-edited" : "content.text-edited";
}

/** The rules about the toolkit's text, each with what its text is in the finding's words. */
type ContentRule = keyof typeof findingWords.content.what & RuleId;
const CONTENT_WHAT = findingWords.content.what;

/** The Previous columns' values: last year's answers, which the previous rules compare with the metadata's record. */
const PREVIOUS_VALUES: readonly number[] = [C.previousCurrent, C.previousTarget, C.previousEvidence];

/**
 * Input cells belong to the user: the answer rules look at them, not this comparison. So do the
 * Guide's sign-off cells, which the sign-off rules compare with the recorded sign-off, and the
 * Previous columns' values, which differ from workbook to workbook as answers do.
 */
interface CellAt {
  sheet: SheetPlan;
  row: number;
  column: number;
  /** The sheet's rows are matched by key (behaviour ID), not by position. */
  keyed: boolean;
  planned: PlannedCells;
}

function isInput({ sheet, row, column, keyed, planned }: CellAt): boolean {
  // The day the workbook was written, which overdue actions are counted at, and the action plan's rows (the
  // actions rules compare their formulas).
  if (sheet.role === "summary") return column === 2 && planned.get(row)?.get(1) === SUMMARY_ACTIONS.asAtLabel;
  if (sheet.role === "actions") return row >= ACTIONS.firstRow;
  if (sheet.role === "guide")
    return [...GUIDE_INPUTS, ...GUIDE_SIGN_OFF].some((cell) => cell.row === row && cell.column === column);
  if (sheet.role !== "keyArea" || !keyed) return false;
  return (column >= C.current && column <= C.reviewDate) || PREVIOUS_VALUES.includes(column);
}

function sameConstant(expected: PlanCell, found: SnapshotCell | undefined): boolean {
  if (!found || found.formula !== undefined) return false;
  if (typeof expected === "number") return typeof found.value === "number" && Math.abs(found.value - expected) < 1e-9;
  return found.value === expected;
}

/**
 * The Guide lists the key area sheets by name, as text: Excel does not update it when a user renames
 * a sheet, so the name the generator gave it (or a numbered one beside a user's sheet) stands too.
 */
function isNameBeforeRename(
  sheet: SheetPlan,
  expected: PlanCell,
  found: SnapshotCell | undefined,
  defaults: DefaultNames,
) {
  const defaultName = sheet.role === "guide" && typeof expected === "string" ? defaults.get(expected) : undefined;
  const text = textOf(found);
  return defaultName !== undefined && (text === defaultName || isNumberedName(defaultName, text));
}

/** Each planned sheet's current name → the name the generator gives it by default. */
export type DefaultNames = Map<string, string>;

/**
 * How formulas are compared on a sheet: with the references Excel moved for rows inserted or deleted
 * (on any sheet); a sheet whose own rows moved has its references moved that way, not by the row's shift.
 */
interface FormulaComparison {
  moved?: MovedRows;
  ownRowsMoved: boolean;
}

function compareCell(
  sheet: SheetPlan,
  where: FindingSheet,
  expected: PlanCell,
  actual: SnapshotSheet,
  { row, column, rowShift }: { row: number; column: number; rowShift: number },
  defaults: DefaultNames,
  formulas: FormulaComparison,
): Finding | undefined {
  const address = cellAddress(row + rowShift, column);
  const found = actual.cells[address];
  if (isFormula(expected)) {
    const shift = formulas.ownRowsMoved ? 0 : rowShift;
    if (found?.formula === undefined || !sameFormula(expected.formula, found.formula, shift, formulas.moved))
      return finding({
        rule: "formula.changed",
        sheet: where,
        cell: address,
        message: findingWords.formula.changed,
        expected: `=${expected.formula}`,
        found: shown(found),
        repairable: true,
      });
    if (isErrorValue(found.value))
      return finding({
        rule: "formula.error-value",
        sheet: where,
        cell: address,
        message: findingWords.formula.errorValue(String(found.value)),
        expected: findingWords.formula.errorValueExpected,
        found: String(found.value),
        repairable: true,
      });
    return undefined;
  }
  if (sameConstant(expected, found) || isNameBeforeRename(sheet, expected, found, defaults)) return undefined;
  const rule = contentRule(sheet, row, column);
  return finding({
    rule,
    sheet: where,
    cell: address,
    message: findingWords.content.edited(CONTENT_WHAT[rule]),
    expected: String(expected),
    found: shown(found),
    repairable: true,
  });
}

/** The toolkit's text of a row that was deleted (row-moves.ts says the row; this, what it held). */
function deletedText(sheet: SheetPlan, where: FindingSheet, row: number, cells: Map<number, PlanCell>): Finding[] {
  return [...cells]
    .filter(([, expected]) => typeof expected === "string")
    .map(([column, expected]) => {
      const rule = contentRule(sheet, row, column);
      return finding({
        rule,
        sheet: where,
        cell: cellAddress(row, column),
        message: findingWords.content.rowDeleted(CONTENT_WHAT[rule]),
        expected: String(expected),
        found: findingWords.content.rowDeletedFound,
        repairable: true,
      });
    });
}

/** Header texts by column, to tell a moved or missing column from an edited heading. */
function compareColumns(
  plannedHeader: Map<number, PlanCell> | undefined,
  actual: SnapshotSheet,
  index: CellIndex,
  headerRow: number,
  where: FindingSheet,
): Finding[] {
  if (!plannedHeader) return [];
  const headers = [...plannedHeader.values()].filter((h): h is string => typeof h === "string");
  const actualColumns = new Map<string, number[]>();
  for (const at of index)
    if (at.row === headerRow)
      actualColumns.set(textOf(at.cell), [...(actualColumns.get(textOf(at.cell)) ?? []), at.column]);
  const findings: Finding[] = [];
  for (const [column, header] of plannedHeader) {
    if (typeof header !== "string") continue;
    const at = cellAddress(headerRow, column);
    const foundIn = actualColumns.get(header) ?? [];
    const hereText = textOf(actual.cells[at]);
    if (foundIn.length > 1)
      findings.push(
        finding({
          rule: "structure.column-duplicated",
          sheet: where,
          cell: at,
          message: findingWords.structure.columnDuplicated(header),
          expected: findingWords.structure.columnDuplicatedExpected(header),
          found: foundIn.map(columnLetter).join(", "),
          repairable: true,
        }),
      );
    else if (foundIn.length === 1 && foundIn[0] !== column)
      findings.push(
        finding({
          rule: "structure.column-moved",
          sheet: where,
          cell: at,
          message: findingWords.structure.columnMoved(header),
          expected: findingWords.structure.column(columnLetter(column)),
          found: findingWords.structure.column(columnLetter(foundIn[0])),
          repairable: true,
        }),
      );
    else if (foundIn.length === 0 && (hereText === "" || headers.includes(hereText)))
      findings.push(
        finding({
          rule: "structure.column-missing",
          sheet: where,
          cell: at,
          message: findingWords.structure.columnMissing(header),
          expected: header,
          found: hereText === "" ? findingWords.empty : hereText,
          repairable: true,
        }),
      );
  }
  return findings;
}

export interface SheetComparisonOptions {
  /** Behaviour IDs, whose rows are matched by ID. */
  behaviourIds: Set<string>;
  defaults?: DefaultNames;
  /** Rows inserted or deleted on this sheet (row-moves.ts). */
  moves?: RowMoves;
  /** Rows inserted or deleted on every sheet, by lower-case name, which formulas' references followed. */
  movedSheets?: ReadonlyMap<string, RowMove>;
}

/** Compares one sheet with its plan: columns, rows keyed by behaviour ID, then every planned cell. */
export function compareSheet(
  sheet: SheetPlan,
  actual: SnapshotSheet,
  where: FindingSheet,
  { behaviourIds, defaults = new Map(), moves, movedSheets }: SheetComparisonOptions,
): SheetComparison {
  const planned = plannedCells(sheet);
  const keys = keyedRows(planned, behaviourIds);
  const rows: RowMap = new Map();
  const findings: Finding[] = [];
  const keyedRowNumbers = new Set(keys ? keys.keyed.values() : []);
  const rowSets = { keyed: keyedRowNumbers, planned: new Set(planned.keys()) };
  if (keys) {
    const headerRow = sheet.role === "keyArea" ? KEY_AREA.headerRow : keys.firstRow - 1;
    const index = indexCells(actual);
    const actualHeaderRow = moves?.move(headerRow) ?? headerRow;
    const columnFindings = compareColumns(planned.get(headerRow), actual, index, actualHeaderRow, where);
    if (columnFindings.length > 0) return { findings: columnFindings, rows, columnsIntact: false, ...rowSets };
    findings.push(...matchRows(sheet, index, where, keys, rows, moves));
  }
  const formulas: FormulaComparison = {
    moved: movedSheets && movedSheets.size > 0 ? { sheet: actual.name.toLowerCase(), moves: movedSheets } : undefined,
    ownRowsMoved: moves !== undefined,
  };
  for (const [row, cells] of planned) {
    const keyed = keyedRowNumbers.has(row);
    const actualRow = keyed ? rows.get(row) : moves ? (moves.move(row) ?? undefined) : row;
    if (actualRow === undefined && !keyed) findings.push(...deletedText(sheet, where, row, cells));
    if (actualRow === undefined) continue;
    for (const [column, expected] of cells) {
      if (keyed && column === keys?.column) continue;
      if (isInput({ sheet, row, column, keyed, planned })) continue;
      const at = { row, column, rowShift: actualRow - row };
      const problem = compareCell(sheet, where, expected, actual, at, defaults, formulas);
      if (problem) findings.push(problem);
    }
  }
  return { findings, rows, columnsIntact: true, ...rowSets };
}

function matchRows(
  sheet: SheetPlan,
  index: CellIndex,
  where: FindingSheet,
  keys: NonNullable<ReturnType<typeof keyedRows>>,
  rows: RowMap,
  moves: RowMoves | undefined,
): Finding[] {
  const findings: Finding[] = [];
  // Rows deleted above the first behaviour's move it up: look from where it stands now.
  const found = actualRowsByKey(
    index,
    keys.column,
    Math.min(keys.firstRow, moves?.move(keys.firstRow) ?? keys.firstRow),
  );
  const idCell = (row: number) => cellAddress(row, keys.column);
  for (const [id, row] of keys.keyed) {
    const at = found.get(id) ?? [];
    if (at.length === 0) {
      findings.push(
        finding({
          rule: "structure.row-missing",
          sheet: where,
          cell: idCell(row),
          message: findingWords.structure.rowMissing(id),
          expected: id,
          found: findingWords.noSuchRow,
          repairable: true,
        }),
      );
      continue;
    }
    rows.set(row, at[0]);
    if (at.length > 1)
      findings.push(
        finding({
          rule: "structure.row-duplicated",
          sheet: where,
          cell: idCell(at[1]),
          message: findingWords.structure.rowDuplicated(id),
          expected: findingWords.structure.rowDuplicatedExpected(id),
          found: findingWords.structure.rows(at),
          repairable: true,
        }),
      );
    // Key area rows must stay put (the Summary reads them as a block); Gaps and Data may be sorted.
    // A row moved by rows inserted or deleted above it is said once, by the row that was (row-moves.ts).
    if (sheet.role === "keyArea" && at[0] !== row && moves?.move(row) !== at[0])
      findings.push(
        finding({
          rule: "structure.row-moved",
          sheet: where,
          cell: idCell(at[0]),
          message: findingWords.structure.rowMoved(id),
          expected: findingWords.structure.row(row),
          found: findingWords.structure.row(at[0]),
          repairable: true,
        }),
      );
  }
  for (const [key, at] of found)
    if (!keys.keyed.has(key) && LOOKS_LIKE_ID.test(key))
      findings.push(
        finding({
          rule: "structure.row-unknown",
          sheet: where,
          cell: idCell(at[0]),
          message: findingWords.structure.rowUnknown(at[0], key),
          expected: findingWords.noSuchRow,
          found: key,
          repairable: true,
        }),
      );
  return findings;
}
