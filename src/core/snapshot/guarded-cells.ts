import { GUIDE, GUIDE_INPUTS, KEY_AREA, roleNameFor } from "../plan/layout";
import { cellAddress, parseCell } from "../util/a1";
import { sheetOfReference } from "./references";
import type { SnapshotCell } from "./types";

/** The cells whose lock (and, for inputs, data validation) a check looks at, on one sheet. */
export interface GuardedCells {
  /** Cells that must be locked (canonical text) or unlocked (inputs). */
  locked: string[];
  /** Input cells that should carry a picker or a date rule. */
  validated: string[];
}

/** Rows read below the principle row at most, so a stray cell far down cannot make a reader look at a million. */
const MAX_GUARDED_ROWS = 500;

const C = KEY_AREA.columns;
const VALIDATED_COLUMNS = [C.current, C.target, C.reviewDate];

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

/**
 * Which cells of a sheet both readers report locks and validations for: on each key area sheet,
 * the behaviour name, the five descriptors and the five inputs of every row from the principle
 * row down to the last filled row; on the Guide, its inputs (council, date, respondent, role). One list, so the
 * Office reader (which must ask for each cell) and the .xlsx reader report the same cells.
 */
export function guardedCells(
  sheetName: string,
  names: Record<string, string>,
  cells: Record<string, SnapshotCell>,
): GuardedCells {
  const role = guardedRole(sheetName, names);
  if (role === "guide") {
    const inputs = GUIDE_INPUTS.map((cell) => cellAddress(cell.row, cell.column));
    return { locked: inputs, validated: [cellAddress(GUIDE.dateCell.row, GUIDE.dateCell.column)] };
  }
  if (role !== "keyArea") return { locked: [], validated: [] };
  const bottom = Math.min(Math.max(lastRow(cells), KEY_AREA.principleRow), KEY_AREA.principleRow + MAX_GUARDED_ROWS);
  const locked: string[] = [];
  const validated: string[] = [];
  for (let row = KEY_AREA.principleRow; row <= bottom; row++) {
    for (let column = C.behaviour; column <= C.reviewDate; column++) locked.push(cellAddress(row, column));
    if (row >= KEY_AREA.firstBehaviourRow)
      for (const column of VALIDATED_COLUMNS) validated.push(cellAddress(row, column));
  }
  return { locked, validated };
}
