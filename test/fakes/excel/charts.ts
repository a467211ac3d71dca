/// <reference types="office-js" />
/**
 * Charts: the members the writer uses (ExcelApi 1.1–1.7), each queued and applied at sync like
 * every other proxy. Rules, with the page each comes from:
 *
 * - charts.add needs a chart type and a source range; a protected sheet refuses it unless its
 *   protection allows editing objects.
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotectionoptions#excel-excel-worksheetprotectionoptions-alloweditobjects-member
 * - seriesBy "Columns" makes one series per column of the source, "Rows" one per row. Stricter than
 *   Excel: "Auto" (the default) is refused, because Excel then guesses from the cells' contents,
 *   which the fake does not model — code must say what it means.
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriesby
 * - Even with a direction, Excel on the desktop reads the source's cells to tell labels from
 *   figures, so a column (or row) with no number in it (empty cells, text, formulas giving "")
 *   may become labels rather than a series; a new workbook's chart cells are all formulas giving ""
 *   (issue 16 §3). The fake takes the outcome that breaks code which relies on the guess: such a
 *   column or row makes no series, so a chart made from empty cells has none (and getItemAt(0)
 *   on it is ItemNotFound, below). A formula counts as a number only with a numeric result a test
 *   supplied (the fake does not calculate).
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriesby
 * - charts.getItem(name) returns the first chart of that name; a missing one is ItemNotFound.
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-getitem-member(1)
 * - series.getItemAt(i) past the last series is ItemNotFound; series.add(name) appends a series
 *   with no data yet.
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriescollection
 * - setValues / setXAxisValues take a Range (not an address), one row or one column: a series is
 *   one-dimensional.
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseries#excel-excel-chartseries-setvalues-member(1)
 * - setPosition(startCell, endCell) covers from the start cell to the end cell, both included.
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chart#excel-excel-chart-setposition-member(1)
 * - Excel.Chart has no alt text member (none in @types/office-js; the real client drops one), so the fake has none.
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chart
 */
import { parseRect, splitSheet, type Rect } from "./address";
import { FakeClientObject, FakeCollection, defineAccessors, type FakeRequestContext } from "./client";
import { officeError } from "./errors";
import { FakeRange, normaliseColour, type RangeTarget } from "./range";
import type { StoredCell } from "./cell-input";
import { assertUnprotected, eachCell } from "./rules";
import {
  cellKey,
  type ChartRange,
  type ChartSeriesState,
  type ChartState,
  type SheetState,
  type WorkbookState,
} from "./state";

/** The chart types the fake knows (a subset of Excel.ChartType; others are refused, not guessed). */
const CHART_TYPES = [
  "ColumnClustered",
  "BarClustered",
  "Line",
  "LineMarkers",
  "Pie",
  "Area",
  "XYScatter",
  "Doughnut",
  "Radar",
  "RadarMarkers",
  "RadarFilled",
];
const LEGEND_POSITIONS = ["Top", "Bottom", "Left", "Right", "Corner", "Custom"];
const MARKER_STYLES = [
  "Automatic",
  "None",
  "Square",
  "Diamond",
  "Triangle",
  "X",
  "Star",
  "Dot",
  "Dash",
  "Circle",
  "Plus",
  "Picture",
];

function oneOf(value: unknown, allowed: string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value))
    throw officeError("InvalidArgument", `"${String(value)}" is not a ${what}.`);
  return value;
}

function numberOrNull(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw officeError("InvalidArgument", `${what} must be a number.`);
  return value;
}

/** A Range proxy's cells; Office.js takes a Range object here, not an address string. */
function rangeArgument(value: unknown, what: string): ChartRange {
  if (!(value instanceof FakeRange)) throw officeError("InvalidArgument", `${what} takes a Range.`);
  const { sheet, rect } = value.target() as RangeTarget;
  return { sheetId: sheet.id, rect };
}

function oneDimensional(range: ChartRange, what: string): ChartRange {
  if (range.rect.top !== range.rect.bottom && range.rect.left !== range.rect.right)
    throw officeError("InvalidArgument", `${what} takes one row or one column, not a block of cells.`);
  return range;
}

/** A cell address on the chart's own sheet, as setPosition takes it. */
function cellOn(sheet: SheetState, value: unknown): Rect {
  if (value instanceof FakeRange) return (value.target() as RangeTarget).rect;
  if (typeof value !== "string") throw officeError("InvalidArgument", "setPosition takes a cell or an address.");
  const { sheet: named, local } = splitSheet(value);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase())
    throw officeError("InvalidArgument", `"${value}" is not on the chart's sheet.`);
  return parseRect(local);
}

function newSeries(name: string, values: ChartRange | null): ChartSeriesState {
  return {
    name,
    values,
    xValues: null,
    lineColor: null,
    markerStyle: "Automatic",
    markerBackgroundColor: null,
    markerForegroundColor: null,
  };
}

