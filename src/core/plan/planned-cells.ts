/**
 * A sheet plan's cells as a workbook that holds exactly the plan shows them: the blocks applied in
 * order, as both writers apply them. The plan comparison (src/core/check/compare-plan.ts) reads the
 * plan through this, for the checker and for the writers' tests alike.
 */
import { parseCell } from "../util/a1";
import type { PlanCell, SheetPlan } from "./types";

/** A sheet's planned cells by row, then column: later blocks overwrite earlier ones, and an empty cell clears one, as the writers apply them. */
export type PlannedCells = Map<number, Map<number, FilledPlanCell>>;

/** A cell the plan writes something into. */
export type FilledPlanCell = Exclude<PlanCell, null>;

export function plannedCells(sheet: SheetPlan): PlannedCells {
  const rows: PlannedCells = new Map();
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.cells.forEach((line, r) => {
      const row = at.row + r;
      line.forEach((cell, c) => {
        const cells = rows.get(row);
        if (cell === null || cell === "") cells?.delete(at.column + c);
        else if (cells) cells.set(at.column + c, cell);
        else rows.set(row, new Map([[at.column + c, cell]]));
      });
    });
  }
  return rows;
}
