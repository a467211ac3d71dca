/// <reference types="office-js" />
/** Range and everything hanging off it: format, data validation, conditional formats. */
import {
  columnToLetters,
  intersects,
  rectAddress,
  rectCellCount,
  rectColumns,
  rectRows,
  sheetReference,
  type Rect,
} from "./address";
import { formulaOf, valueOf, valueTypeOf } from "./cell-input";
import { FakeClientObject, FakeCollection, defineAccessors, type FakeRequestContext } from "./client";
import { officeError } from "./errors";
import {
  assertUnprotected,
  clearRange,
  deleteRange,
  eachCell,
  formatAt,
  mergeRange,
  readFormat,
  setFormat,
  unmergeRange,
  writeCells,
  writeNumberFormat,
} from "./rules";
import {
  cellKey,
  rowsHiddenByFilters,
  type CellFormat,
  type ConditionalFormatState,
  type SheetState,
  type ValidationState,
  type WorkbookState,
} from "./state";

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

const STANDARD_WIDTH = 48;
const STANDARD_HEIGHT = 15;

function grid<T>(target: RangeTarget, cell: (row: number, column: number) => T): T[][] {
  const rows: T[][] = [];
  eachCell(target.rect, (row, column) => {
    if (column === target.rect.left) rows.push([]);
    rows[rows.length - 1].push(cell(row, column));
  });
  return rows;
}

/** The value every cell shares, or null when they differ (Office's rule for range-wide properties). */
function uniform<T>(target: RangeTarget, pick: (format: CellFormat) => T): T | null {
  let first: T | undefined;
  let same = true;
  eachCell(target.rect, (row, column) => {
    const value = pick(readFormat(target.sheet, row, column));
    if (first === undefined) first = value;
    else if (JSON.stringify(first) !== JSON.stringify(value)) same = false;
  });
  return same ? (first ?? null) : null;
}

/** Colours as Excel returns them: "#RRGGBB", upper case. */
export function normaliseColour(value: unknown): string {
  if (typeof value !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(value)) {
    throw officeError("InvalidArgument", `"${String(value)}" is not a colour the fake accepts (use "#RRGGBB").`);
  }
  return value.toUpperCase();
}

function oneOf(value: unknown, allowed: string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value))
    throw officeError("InvalidArgument", `"${String(value)}" is not a valid ${what}.`);
  return value;
}

// ---------------------------------------------------------------------------------------------
export interface FakeRange extends Pick<
  Excel.Range,
  | "address"
  | "rowCount"
  | "columnCount"
  | "rowIndex"
  | "columnIndex"
  | "cellCount"
  | "values"
  | "formulas"
  | "numberFormat"
  | "valueTypes"
> {}
export class FakeRange extends FakeClientObject {
  private formatProxy?: FakeRangeFormat;
  private validationProxy?: FakeDataValidation;
  private conditionalProxy?: FakeConditionalFormatCollection;

