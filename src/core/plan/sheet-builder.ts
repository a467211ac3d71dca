import { cellAddress, rangeAddress } from "../util/a1";
import type { ColumnFormat } from "./columns";
import { printLayoutFor } from "./print";
import { COLUMN_NUMBER_FORMAT, INPUT, rowHeightForFont, TITLE } from "./style";
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
    layout: { formatRuns(): { value: ColumnFormat; first: number; last: number }[] },
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