/** A cell the chart reads as a figure: a number, or a formula with a numeric result. */
function holdsNumber(cell: StoredCell | undefined): boolean {
  return cell?.kind === "number" || (cell?.kind === "formula" && typeof cell.computed === "number");
}

/**
 * One series per column (or row) of the source that holds a number, named as Excel names unnamed
 * series; a line without one makes none (see the rules above).
 */
function seriesFrom(sheet: SheetState, source: ChartRange, seriesBy: unknown): ChartSeriesState[] {
  const by = oneOf(seriesBy, ["Columns", "Rows"], 'series direction the fake models ("Columns" or "Rows")');
  const { top, left, bottom, right } = source.rect;
  const lines =
    by === "Columns"
      ? Array.from({ length: right - left + 1 }, (_, i) => ({ top, left: left + i, bottom, right: left + i }))
      : Array.from({ length: bottom - top + 1 }, (_, i) => ({ top: top + i, left, bottom: top + i, right }));
  const withFigures = lines.filter((rect) => {
    let found = false;
    eachCell(rect, (row, column) => (found ||= holdsNumber(sheet.cells.get(cellKey(row, column)))));
    return found;
  });
  return withFigures.map((rect, i) => newSeries(`Series${i + 1}`, { sheetId: source.sheetId, rect }));
}

function ownerOf(state: WorkbookState, chart: ChartState): SheetState {
  const sheet = state.sheets.find((s) => s.charts.includes(chart));
  if (!sheet) throw officeError("ItemNotFound", "The chart no longer exists.");
  return sheet;
}