  constructor(context: FakeRequestContext, locate: () => RangeTarget | null, nullable = false) {
    super(context, locate, nullable);
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.context, () => this.live() as RangeTarget));
  }

  get dataValidation(): FakeDataValidation {
    return (this.validationProxy ??= new FakeDataValidation(this.context, () => this.live() as RangeTarget));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.conditionalProxy ??= new FakeConditionalFormatCollection(
      this.context,
      () => this.live() as RangeTarget,
    ));
  }

  protected override children(): Record<string, FakeClientObject> {
    return { format: this.format, dataValidation: this.dataValidation, conditionalFormats: this.conditionalFormats };
  }

  clear(applyTo: string = "All"): void {
    this.queue(applyTo, (t) => clearRange((t as RangeTarget).sheet, (t as RangeTarget).rect, applyTo));
  }

  /** ExcelApi 1.1; see deleteRange for what the fake allows. */
  delete(shift: string): void {
    this.queue(shift, (t) => deleteRange((t as RangeTarget).sheet, (t as RangeTarget).rect, shift));
  }

  /**
   * ExcelApi 1.2. `across`: "Set true to merge cells in each row of the specified range as separate merged
   * cells" (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)):
   * one merge a row, each checked as a merge of that row alone.
   */
  merge(across = false): void {
    this.queue(across, (t) => {
      const { sheet, rect } = t as RangeTarget;
      if (!across) return mergeRange(sheet, rect);
      for (let row = rect.top; row <= rect.bottom; row++) mergeRange(sheet, { ...rect, top: row, bottom: row });
    });
  }

  unmerge(): void {
    this.queue(null, (t) => unmergeRange((t as RangeTarget).sheet, (t as RangeTarget).rect));
  }

  setRowProperties(rows: Excel.SettableRowProperties[]): void {
    this.queue(rows, (target) => {
      const t = target as RangeTarget;
      assertUnprotected(t.sheet, "change row heights");
      if (!Array.isArray(rows) || rows.length !== rectRows(t.rect)) {
        throw officeError("InvalidArgument", "setRowProperties needs one entry per row of the range.");
      }
      rows.forEach((row, i) => {
        const height = row?.format?.rowHeight;
        if (height === undefined) return;
        if (typeof height !== "number" || height < 0 || height > 409)
          throw officeError("InvalidArgument", `${String(height)} is not a row height.`);
        t.sheet.rowHeights.set(t.rect.top + i, height);
      });
    });
  }

  /**
   * ExcelApi 1.9: one entry per column of the range, each entry's format.columnWidth (points) set on its
   * column; an entry without one leaves its column as it is. A protected sheet refuses it as it refuses
   * format.columnWidth.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-setcolumnproperties-member(1)
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.settablecolumnproperties
   */
  setColumnProperties(columns: Excel.SettableColumnProperties[]): void {
    this.queue(columns, (target) => {
      const t = target as RangeTarget;
      assertUnprotected(t.sheet, "change column widths");
      if (!Array.isArray(columns) || columns.length !== rectColumns(t.rect)) {
        throw officeError("InvalidArgument", "setColumnProperties needs one entry per column of the range.");
      }
      columns.forEach((column, i) => {
        const width = column?.format?.columnWidth;
        if (width !== undefined) t.sheet.columnWidths.set(t.rect.left + i, positiveSize(width, "column width"));
      });
    });
  }

  /**
   * ExcelApi 1.9: a 2D array the size of the range, each entry the format of its own cell (font, fill,
   * alignment, wrapping, protection and the cell's own borders: top, bottom, left, right); a property an entry
   * leaves out stays as it is. A protected sheet refuses it as it refuses any format change.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-setcellproperties-member(1)
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.cellpropertiesformat
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-cell-properties
   */
  setCellProperties(cells: Excel.SettableCellProperties[][]): void {
    this.queue(cells, (target) => {
      const t = target as RangeTarget;
      assertUnprotected(t.sheet, "change formats");
      const rows = rectRows(t.rect);
      const columns = rectColumns(t.rect);
      if (!Array.isArray(cells) || cells.length !== rows || cells.some((line) => line?.length !== columns))
        throw officeError("InvalidArgument", "setCellProperties needs one entry per cell of the range.");
      cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell?.format) applyCellFormat(t.sheet, t.rect.top + r, t.rect.left + c, cell.format);
        }),
      );
    });
  }

  /**
   * ExcelApi 1.3: the range's visible rows; its rowCount is how many of the range's rows no filter hides (the
   * fake hides rows only by filters).
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getvisibleview-member(1)
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeview#excel-excel-rangeview-rowcount-member
   */
  getVisibleView(): FakeRangeView {
    // Reached through a null object (getUsedRangeOrNullObject of an empty sheet), the view is a null object too.
    return new FakeRangeView(this.context, () => this.target(), this.nullable);
  }

  /**
   * Selects the range in Excel's window, which shows one sheet at a time: selecting a range on a
   * sheet that is not the active one fails. Excel's object model says so for Range.Select (the
   * sheet must be active: https://learn.microsoft.com/office/vba/api/excel.range.select, "To
   * select a cell or a range of cells, use the Select method"; a range off the active sheet fails),
   * and Office.js users see the same on a non-active sheet
   * (https://github.com/OfficeDev/office-js/issues/5118), so a caller activates the sheet first.
   */
  select(): void {
    this.queue(null, (target) => {
      const t = target as RangeTarget;
      if (this.context.state.activeSheetId !== t.sheet.id)
        throw officeError(
          "InvalidOperation",
          `The sheet "${t.sheet.name}" is not active, so its cells cannot be selected.`,
        );
      this.context.state.selection = { sheetId: t.sheet.id, address: rectAddress(t.rect) };
    });
  }

  /**
   * One row of the range, by index from its top. The real client uses it (with getBoundingRect) to
   * send an array of more than 1,500 cells in slices.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getrow-member(1)
   */
  getRow(row: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target() as RangeTarget;
      const r = t.rect.top + row;
      if (row < 0 || r > t.rect.bottom) throw officeError("InvalidArgument", `Row ${row} is outside the range.`);
      return { sheet: t.sheet, rect: { ...t.rect, top: r, bottom: r } };
    });
  }

  /**
   * The smallest range that holds both ranges.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getboundingrect-member(1)
   */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this.target() as RangeTarget;
      const b = other.target() as RangeTarget;
      if (a.sheet !== b.sheet) throw officeError("InvalidArgument", "The ranges are on different sheets.");
      return {
        sheet: a.sheet,
        rect: {
          top: Math.min(a.rect.top, b.rect.top),
          left: Math.min(a.rect.left, b.rect.left),
          bottom: Math.max(a.rect.bottom, b.rect.bottom),
          right: Math.max(a.rect.right, b.rect.right),
        },
      };
    });
  }

  /**
   * Not a public API: the client library calls it before sending an array in slices
   * (setRangePropertiesInBulk in @microsoft/office-js dist/excel-web-16.00.debug.js), so that an
   * array of the wrong shape fails as a whole, as setting it in one piece would.
   */
  _ValidateArraySize(rows: number, columns: number): void {
    this.queue([rows, columns], (target) => {
      const t = target as RangeTarget;
      if (rows !== rectRows(t.rect) || columns !== rectColumns(t.rect))
        throw officeError("InvalidArgument", "The array's size does not match the range's.");
    });
  }

  /** Stops tracking the proxy (a client-side matter: nothing reaches Excel). */
  untrack(): this {
    return this;
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target() as RangeTarget;
      const r = t.rect.top + row;
      const c = t.rect.left + column;
      return { sheet: t.sheet, rect: { top: r, bottom: r, left: c, right: c } };
    });
  }
}

