/** Excel's rules, applied to the fake's state when a queued operation runs at sync. */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellName,
  contains,
  intersects,
  rectCellCount,
  rectColumns,
  rectRows,
  sameRect,
  sheetReference,
  type Rect,
} from "./address";
import { storeInput } from "./cell-input";
import { officeError } from "./errors";
import {
  cellKey,
  defaultFormat,
  keysIn,
  type CellFormat,
  type SheetState,
  type TableState,
  keyColumn,
  keyRow,
  noFilter,
  rowsHiddenByFilters,
  type FilterState,
  type WorkbookState,
} from "./state";

/** Beyond this many cells a per-cell operation is a bug in the code under test (Excel would crawl). */
const MAX_CELLS_PER_OPERATION = 2_000_000;

export function eachCell(rect: Rect, visit: (row: number, column: number) => void): void {
  if (rectCellCount(rect) > MAX_CELLS_PER_OPERATION) {
    throw officeError(
      "InvalidOperation",
      `The fake refuses to touch ${rectCellCount(rect)} cells one by one; use a smaller range.`,
    );
  }
  for (let row = rect.top; row <= rect.bottom; row++)
    for (let column = rect.left; column <= rect.right; column++) visit(row, column);
}

export function formatAt(sheet: SheetState, row: number, column: number): CellFormat {
  const key = cellKey(row, column);
  let format = sheet.formats.get(key);
  if (!format) {
    format = defaultFormat();
    sheet.formats.set(key, format);
  }
  return format;
}

export const readFormat = (sheet: SheetState, row: number, column: number): CellFormat =>
  sheet.formats.get(cellKey(row, column)) ?? defaultFormat();

export function assertAlive(state: WorkbookState, sheet: SheetState): void {
  if (!state.sheets.includes(sheet))
    throw officeError("ItemNotFound", `The worksheet "${sheet.name}" has been deleted.`);
}

/** A protected sheet refuses every change to its cells except values typed into unlocked cells. */
export function assertUnprotected(sheet: SheetState, action: string): void {
  if (sheet.protection.protected) {
    throw officeError(
      "InvalidOperation",
      `Cannot ${action}: the sheet "${sheet.name}" is protected. Unprotect it first.`,
    );
  }
}

function assertUnlockedForInput(sheet: SheetState, rect: Rect): void {
  if (!sheet.protection.protected) return;
  eachCell(rect, (row, column) => {
    if (readFormat(sheet, row, column).locked) {
      throw officeError(
        "InvalidOperation",
        `The cell ${cellName(row, column)} on the protected sheet "${sheet.name}" is locked.`,
      );
    }
  });
}

/** A value array must have exactly the range's shape. */
export function assertShape(rect: Rect, input: unknown, property: string): unknown[][] {
  const ok =
    Array.isArray(input) &&
    input.length === rectRows(rect) &&
    input.every((line) => Array.isArray(line) && line.length === rectColumns(rect));
  if (!ok) {
    throw officeError(
      "InvalidArgument",
      `The number of rows or columns in the input array for '${property}' doesn't match the size or dimensions of the range.`,
    );
  }
  return input as unknown[][];
}

function tableBody(table: TableState): Rect {
  return { ...table.rect, top: table.rect.top + 1 };
}

/**
 * A formula filled `delta` rows down, as Excel fills one: relative row numbers move, "$"-anchored
 * ones stay; text in quotes and quoted sheet names are left alone.
 */
export function fillDown(formula: string, delta: number): string {
  return formula.replace(
    /("(?:[^"]|"")*")|('(?:[^']|'')+'!)|(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
    (match, quoted: string, sheet: string, column: string, anchor: string, row: string) =>
      quoted || sheet ? match : `${column}${anchor}${anchor ? row : Number(row) + delta}`,
  );
}

/**
 * Excel's calculated-column autocorrect: a formula entered into an EMPTY table column is filled down
 * the whole column, relative references moving row by row; in a column that already holds data no
 * calculated column is made (https://support.microsoft.com/office/873fbac6-7110-4300-8f6f-aafa2ea11ce8,
 * "Use calculated columns in an Excel table"). The fake fills the first formula written into each
 * column that was empty, which is exactly the damage writing formulas that differ row by row does.
 */
