/// <reference types="office-js" />
/**
 * An in-memory Excel for tests that keeps Office's rules (see test/fakes/excel/*):
 *
 * - Reading a proxy's property before `load()` and `context.sync()` throws PropertyNotLoaded.
 * - Property sets and method calls are queued and applied, in order, only at `context.sync()`;
 *   a failing operation rejects the sync and the operations after it are dropped.
 * - Every sync is counted with its operations and request size; requests over 5 MB fail, as do
 *   responses (the request size is estimated at or above the real office.js client's count,
 *   test/office-real/requests.test.ts).
 * - A formula cell reads back as "" unless a test gave it the result a real engine computed
 *   (setComputedValues, fed from LibreOffice by test/support/computed-values.ts).
 * - Strings written to `values`/`formulas` are parsed as Excel parses typing: "=…", "+…", "-…" and
 *   "@…" become formulas, numbers/dates/TRUE become numbers and booleans, "#N/A" an error; a leading
 *   apostrophe keeps the rest as text.
 * - Sheet names: at most 31 characters, none of []:*?/\, unique ignoring case, not "History".
 * - `protect()` on a protected sheet and `unprotect()` on an unprotected one throw; a protected
 *   sheet refuses format changes and values in locked cells.
 * - A value array must have the range's exact shape; null elements leave cells unchanged.
 * - Tables: unique, non-blank headers, no overlap with tables or merged cells; a formula written
 *   into an empty table column is filled down it, relative rows moving (calculated-column
 *   autocorrect; not in a column that holds data). A table keeps its ID; a deleted one is gone for
 *   good. Rows are added at the end and deleted one by one through the table's row collection
 *   (stricter: cells below must be empty, one body row stays); clearing formats over a whole table
 *   is refused (what it does to the table is not documented).
 * - Worksheet.autoFilter.apply (ExcelApi 1.9): buttons only, never on a protected sheet or a table.
 * - Filters (set up by tests with filterTable / filterSheet: criteria and the rows they hide): a filtered
 *   table refuses row deletes (InsertDeleteConflict, the TableRowCollection reference; office-js #994), rows
 *   hidden by a filter refuse writes and clears (office-js #224: such writes land in the wrong rows), and
 *   Table.clearFilters (1.2) / AutoFilter.remove (1.9) show the rows again; Table.autoFilter and
 *   Worksheet.autoFilter answer isDataFiltered (1.9); Range.getVisibleView (1.3) counts the rows no filter hides.
 * - Range.delete("Up") (1.1) deletes whole body rows of a table, which shrinks and keeps its object and name.
 * - TableColumnCollection.add (1.4 with no index) appends a column, headed by its first value or name; TableColumn.delete
 *   (1.1) removes one (stricter: only the last, cells beside the table must be empty); the table keeps its object and name.
 * - Freeze panes on a hidden sheet fail (office-js #1463).
 * - Names and table names share one namespace; renaming a sheet rewrites references to it;
 *   deleting one turns them into #REF!.
 * - Data validation: inline lists ≤ 255 characters, titles ≤ 32, prompts ≤ 255, errors ≤ 225.
 * - The last visible sheet (and, stricter than Excel, the active one) cannot be hidden; a hidden
 *   sheet cannot be activated; Range.select() fails on a sheet that is not the active one.
 * - A proxy reached through a null object (an *OrNullObject that found nothing) is a null object
 *   too; NamedItem.getRangeOrNullObject() finds nothing for a name that is not a range (#REF!).
 * - Excel.createWorkbook(base64File) (ExcelApi 1.8, https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)):
 *   not part of a batch (the real client runs it in a request context of its own, so no sync of ours is counted);
 *   the workbooks it opened are kept, as bytes, in `createdWorkbooks`. Stricter than documented: text that is not
 *   Base64, or a file that is not an .xlsx package (a zip), is refused (InvalidArgument), as the reference's
 *   extension-hardening note refuses a file whose type does not match.
 * - Charts (test/fakes/excel/charts.ts): series come from the source by columns or rows as asked
 *   ("Auto" refused), series data is one row or column of a Range, a protected sheet refuses new
 *   charts, and there is no chart alt text (Office.js has none).
 *
 * Tests hand `context` to code under test as an Excel.RequestContext (a cast in tests only).
 */