defineAccessors<RangeTarget>(FakeRange, {
  address: { get: (t) => `${sheetReference(t.sheet.name)}!${rectAddress(t.rect)}` },
  rowCount: { get: (t) => rectRows(t.rect) },
  columnCount: { get: (t) => rectColumns(t.rect) },
  rowIndex: { get: (t) => t.rect.top - 1 },
  columnIndex: { get: (t) => t.rect.left - 1 },
  cellCount: { get: (t) => rectCellCount(t.rect) },
  values: {
    get: (t) => grid(t, (row, column) => valueOf(t.sheet.cells.get(cellKey(row, column)))),
    set: (t, value) => writeCells(t.sheet, t.rect, value, "values"),
  },
  formulas: {
    get: (t) => grid(t, (row, column) => formulaOf(t.sheet.cells.get(cellKey(row, column)))),
    set: (t, value) => writeCells(t.sheet, t.rect, value, "formulas"),
  },
  numberFormat: {
    get: (t) => grid(t, (row, column) => readFormat(t.sheet, row, column).numberFormat),
    set: (t, value) => writeNumberFormat(t.sheet, t.rect, value),
  },
  valueTypes: { get: (t) => grid(t, (row, column) => valueTypeOf(t.sheet.cells.get(cellKey(row, column)))) },
});

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

function checkFontSize(value: unknown): number {
  if (typeof value !== "number" || value < 1 || value > 409)
    throw officeError("InvalidArgument", `${String(value)} is not a font size.`);
  return value;
}

/** One cell's entry of setCellProperties, checked as the matching property sets are. */
function applyCellFormat(sheet: SheetState, row: number, column: number, format: Excel.CellPropertiesFormat): void {
  const f = formatAt(sheet, row, column);
  const { font, fill, protection, borders } = format;
  if (font?.bold !== undefined) f.bold = font.bold === true;
  if (font?.italic !== undefined) f.italic = font.italic === true;
  if (font?.underline !== undefined) f.underline = oneOf(font.underline, UNDERLINE, "underline style");
  if (font?.size !== undefined) f.size = checkFontSize(font.size);
  if (font?.color !== undefined) f.fontColor = normaliseColour(font.color);
  if (fill?.color !== undefined) f.fill = normaliseColour(fill.color);
  if (format.wrapText !== undefined) f.wrap = format.wrapText === true;
  if (format.horizontalAlignment !== undefined)
    f.horizontal = oneOf(format.horizontalAlignment, HORIZONTAL, "horizontal alignment");
  if (format.verticalAlignment !== undefined)
    f.vertical = oneOf(format.verticalAlignment, VERTICAL, "vertical alignment");
  if (protection?.locked !== undefined) f.locked = protection.locked === true;
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const border = borders?.[side];
    if (!border) continue;
    const edge = (f.borders[side] ??= { style: "None", weight: "Thin", color: "#000000" });
    if (border.style !== undefined) edge.style = oneOf(border.style, BORDER_STYLES, "border style");
    if (border.weight !== undefined) edge.weight = oneOf(border.weight, BORDER_WEIGHTS, "border weight");
    if (border.color !== undefined) edge.color = normaliseColour(border.color);
  }
}

export interface FakeRangeView extends Pick<Excel.RangeView, "rowCount"> {}
export class FakeRangeView extends FakeClientObject {}
defineAccessors<RangeTarget>(FakeRangeView, {
  rowCount: {
    get: (t) => {
      const hidden = rowsHiddenByFilters(t.sheet);
      let visible = 0;
      for (let row = t.rect.top; row <= t.rect.bottom; row++) if (!hidden.has(row)) visible++;
      return visible;
    },
  },
});