function emptyTableColumns(sheet: SheetState, rect: Rect): { table: TableState; column: number }[] {
  const empty: { table: TableState; column: number }[] = [];
  for (const table of sheet.tables) {
    const body = tableBody(table);
    if (!intersects(body, rect)) continue;
    const span = { ...body, left: Math.max(rect.left, body.left), right: Math.min(rect.right, body.right) };
    // One pass over the sheet's cells for all the columns (a column at a time made a large write quadratic).
    const filled = new Set(keysIn(sheet.cells, span).map(keyColumn));
    for (let column = span.left; column <= span.right; column++) {
      if (!filled.has(column)) empty.push({ table, column });
    }
  }
  return empty;
}

function autofillTableColumns(
  sheet: SheetState,
  rect: Rect,
  emptyBefore: { table: TableState; column: number }[],
  written: Map<number, string>,
): void {
  for (const { table, column } of emptyBefore) {
    const body = tableBody(table);
    let first: string | undefined;
    let firstRow = 0;
    for (let row = Math.max(rect.top, body.top); row <= Math.min(rect.bottom, body.bottom) && !first; row++) {
      first = written.get(cellKey(row, column));
      firstRow = row;
    }
    if (!first) continue;
    for (let row = body.top; row <= body.bottom; row++)
      sheet.cells.set(cellKey(row, column), { kind: "formula", formula: fillDown(first, row - firstRow) });
  }
}

export function writeCells(sheet: SheetState, rect: Rect, input: unknown, property: string): void {
  const array = assertShape(rect, input, property);
  assertUnlockedForInput(sheet, rect);
  assertNoRowsHiddenByFilter(sheet, rect, `write ${property}`);
  const stored = array.map((line) => line.map(storeInput));
  const emptyBefore = emptyTableColumns(sheet, rect);
  const formulas = new Map<number, string>();
  stored.forEach((line, r) =>
    line.forEach((cell, c) => {
      const key = cellKey(rect.top + r, rect.left + c);
      if (cell === "unchanged") return;
      if (cell === null) sheet.cells.delete(key);
      else sheet.cells.set(key, cell);
      if (cell !== null && cell.kind === "formula") formulas.set(key, cell.formula);
    }),
  );
  autofillTableColumns(sheet, rect, emptyBefore, formulas);
}

/**
 * A 2D array the size of the range, or one format for every cell: "to apply the same update to all cells in a
 * range (…set the same number format for all cells…), set the corresponding property on the range object to
 * the desired (single) value" (Excel JavaScript object model, "Update all cells in a range":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts#update-all-cells-in-a-range).
 */
export function writeNumberFormat(sheet: SheetState, rect: Rect, input: unknown): void {
  const array =
    typeof input === "string"
      ? Array.from({ length: rectRows(rect) }, () => Array.from({ length: rectColumns(rect) }, () => input))
      : assertShape(rect, input, "numberFormat");
  assertUnprotected(sheet, "change number formats");
  array.forEach((line, r) =>
    line.forEach((format, c) => {
      // null leaves the cell's format as it is (excel-add-ins-blank-null-values, as for formulas).
      if (format === null || format === undefined) return;
      if (typeof format !== "string") throw officeError("InvalidArgument", "A number format must be a string.");
      formatAt(sheet, rect.top + r, rect.left + c).numberFormat = format === "" ? "General" : format;
    }),
  );
}

export function setFormat(sheet: SheetState, rect: Rect, change: (format: CellFormat) => void): void {
  assertUnprotected(sheet, "change formats");
  eachCell(rect, (row, column) => change(formatAt(sheet, row, column)));
}

