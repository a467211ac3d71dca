/// <reference types="office-js" />
/** Workbook, worksheets, names, tables, protection, freeze panes and page layout. */
import { parseRect, rectAddress, sheetReference, splitSheet, WHOLE_SHEET, type Rect } from "./address";
import { FakeChartCollection } from "./charts";
import { FakeClientObject, FakeCollection, defineAccessors, type FakeRequestContext } from "./client";
import { officeError } from "./errors";
import { FakeRange, normaliseColour, type RangeTarget } from "./range";
import {
  activate,
  addTable,
  addTableColumn,
  addTableRows,
  applyAutoFilter,
  clearRange,
  clearTableFilters,
  deleteTableColumn,
  deleteTableRow,
  removeAutoFilter,
  assertAlive,
  assertUnprotected,
  deleteSheet,
  findTable,
  renameSheet,
  setVisibility,
  usedRect,
  validateDefinedName,
  validateSheetName,
  validateTableName,
} from "./rules";
import { cellKey, newSheet, type NameState, type SheetState, type TableState, type WorkbookState } from "./state";

const findSheet = (state: WorkbookState, key: string) =>
  state.sheets.find((sheet) => sheet.name.toLowerCase() === key.toLowerCase() || sheet.id === key) ?? null;

function rangeOn(sheet: SheetState, address: string | undefined): RangeTarget {
  if (address === undefined) return { sheet, rect: WHOLE_SHEET };
  const { sheet: named, local } = splitSheet(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw officeError("InvalidArgument", `The address "${address}" is not on the sheet "${sheet.name}".`);
  }
  return { sheet, rect: parseRect(local) };
}

/** A range given as a proxy or an address string, resolved at sync. */
function resolveRangeArgument(state: WorkbookState, sheet: SheetState | null, value: unknown): RangeTarget {
  if (value instanceof FakeRange) return value.target() as RangeTarget;
  if (typeof value !== "string") throw officeError("InvalidArgument", "Expected a range or an address.");
  const { sheet: named, local } = splitSheet(value.replace(/^=/, ""));
  const owner = named !== undefined ? findSheet(state, named) : sheet;
  if (!owner) throw officeError("ItemNotFound", `No sheet for the address "${value}".`);
  return { sheet: owner, rect: parseRect(local) };
}

// ---------------------------------------------------------------------------------------------
export interface FakeWorkbook extends Pick<Excel.Workbook, "readOnly" | "name"> {}
export class FakeWorkbook extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly protection: FakeWorkbookProtection;

  constructor(context: FakeRequestContext) {
    super(context, () => context.state);
    this.worksheets = new FakeWorksheetCollection(context, () => context.state);
    this.names = new FakeNamedItemCollection(context, () => context.state);
    this.tables = new FakeTableCollection(context, () => ({ state: context.state, sheet: null }));
    this.protection = new FakeWorkbookProtection(context, () => context.state);
  }
  protected override children(): Record<string, FakeClientObject> {
    return { protection: this.protection };
  }
}
// Workbook.name is read-only (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-name-member).
defineAccessors<WorkbookState>(FakeWorkbook, {
  readOnly: { get: (s) => s.readOnly },
  name: { get: (s) => s.fileName },
});

export interface FakeWorkbookProtection extends Pick<Excel.WorkbookProtection, "protected"> {}
export class FakeWorkbookProtection extends FakeClientObject {}
defineAccessors<WorkbookState>(FakeWorkbookProtection, { protected: { get: (s) => s.structureProtected } });

// ---------------------------------------------------------------------------------------------
export class FakeWorksheetCollection extends FakeCollection<SheetState, FakeWorksheet> {
  private get state(): WorkbookState {
    return this.context.state;
  }
  protected states(): SheetState[] {
    return this.state.sheets;
  }
  protected itemFor(sheet: SheetState): FakeWorksheet {
    return new FakeWorksheet(this.context, () => sheet);
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.queue(name ?? null, () => {
      if (this.state.structureProtected)
        throw officeError("InvalidOperation", "The workbook's structure is protected.");
      let sheetName = name;
      for (let n = this.state.sheets.length + 1; sheetName === undefined; n++) {
        if (!findSheet(this.state, `Sheet${n}`)) sheetName = `Sheet${n}`;
      }
      created = newSheet(this.state, validateSheetName(this.state, sheetName));
      this.state.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.state, key));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.state, key), true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.state.sheets.find((s) => s.id === this.state.activeSheetId) ?? null,
    );
  }
  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.state.sheets[0] ?? null);
  }
}