// ---------------------------------------------------------------------------------------------
export class FakeChartCollection extends FakeCollection<ChartState, FakeChart> {
  protected states(target: unknown): ChartState[] {
    return (target as SheetState).charts;
  }
  protected itemFor(chart: ChartState): FakeChart {
    return new FakeChart(this.context, () => chart);
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartState | null = null;
    this.queue({ type, seriesBy }, (target) => {
      const sheet = target as SheetState;
      if (!(sheet.protection.protected && sheet.protection.options.allowEditObjects === true))
        assertUnprotected(sheet, "add a chart");
      const source = rangeArgument(sourceData, "charts.add");
      created = {
        id: `{chart-${this.context.state.nextId++}}`,
        name: `Chart ${sheet.charts.length + 1}`,
        type: oneOf(type, CHART_TYPES, "chart type the fake knows"),
        title: { text: "", visible: false },
        legend: { position: "Right", visible: true },
        valueAxis: { minimum: null, maximum: null, majorUnit: null },
        position: null,
        series: seriesFrom(sheet, source, seriesBy),
      };
      sheet.charts.push(created);
    });
    return new FakeChart(this.context, () => created);
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => this.find(name));
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.context, () => this.find(name), true);
  }
  private find(name: string): ChartState | null {
    const sheet = this.target() as SheetState;
    return sheet.charts.find((chart) => chart.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
}

export interface FakeChart extends Pick<Excel.Chart, "name" | "id" | "chartType"> {}
export class FakeChart extends FakeClientObject {
  readonly title: FakeChartTitle;
  readonly legend: FakeChartLegend;
  readonly axes: FakeChartAxes;
  readonly series: FakeChartSeriesCollection;

  constructor(context: FakeRequestContext, locate: () => ChartState | null, nullable = false) {
    super(context, locate, nullable);
    const chart = () => this.target() as ChartState;
    this.title = new FakeChartTitle(context, chart);
    this.legend = new FakeChartLegend(context, chart);
    this.axes = new FakeChartAxes(context, chart);
    this.series = new FakeChartSeriesCollection(context, chart);
  }
  protected override children(): Record<string, FakeClientObject> {
    return { title: this.title, legend: this.legend, series: this.series };
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.queue({ startCell: typeof startCell === "string" ? startCell : null }, (target) => {
      const chart = target as ChartState;
      const sheet = ownerOf(this.context.state, chart);
      const start = cellOn(sheet, startCell);
      const end = endCell === undefined ? start : cellOn(sheet, endCell);
      chart.position = { top: start.top, left: start.left, bottom: end.bottom, right: end.right };
    });
  }
  delete(): void {
    this.queue(null, (target) => {
      const chart = target as ChartState;
      const sheet = ownerOf(this.context.state, chart);
      assertUnprotected(sheet, "delete a chart");
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}
defineAccessors<ChartState>(FakeChart, {
  name: { get: (c) => c.name, set: (c, v) => (c.name = String(v)) },
  id: { get: (c) => c.id },
  chartType: { get: (c) => c.type, set: (c, v) => (c.type = oneOf(v, CHART_TYPES, "chart type the fake knows")) },
});

export interface FakeChartTitle extends Pick<Excel.ChartTitle, "text" | "visible"> {}
export class FakeChartTitle extends FakeClientObject {}
defineAccessors<ChartState>(FakeChartTitle, {
  text: { get: (c) => c.title.text, set: (c, v) => (c.title.text = String(v)) },
  visible: { get: (c) => c.title.visible, set: (c, v) => (c.title.visible = v === true) },
});

export interface FakeChartLegend extends Pick<Excel.ChartLegend, "position" | "visible"> {}
export class FakeChartLegend extends FakeClientObject {}
defineAccessors<ChartState>(FakeChartLegend, {
  position: {
    get: (c) => c.legend.position,
    set: (c, v) => (c.legend.position = oneOf(v, LEGEND_POSITIONS, "legend position")),
  },
  visible: { get: (c) => c.legend.visible, set: (c, v) => (c.legend.visible = v === true) },
});

export class FakeChartAxes extends FakeClientObject {
  readonly valueAxis: FakeChartAxis;
  constructor(context: FakeRequestContext, locate: () => ChartState) {
    super(context, locate);
    this.valueAxis = new FakeChartAxis(context, locate);
  }
}

export interface FakeChartAxis extends Pick<Excel.ChartAxis, "minimum" | "maximum" | "majorUnit"> {}
export class FakeChartAxis extends FakeClientObject {}
defineAccessors<ChartState>(FakeChartAxis, {
  minimum: {
    get: (c) => c.valueAxis.minimum,
    set: (c, v) => (c.valueAxis.minimum = numberOrNull(v, "The axis minimum")),
  },
  maximum: {
    get: (c) => c.valueAxis.maximum,
    set: (c, v) => (c.valueAxis.maximum = numberOrNull(v, "The axis maximum")),
  },
  majorUnit: {
    get: (c) => c.valueAxis.majorUnit,
    set: (c, v) => (c.valueAxis.majorUnit = numberOrNull(v, "The axis major unit")),
  },
});

// ---------------------------------------------------------------------------------------------
export class FakeChartSeriesCollection extends FakeCollection<ChartSeriesState, FakeChartSeries> {
  protected states(target: unknown): ChartSeriesState[] {
    return (target as ChartState).series;
  }
  protected itemFor(series: ChartSeriesState): FakeChartSeries {
    return new FakeChartSeries(this.context, () => series);
  }
  add(name?: string): FakeChartSeries {
    let created: ChartSeriesState | null = null;
    this.queue({ name }, (target) => {
      const chart = target as ChartState;
      created = newSeries(name ?? `Series${chart.series.length + 1}`, null);
      chart.series.push(created);
    });
    return new FakeChartSeries(this.context, () => created);
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => (this.target() as ChartState).series[index] ?? null);
  }
}

export interface FakeChartSeries extends Pick<
  Excel.ChartSeries,
  "name" | "markerStyle" | "markerBackgroundColor" | "markerForegroundColor"
> {}
export class FakeChartSeries extends FakeClientObject {
  readonly format: FakeChartSeriesFormat;
  constructor(context: FakeRequestContext, locate: () => ChartSeriesState | null) {
    super(context, locate);
    this.format = new FakeChartSeriesFormat(context, () => this.target() as ChartSeriesState);
  }
  setValues(sourceData: FakeRange): void {
    this.queue(null, (target) => {
      (target as ChartSeriesState).values = oneDimensional(rangeArgument(sourceData, "setValues"), "setValues");
    });
  }
  setXAxisValues(sourceData: FakeRange): void {
    this.queue(null, (target) => {
      (target as ChartSeriesState).xValues = oneDimensional(
        rangeArgument(sourceData, "setXAxisValues"),
        "setXAxisValues",
      );
    });
  }
}
defineAccessors<ChartSeriesState>(FakeChartSeries, {
  name: { get: (s) => s.name, set: (s, v) => (s.name = String(v)) },
  markerStyle: { get: (s) => s.markerStyle, set: (s, v) => (s.markerStyle = oneOf(v, MARKER_STYLES, "marker style")) },
  markerBackgroundColor: {
    get: (s) => s.markerBackgroundColor,
    set: (s, v) => (s.markerBackgroundColor = normaliseColour(v)),
  },
  markerForegroundColor: {
    get: (s) => s.markerForegroundColor,
    set: (s, v) => (s.markerForegroundColor = normaliseColour(v)),
  },
});

export class FakeChartSeriesFormat extends FakeClientObject {
  readonly line: FakeChartLineFormat;
  constructor(context: FakeRequestContext, locate: () => ChartSeriesState) {
    super(context, locate);
    this.line = new FakeChartLineFormat(context, locate);
  }
}

export interface FakeChartLineFormat extends Pick<Excel.ChartLineFormat, "color"> {}
export class FakeChartLineFormat extends FakeClientObject {}
defineAccessors<ChartSeriesState>(FakeChartLineFormat, {
  color: { get: (s) => s.lineColor, set: (s, v) => (s.lineColor = normaliseColour(v)) },
});