export function clearRange(sheet: SheetState, rect: Rect, applyTo: string): void {
  assertUnprotected(sheet, "clear cells");
  // Stricter than Excel: what clearing a whole table does to the table object is not documented
  // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-clear-delete is silent;
  // the Excel UI's Clear All removes it), so code that must keep a table may not rely on either.
  const covered = sheet.tables.find((table) => contains(rect, table.rect));
  if (covered && applyTo !== "Contents")
    throw officeError(
      "InvalidOperation",
      `The fake refuses to clear ${applyTo} over the whole table "${covered.name}".`,
    );
  if (!["All", "Formats", "Contents"].includes(applyTo))
    throw officeError("InvalidArgument", `clear("${applyTo}") is not supported.`);
  assertNoRowsHiddenByFilter(sheet, rect, "clear cells");
  if (applyTo !== "Formats") for (const key of keysIn(sheet.cells, rect)) sheet.cells.delete(key);
  if (applyTo !== "Contents") for (const key of keysIn(sheet.formats, rect)) sheet.formats.delete(key);
}

export function mergeRange(sheet: SheetState, rect: Rect): void {
  assertUnprotected(sheet, "merge cells");
  if (sheet.merges.some((merge) => intersects(merge, rect) && !contains(rect, merge))) {
    throw officeError("InvalidOperation", "Cannot merge a range that partly overlaps merged cells.");
  }
  if (sheet.tables.some((table) => intersects(table.rect, rect))) {
    throw officeError("InvalidOperation", "Cannot merge cells inside a table.");
  }
  sheet.merges = sheet.merges.filter((merge) => !contains(rect, merge));
  sheet.merges.push(rect);
  // Like Excel, a merge keeps only the top-left value.
  eachCell(rect, (row, column) => {
    if (row !== rect.top || column !== rect.left) sheet.cells.delete(cellKey(row, column));
  });
}

export function unmergeRange(sheet: SheetState, rect: Rect): void {
  assertUnprotected(sheet, "unmerge cells");
  sheet.merges = sheet.merges.filter((merge) => !intersects(merge, rect));
}

export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  const rect = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  const take = (key: number) => {
    const row = Math.floor(key / 16384) + 1;
    const column = (key % 16384) + 1;
    if (row < rect.top) rect.top = row;
    if (row > rect.bottom) rect.bottom = row;
    if (column < rect.left) rect.left = column;
    if (column > rect.right) rect.right = column;
  };
  for (const key of sheet.cells.keys()) take(key);
  if (!valuesOnly) for (const key of sheet.formats.keys()) take(key);
  return rect.bottom === 0 ? null : rect;
}

const FORBIDDEN_SHEET_CHARACTERS = /[[\]:*?/\\]/;

export function validateSheetName(state: WorkbookState, name: unknown, renaming?: SheetState): string {
  if (typeof name !== "string" || name.trim() === "")
    throw officeError("InvalidArgument", "A sheet name cannot be empty.");
  if (name.length > 31) throw officeError("InvalidArgument", `The sheet name "${name}" is longer than 31 characters.`);
  if (FORBIDDEN_SHEET_CHARACTERS.test(name))
    throw officeError("InvalidArgument", `The sheet name "${name}" contains one of [ ] : * ? / \\.`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw officeError("InvalidArgument", "A sheet name cannot start or end with an apostrophe.");
  if (name.toLowerCase() === "history") throw officeError("InvalidArgument", '"History" is reserved by Excel.');
  const clash = state.sheets.find((sheet) => sheet !== renaming && sheet.name.toLowerCase() === name.toLowerCase());
  if (clash) throw officeError("ItemAlreadyExists", `A sheet named "${clash.name}" already exists.`);
  return name;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Rewrites references to a renamed sheet, in cells and names, as Excel does. */
export function renameReferences(formula: string, from: string, to: string): string {
  const quoted = new RegExp(`'${escapeRegExp(from.replace(/'/g, "''"))}'!`, "gi");
  const bare = new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRegExp(from)}!`, "gi");
  return formula
    .replace(quoted, `${sheetReference(to)}!`)
    .replace(bare, (_m, lead: string) => `${lead}${sheetReference(to)}!`);
}

export function renameSheet(state: WorkbookState, sheet: SheetState, name: unknown): void {
  const newName = validateSheetName(state, name, sheet);
  const old = sheet.name;
  sheet.name = newName;
  for (const other of state.sheets) {
    for (const [key, cell] of other.cells) {
      if (cell.kind === "formula")
        other.cells.set(key, { kind: "formula", formula: renameReferences(cell.formula, old, newName) });
    }
  }
  for (const item of state.names) item.formula = renameReferences(item.formula, old, newName);
}

/** Deleting a sheet turns every reference to it into #REF!, which is why the add-in keeps sheets. */
export function deleteSheet(state: WorkbookState, sheet: SheetState): void {
  const visible = state.sheets.filter((s) => s.visibility === "Visible");
  if (visible.length === 1 && visible[0] === sheet)
    throw officeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
  const pattern = new RegExp(
    `('${escapeRegExp(sheet.name.replace(/'/g, "''"))}'|\\b${escapeRegExp(sheet.name)})![$A-Z0-9:]+`,
    "gi",
  );
  state.sheets = state.sheets.filter((s) => s !== sheet);
  for (const other of state.sheets) {
    for (const [key, cell] of other.cells) {
      if (cell.kind === "formula")
        other.cells.set(key, { kind: "formula", formula: cell.formula.replace(pattern, "#REF!") });
    }
  }
  for (const item of state.names) item.formula = item.formula.replace(pattern, "#REF!");
  if (state.activeSheetId === sheet.id) state.activeSheetId = state.sheets.find((s) => s.visibility === "Visible")!.id;
}