export interface FakeWorksheet extends Pick<Excel.Worksheet, "name" | "id" | "position" | "visibility" | "tabColor"> {}
export class FakeWorksheet extends FakeClientObject {
  private protectionProxy?: FakeWorksheetProtection;
  private freezeProxy?: FakeWorksheetFreezePanes;
  private pageLayoutProxy?: FakePageLayout;
  private tablesProxy?: FakeTableCollection;
  private autoFilterProxy?: FakeAutoFilter;
  private chartsProxy?: FakeChartCollection;

  constructor(context: FakeRequestContext, locate: () => SheetState | null, nullable = false) {
    super(
      context,
      () => {
        const sheet = locate();
        if (sheet) assertAlive(context.state, sheet);
        return sheet;
      },
      nullable,
    );
  }
  private sheet(): SheetState {
    return this.live() as SheetState;
  }
  get protection(): FakeWorksheetProtection {
    return (this.protectionProxy ??= new FakeWorksheetProtection(this.context, () => this.sheet()));
  }
  get freezePanes(): FakeWorksheetFreezePanes {
    return (this.freezeProxy ??= new FakeWorksheetFreezePanes(this.context, () => this.sheet()));
  }
  get pageLayout(): FakePageLayout {
    return (this.pageLayoutProxy ??= new FakePageLayout(this.context, () => this.sheet()));
  }
  get tables(): FakeTableCollection {
    return (this.tablesProxy ??= new FakeTableCollection(this.context, () => ({
      state: this.context.state,
      sheet: this.sheet(),
    })));
  }
  /** ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-autofilter-member). */
  get autoFilter(): FakeAutoFilter {
    return (this.autoFilterProxy ??= new FakeAutoFilter(this.context, () => this.sheet()));
  }
  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.context, () => this.sheet()));
  }
  protected override children(): Record<string, FakeClientObject> {
    return {
      protection: this.protection,
      pageLayout: this.pageLayout,
      tables: this.tables,
      charts: this.charts,
      autoFilter: this.autoFilter,
    };
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => rangeOn(this.sheet(), address));
  }
  /**
   * ExcelApi 1.9: several ranges of the sheet as one RangeAreas, from comma-separated addresses.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getranges-member(1)
   */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => address.split(",").map((part) => rangeOn(this.sheet(), part.trim())));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const rect: Rect = {
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    };
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), rect }));
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return { sheet, rect: usedRect(sheet, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.sheet();
        const rect = usedRect(sheet, valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  activate(): void {
    this.queue(null, (sheet) => activate(this.context.state, sheet as SheetState));
  }
  delete(): void {
    this.queue(null, (sheet) => {
      if (this.context.state.structureProtected)
        throw officeError("InvalidOperation", "The workbook's structure is protected.");
      deleteSheet(this.context.state, sheet as SheetState);
    });
  }
}
defineAccessors<SheetState>(FakeWorksheet, {
  name: { get: (s) => s.name, set: (s, v, self) => renameSheet(self.context.state, s, v) },
  id: { get: (s) => s.id },
  position: {
    get: (s, self) => self.context.state.sheets.indexOf(s),
    set: (s, v, self) => {
      const sheets = self.context.state.sheets;
      if (typeof v !== "number" || v < 0 || v >= sheets.length)
        throw officeError("InvalidArgument", `${String(v)} is not a sheet position.`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    },
  },
  visibility: { get: (s) => s.visibility, set: (s, v, self) => setVisibility(self.context.state, s, v) },
  tabColor: { get: (s) => s.tabColor, set: (s, v) => (s.tabColor = v === "" ? "" : normaliseColour(v)) },
});

export interface FakeAutoFilter extends Pick<Excel.AutoFilter, "enabled" | "isDataFiltered"> {}

export interface FakeWorksheetProtection extends Pick<Excel.WorksheetProtection, "protected" | "options"> {}
export class FakeWorksheetProtection extends FakeClientObject {
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queue({ options, password }, (target) => {
      const sheet = target as SheetState;
      if (sheet.protection.protected)
        throw officeError("InvalidOperation", `The sheet "${sheet.name}" is already protected.`);
      sheet.protection = { protected: true, options: { ...(options ?? {}) }, password };
    });
  }
  unprotect(password?: string): void {
    this.queue({ password }, (target) => {
      const sheet = target as SheetState;
      if (!sheet.protection.protected)
        throw officeError("InvalidOperation", `The sheet "${sheet.name}" is not protected.`);
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
        throw officeError("InvalidArgument", `The password to unprotect "${sheet.name}" is incorrect.`);
      }
      sheet.protection = { protected: false, options: {} };
    });
  }
}
defineAccessors<SheetState>(FakeWorksheetProtection, {
  protected: { get: (s) => s.protection.protected },
  options: { get: (s) => s.protection.options },
});

export class FakeAutoFilter extends FakeClientObject {
  apply(range: FakeRange | string, columnIndex?: number, criteria?: Excel.FilterCriteria): void {
    this.queue({ range: typeof range === "string" ? range : null, columnIndex, criteria }, (target) => {
      const sheet = target as SheetState;
      const { sheet: owner, rect } = resolveRangeArgument(this.context.state, sheet, range);
      if (owner !== sheet) throw officeError("InvalidArgument", "The AutoFilter range must be on this sheet.");
      applyAutoFilter(sheet, rect, columnIndex, criteria);
    });
  }
  /** ExcelApi 1.9: removes the AutoFilter, showing the rows its criteria hid. */
  remove(): void {
    this.queue(null, (target) => removeAutoFilter(target as SheetState));
  }
}
defineAccessors<SheetState>(FakeAutoFilter, {
  enabled: { get: (s) => s.autoFilter !== null },
  isDataFiltered: { get: (s) => s.autoFilterState.columns.length > 0 },
});

/**
 * Table.autoFilter (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-autofilter-member):
 * what the fake models of it is whether the table's filter has criteria.
 */
export interface FakeTableAutoFilter extends Pick<Excel.AutoFilter, "enabled" | "isDataFiltered"> {}
export class FakeTableAutoFilter extends FakeClientObject {}
defineAccessors<TableState>(FakeTableAutoFilter, {
  enabled: { get: () => true },
  isDataFiltered: { get: (t) => t.filter.columns.length > 0 },
});

/**
 * Freeze panes (ExcelApi 1.7). On a hidden sheet every call fails: unfreeze() there throws
 * (https://github.com/OfficeDev/office-js/issues/1463, since fixed in newer builds, not in every one users have),
 * and the fake refuses freezing alike, so code shows a sheet before it touches its panes.
 */
export class FakeWorksheetFreezePanes extends FakeClientObject {
  private freeze(payload: unknown, rows: (s: SheetState) => number, columns: (s: SheetState) => number): void {
    this.queue(payload, (target) => {
      const sheet = target as SheetState;
      if (sheet.visibility !== "Visible")
        throw officeError("InvalidOperation", `The panes of the hidden sheet "${sheet.name}" cannot be changed.`);
      sheet.freeze = { rows: rows(sheet), columns: columns(sheet) };
    });
  }
  freezeRows(count = 1): void {
    this.freeze(
      count,
      () => count,
      () => 0,
    );
  }
  freezeColumns(count = 1): void {
    this.freeze(
      count,
      () => 0,
      () => count,
    );
  }
  freezeAt(frozenRange: FakeRange | string): void {
    const area = (sheet: SheetState) => resolveRangeArgument(this.context.state, sheet, frozenRange).rect;
    this.freeze(
      typeof frozenRange === "string" ? frozenRange : null,
      (s) => area(s).bottom,
      (s) => area(s).right,
    );
  }
  unfreeze(): void {
    this.freeze(
      null,
      () => 0,
      () => 0,
    );
  }
  /**
   * ExcelApi 1.7: "Gets a range that describes the frozen cells in the active worksheet view. The frozen range
   * corresponds to cells that are frozen in the top- and left-most pane", and a null object when there is no
   * frozen pane (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetfreezepanes#excel-excel-worksheetfreezepanes-getlocationornullobject-member(1)):
   * rows frozen alone are whole rows, columns alone whole columns. Refused on a hidden sheet, as every other call
   * on its panes (OfficeDev/office-js #1463).
   */
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.target() as SheetState;
        if (sheet.visibility !== "Visible")
          throw officeError("InvalidOperation", `The panes of the hidden sheet "${sheet.name}" cannot be read.`);
        const { rows, columns } = sheet.freeze;
        if (rows === 0 && columns === 0) return null;
        return {
          sheet,
          rect: {
            top: 1,
            left: 1,
            bottom: rows === 0 ? WHOLE_SHEET.bottom : rows,
            right: columns === 0 ? WHOLE_SHEET.right : columns,
          },
        };
      },
      true,
    );
  }
}

