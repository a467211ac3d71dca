/**
 * The workbook plan: everything the add-in writes, as plain data. Both writers (Office.js and .xlsx)
 * apply a plan and nothing else, so the two outputs cannot drift apart; tests check the plan once.
 *
 * Conventions
 * - Addresses are A1 strings without a sheet name ("B8", "C8:G12"); rows and columns are 1-based.
 * - A string cell is ALWAYS text, whatever it starts with. Writers must store it so that a leading
 *   "=", "+", "-" or "@" never turns it into a formula.
 * - A formula is `{ formula }` without the leading "=" (the .xlsx form); the Office.js writer adds it.
 * - Dates are Excel serial numbers (1900 date system) with a date number format, so both writers
 *   store the same number.
 */

export type CellValue = string | number | boolean | null;
export interface FormulaCell {
  formula: string;
}
export type PlanCell = CellValue | FormulaCell;

export const isFormula = (cell: PlanCell): cell is FormulaCell =>
  cell !== null && typeof cell === "object" && "formula" in cell;

/** A rectangle of cells written in one go; `at` is its top-left cell. Rows are equally long. */
export interface CellBlock {
  at: string;
  cells: PlanCell[][];
}

export type HorizontalAlignment = "left" | "center" | "right";
export type VerticalAlignment = "top" | "center" | "bottom";

/** Cell formatting. Every property is optional: a later style on the same range adds to an earlier one. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** Solid fill, "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
  horizontal?: HorizontalAlignment;
  vertical?: VerticalAlignment;
  numberFormat?: string;
  /** Thin borders on every edge of every cell in the range. */
  border?: "thin";
  /** false = the user may edit this cell when the sheet is protected. */
  locked?: boolean;
}

export interface StyledRange {
  range: string;
  style: CellStyle;
}

export interface ListValidation {
  type: "list";
  range: string;
  /** Inline list (comma-joined it must stay under 255 characters); empty when the items come from `source`. */
  values: string[];
  /** Cells holding the items instead (a reference with its sheet, without "="), for a list too long to be inline. */
  source?: string;
  allowBlank: true;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export interface DateValidation {
  type: "date";
  range: string;
  /** Earliest allowed date, as an Excel serial number. */
  minimum: number;
  allowBlank: true;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export type Validation = ListValidation | DateValidation;

/** Style a conditional format may apply (the subset both Excel and LibreOffice honour). */
export interface ConditionalStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

export type ConditionalFormat =
  | {
      type: "expression";
      range: string;
      /** Relative to the top-left cell of `range`, without "=". */
      formula: string;
      style: ConditionalStyle;
    }
  | {
      type: "colorScale";
      range: string;
      /** Colours for the lowest, middle (50th percentile) and highest numbers. */
      colors: [string, string, string];
    }
  | {
      type: "dataBar";
      range: string;
      color: string;
      /** Fixed bounds, so bars compare across sheets (scores run 0 to 5). */
      min: number;
      max: number;
    };

export interface TablePlan {
  name: string;
  /** Header row included. The header and body cells come from the sheet's blocks. */
  range: string;
  style: string;
  /**
   * Columns whose every body cell holds one formula but for its row (relative references), given as the first
   * body row's formula: Excel's calculated columns, which it fills into each row a user adds to the table.
   */
  calculatedColumns?: { column: number; formula: string }[];
}

export interface SheetProtection {
  /** Protected without a password; input cells are unlocked via styles. */
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowSort: boolean;
  allowAutoFilter: boolean;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  fitToWidth: boolean;
  /** The paper and left and right margins (Excel's presets) on which its text stays readable (print.ts). */
  paper: "A4" | "A3";
  margins: "normal" | "narrow";
  /** Rows repeated at the top of every printed page, e.g. "6:6"; only over a sheet's one table. */
  titleRows?: string;
}

/** One line of a chart: its legend name, the cells it plots (same sheet, A1, one column) and its colour. */
export interface ChartSeriesPlan {
  name: string;
  values: string;
  /** "#RRGGBB" */
  color: string;
}

/**
 * A chart drawn on a sheet from that sheet's cells. Every range is one contiguous column on the
 * chart's own sheet: Office.js sets a series' data only from a single Range (ChartSeries.setValues).
 */
export interface ChartPlan {
  type: "radar";
  /** The chart object's name (Office.js Chart.name; the drawing's cNvPr name). */
  name: string;
  title: string;
  /** Alternative text for assistive technology; Excel's accessibility checker flags a chart without it. */
  altText: { title: string; description: string };
  /** Axis labels, one per point. */
  categories: string;
  series: ChartSeriesPlan[];
  /** Fixed value axis, so charts compare across workbooks. */
  axis: { min: number; max: number; majorUnit: number };
  /** The cells the chart covers, e.g. "D20:K43" (top-left cell to bottom-right cell, both included). */
  position: string;
}

export type SheetRole =
  | "guide"
  | "keyArea"
  | "summary"
  | "gaps"
  | "data"
  | "actions"
  | "retired"
  | "moderation"
  | "metadata"
  | "checkReport"
  | "groupSummary"
  | "groupData"
  | "groupActions"
  | "consolidationLog";

export interface SheetPlan {
  /** Stable key of the sheet's role: "guide", "keyArea:SL-ECSM", "summary", "gaps", "data", "metadata". */
  key: string;
  role: SheetRole;
  /** For key area sheets, the key area's ID. */
  keyAreaId?: string;
  name: string;
  visibility: "visible" | "veryHidden";
  tabColor?: string;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Explicit row heights in points, by 1-based row number. */
  rowHeights: Record<number, number>;
  blocks: CellBlock[];
  /** Applied in order. */
  styles: StyledRange[];
  merges: string[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  tables: TablePlan[];
  /** Charts drawn over the sheet's cells; absent on sheets without any. */
  charts?: ChartPlan[];
  /** Range given filter buttons (header row first), for sheets that are not tables. */
  autoFilter?: string;
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  protection?: SheetProtection;
  print?: PrintSetup;
}

/** A workbook-scope defined name; `reference` includes the quoted sheet name, e.g. "'Guide'!$B$4". */
export interface DefinedName {
  name: string;
  reference: string;
}

export interface WorkbookPlan {
  /** In tab order. */
  sheets: SheetPlan[];
  names: DefinedName[];
  /** Key of the sheet to activate after writing (never a hidden one). */
  activeSheetKey: string;
  /** Warnings raised while planning (for example answers that were not level names). */
  warnings: string[];
}
