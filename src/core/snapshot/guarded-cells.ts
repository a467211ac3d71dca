import { defaultSheetNames } from "../plan/build-plan";
import { GUIDE, GUIDE_INPUTS, GUIDE_PICKERS, KEY_AREA, keyAreaSheetKey, roleNameFor } from "../plan/layout";
import type { Toolkit } from "../toolkit/schema";
import { CHECK_REPORT_ROLE_NAME } from "./our-sheets";
import { cellAddress, parseCell, rangeAddress } from "../util/a1";
import { sheetOfReference } from "./references";
import type { SnapshotCell } from "./types";

/** The cells whose lock (and, for inputs, data validation) a check looks at, on one sheet. */
export interface GuardedCells {
  /** Cells that must be locked (canonical text) or unlocked (inputs). */
  locked: string[];
  /** Input cells that should carry a picker or a date rule. */
  validated: string[];
  /**
   * Rectangles covering `locked` in which the generator gives every cell the same lock, so a reader
   * that must ask Excel cell by cell can ask once a block (Excel answers a block of mixed locks
   * with null, and then each of its cells must be asked).
   */
  lockBlocks: string[];
}

/** Rows read below the principle row at most, so a stray cell far down cannot make a reader look at a million. */
const MAX_GUARDED_ROWS = 500;

const C = KEY_AREA.columns;
const INPUTS = KEY_AREA.keysWithRole("input");
/** The inputs that carry a picker or a date rule: the level and date columns (layout.ts). */
const VALIDATED_COLUMNS = INPUTS.filter((key) => ["level", "date"].includes(KEY_AREA.format[key] ?? "")).map(
  (key) => C[key],
);
/** Locks are read from the behaviour's name, across the descriptors, to the last input. */
const LAST_GUARDED = Math.max(...INPUTS.map((key) => C[key]));

/** The role of a sheet that guards cells, from the workbook's NPS_Sheet_* names (so renames are followed). */
function guardedRole(sheetName: string, names: Record<string, string>): "guide" | "keyArea" | undefined {
  const lower = sheetName.toLowerCase();
  for (const [name, reference] of Object.entries(names)) {
    if (sheetOfReference(reference)?.toLowerCase() !== lower) continue;
    if (name === roleNameFor("guide")) return "guide";
    if (name.startsWith(roleNameFor("keyArea:"))) return "keyArea";
  }
  return undefined;
}

function lastRow(cells: Record<string, SnapshotCell>): number {
  let last = 0;
  for (const address of Object.keys(cells)) last = Math.max(last, parseCell(address).row);
  return last;
}

/** The guarded cells of a sheet playing `role` whose last filled row is `lastFilledRow`. */
function guardedCellsOf(role: "guide" | "keyArea" | undefined, lastFilledRow: number): GuardedCells {
  if (role === "guide") {
    const inputs = GUIDE_INPUTS.map((cell) => cellAddress(cell.row, cell.column));
    const validated = [GUIDE.dateCell, ...Object.values(GUIDE_PICKERS)].map((cell) =>
      cellAddress(cell.row, cell.column),
    );
    return { locked: inputs, validated, lockBlocks: inputs };
  }
  if (role !== "keyArea") return { locked: [], validated: [], lockBlocks: [] };
  const top = KEY_AREA.principleRow;
  const bottom = Math.min(Math.max(lastFilledRow, top), top + MAX_GUARDED_ROWS);
  const locked: string[] = [];
  const validated: string[] = [];
  for (let row = top; row <= bottom; row++) {
    for (let column = C.behaviour; column <= LAST_GUARDED; column++) locked.push(cellAddress(row, column));
    if (row >= KEY_AREA.firstBehaviourRow)
      for (const column of VALIDATED_COLUMNS) validated.push(cellAddress(row, column));
  }
  // The principle row is read-only from end to end; below it each column is text (locked) or input (unlocked).
  const lockBlocks = [rangeAddress(top, C.behaviour, top, LAST_GUARDED)];
  if (bottom >= KEY_AREA.firstBehaviourRow)
    for (let column = C.behaviour; column <= LAST_GUARDED; column++)
      lockBlocks.push(rangeAddress(KEY_AREA.firstBehaviourRow, column, bottom, column));
  return { locked, validated, lockBlocks };
}

/**
 * Which cells of a sheet both readers report locks and validations for: on each key area sheet,
 * the behaviour name, the five descriptors and the five inputs of every row from the principle
 * row down to the last filled row; on the Guide, its inputs (council, date, respondent, role, council type, region). One list, so the
 * Office reader (which must ask for each cell) and the .xlsx reader report the same cells.
 */
export function guardedCells(
  sheetName: string,
  names: Record<string, string>,
  cells: Record<string, SnapshotCell>,
): GuardedCells {
  return guardedCellsOf(guardedRole(sheetName, names), lastRow(cells));
}

/**
 * The guarded cells a reader can ask for before it has seen a sheet, by the NPS_Sheet_* name of
 * every sheet role of `toolkits` (the metadata sheet's, Summary's… have none): those of a sheet as
 * the generator wrote it, each key area's rows down to its last behaviour in the longest version.
 * A sheet with rows added below needs more, which guardedCells tells once its cells are read.
 */
export function expectedGuardedCells(toolkits: readonly Toolkit[]): Map<string, GuardedCells> {
  const expected = new Map<string, GuardedCells>();
  for (const toolkit of toolkits) {
    for (const name of Object.keys(defaultSheetNames(toolkit)).map(roleNameFor)) {
      if (name !== CHECK_REPORT_ROLE_NAME && !expected.has(name)) expected.set(name, guardedCellsOf(undefined, 0));
    }
    expected.set(roleNameFor("guide"), guardedCellsOf("guide", 0));
    for (const area of toolkit.themes.flatMap((theme) => theme.keyAreas)) {
      const cells = guardedCellsOf("keyArea", KEY_AREA.firstBehaviourRow + area.behaviours.length - 1);
      const name = roleNameFor(keyAreaSheetKey(area.id));
      if ((expected.get(name)?.locked.length ?? 0) < cells.locked.length) expected.set(name, cells);
    }
  }
  return expected;
}
