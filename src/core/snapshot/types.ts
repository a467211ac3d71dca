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

/** A cell's data validation, as far as a check needs it. */
export interface SnapshotValidation {
  /** "other" for every kind the add-in never writes (whole number, text length, custom…). */
  type: "list" | "date" | "other";
  /** The items of an inline list ("Minimum,Developing,…"); absent for a list drawn from cells. */
  list?: string[];
  /** What Excel does with an entry the rule refuses; "none" when it shows no alert and accepts it. */
  alert: "stop" | "warning" | "information" | "none";
}

export interface SnapshotSheet {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Cells by A1 address; empty cells are absent. */
  cells: Record<string, SnapshotCell>;
  /** Whether the sheet is protected; absent when the reader cannot tell. */
  protected?: boolean;
  /**
   * Whether each guarded cell (see guardedCells) is locked, by A1 address; absent when the reader
   * did not look.
   */
  locked?: Record<string, boolean>;
  /**
   * The data validation of each guarded input cell that has one, by A1 address; a guarded input
   * cell missing here has none. Absent when the reader did not look.
   */
  validations?: Record<string, SnapshotValidation>;
  /** Merged ranges ("H9:I9"); absent when the reader did not look. Only the top-left cell of each is in `cells`. */
  merges?: string[];
}

export interface WorkbookSnapshot {
  sheets: SnapshotSheet[];
  /** Workbook-scope defined names: name → reference with sheet name, e.g. "'Guide'!$B$4". */
  names: Record<string, string>;
  /**
   * Names defined on one sheet only (Excel's sheet scope), by the sheet they belong to; absent when
   * the reader cannot tell. The add-in defines none: its names are all workbook-scope.
   */
  sheetScopedNames?: SheetScopedName[];
  /** The workbook's settings that change what its figures show; absent when the reader cannot tell. */
  settings?: WorkbookSettings;
}

/** Settings of the whole workbook under which figures lie or stop updating. */
export interface WorkbookSettings {
  /** "manual": formulas are worked out only when someone asks (F9); "automatic" includes Excel's "except tables". */
  calculation: "automatic" | "manual";
  /** "Set precision as displayed": every result is cut to the digits its format shows, and stays so. */
  precisionAsDisplayed: boolean;
  /** Serial numbers count from 1904 (old Mac workbooks), not 1900. */
  date1904: boolean;
}

export interface SheetScopedName {
  /** The sheet whose scope the name is defined in. */
  scope: string;
  name: string;
  /** What it refers to, as written (a reference is normalised as in `names`). */
  reference: string;
}