import { parseRect } from "./excel/address";
import { FakeOfficeError } from "./excel/errors";
import { parseTyped, valueOf, type StoredCell } from "./excel/cell-input";
import { FakeRequestContext, type FakeHost, type SyncRecord } from "./excel/client";
import { filterRows, findTable } from "./excel/rules";
import { cellKey, newSheet, type SheetState, type WorkbookState } from "./excel/state";
import { FakeWorkbook } from "./excel/workbook";

export { FakeOfficeError } from "./excel/errors";
export type { SyncRecord } from "./excel/client";
export type { CellFormat, SheetState, WorkbookState } from "./excel/state";

export interface FakeExcelOptions {
  /** Office's request limit (5 MB in Excel on the web). */
  payloadLimitBytes?: number;
  /** Names of the sheets a new workbook starts with. */
  sheets?: string[];
  /** Workbook.name: the open file's name. */
  fileName?: string;
}

export type SeedCell = string | number | boolean | { formula: string };

export class FakeExcel implements FakeHost {
  readonly state: WorkbookState;
  readonly options: { payloadLimitBytes: number };
  readonly syncs: SyncRecord[] = [];
  /** The files Excel.createWorkbook opened as new workbooks, in order. */
  readonly createdWorkbooks: Uint8Array[] = [];
  hangSyncs = false;
  syncDelayMs = 0;
  failNextSync?: Error;

  constructor(options: FakeExcelOptions = {}) {
    this.options = { payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024 };
    this.state = {
      sheets: [],
      names: [],
      activeSheetId: "",
      readOnly: false,
      structureProtected: false,
      nextId: 1,
      fileName: options.fileName ?? "Book1",
    };
    for (const name of options.sheets ?? ["Sheet1"]) this.state.sheets.push(newSheet(this.state, name));
    this.state.activeSheetId = this.state.sheets[0]?.id ?? "";
  }

  recordSync(record: SyncRecord): void {
    this.syncs.push(record);
  }

  /** A fresh request context, typed as the fake (tests cast it to Excel.RequestContext). */
  newContext(): FakeRequestContext & { workbook: FakeWorkbook } {
    const context = new FakeRequestContext(this) as FakeRequestContext & { workbook: FakeWorkbook };
    context.workbook = new FakeWorkbook(context);
    return context;
  }