// ---------------------------------------------------------------------------------------------
function columnsOf(rect: Rect): number[] {
  return Array.from({ length: rectColumns(rect) }, (_, i) => rect.left + i);
}
function rowsOf(rect: Rect): number[] {
  if (rectRows(rect) > 100000)
    throw officeError("InvalidOperation", "The fake refuses to size more than 100,000 rows one by one.");
  return Array.from({ length: rectRows(rect) }, (_, i) => rect.top + i);
}
function uniformSize(sizes: number[]): number | null {
  return sizes.every((size) => size === sizes[0]) ? sizes[0] : null;
}

export interface FakeRangeFormat extends Pick<
  Excel.RangeFormat,
  | "columnWidth"
  | "rowHeight"
  | "wrapText"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "useStandardWidth"
  | "useStandardHeight"
> {}
export class FakeRangeFormat extends FakeClientObject {
  private fontProxy?: FakeRangeFont;
  private fillProxy?: FakeRangeFill;
  private bordersProxy?: FakeRangeBorderCollection;
  private protectionProxy?: FakeFormatProtection;

  constructor(context: FakeRequestContext, locate: () => RangeTarget | null) {
    super(context, locate);
  }
  get font(): FakeRangeFont {
    return (this.fontProxy ??= new FakeRangeFont(this.context, () => this.live() as RangeTarget));
  }
  get fill(): FakeRangeFill {
    return (this.fillProxy ??= new FakeRangeFill(this.context, () => this.live() as RangeTarget));
  }
  get borders(): FakeRangeBorderCollection {
    return (this.bordersProxy ??= new FakeRangeBorderCollection(this.context, () => this.live() as RangeTarget));
  }
  get protection(): FakeFormatProtection {
    return (this.protectionProxy ??= new FakeFormatProtection(this.context, () => this.live() as RangeTarget));
  }
  protected override children(): Record<string, FakeClientObject> {
    return { font: this.font, fill: this.fill, borders: this.borders, protection: this.protection };
  }
  autofitColumns(): void {
    this.queue(null, () => undefined);
  }
  autofitRows(): void {
    this.queue(null, () => undefined);
  }
}

function positiveSize(value: unknown, what: string): number {
  if (typeof value !== "number" || !(value >= 0) || value > 409.5 * 10)
    throw officeError("InvalidArgument", `${String(value)} is not a valid ${what}.`);
  return value;
}

defineAccessors<RangeTarget>(FakeRangeFormat, {
  columnWidth: {
    get: (t) => uniformSize(columnsOf(t.rect).map((c) => t.sheet.columnWidths.get(c) ?? STANDARD_WIDTH)),
    set: (t, value) => {
      assertUnprotected(t.sheet, "change column widths");
      for (const c of columnsOf(t.rect)) t.sheet.columnWidths.set(c, positiveSize(value, "column width"));
    },
  },
  rowHeight: {
    get: (t) => uniformSize(rowsOf(t.rect).map((r) => t.sheet.rowHeights.get(r) ?? STANDARD_HEIGHT)),
    set: (t, value) => {
      assertUnprotected(t.sheet, "change row heights");
      if ((value as number) > 409) throw officeError("InvalidArgument", "A row can be at most 409 points high.");
      for (const r of rowsOf(t.rect)) t.sheet.rowHeights.set(r, positiveSize(value, "row height"));
    },
  },
  useStandardWidth: {
    // From the stored widths, as for heights below: a whole sheet has 16,384 columns and few set.
    get: (t) => ![...t.sheet.columnWidths.keys()].some((c) => c >= t.rect.left && c <= t.rect.right),
    set: (t, value) => {
      assertUnprotected(t.sheet, "change column widths");
      if (value === true)
        for (const c of [...t.sheet.columnWidths.keys()])
          if (c >= t.rect.left && c <= t.rect.right) t.sheet.columnWidths.delete(c);
    },
  },
  useStandardHeight: {
    // From the stored heights, so a whole sheet's answer does not visit a million rows.
    get: (t) => ![...t.sheet.rowHeights.keys()].some((r) => r >= t.rect.top && r <= t.rect.bottom),
    set: (t, value) => {
      assertUnprotected(t.sheet, "change row heights");
      // Whole-sheet resets are common; drop stored heights without visiting a million rows.
      if (value === true)
        for (const r of [...t.sheet.rowHeights.keys()])
          if (r >= t.rect.top && r <= t.rect.bottom) t.sheet.rowHeights.delete(r);
    },
  },
  wrapText: {
    get: (t) => uniform(t, (f) => f.wrap),
    set: (t, value) => setFormat(t.sheet, t.rect, (f) => (f.wrap = value === true)),
  },
  horizontalAlignment: {
    get: (t) => uniform(t, (f) => f.horizontal),
    set: (t, value) => {
      const h = oneOf(
        value,
        ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"],
        "horizontal alignment",
      );
      setFormat(t.sheet, t.rect, (f) => (f.horizontal = h));
    },
  },
  verticalAlignment: {
    get: (t) => uniform(t, (f) => f.vertical),
    set: (t, value) => {
      const v = oneOf(value, ["Top", "Center", "Bottom", "Justify", "Distributed"], "vertical alignment");
      setFormat(t.sheet, t.rect, (f) => (f.vertical = v));
    },
  },
});