function margin(side: "leftMargin" | "rightMargin") {
  return {
    get: (s: SheetState) => s.pageLayout[side],
    set: (s: SheetState, v: unknown) => {
      if (typeof v !== "number" || !(v >= 0))
        throw officeError("InvalidArgument", `${side} must be points, 0 or more.`);
      s.pageLayout[side] = v;
    },
  };
}

/** Excel.PaperType's values (https://learn.microsoft.com/en-us/javascript/api/excel/excel.papertype). */
const PAPER_TYPES = new Set(
  (
    "Letter LetterSmall Tabloid Ledger Legal Statement Executive A3 A4 A4Small A5 B4 B5 Folio Quatro Paper10x14 " +
    "Paper11x17 Note Envelope9 Envelope10 Envelope11 Envelope12 Envelope14 Csheet Dsheet Esheet EnvelopeDL EnvelopeC5 " +
    "EnvelopeC3 EnvelopeC4 EnvelopeC6 EnvelopeC65 EnvelopeB4 EnvelopeB5 EnvelopeB6 EnvelopeItaly EnvelopeMonarch " +
    "EnvelopePersonal FanfoldUS FanfoldStdGerman FanfoldLegalGerman"
  ).split(" "),
);

/**
 * Page layout (ExcelApi 1.9): https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout
 * - paperSize takes an Excel.PaperType value ("A3", "A4", "Letter"…), anything else is refused;
 * - leftMargin and rightMargin are in points, never negative.
 */