export function setVisibility(state: WorkbookState, sheet: SheetState, visibility: unknown): void {
  if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
    throw officeError("InvalidArgument", `"${String(visibility)}" is not a sheet visibility.`);
  }
  if (visibility !== "Visible") {
    const othersVisible = state.sheets.some((s) => s !== sheet && s.visibility === "Visible");
    if (!othersVisible) throw officeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    // Stricter than Excel, which silently activates a neighbour: hiding the active sheet is a bug here.
    if (state.activeSheetId === sheet.id)
      throw officeError("InvalidOperation", `The active sheet "${sheet.name}" cannot be hidden.`);
  }
  sheet.visibility = visibility;
}

export function activate(state: WorkbookState, sheet: SheetState): void {
  if (sheet.visibility !== "Visible")
    throw officeError("InvalidOperation", `The hidden sheet "${sheet.name}" cannot be activated.`);
  state.activeSheetId = sheet.id;
}

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

function assertNewIdentifier(state: WorkbookState, name: unknown, what: string, except?: object): string {
  if (typeof name !== "string" || !NAME_PATTERN.test(name) || LOOKS_LIKE_CELL.test(name) || name.length > 255) {
    throw officeError("InvalidArgument", `"${String(name)}" is not a valid ${what} name.`);
  }
  const lower = name.toLowerCase();
  const taken =
    state.names.some((item) => item !== except && item.name.toLowerCase() === lower) ||
    state.sheets.some((sheet) => sheet.tables.some((table) => table !== except && table.name.toLowerCase() === lower));
  if (taken) throw officeError("ItemAlreadyExists", `The name "${name}" is already used by a defined name or a table.`);
  return name;
}

export const validateDefinedName = (state: WorkbookState, name: unknown) => assertNewIdentifier(state, name, "defined");
export const validateTableName = (state: WorkbookState, name: unknown, table?: TableState) =>
  assertNewIdentifier(state, name, "table", table);

/**
 * Adds a table. Stricter than Excel in one way: Excel silently renames blank or repeated headers
 * ("Column1", "Owner2"), changing the plan's cells, so the fake refuses them instead.
 */