export interface FakeRangeFont extends Pick<Excel.RangeFont, "bold" | "italic" | "underline" | "size" | "color"> {}
export class FakeRangeFont extends FakeClientObject {}
defineAccessors<RangeTarget>(FakeRangeFont, {
  bold: {
    get: (t) => uniform(t, (f) => f.bold),
    set: (t, v) => setFormat(t.sheet, t.rect, (f) => (f.bold = v === true)),
  },
  italic: {
    get: (t) => uniform(t, (f) => f.italic),
    set: (t, v) => setFormat(t.sheet, t.rect, (f) => (f.italic = v === true)),
  },
  underline: {
    get: (t) => uniform(t, (f) => f.underline),
    set: (t, v) => {
      const u = oneOf(v, ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"], "underline style");
      setFormat(t.sheet, t.rect, (f) => (f.underline = u));
    },
  },
  size: {
    get: (t) => uniform(t, (f) => f.size),
    set: (t, v) => {
      if (typeof v !== "number" || v < 1 || v > 409)
        throw officeError("InvalidArgument", `${String(v)} is not a font size.`);
      setFormat(t.sheet, t.rect, (f) => (f.size = v));
    },
  },
  color: {
    get: (t) => uniform(t, (f) => f.fontColor),
    set: (t, v) => {
      const colour = normaliseColour(v);
      setFormat(t.sheet, t.rect, (f) => (f.fontColor = colour));
    },
  },
});

export interface FakeRangeFill extends Pick<Excel.RangeFill, "color"> {}
export class FakeRangeFill extends FakeClientObject {
  clear(): void {
    this.queue(null, (t) => setFormat((t as RangeTarget).sheet, (t as RangeTarget).rect, (f) => (f.fill = null)));
  }
}
defineAccessors<RangeTarget>(FakeRangeFill, {
  color: {
    get: (t) => uniform(t, (f) => f.fill ?? "#FFFFFF"),
    set: (t, v) => {
      const colour = normaliseColour(v);
      setFormat(t.sheet, t.rect, (f) => (f.fill = colour));
    },
  },
});

export interface FakeFormatProtection extends Pick<Excel.FormatProtection, "locked"> {}
export class FakeFormatProtection extends FakeClientObject {}
defineAccessors<RangeTarget>(FakeFormatProtection, {
  locked: {
    get: (t) => uniform(t, (f) => f.locked),
    set: (t, v) => setFormat(t.sheet, t.rect, (f) => (f.locked = v === true)),
  },
});

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

export class FakeRangeBorderCollection extends FakeClientObject {
  getItem(index: string): FakeRangeBorder {
    oneOf(index, BORDER_INDEXES, "border index");
    return new FakeRangeBorder(this.context, () => ({ ...(this.target() as RangeTarget), index }));
  }
}

interface BorderTarget extends RangeTarget {
  index: string;
}

/** Which cell edges a border index touches: edges of the range, or the lines between its cells. */
function applyBorder(t: BorderTarget, change: (edge: { style: string; weight: string; color: string }) => void): void {
  const { rect } = t;
  setFormat(t.sheet, rect, () => undefined);
  const touch = (row: number, column: number, side: "top" | "bottom" | "left" | "right") => {
    const format = t.sheet.formats.get(cellKey(row, column))!;
    const edge = (format.borders[side] ??= { style: "None", weight: "Thin", color: "#000000" });
    change(edge);
  };
  eachCell(rect, (row, column) => {
    if (t.index === "EdgeTop" && row === rect.top) touch(row, column, "top");
    if (t.index === "EdgeBottom" && row === rect.bottom) touch(row, column, "bottom");
    if (t.index === "EdgeLeft" && column === rect.left) touch(row, column, "left");
    if (t.index === "EdgeRight" && column === rect.right) touch(row, column, "right");
    if (t.index === "InsideHorizontal") {
      if (row > rect.top) touch(row, column, "top");
      if (row < rect.bottom) touch(row, column, "bottom");
    }
    if (t.index === "InsideVertical") {
      if (column > rect.left) touch(row, column, "left");
      if (column < rect.right) touch(row, column, "right");
    }
  });
}

export interface FakeRangeBorder extends Pick<Excel.RangeBorder, "style" | "weight" | "color"> {}
export class FakeRangeBorder extends FakeClientObject {}
defineAccessors<BorderTarget>(FakeRangeBorder, {
  style: {
    set: (t, v) => {
      const style = oneOf(
        v,
        ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"],
        "border style",
      );
      applyBorder(t, (edge) => (edge.style = style));
    },
  },
  weight: {
    set: (t, v) => {
      const weight = oneOf(v, ["Hairline", "Thin", "Medium", "Thick"], "border weight");
      applyBorder(t, (edge) => (edge.weight = weight));
    },
  },
  color: { set: (t, v) => applyBorder(t, (edge) => (edge.color = normaliseColour(v))) },
});

// ---------------------------------------------------------------------------------------------
/** Excel's limits on data validation messages (the same limits the .xlsx format sets). */
const MAX_TITLE = 32;
const MAX_PROMPT = 255;
const MAX_ERROR = 225;
const MAX_INLINE_LIST = 255;

function validationAt(sheet: SheetState, row: number, column: number): ValidationState {
  const key = cellKey(row, column);
  let validation = sheet.validations.get(key);
  if (!validation) {
    validation = { rule: null, prompt: null, errorAlert: null, ignoreBlanks: true };
    sheet.validations.set(key, validation);
  }
  return validation;
}

function setValidation(t: RangeTarget, change: (v: ValidationState) => void): void {
  assertUnprotected(t.sheet, "change data validation");
  eachCell(t.rect, (row, column) => change(validationAt(t.sheet, row, column)));
}

function uniformValidation<T>(t: RangeTarget, pick: (v: ValidationState | undefined) => T): T | null {
  let first: string | undefined;
  let value: T | null = null;
  let same = true;
  eachCell(t.rect, (row, column) => {
    const v = pick(t.sheet.validations.get(cellKey(row, column)));
    const json = JSON.stringify(v ?? null);
    if (first === undefined) {
      first = json;
      value = v;
    } else if (json !== first) same = false;
  });
  return same ? value : null;
}

const RULE_KINDS = ["list", "date", "wholeNumber", "decimal", "textLength", "time", "custom"];
const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

function checkRule(rule: unknown): Record<string, unknown> {
  if (!rule || typeof rule !== "object") throw officeError("InvalidArgument", "A validation rule must be an object.");
  const kinds = Object.keys(rule).filter((key) => (rule as Record<string, unknown>)[key] !== undefined);
  if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0]))
    throw officeError("InvalidArgument", "A validation rule needs exactly one criterion.");
  const body = (rule as Record<string, Record<string, unknown>>)[kinds[0]];
  if (kinds[0] === "list") {
    const source = body.source;
    if (typeof source !== "string" || source === "")
      throw officeError("InvalidArgument", "A list rule needs a source.");
    if (!source.startsWith("=") && source.length > MAX_INLINE_LIST) {
      throw officeError("InvalidArgument", `An inline list source can be at most ${MAX_INLINE_LIST} characters.`);
    }
  } else if (kinds[0] === "date") {
    oneOf(body.operator, OPERATORS, "validation operator");
    if (body.formula1 === undefined) throw officeError("InvalidArgument", "A date rule needs formula1.");
  }
  return rule as Record<string, unknown>;
}