export interface FakePageLayout extends Pick<
  Excel.PageLayout,
  "orientation" | "zoom" | "paperSize" | "leftMargin" | "rightMargin"
> {}
export class FakePageLayout extends FakeClientObject {
  setPrintTitleRows(rows: FakeRange | string): void {
    this.queue(typeof rows === "string" ? rows : null, (target) => {
      const sheet = target as SheetState;
      const { rect } = resolveRangeArgument(this.context.state, sheet, rows);
      if (rect.left !== 1 || rect.right !== 16384)
        throw officeError("InvalidArgument", 'Print title rows must be whole rows, e.g. "$6:$6".');
      sheet.pageLayout.printTitleRows = `$${rect.top}:$${rect.bottom}`;
    });
  }
}
defineAccessors<SheetState>(FakePageLayout, {
  orientation: {
    get: (s) => s.pageLayout.orientation,
    set: (s, v) => {
      if (v !== "Portrait" && v !== "Landscape")
        throw officeError("InvalidArgument", `"${String(v)}" is not an orientation.`);
      s.pageLayout.orientation = v;
    },
  },
  paperSize: {
    // Never set, a sheet prints on the printer's default paper: Letter in the US, which Office reports.
    get: (s) => s.pageLayout.paperSize ?? "Letter",
    set: (s, v) => {
      if (!PAPER_TYPES.has(String(v))) throw officeError("InvalidArgument", `"${String(v)}" is not a paper size.`);
      s.pageLayout.paperSize = String(v);
    },
  },
  leftMargin: margin("leftMargin"),
  rightMargin: margin("rightMargin"),
  zoom: {
    get: (s) => s.pageLayout.zoom,
    set: (s, v) => {
      const zoom = v as Record<string, unknown>;
      if (!zoom || typeof zoom !== "object") throw officeError("InvalidArgument", "zoom must be an object.");
      s.pageLayout.zoom = { ...zoom };
    },
  },
});

// ---------------------------------------------------------------------------------------------
interface TableScope {
  state: WorkbookState;
  sheet: SheetState | null;
}

