/** The fake workbook's applied state: what Excel holds after each sync. Plain data, inspected by tests. */
import { MAX_COLUMNS, type Rect } from "./address";
import type { StoredCell } from "./cell-input";

export interface BorderEdge {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormat {
  bold: boolean;
  italic: boolean;
  underline: string;
  size: number;
  fontColor: string;
  /** null = no fill. */
  fill: string | null;
  wrap: boolean;
  horizontal: string;
  vertical: string;
  numberFormat: string;
  locked: boolean;
  borders: { top?: BorderEdge; bottom?: BorderEdge; left?: BorderEdge; right?: BorderEdge };
}

export const defaultFormat = (): CellFormat => ({
  bold: false,
  italic: false,
  underline: "None",
  size: 11,
  fontColor: "#000000",
  fill: null,
  wrap: false,
  horizontal: "General",
  vertical: "Bottom",
  numberFormat: "General",
  locked: true,
  borders: {},
});

export interface ValidationState {
  rule: Record<string, unknown> | null;
  prompt: { showPrompt: boolean; title: string; message: string } | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string } | null;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  rect: Rect;
  custom: {
    formula: string | null;
    fill: string | null;
    fontColor: string | null;
    bold: boolean | null;
    italic: boolean | null;
  };
  colorScale: { criteria: Record<string, unknown> | null };
  dataBar: {
    lowerBoundRule: Record<string, unknown> | null;
    upperBoundRule: Record<string, unknown> | null;
    fillColor: string | null;
  };
}

/**
 * A filter's state: the criteria on its columns (column index from the filtered range's left, the values
 * shown) and the sheet rows those criteria hide. Rows stay as the filter left them until it is cleared or
 * reapplied, as in Excel.
 */
export interface FilterState {
  columns: { column: number; values: string[] }[];
  hiddenRows: number[];
}

export const noFilter = (): FilterState => ({ columns: [], hiddenRows: [] });

export interface TableState {
  id: string;
  name: string;
  rect: Rect;
  style: string;
  /** The table's own filter (every table has filter buttons). */
  filter: FilterState;
}

/** Cells a chart reads: a sheet (by ID, so renames follow and the state stays plain data) and a rectangle. */
export interface ChartRange {
  sheetId: string;
  rect: Rect;
}

export interface ChartSeriesState {
  name: string;
  values: ChartRange | null;
  xValues: ChartRange | null;
  lineColor: string | null;
  markerStyle: string;
  markerBackgroundColor: string | null;
  markerForegroundColor: string | null;
}

export interface ChartState {
  id: string;
  name: string;
  type: string;
  title: { text: string; visible: boolean };
  legend: { position: string; visible: boolean };
  valueAxis: { minimum: number | null; maximum: number | null; majorUnit: number | null };
  /** Set by setPosition; null while Excel places the chart itself. */
  position: Rect | null;
  series: ChartSeriesState[];
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  cells: Map<number, StoredCell>;
  formats: Map<number, CellFormat>;
  validations: Map<number, ValidationState>;
  /** Points, by column / row number. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: Rect[];
  conditionalFormats: ConditionalFormatState[];
  tables: TableState[];
  charts: ChartState[];
  freeze: { rows: number; columns: number };
  /** The worksheet's AutoFilter range (filter buttons on its first row), if any. */
  autoFilter: Rect | null;
  /** The criteria of that AutoFilter and the rows they hide. */
  autoFilterState: FilterState;
  protection: { protected: boolean; options: Record<string, unknown>; password?: string };
  pageLayout: {
    orientation: string;
    zoom: Record<string, unknown>;
    printTitleRows: string | null;
    /** An Excel.PaperType value ("A4", "A3"…) as set, or null: never set, the printer's default. */
    paperSize: string | null;
    /** Left and right margins in points (Excel's Normal margins are 0.7 inch, 50.4 points). */
    leftMargin: number;
    rightMargin: number;
  };
}

export interface NameState {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: NameState[];
  activeSheetId: string;
  /** What Range.select() last selected: the sheet's ID and the range's address ("B9"). */
  selection?: { sheetId: string; address: string };
  readOnly: boolean;
  structureProtected: boolean;
  nextId: number;
  /** Workbook.name (ExcelApi 1.7): the file's name, or "Book1" before it is saved. */
  fileName: string;
}

export const cellKey = (row: number, column: number) => (row - 1) * MAX_COLUMNS + (column - 1);
export const keyRow = (key: number) => Math.floor(key / MAX_COLUMNS) + 1;
export const keyColumn = (key: number) => (key % MAX_COLUMNS) + 1;

export function newSheet(workbook: WorkbookState, name: string): SheetState {
  return {
    id: `{sheet-${workbook.nextId++}}`,
    name,
    visibility: "Visible",
    tabColor: "",
    cells: new Map(),
    formats: new Map(),
    validations: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    conditionalFormats: [],
    tables: [],
    charts: [],
    freeze: { rows: 0, columns: 0 },
    autoFilter: null,
    autoFilterState: noFilter(),
    protection: { protected: false, options: {} },
    pageLayout: {
      orientation: "Portrait",
      zoom: { scale: 100 },
      printTitleRows: null,
      paperSize: null,
      leftMargin: 50.4,
      rightMargin: 50.4,
    },
  };
}

/** Keys of every stored entry of a sparse map inside a rectangle (never iterates empty cells). */
export function keysIn<T>(map: Map<number, T>, rect: Rect): number[] {
  const keys: number[] = [];
  // Keys run row by row, so the rectangle's rows are one span of keys: only keys in it need their column worked out.
  const first = cellKey(rect.top, 1);
  const last = cellKey(rect.bottom, MAX_COLUMNS);
  for (const key of map.keys()) {
    if (key < first || key > last) continue;
    const column = keyColumn(key);
    if (column >= rect.left && column <= rect.right) keys.push(key);
  }
  return keys;
}

/** Rows of the sheet hidden by a filter: its AutoFilter's and its tables'. */
export function rowsHiddenByFilters(sheet: SheetState): Set<number> {
  return new Set([...sheet.autoFilterState.hiddenRows, ...sheet.tables.flatMap((t) => t.filter.hiddenRows)]);
}