function checkMessage(value: unknown, showKey: string, messageLimit: number): Record<string, unknown> {
  const v = value as Record<string, unknown>;
  if (!v || typeof v !== "object" || typeof v[showKey] !== "boolean")
    throw officeError("InvalidArgument", `${showKey} must be set.`);
  if (typeof v.title === "string" && v.title.length > MAX_TITLE)
    throw officeError("InvalidArgument", `A validation title can be at most ${MAX_TITLE} characters.`);
  if (typeof v.message === "string" && v.message.length > messageLimit) {
    throw officeError("InvalidArgument", `This validation message can be at most ${messageLimit} characters.`);
  }
  return v;
}

export interface FakeDataValidation extends Pick<
  Excel.DataValidation,
  "rule" | "prompt" | "errorAlert" | "ignoreBlanks" | "type"
> {}
export class FakeDataValidation extends FakeClientObject {
  clear(): void {
    this.queue(null, (target) => {
      const t = target as RangeTarget;
      assertUnprotected(t.sheet, "clear data validation");
      for (const key of [...t.sheet.validations.keys()]) {
        const row = Math.floor(key / 16384) + 1;
        const column = (key % 16384) + 1;
        if (row >= t.rect.top && row <= t.rect.bottom && column >= t.rect.left && column <= t.rect.right)
          t.sheet.validations.delete(key);
      }
    });
  }
}
defineAccessors<RangeTarget>(FakeDataValidation, {
  rule: {
    get: (t) => uniformValidation(t, (v) => v?.rule ?? null),
    set: (t, value) => {
      const rule = checkRule(value);
      setValidation(t, (v) => (v.rule = rule));
    },
  },
  prompt: {
    get: (t) => uniformValidation(t, (v) => v?.prompt ?? null),
    set: (t, value) => {
      const prompt = checkMessage(value, "showPrompt", MAX_PROMPT) as ValidationState["prompt"];
      setValidation(t, (v) => (v.prompt = prompt));
    },
  },
  errorAlert: {
    get: (t) => uniformValidation(t, (v) => v?.errorAlert ?? null),
    set: (t, value) => {
      const alert = checkMessage(value, "showAlert", MAX_ERROR) as ValidationState["errorAlert"];
      oneOf(alert?.style, ["Stop", "Warning", "Information"], "alert style");
      setValidation(t, (v) => (v.errorAlert = alert));
    },
  },
  ignoreBlanks: {
    get: (t) => uniformValidation(t, (v) => v?.ignoreBlanks ?? true),
    set: (t, value) => setValidation(t, (v) => (v.ignoreBlanks = value === true)),
  },
  /**
   * Excel.DataValidationType (https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidationtype): "None"
   * when no cell of the range has a rule, "MixedCriteria" when some cells have one and others none, "Inconsistent"
   * when cells have different kinds of rule, else the kind every cell has. Counted from the stored rules, so a whole
   * sheet's answer does not visit every cell.
   */
  type: {
    get: (t) => {
      const kinds = new Set<string>();
      let ruled = 0;
      for (const [key, v] of t.sheet.validations) {
        const row = Math.floor(key / 16384) + 1;
        const column = (key % 16384) + 1;
        if (row < t.rect.top || row > t.rect.bottom || column < t.rect.left || column > t.rect.right || !v.rule)
          continue;
        ruled++;
        kinds.add(Object.keys(v.rule)[0]);
      }
      if (ruled === 0) return "None";
      if (ruled < rectCellCount(t.rect)) return "MixedCriteria";
      if (kinds.size > 1) return "Inconsistent";
      const [kind] = kinds;
      return kind.charAt(0).toUpperCase() + kind.slice(1);
    },
  },
});