  /** Like Excel.run: runs the batch, then sends anything still queued in one more (counted) sync. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = this.newContext();
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pendingOperations > 0) await context.sync();
    return result;
  };

  /** Like Excel.createWorkbook: opens an .xlsx file, given as Base64, as a new workbook (kept in createdWorkbooks). */
  readonly createWorkbook = async (base64File?: string): Promise<void> => {
    if (base64File === undefined) {
      this.createdWorkbooks.push(new Uint8Array());
      return;
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64File) || base64File.length % 4 !== 0) {
      throw new FakeOfficeError("InvalidArgument", "The file to open is not Base64 text.");
    }
    // atob, not Buffer: the pane's pictures run this fake in a browser.
    const bytes = Uint8Array.from(atob(base64File), (c) => c.charCodeAt(0));
    // Every .xlsx file is a zip package, which starts "PK\x03\x04".
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
      throw new FakeOfficeError("InvalidArgument", "The file to open is not an .xlsx workbook.");
    }
    this.createdWorkbooks.push(bytes);
  };

  /** Sync count and operations since `mark` (an index into `syncs`). */
  since(mark: number): { syncs: number; operations: number[]; requestBytes: number[] } {
    const slice = this.syncs.slice(mark);
    return {
      syncs: slice.length,
      operations: slice.map((s) => s.operations),
      requestBytes: slice.map((s) => s.requestBytes),
    };
  }

  // --- Test set-up and inspection: direct access to the state, not through Office's rules. ---

  sheet(name: string): SheetState {
    const sheet = this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet)
      throw new Error(
        `The fake workbook has no sheet "${name}" (it has ${this.state.sheets.map((s) => s.name).join(", ")}).`,
      );
    return sheet;
  }

  hasSheet(name: string): boolean {
    return this.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Adds a sheet the way a user would have made it, with typed content. */
  seedSheet(
    name: string,
    cells: Record<string, SeedCell> = {},
    visibility: SheetState["visibility"] = "Visible",
  ): SheetState {
    const sheet = newSheet(this.state, name);
    sheet.visibility = visibility;
    this.state.sheets.push(sheet);
    for (const [address, value] of Object.entries(cells)) this.seedCell(sheet, address, value);
    return sheet;
  }

  seedCell(sheet: SheetState, address: string, value: SeedCell): void {
    const { top, left } = parseRect(address);
    const stored: StoredCell | null =
      typeof value === "object"
        ? { kind: "formula", formula: value.formula.startsWith("=") ? value.formula : `=${value.formula}` }
        : typeof value === "string"
          ? parseTyped(value)
          : typeof value === "number"
            ? { kind: "number", number: value }
            : { kind: "boolean", boolean: value };
    if (stored) sheet.cells.set(cellKey(top, left), stored);
    else sheet.cells.delete(cellKey(top, left));
  }

  /**
   * Gives formula cells the results a real engine computed (sheet name → A1 address → value), so
   * reads return what Excel would and response sizes are real. Cells that are not formulas are left alone.
   */
  setComputedValues(computed: Record<string, Record<string, string | number | boolean | null>>): number {
    let given = 0;
    for (const [sheetName, cells] of Object.entries(computed)) {
      if (!this.hasSheet(sheetName)) continue;
      const sheet = this.sheet(sheetName);
      for (const [address, value] of Object.entries(cells)) {
        const { top, left } = parseRect(address);
        const cell = sheet.cells.get(cellKey(top, left));
        if (cell?.kind !== "formula" || value === null) continue;
        sheet.cells.set(cellKey(top, left), { ...cell, computed: value });
        given++;
      }
    }
    return given;
  }

  /**
   * Filters a table as a user would: only the body rows whose cell in `column` (from the table's left) reads
   * one of `values` stay shown.
   */
  filterTable(tableName: string, filter: { column: number; values: string[] }): void {
    const found = findTable(this.state, tableName);
    if (!found) throw new Error(`The fake workbook has no table "${tableName}".`);
    found.table.filter = filterRows(found.table.rect, filter.column, filter.values, this.displayed(found.sheet));
  }

  /** The same through a sheet's AutoFilter, which must be there. */
  filterSheet(sheetName: string, filter: { column: number; values: string[] }): void {
    const sheet = this.sheet(sheetName);
    if (!sheet.autoFilter) throw new Error(`The sheet "${sheetName}" has no AutoFilter to filter with.`);
    sheet.autoFilterState = filterRows(sheet.autoFilter, filter.column, filter.values, this.displayed(sheet));
  }

  private displayed(sheet: SheetState): (row: number, column: number) => string {
    return (row, column) => String(valueOf(sheet.cells.get(cellKey(row, column))));
  }

  cell(sheetName: string, address: string): StoredCell | undefined {
    const { top, left } = parseRect(address);
    return this.sheet(sheetName).cells.get(cellKey(top, left));
  }

  /** The sheet and range Range.select() last selected, or null. */
  selection(): { sheet: string; address: string } | null {
    const selected = this.state.selection;
    const sheet = this.state.sheets.find((s) => s.id === selected?.sheetId);
    return selected && sheet ? { sheet: sheet.name, address: selected.address } : null;
  }

  activeSheetName(): string {
    return this.state.sheets.find((s) => s.id === this.state.activeSheetId)?.name ?? "";
  }

  /** A deep copy of everything, for before/after comparisons. */
  snapshotState(): unknown {
    return plainCopy(this.state);
  }

  /** A deep copy of the sheets with these IDs, in workbook order: a user's sheets without copying the rest. */
  snapshotSheets(ids: string[]): unknown[] {
    return plainCopy(this.state.sheets.filter((s) => ids.includes(s.id))) as unknown[];
  }
}

/** Plain data (maps as entries in key order), so two copies compare with toEqual. */
function plainCopy(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, inner: unknown) =>
      inner instanceof Map ? [...inner.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)) : inner,
    ),
  );
}

export function createFakeExcel(options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(options);
}