export class FakeTableCollection extends FakeCollection<TableState, FakeTable> {
  protected states(target: unknown): TableState[] {
    const scope = target as TableScope;
    return scope.sheet ? scope.sheet.tables : scope.state.sheets.flatMap((sheet) => sheet.tables);
  }
  protected itemFor(table: TableState): FakeTable {
    return new FakeTable(this.context, () => table);
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableState | null = null;
    this.queue({ address: typeof address === "string" ? address : null, hasHeaders }, (target) => {
      const scope = target as TableScope;
      const { sheet, rect } = resolveRangeArgument(scope.state, scope.sheet, address);
      if (scope.sheet && sheet !== scope.sheet)
        throw officeError("InvalidArgument", "The table must be on this sheet.");
      created = addTable(scope.state, sheet, rect, hasHeaders);
    });
    return new FakeTable(this.context, () => created);
  }
  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => findTable(this.context.state, key)?.table ?? null);
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => findTable(this.context.state, key)?.table ?? null, true);
  }
}

const ownerOf = (state: WorkbookState, table: TableState) =>
  state.sheets.find((sheet) => sheet.tables.includes(table))!;

export interface FakeTable extends Pick<Excel.Table, "name" | "id" | "style"> {}
export class FakeTable extends FakeClientObject {
  private rowsProxy?: FakeTableRowCollection;
  private columnsProxy?: FakeTableColumnCollection;
  private worksheetProxy?: FakeWorksheet;
  private autoFilterProxy?: FakeTableAutoFilter;

  /** A deleted table is gone for good: a proxy bound to it fails, and its ID is never given again. */
  override target(): unknown {
    const table = super.target() as TableState | null;
    if (table && !this.context.state.sheets.some((sheet) => sheet.tables.includes(table)))
      throw officeError("ItemNotFound", `The table "${table.name}" has been deleted.`);
    return table;
  }
  private table(): TableState {
    return this.target() as TableState;
  }
  get rows(): FakeTableRowCollection {
    return (this.rowsProxy ??= new FakeTableRowCollection(this.context, () => this.table()));
  }
  get columns(): FakeTableColumnCollection {
    return (this.columnsProxy ??= new FakeTableColumnCollection(this.context, () => this.table()));
  }
  /** The sheet the table is on (ExcelApi 1.2, https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-worksheet-member). */
  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= new FakeWorksheet(this.context, () => ownerOf(this.context.state, this.table())));
  }
  get autoFilter(): FakeTableAutoFilter {
    return (this.autoFilterProxy ??= new FakeTableAutoFilter(this.context, () => this.table()));
  }
  protected override children(): Record<string, FakeClientObject> {
    return { rows: this.rows, columns: this.columns, worksheet: this.worksheet, autoFilter: this.autoFilter };
  }
  /** ExcelApi 1.2: clears every filter on the table, showing the rows they hid. */
  clearFilters(): void {
    this.queue(null, (target) => clearTableFilters(target as TableState));
  }
  delete(): void {
    this.queue(null, (target) => {
      const table = target as TableState;
      const sheet = ownerOf(this.context.state, table);
      assertUnprotected(sheet, "delete a table");
      sheet.tables = sheet.tables.filter((t) => t !== table);
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.table();
      return { sheet: ownerOf(this.context.state, table), rect: table.rect };
    });
  }
}
defineAccessors<TableState>(FakeTable, {
  name: {
    get: (t) => t.name,
    set: (t, v, self) => {
      t.name = validateTableName(self.context.state, v, t);
    },
  },
  id: { get: (t) => t.id },
  style: {
    get: (t) => t.style,
    set: (t, v) => {
      if (typeof v !== "string" || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v))
        throw officeError("InvalidArgument", `"${String(v)}" is not a table style.`);
      t.style = v;
    },
  },
});

/** A table's body rows (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection). */
export interface FakeTableRowCollection extends Pick<Excel.TableRowCollection, "count"> {}
export class FakeTableRowCollection extends FakeClientObject {
  /** Returns the first added row. */
  add(index?: number | null, values?: unknown[][]): FakeTableRow {
    let first: { table: TableState; index: number } | null = null;
    this.queue({ index, values }, (target) => {
      const table = target as TableState;
      const before = table.rect.bottom - table.rect.top;
      addTableRows(ownerOf(this.context.state, table), table, index, values);
      first = { table, index: before };
    });
    return new FakeTableRow(this.context, () => first);
  }
  getItemAt(index: number): FakeTableRow {
    return new FakeTableRow(this.context, () => ({ table: this.target() as TableState, index }));
  }
}
defineAccessors<TableState>(FakeTableRowCollection, { count: { get: (t) => t.rect.bottom - t.rect.top } });