export function addTable(state: WorkbookState, sheet: SheetState, rect: Rect, hasHeaders: boolean): TableState {
  assertUnprotected(sheet, "add a table");
  if (!hasHeaders)
    throw officeError("InvalidArgument", "The fake only supports tables whose first row holds the headers.");
  if (rectRows(rect) < 2) throw officeError("InvalidArgument", "A table needs a header row and at least one body row.");
  if (sheet.tables.some((table) => intersects(table.rect, rect)))
    throw officeError("InvalidOperation", "A table cannot overlap another table.");
  if (sheet.merges.some((merge) => intersects(merge, rect)))
    throw officeError("InvalidOperation", "A table cannot contain merged cells.");
  const headers: string[] = [];
  for (let column = rect.left; column <= rect.right; column++) {
    const text = headerText(sheet, rect.top, column);
    if (text.trim() === "")
      throw officeError("InvalidArgument", `The table header ${cellName(rect.top, column)} is empty.`);
    if (headers.includes(text.toLowerCase()))
      throw officeError("InvalidArgument", `The table header "${text}" is repeated.`);
    headers.push(text.toLowerCase());
  }
  let index = 1;
  const taken = (name: string) =>
    state.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()));
  while (taken(`Table${index}`)) index++;
  const table: TableState = {
    id: `{table-${state.nextId++}}`,
    name: `Table${index}`,
    rect,
    style: "TableStyleMedium2",
    filter: noFilter(),
  };
  sheet.tables.push(table);
  return table;
}

/** Deletes `count` rows of cells from `fromRow` in columns left..right; the cells below move up. */
function shiftColumnsUp(sheet: SheetState, left: number, right: number, fromRow: number, count = 1): void {
  for (const map of [sheet.cells, sheet.formats, sheet.validations] as Map<number, unknown>[]) {
    const moved = [...map.entries()]
      .filter(([key]) => keyRow(key) >= fromRow && keyColumn(key) >= left && keyColumn(key) <= right)
      .sort(([a], [b]) => a - b);
    for (const [key] of moved) map.delete(key);
    for (const [key, value] of moved)
      if (keyRow(key) >= fromRow + count) map.set(cellKey(keyRow(key) - count, keyColumn(key)), value);
  }
}

/**
 * TableRow.delete (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.tablerow):
 * the row's cells go and the cells below it in the table's columns move up. Stricter than Excel,
 * which keeps an empty insert row: the last body row cannot be deleted.
 */
export function deleteTableRow(sheet: SheetState, table: TableState, index: number): void {
  assertUnprotected(sheet, "delete table rows");
  assertTableUnfiltered(table);
  const row = table.rect.top + 1 + index;
  if (!Number.isInteger(index) || index < 0 || row > table.rect.bottom)
    throw officeError("ItemNotFound", `The table "${table.name}" has no row ${index}.`);
  if (table.rect.bottom === table.rect.top + 1)
    throw officeError("InvalidOperation", `The fake keeps at least one body row in "${table.name}".`);
  const below = { ...table.rect, top: row + 1, bottom: MAX_ROWS };
  if (sheet.tables.some((other) => other !== table && intersects(other.rect, below)))
    throw officeError("InvalidOperation", "The fake does not move other tables.");
  shiftColumnsUp(sheet, table.rect.left, table.rect.right, row);
  table.rect = { ...table.rect, bottom: table.rect.bottom - 1 };
}

/**
 * A table's calculated columns: each column whose body cells all hold one formula filled down (fillDown), by
 * column number, with its first body row's formula and that row.
 */
function calculatedColumns(sheet: SheetState, table: TableState): Map<number, { formula: string; row: number }> {
  const body = tableBody(table);
  const calculated = new Map<number, { formula: string; row: number }>();
  if (body.bottom < body.top) return calculated;
  for (let column = body.left; column <= body.right; column++) {
    const first = sheet.cells.get(cellKey(body.top, column));
    if (first?.kind !== "formula") continue;
    let same = true;
    for (let row = body.top + 1; row <= body.bottom && same; row++) {
      const cell = sheet.cells.get(cellKey(row, column));
      same = cell?.kind === "formula" && cell.formula === fillDown(first.formula, row - body.top);
    }
    if (same) calculated.set(column, { formula: first.formula, row: body.top });
  }
  return calculated;
}

