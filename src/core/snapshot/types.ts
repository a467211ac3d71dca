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
  /** How the sheet shows its cells, where that could hide or disguise them; absent when the reader did not look. */
  looks?: SheetLooks;
  /** Merged ranges ("H9:I9"); absent when the reader did not look. Only the top-left cell of each is in `cells`. */
  merges?: string[];
}

/** What a cell's formatting does to what a reader sees of it (see src/core/check/disguise.ts). */
export interface CellLook {
  /** The number format code as stored ("General", "0.0", '[=1]"3";0'). */
  numberFormat: string;
  /** "#RRGGBB"; absent for the automatic colour, or one the reader cannot resolve (a theme's). */
  fontColor?: string;
  /** Solid fill, "#RRGGBB"; absent for none. */
  fill?: string;
  /** In points; absent when the reader did not read fonts. */
  fontSize?: number;
}

/** The looks of a sheet's filled cells, and the rows and columns nobody sees. */
export interface SheetLooks {
  /** Each distinct look once; `cells` points into it. */
  looks: CellLook[];
  /** Filled cell (A1) → its look's index in `looks`. */
  cells: Record<string, number>;
  /** Whether fonts and fills were read (the Office reader reads them only where ExcelApi 1.9 is). */
  fonts: boolean;
  /** Rows hidden or under a point high, ascending; absent when the reader could not tell (Office before ExcelApi 1.9). */
  hiddenRows?: number[];
  /** Columns hidden or of no width, ascending; absent when the reader could not tell. */
  hiddenColumns?: number[];
}

/** An Excel table, where it is and its column names. */
export interface SnapshotTable {
  name: string;
  sheet: string;
  /** A1 range, header row included ("A5:O56"); absent when the reader cannot place it. */
  range?: string;
  columns: string[];
}

/** A chart, with the references of its series. */
export interface SnapshotChart {
  sheet: string;
  /** The chart's name, where the reader knows it. */
  name?: string;
  /** Each series' values and categories, as stored ("'Summary'!$C$20:$C$28"); absent when the reader cannot tell. */
  series?: { values: string; categories: string }[];
}

export interface WorkbookSnapshot {
  sheets: SnapshotSheet[];
  /** Workbook-scope defined names: name → reference with sheet name, e.g. "'Guide'!$B$4". */
  names: Record<string, string>;
  /** Every part of the file's package ("xl/vbaProject.bin"); absent when the reader cannot see the package (Office). */
  parts?: string[];
  /** Every Excel table in the workbook; absent when the reader did not look. */
  tables?: SnapshotTable[];
  /** The charts on the assessment's sheets; absent when the reader did not look. */
  charts?: SnapshotChart[];
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