// ---------------------------------------------------------------------------------------------
const CF_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

export class FakeConditionalFormatCollection extends FakeCollection<ConditionalFormatState, FakeConditionalFormat> {
  private workbook(): WorkbookState {
    return this.context.state;
  }
  protected states(target: unknown): ConditionalFormatState[] {
    const t = target as RangeTarget;
    return t.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, t.rect));
  }
  protected itemFor(state: ConditionalFormatState): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => state);
  }
  add(type: string): FakeConditionalFormat {
    oneOf(type, CF_TYPES, "conditional format type");
    if (!["Custom", "DataBar", "ColorScale"].includes(type))
      throw officeError("InvalidArgument", `The fake does not model ${type} formats.`);
    let created: ConditionalFormatState | null = null;
    this.queue(type, (target) => {
      const t = target as RangeTarget;
      assertUnprotected(t.sheet, "add conditional formats");
      created = {
        id: `{cf-${this.workbook().nextId++}}`,
        type,
        rect: t.rect,
        custom: { formula: null, fill: null, fontColor: null, bold: null, italic: null },
        colorScale: { criteria: null },
        dataBar: { lowerBoundRule: null, upperBoundRule: null, fillColor: null },
      };
      t.sheet.conditionalFormats.push(created);
    });
    return new FakeConditionalFormat(this.context, () => created);
  }
  clearAll(): void {
    this.queue(null, (target) => {
      const t = target as RangeTarget;
      assertUnprotected(t.sheet, "clear conditional formats");
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, t.rect));
    });
  }
}

const ofType = (cf: ConditionalFormatState, type: string) => {
  if (cf.type !== type) throw officeError("InvalidOperation", `This conditional format is ${cf.type}, not ${type}.`);
  return cf;
};

export interface FakeConditionalFormat extends Pick<Excel.ConditionalFormat, "type" | "id"> {}
export class FakeConditionalFormat extends FakeClientObject {
  get custom(): FakeCustomConditionalFormat {
    return new FakeCustomConditionalFormat(this.context, () =>
      ofType(this.target() as ConditionalFormatState, "Custom"),
    );
  }
  get colorScale(): FakeColorScaleConditionalFormat {
    return new FakeColorScaleConditionalFormat(this.context, () =>
      ofType(this.target() as ConditionalFormatState, "ColorScale"),
    );
  }
  get dataBar(): FakeDataBarConditionalFormat {
    return new FakeDataBarConditionalFormat(this.context, () =>
      ofType(this.target() as ConditionalFormatState, "DataBar"),
    );
  }
  delete(): void {
    this.queue(null, (target) => {
      for (const sheet of this.context.state.sheets)
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf !== target);
    });
  }
}
defineAccessors<ConditionalFormatState>(FakeConditionalFormat, {
  type: { get: (cf) => cf.type },
  id: { get: (cf) => cf.id },
});

export class FakeCustomConditionalFormat extends FakeClientObject {
  get rule(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this.context, () => this.target());
  }
  get format(): FakeConditionalRangeFormat {
    return new FakeConditionalRangeFormat(this.context, () => this.target());
  }
}

