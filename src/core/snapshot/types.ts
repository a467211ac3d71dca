/**
 * A workbook as read back, in one shape whichever reader produced it (Office.js or .xlsx), so the
 * checker, the upgrade and consolidation are plain functions over plain data.
 */

/** A cell's stored content: a formula (without "="), or a constant value. */
export interface SnapshotCell {
  /** The constant, or the last computed value of a formula when the reader knows it. */
  value: string | number | boolean | null;
  formula?: string;
}

export interface SnapshotSheet {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Cells by A1 address; empty cells are absent. */
  cells: Record<string, SnapshotCell>;
}

export interface WorkbookSnapshot {
  sheets: SnapshotSheet[];
  /** Workbook-scope defined names: name → reference with sheet name, e.g. "'Guide'!$B$4". */
  names: Record<string, string>;
}