/**
 * TableRowCollection.add (https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection): "Adds one or
 * more rows to the table"; ExcelApi 1.1 adds one row, 1.4 several (a 2-D `values`, one array per row, one value per
 * column, each parsed as if typed, so "=…" is a formula); the rows go at the end when the index is null or -1.
 * Without `values` the new rows take each calculated column's formula, filled down as Excel fills a calculated
 * column (https://support.microsoft.com/office/873fbac6-7110-4300-8f6f-aafa2ea11ce8); with `values`, a blank
 * given for such a column stays blank (microsoftgraph/microsoft-graph-docs-contrib #6536: rows added through the
 * table API with "" in the formula columns came out blank, with no formula). Rows of a different width are
 * refused, as Excel refuses them (InvalidArgument). Stricter than Excel, which shifts the cells below the table
 * down and inserts at any index: rows go only at the end, and the cells they take must be empty.
 */
/**
 * TableRowCollection.add. Under a filter with criteria it is refused: adding to filtered data "doesn't work as
 * expected" in Excel, rows and data ending up in the wrong places (https://github.com/OfficeDev/office-js/issues/224,
 * "trying to refresh/update/add/remove from filtered range data"), so code must clear the table's filters first,
 * and the fake makes that a refusal a test sees.
 */
export function addTableRows(sheet: SheetState, table: TableState, index: unknown, values: unknown): void {
  assertUnprotected(sheet, "add table rows");
  if (table.filter.columns.length > 0)
    throw officeError(
      "InvalidOperation",
      `The fake refuses to add rows to the table "${table.name}" while its filter hides rows: clear its filters first.`,
    );
  if (index !== null && index !== undefined && index !== -1)
    throw officeError("InvalidArgument", "The fake only adds rows at the end of a table.");
  const columns = rectColumns(table.rect);
  const given = values !== undefined && values !== null;
  const rows = given ? values : [Array(columns).fill("")];
  if (!Array.isArray(rows) || rows.length === 0 || rows.some((row) => !Array.isArray(row) || row.length !== columns))
    throw officeError("InvalidArgument", `Each row added to "${table.name}" must have ${columns} values.`);
  const calculated = given ? new Map<number, { formula: string; row: number }>() : calculatedColumns(sheet, table);
  const added = { ...table.rect, top: table.rect.bottom + 1, bottom: table.rect.bottom + rows.length };
  if (keysIn(sheet.cells, added).length > 0 || sheet.tables.some((t) => t !== table && intersects(t.rect, added)))
    throw officeError("InvalidOperation", `The fake does not shift cells below the table "${table.name}".`);
  table.rect = { ...table.rect, bottom: added.bottom };
  writeCells(sheet, added, rows, "values");
  for (const [column, { formula, row }] of calculated)
    for (let at = added.top; at <= added.bottom; at++)
      sheet.cells.set(cellKey(at, column), { kind: "formula", formula: fillDown(formula, at - row) });
}

/** A header cell's text as a table reads it. */
function headerText(sheet: SheetState, row: number, column: number): string {
  const cell = sheet.cells.get(cellKey(row, column));
  return cell?.kind === "text" ? cell.text : cell?.kind === "number" ? String(cell.number) : "";
}

/**
 * TableColumnCollection.add(index, values, name) (https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1)):
 * "If null or -1, the addition happens at the end" (ExcelApi 1.4; 1.1 needs an index below the column count);
 * `values` is the column's header and body, one value a row; `name` (1.4) names it, else "Column<n>". The table
 * keeps its object and name. Stricter than Excel: the fake adds only at the end, the cells it takes in must be
 * empty (Excel would move them), and a repeated header is refused (Excel renames it).
 */