export interface FakeConditionalFormatRule extends Pick<Excel.ConditionalFormatRule, "formula"> {}
export class FakeConditionalFormatRule extends FakeClientObject {}
defineAccessors<ConditionalFormatState>(FakeConditionalFormatRule, {
  formula: {
    get: (cf) => cf.custom.formula,
    set: (cf, v) => {
      if (typeof v !== "string" || !v.startsWith("="))
        throw officeError("InvalidArgument", 'A conditional format formula must start with "=".');
      cf.custom.formula = v;
    },
  },
});

export class FakeConditionalRangeFormat extends FakeClientObject {
  get font(): FakeConditionalRangeFont {
    return new FakeConditionalRangeFont(this.context, () => this.target());
  }
  get fill(): FakeConditionalRangeFill {
    return new FakeConditionalRangeFill(this.context, () => this.target());
  }
}

export interface FakeConditionalRangeFont extends Pick<Excel.ConditionalRangeFont, "color" | "bold" | "italic"> {}
export class FakeConditionalRangeFont extends FakeClientObject {}
defineAccessors<ConditionalFormatState>(FakeConditionalRangeFont, {
  color: { get: (cf) => cf.custom.fontColor, set: (cf, v) => (cf.custom.fontColor = normaliseColour(v)) },
  bold: { get: (cf) => cf.custom.bold, set: (cf, v) => (cf.custom.bold = v === true) },
  italic: { get: (cf) => cf.custom.italic, set: (cf, v) => (cf.custom.italic = v === true) },
});

export interface FakeConditionalRangeFill extends Pick<Excel.ConditionalRangeFill, "color"> {}
export class FakeConditionalRangeFill extends FakeClientObject {}
defineAccessors<ConditionalFormatState>(FakeConditionalRangeFill, {
  color: { get: (cf) => cf.custom.fill, set: (cf, v) => (cf.custom.fill = normaliseColour(v)) },
});

function checkCriterion(value: unknown, name: string, required: boolean): void {
  if (value === undefined || value === null) {
    if (required) throw officeError("InvalidArgument", `A colour scale needs a ${name} criterion.`);
    return;
  }
  const c = value as Record<string, unknown>;
  oneOf(
    c.type,
    ["LowestValue", "HighestValue", "Number", "Percent", "Formula", "Percentile"],
    "colour scale criterion type",
  );
  normaliseColour(c.color);
}

export interface FakeColorScaleConditionalFormat extends Pick<Excel.ColorScaleConditionalFormat, "criteria"> {}
export class FakeColorScaleConditionalFormat extends FakeClientObject {}
defineAccessors<ConditionalFormatState>(FakeColorScaleConditionalFormat, {
  criteria: {
    get: (cf) => cf.colorScale.criteria,
    set: (cf, v) => {
      const criteria = v as Record<string, unknown>;
      checkCriterion(criteria?.minimum, "minimum", true);
      checkCriterion(criteria?.midpoint, "midpoint", false);
      checkCriterion(criteria?.maximum, "maximum", true);
      cf.colorScale.criteria = criteria;
    },
  },
});

function checkBound(value: unknown): Record<string, unknown> {
  const rule = value as Record<string, unknown>;
  oneOf(
    rule?.type,
    [
      "Invalid",
      "Number",
      "LowestValue",
      "HighestValue",
      "LowestPercent",
      "HighestPercent",
      "Percent",
      "Formula",
      "Percentile",
      "Automatic",
    ],
    "data bar rule type",
  );
  return rule;
}

export interface FakeDataBarConditionalFormat extends Pick<
  Excel.DataBarConditionalFormat,
  "lowerBoundRule" | "upperBoundRule"
> {}
export class FakeDataBarConditionalFormat extends FakeClientObject {
  get positiveFormat(): FakeDataBarPositiveFormat {
    return new FakeDataBarPositiveFormat(this.context, () => this.target());
  }
}
defineAccessors<ConditionalFormatState>(FakeDataBarConditionalFormat, {
  lowerBoundRule: {
    get: (cf) => cf.dataBar.lowerBoundRule,
    set: (cf, v) => (cf.dataBar.lowerBoundRule = checkBound(v)),
  },
  upperBoundRule: {
    get: (cf) => cf.dataBar.upperBoundRule,
    set: (cf, v) => (cf.dataBar.upperBoundRule = checkBound(v)),
  },
});

export interface FakeDataBarPositiveFormat extends Pick<Excel.ConditionalDataBarPositiveFormat, "fillColor"> {}
export class FakeDataBarPositiveFormat extends FakeClientObject {}
defineAccessors<ConditionalFormatState>(FakeDataBarPositiveFormat, {
  fillColor: { get: (cf) => cf.dataBar.fillColor, set: (cf, v) => (cf.dataBar.fillColor = normaliseColour(v)) },
});

export const columnLetters = columnToLetters;
