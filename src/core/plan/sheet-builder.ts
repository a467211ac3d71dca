import { cellAddress, rangeAddress } from "../util/a1";
import type { ColumnFormat } from "./columns";
import { printLayoutFor } from "./print";
import {
  COLUMN_NUMBER_FORMAT,
  HEADER,
  INPUT,
  rowHeightForFont,
  SUBTITLE,
  TITLE,
  TWO_LINE_HEADER_HEIGHT,
  WRAPPED_TEXT,
} from "./style";
import type {
  ChartPlan,
  CellStyle,
  ConditionalFormat,
  PlanCell,
  SheetPlan,
  SheetRole,
  TablePlan,
  Validation,
} from "./types";

/** The runs of adjacent columns that share a number format (columns.ts columnLayout's formatRuns). */
type FormatRuns = { formatRuns(): { value: ColumnFormat; first: number; last: number }[] };

/** What a sheet built from a named table needs of it (columns.ts namedTable). */
export interface TableColumns extends FormatRuns {
  headerRow: number;
  firstRow: number;
  headers: string[];
  widths: number[];
  columnCount: number;
}

/** Collects one sheet's plan; keeps the sheet builders free of bookkeeping. */
export class SheetBuilder {
  readonly plan: SheetPlan;

  constructor(key: string, role: SheetRole, name: string, columnWidths: number[]) {
    this.plan = {
      key,
      role,
      name,
      visibility: "visible",
      columnWidths,
      rowHeights: {},
      blocks: [],
      styles: [],
      merges: [],
      validations: [],
      conditionalFormats: [],
      tables: [],
    };
  }

  /** Writes a rectangle of cells with its top-left at (row, column). */
  block(row: number, column: number, cells: PlanCell[][]): this {
    const width = cells[0]?.length ?? 0;
    if (cells.some((line) => line.length !== width)) throw new Error("A block's rows must be equally long");
    if (width > 0) this.plan.blocks.push({ at: cellAddress(row, column), cells });
    return this;
  }

  /** The sheet's title in A1, in the title style, on a row tall enough for the title's font. */
  title(text: PlanCell): this {
    return this.block(1, 1, [[text]])
      .style("A1", TITLE)
      .rowHeight(1, rowHeightForFont(TITLE.fontSize!));
  }

  style(range: string, style: CellStyle): this {
    this.plan.styles.push({ range, style });
    return this;
  }

  /**
   * The number formats a sheet's columns declare (columns.ts), on rows `first` to `last`: adjacent columns of one
   * format in one range. `also` adds to a format's style (scores centred, say).
   */
  columnFormats(
    layout: FormatRuns,
    rows: { first: number; last: number },
    also: Partial<Record<ColumnFormat, CellStyle>> = {},
  ): this {
    for (const run of layout.formatRuns()) {
      const numberFormat = COLUMN_NUMBER_FORMAT[run.value];
      if (numberFormat === undefined) continue;
      this.style(rangeAddress(rows.first, run.first, rows.last, run.last), { numberFormat, ...also[run.value] });
    }
    return this;
  }

  /** The input columns a sheet declares (columns.ts), on rows `first` to `last`: unlocked, in the input colour. */
  inputColumns(
    layout: { inputRuns(): { first: number; last: number }[] },
    rows: { first: number; last: number },
  ): this {
    for (const run of layout.inputRuns()) this.style(rangeAddress(rows.first, run.first, rows.last, run.last), INPUT);
    return this;
  }

  merge(range: string): this {
    this.plan.merges.push(range);
    return this;
  }

  rowHeight(row: number, points: number): this {
    this.plan.rowHeights[row] = points;
    return this;
  }

  validate(validation: Validation): this {
    this.plan.validations.push(validation);
    return this;
  }

  conditional(format: ConditionalFormat): this {
    this.plan.conditionalFormats.push(format);
    return this;
  }

  table(table: TablePlan): this {
    this.plan.tables.push(table);
    return this;
  }

  /**
   * Printed landscape on the smallest paper that keeps its text readable (print.ts), fitted to the page
   * width unless told not to; `headerRow` repeated on every page (only for a sheet whose one table runs
   * over pages: a repeated header sits over every table below it too).
   */
  printLandscape(headerRow?: number, options: { fitToWidth?: boolean } = {}): this {
    this.plan.print = {
      orientation: "landscape",
      fitToWidth: options.fitToWidth ?? true,
      ...printLayoutFor("landscape", this.plan.columnWidths),
      ...(headerRow === undefined ? {} : { titleRows: `${headerRow}:${headerRow}` }),
    };
    return this;
  }

  chart(chart: ChartPlan): this {
    (this.plan.charts ??= []).push(chart);
    return this;
  }
}

export interface TableSheetOptions {
  key: string;
  role: SheetRole;
  name: string;
  /** The sheet's columns, declared once in layout.ts: header row, widths and number formats. */
  columns: TableColumns;
  /** The body's rows, from the row below the header. */
  rows: PlanCell[][];
  /**
   * A title in A1 and a line saying how to use the sheet in A2, above a header two lines high in the header
   * style and a body of wrapped text with thin borders; none for a bare table from row 1 (the group's sheets).
   */
  heading?: { title: string; subtitle: string };
  /**
   * The declared number formats on the body, each with what `also` adds to its style; none for a sheet that
   * styles its columns itself (Actions, whose inputs and formats interleave).
   */
  formats?: { also?: Partial<Record<ColumnFormat, CellStyle>> };
  /** The Excel table over the header and body; none for a sheet with an AutoFilter over them instead (Gaps). */
  table?: Omit<TablePlan, "range" | "style">;
  /** Columns frozen at the left beside the header rows (none unless given). */
  frozenColumns?: number;
}

/**
 * A sheet that is one named table (Actions, Gaps, Group Data, Group Actions): the header row and the rows below
 * it, formatted and sized from the columns' declaration, as an Excel table (or under an AutoFilter), frozen below
 * its header and printed landscape with the header on every page. The sheet adds what is its own (pickers,
 * conditional formats, row heights) to the builder returned, through `body`, the body's range between two columns,
 * and `range`, the header's and body's.
 */
export function tableSheet({
  key,
  role,
  name,
  columns,
  rows,
  heading,
  formats,
  table,
  frozenColumns = 0,
}: TableSheetOptions) {
  const sheet = new SheetBuilder(key, role, name, columns.widths);
  const { headerRow, columnCount } = columns;
  const last = headerRow + rows.length;
  const body = (left: number, right = left) => rangeAddress(columns.firstRow, left, last, right);
  const whole = rangeAddress(headerRow, 1, last, columnCount);
  if (heading)
    sheet
      .title(heading.title)
      .block(2, 1, [[heading.subtitle]])
      .style("A2", SUBTITLE);
  sheet.block(headerRow, 1, [columns.headers, ...rows]);
  if (heading)
    sheet
      .rowHeight(headerRow, TWO_LINE_HEADER_HEIGHT)
      .style(rangeAddress(headerRow, 1, headerRow, columnCount), HEADER)
      .style(body(1, columnCount), { ...WRAPPED_TEXT, border: "thin" });
  if (formats) sheet.columnFormats(columns, { first: columns.firstRow, last }, formats.also);
  if (table) {
    const { name: tableName, ...more } = table;
    sheet.table({ name: tableName, range: whole, style: "TableStyleMedium2", ...more });
  } else sheet.plan.autoFilter = whole;
  sheet.plan.freeze = { rows: headerRow, columns: frozenColumns };
  sheet.printLandscape(headerRow);
  return { sheet, body, range: whole };
}