export class FakeTableRow extends FakeClientObject {
  /** https://learn.microsoft.com/javascript/api/excel/excel.tablerow#excel-excel-tablerow-delete-member(1) */
  delete(): void {
    this.queue(null, (target) => {
      const { table, index } = target as { table: TableState; index: number };
      deleteTableRow(ownerOf(this.context.state, table), table, index);
    });
  }
}

interface ColumnState {
  table: TableState;
  index: number;
}

/** A table's columns; each column's name is its header cell's text. */
export class FakeTableColumnCollection extends FakeCollection<ColumnState, FakeTableColumn> {
  private readonly columnStates = new Map<string, ColumnState>();
  protected states(target: unknown): ColumnState[] {
    const table = target as TableState;
    return Array.from({ length: table.rect.right - table.rect.left + 1 }, (_, index) => {
      const key = `${table.id}:${index}`;
      if (!this.columnStates.has(key)) this.columnStates.set(key, { table, index });
      return this.columnStates.get(key)!;
    });
  }
  protected itemFor(column: ColumnState): FakeTableColumn {
    return new FakeTableColumn(this.context, () => column);
  }
  /** ExcelApi 1.1 / 1.4: see addTableColumn. */
  add(index?: number | null, values?: unknown[][], name?: string): FakeTableColumn {
    let added: ColumnState | null = null;
    this.queue({ index, values, name }, (target) => {
      const table = target as TableState;
      addTableColumn(ownerOf(this.context.state, table), table, { index, values, name });
      added = { table, index: table.rect.right - table.rect.left };
    });
    return new FakeTableColumn(this.context, () => added);
  }
  /** ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-getitemat-member(1) */
  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => ({ table: this.target() as TableState, index }));
  }
}

export interface FakeTableColumn extends Pick<Excel.TableColumn, "name"> {}
export class FakeTableColumn extends FakeClientObject {
  /** See deleteTableColumn. */
  delete(): void {
    this.queue(null, (target) => {
      const { table, index } = target as ColumnState;
      deleteTableColumn(ownerOf(this.context.state, table), table, index);
    });
  }
}
defineAccessors<ColumnState>(FakeTableColumn, {
  name: {
    get: ({ table, index }, self) => {
      const sheet = ownerOf(self.context.state, table);
      const cell = sheet.cells.get(cellKey(table.rect.top, table.rect.left + index));
      return cell?.kind === "text" ? cell.text : cell?.kind === "number" ? String(cell.number) : "";
    },
  },
});