export function addTableColumn(
  sheet: SheetState,
  table: TableState,
  input: { index: unknown; values: unknown; name: unknown },
): void {
  assertUnprotected(sheet, "add a table column");
  if (input.index !== null && input.index !== undefined && input.index !== -1)
    throw officeError("InvalidArgument", "The fake only adds columns at the end of a table.");
  const added = { ...table.rect, left: table.rect.right + 1, right: table.rect.right + 1 };
  if (
    keysIn(sheet.cells, added).length > 0 ||
    sheet.tables.some((t) => t !== table && intersects(t.rect, added)) ||
    sheet.merges.some((merge) => intersects(merge, added))
  )
    throw officeError("InvalidOperation", `The fake does not move cells beside the table "${table.name}".`);
  const rows = input.values === undefined || input.values === null ? null : (input.values as unknown[][]);
  if (rows && (rows.length !== rectRows(table.rect) || rows.some((row) => !Array.isArray(row) || row.length !== 1)))
    throw officeError("InvalidArgument", "The values must have one value for each row of the table, header included.");
  const taken = Array.from({ length: rectColumns(table.rect) }, (_, i) =>
    headerText(sheet, table.rect.top, table.rect.left + i).toLowerCase(),
  );
  let header = typeof input.name === "string" ? input.name : rows ? String(rows[0][0]) : "";
  for (let n = 1; header === ""; n++) if (!taken.includes(`column${n}`)) header = `Column${n}`;
  if (header.trim() === "" || taken.includes(header.toLowerCase()))
    throw officeError("InvalidArgument", `The table header "${header}" is blank or repeated.`);
  table.rect = { ...table.rect, right: added.right };
  if (rows) writeCells(sheet, added, rows, "values");
  writeCells(sheet, { ...added, bottom: added.top }, [[header]], "values");
}

/**
 * TableColumn.delete (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn#excel-excel-tablecolumn-delete-member(1)):
 * the column and its cells go and the table, one column narrower, keeps its object and name. Stricter than
 * Excel, which moves the cells to its right across: only the last column, with nothing beside the table.
 */
export function deleteTableColumn(sheet: SheetState, table: TableState, index: number): void {
  assertUnprotected(sheet, "delete a table column");
  if (!Number.isInteger(index) || index < 0 || index >= rectColumns(table.rect))
    throw officeError("ItemNotFound", `The table "${table.name}" has no column ${index}.`);
  if (index !== rectColumns(table.rect) - 1 || index === 0)
    throw officeError("InvalidOperation", "The fake only deletes the last column of a table wider than one.");
  const column = { ...table.rect, left: table.rect.right };
  if (keysIn(sheet.cells, { ...table.rect, left: table.rect.right + 1, right: MAX_COLUMNS }).length > 0)
    throw officeError("InvalidOperation", `The fake does not move cells beside the table "${table.name}".`);
  for (const map of [sheet.cells, sheet.formats, sheet.validations] as Map<number, unknown>[])
    for (const key of keysIn(map, column)) map.delete(key);
  table.rect = { ...table.rect, right: table.rect.right - 1 };
}

/**
 * Worksheet.autoFilter.apply (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.autofilter):
 * filter buttons on the range's first row; a sheet has one AutoFilter, so applying again replaces it.
 * The fake supports buttons only, without criteria.
 */
export function applyAutoFilter(sheet: SheetState, rect: Rect, columnIndex: unknown, criteria: unknown): void {
  assertUnprotected(sheet, "apply an AutoFilter");
  if (columnIndex !== undefined || criteria !== undefined)
    throw officeError("InvalidArgument", "The fake applies filter buttons only, without criteria.");
  if (sheet.tables.some((table) => intersects(table.rect, rect)))
    throw officeError("InvalidOperation", "A table has its own filter buttons; the AutoFilter cannot overlap it.");
  // A sheet has one AutoFilter: the new one replaces the old with its criteria, showing the rows they hid.
  sheet.autoFilterState = noFilter();
  sheet.autoFilter = rect;
}

/**
 * Rows hidden by a filter refuse writes and clears that reach them. Excel takes such a write, but it lands in
 * the wrong rows and leaves the filter showing the wrong ones (https://github.com/OfficeDev/office-js/issues/224,
 * "Setting range data when filter is applied doesn't work"): code must clear the filter first, and the fake
 * makes the corruption a refusal that a test sees.
 */
function assertNoRowsHiddenByFilter(sheet: SheetState, rect: Rect, action: string): void {
  const hidden = [...rowsHiddenByFilters(sheet)].find((row) => row >= rect.top && row <= rect.bottom);
  if (hidden !== undefined)
    throw officeError(
      "InvalidOperation",
      `The fake refuses to ${action} over row ${hidden} of "${sheet.name}", hidden by a filter: clear the filter first.`,
    );
}

