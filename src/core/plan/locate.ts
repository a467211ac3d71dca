import { parseCell } from "../util/a1";
import type { PlanCell, SheetPlan } from "./types";

/** Where the plan holds a sheet's cell: its block's row and the index in it; undefined when no block covers it. */
export function locatePlanCell(
  sheet: SheetPlan,
  row: number,
  column: number,
): { line: PlanCell[]; index: number } | undefined {
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    const line = block.cells[row - at.row];
    if (line && column >= at.column && column - at.column < line.length) return { line, index: column - at.column };
  }
  return undefined;
}