// ---------------------------------------------------------------------------------------------
export class FakeNamedItemCollection extends FakeCollection<NameState, FakeNamedItem> {
  protected states(target: unknown): NameState[] {
    return (target as WorkbookState).names;
  }
  protected itemFor(item: NameState): FakeNamedItem {
    return new FakeNamedItem(this.context, () => item);
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: NameState | null = null;
    this.queue({ name, reference: typeof reference === "string" ? reference : null, comment }, (target) => {
      const state = target as WorkbookState;
      validateDefinedName(state, name);
      let formula: string;
      if (typeof reference === "string") {
        // Stricter than Excel: the documented form is a formula, "=Sheet1!$A$1".
        if (!reference.startsWith("="))
          throw officeError(
            "InvalidArgument",
            `A name's reference must be a formula starting with "=" (got "${reference}").`,
          );
        formula = canonicalReference(state, reference);
      } else {
        const t = reference.target() as RangeTarget;
        formula = `=${sheetReference(t.sheet.name)}!${absolute(t.rect)}`;
      }
      created = { name, formula, visible: true, comment: comment ?? "" };
      state.names.push(created);
    });
    return new FakeNamedItem(this.context, () => created);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name));
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name), true);
  }
  private find(name: string): NameState | null {
    return this.context.state.names.find((item) => item.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
}

function absolute(rect: Rect): string {
  return rectAddress(rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/** Excel stores a reference in its own spelling: sheet quoted only when needed. */
function canonicalReference(state: WorkbookState, formula: string): string {
  const match = /^=('(?:[^']|'')+'|[^'!]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(formula);
  if (!match) return formula;
  const { sheet } = splitSheet(`${match[1]}!A1`);
  const owner = sheet !== undefined ? findSheet(state, sheet) : null;
  return owner ? `=${sheetReference(owner.name)}!${match[2]}` : formula;
}

function nameType(item: NameState): string {
  if (/#REF!/.test(item.formula)) return "Error";
  if (/^=('(?:[^']|'')+'|[^'!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(item.formula)) return "Range";
  if (/^="/.test(item.formula)) return "String";
  if (/^=-?\d+(\.\d+)?$/.test(item.formula)) return "Double";
  return "Formula";
}

export interface FakeNamedItem extends Pick<
  Excel.NamedItem,
  "name" | "formula" | "type" | "value" | "visible" | "comment"
> {}
export class FakeNamedItem extends FakeClientObject {
  /**
   * The range a name refers to; a null object when it refers to no range (a #REF! left by a
   * deleted sheet, a constant, a formula). ExcelApi 1.4, "Returns a null object if the named item's
   * type is not a range", and a #REF! name's type is "Error" (Excel.NamedItemType):
   * https://learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-getrangeornullobject-member(1)
   * Excel once crashed here on a #REF! name (https://github.com/OfficeDev/office-js/issues/263, since
   * fixed); what a navigation off the null range (`.worksheet`) gives is not documented, which is why the
   * reader falls back to reading sheet by sheet when Excel refuses the batch.
   */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const item = this.live() as NameState;
        if (nameType(item) !== "Range") return null;
        const { sheet, local } = splitSheet(item.formula.slice(1));
        const owner = sheet !== undefined ? findSheet(this.context.state, sheet) : null;
        return owner ? { sheet: owner, rect: parseRect(local.replace(/\$/g, "")) } : null;
      },
      true,
    );
  }
  delete(): void {
    this.queue(null, (target) => {
      this.context.state.names = this.context.state.names.filter((item) => item !== target);
    });
  }
}
defineAccessors<NameState>(FakeNamedItem, {
  name: { get: (n) => n.name },
  formula: {
    get: (n) => n.formula,
    set: (n, v) => {
      if (typeof v !== "string" || !v.startsWith("="))
        throw officeError("InvalidArgument", 'A name\'s formula must start with "=".');
      n.formula = v;
    },
  },
  type: { get: (n) => nameType(n) },
  value: { get: (n) => (nameType(n) === "Range" ? n.formula.slice(1) : n.formula.replace(/^="?|"$/g, "")) },
  visible: { get: (n) => n.visible, set: (n, v) => (n.visible = v === true) },
  comment: { get: (n) => n.comment, set: (n, v) => (n.comment = String(v)) },
});

// ---------------------------------------------------------------------------------------------
/**
 * Range.worksheet (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-worksheet-member),
 * defined here because range.ts cannot import FakeWorksheet without a cycle.
 */
declare module "./range" {
  interface FakeRange {
    readonly worksheet: FakeWorksheet;
  }
}
const worksheetProxies = new WeakMap<FakeRange, FakeWorksheet>();
Object.defineProperty(FakeRange.prototype, "worksheet", {
  configurable: true,
  get(this: FakeRange): FakeWorksheet {
    let sheet = worksheetProxies.get(this);
    if (!sheet) {
      sheet = new FakeWorksheet(this.context, () => (this.live() as RangeTarget).sheet);
      worksheetProxies.set(this, sheet);
    }
    return sheet;
  },
});

/**
 * Worksheet.getRanges's RangeAreas, with the member the add-in uses: clear, which clears each of its ranges as
 * Range.clear would, under the same rules ("Setting a property on a RangeAreas object sets the corresponding
 * property on all the ranges in the RangeAreas.areas collection", and its methods act on each range alike:
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-multiple-ranges;
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-clear-member(1)).
 */
export class FakeRangeAreas extends FakeClientObject {
  clear(applyTo: string = "All"): void {
    this.queue(applyTo, (areas) => {
      for (const area of areas as RangeTarget[]) clearRange(area.sheet, area.rect, applyTo);
    });
  }
}