/**
 * A filtered table refuses row deletes: TableRowCollection.deleteRows and deleteRowsAt "will throw the
 * InsertDeleteConflict error if the table on which the method is called has a filter applied"
 * (https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection), and deletes of rows of a
 * filtered table through TableRow or Range do nothing (https://github.com/OfficeDev/office-js/issues/994):
 * the fake refuses every one alike.
 */
function assertTableUnfiltered(table: TableState): void {
  if (table.filter.columns.length > 0)
    throw officeError(
      "InsertDeleteConflict",
      `The table "${table.name}" has a filter applied, so its rows cannot be deleted: clear its filters first.`,
    );
}

/**
 * Range.delete(shift "Up") (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-delete-member(1)):
 * the cells go and those below them, in the range's columns, move up. Over a table it may delete only whole
 * body rows (the table's columns exactly): the table shrinks and keeps its object, name and style, as Excel's
 * Delete > Table Rows does; any other cut through a table is refused, as Excel refuses to shift part of a table.
 * Under a filter the delete is refused (InsertDeleteConflict, see assertTableUnfiltered). Stricter than Excel:
 * shift "Left" is not modelled, other tables never move, and one body row stays.
 */
export function deleteRange(sheet: SheetState, rect: Rect, shift: unknown): void {
  assertUnprotected(sheet, "delete cells");
  if (shift !== "Up")
    throw officeError("InvalidArgument", `The fake deletes with shift "Up" only (got ${String(shift)}).`);
  if (sheet.autoFilter && sheet.autoFilterState.columns.length > 0 && intersects(sheet.autoFilter, rect))
    throw officeError("InsertDeleteConflict", `The AutoFilter on "${sheet.name}" has criteria: clear them first.`);
  const cut = sheet.tables.filter((table) => intersects(table.rect, rect));
  for (const table of cut) {
    assertTableUnfiltered(table);
    const wholeBodyRows = rect.left === table.rect.left && rect.right === table.rect.right && rect.top > table.rect.top;
    if (!wholeBodyRows || rect.bottom > table.rect.bottom)
      throw officeError("InvalidOperation", `The delete would shift part of the table "${table.name}".`);
    if (rect.top === table.rect.top + 1 && rect.bottom === table.rect.bottom)
      throw officeError("InvalidOperation", `The fake keeps at least one body row in "${table.name}".`);
  }
  const below = { ...rect, top: rect.top, bottom: MAX_ROWS };
  if (sheet.tables.some((table) => !cut.includes(table) && intersects(table.rect, below)))
    throw officeError("InvalidOperation", "The fake does not move other tables.");
  const count = rectRows(rect);
  shiftColumnsUp(sheet, rect.left, rect.right, rect.top, count);
  for (const table of cut) table.rect = { ...table.rect, bottom: table.rect.bottom - count };
}

/** Table.clearFilters (ExcelApi 1.2, https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-clearfilters-member(1)). */
export function clearTableFilters(table: TableState): void {
  table.filter = noFilter();
}

/** AutoFilter.remove (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.autofilter#excel-excel-autofilter-remove-member(1)). */
export function removeAutoFilter(sheet: SheetState): void {
  assertUnprotected(sheet, "remove the AutoFilter");
  sheet.autoFilter = null;
  sheet.autoFilterState = noFilter();
}

/** Test set-up: a filter showing only the rows whose cell in `column` reads one of `values`. */
export function filterRows(
  range: Rect,
  column: number,
  values: string[],
  displayed: (row: number, column: number) => string,
): FilterState {
  const hiddenRows: number[] = [];
  for (let row = range.top + 1; row <= range.bottom; row++)
    if (!values.includes(displayed(row, range.left + column))) hiddenRows.push(row);
  return { columns: [{ column, values }], hiddenRows };
}

export function findTable(state: WorkbookState, key: string): { sheet: SheetState; table: TableState } | null {
  for (const sheet of state.sheets) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
    if (table) return { sheet, table };
  }
  return null;
}

export const sameArea = sameRect;
