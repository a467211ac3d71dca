/// <reference types="office-js" />
/**
 * Applies a WorkbookPlan through Office.js. The number of queued operations depends on the plan's
 * sheets, styles and rules, not on its rows: blocks go as 2D arrays (one operation for each 1,500 cells, as
 * the office.js client would send them anyway) and formats as ranges.
 * The write is an ordered list of steps, sent in as few requests as keep each under the request
 * limit (request-size.ts): one for the canonical toolkit, more for a much larger one.
 */
import type {
  ChartPlan,
  CellBlock,
  PlanCell,
  CellStyle,
  ConditionalFormat,
  PrintSetup,
  SheetPlan,
  SheetProtection,
  TablePlan,
  Validation,
  WorkbookPlan,
} from "../core/plan/types";
import { cellAddress, columnLetter, parseCell, parseRange, rangeAddress } from "../core/util/a1";
import { charactersToPoints } from "../core/plan/units";
import { SIDE_MARGIN_INCHES } from "../core/plan/print";
import { normaliseReference } from "../core/snapshot/references";
import { excelWords } from "../core/words/excel";
import { officeCell } from "./cell-text";
import {
  REQUEST_LIMIT_BYTES,
  splitIntoRequests,
  utf8Bytes,
  type RequestTarget,
  type TargetOpener,
  type WriteStep,
} from "./request-size";

/** A table on a sheet the plan reuses. */
export interface ExistingTable {
  name: string;
  /** Where it is now (header row included), or null when that is not known for certain. */
  range: string | null;
  /** Its filter hides rows by criteria (known with ExcelApi 1.9: Table.autoFilter.isDataFiltered). */
  filtered?: boolean;
  /** Its style, where it was read: a kept table already in the plan's style is not given it again. */
  style?: string;
}

/** What the preceding sync learnt about a sheet the plan will reuse (upgrade / repair). */
export interface ExistingSheet {
  name: string;
  protected: boolean;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /**
   * Tables on the sheet now. A table the plan has too (same name, same header row and first column) is
   * kept, widened or narrowed at its end to the plan's columns, so PivotTables and formulas such as
   * =SUM(NPS_Data[Gap]) on users' sheets keep working; every other one is deleted before the sheet is rewritten.
   */
  tables: ExistingTable[];
  /** Charts on the sheet now; those the plan draws again (by name) are deleted first, the user's are kept. */
  chartNames: string[];
  /** The sheet's AutoFilter has criteria (known with ExcelApi 1.9: Worksheet.autoFilter.isDataFiltered). */
  filtered?: boolean;
  /**
   * Some rows of its used range are hidden (known below ExcelApi 1.9 from Range.getVisibleView, which cannot tell a
   * filter's hidden rows from rows hidden by hand).
   */
  rowsHidden?: boolean;
  /** Its print setup as read (ExcelApi 1.9), where it was: a setting already as the plan has it is not set again. */
  print?: PrintNow;
  /**
   * What a read of the whole sheet found, where it was read (the earlier group sheets): whether any cell has data
   * validation, any conditional format touches it, any row has a height of its own. The reset leaves out the
   * clearing of what is not there.
   */
  found?: SheetFound;
  /**
   * The rows and columns frozen now, where they were read (WorksheetFreezePanes.getLocationOrNullObject, ExcelApi
   * 1.7; 0 and 0 when nothing is): panes already as the plan has them are neither unfrozen nor frozen again.
   */
  frozen?: { rows: number; columns: number };
}

export interface SheetFound {
  validation: boolean;
  conditionalFormats: boolean;
  rowHeights: boolean;
}

/** What was read of a sheet's page layout: the settings queuePrint sets. */
export type PrintNow = Pick<Excel.PageLayout, "orientation" | "paperSize" | "leftMargin" | "rightMargin" | "zoom">;

/** The page layout paths to load on a worksheet for PrintNow (ExcelApi 1.9). */
export const PRINT_NOW_PATHS = ["orientation", "paperSize", "leftMargin", "rightMargin", "zoom"].map(
  (p) => `pageLayout/${p}`,
);

export interface WriteOptions {
  /** Sheets to rewrite in place, by plan key; every other plan sheet is added. */
  existing: ReadonlyMap<string, ExistingSheet>;
  /** Workbook-scope names that exist now (any case): those the plan defines are updated, not added. */
  existingNames: ReadonlySet<string>;
  /**
   * Where those names point now, as read (normaliseReference), by name: a name that already points where the
   * plan points is left as it is (a re-consolidation keeps its sheets, so its names stay the same).
   */
  nameReferences?: Readonly<Record<string, string>>;
  /**
   * ExcelApi 1.9 is supported: print setup (page layout) is applied, each run of row heights is
   * one setRowProperties call and a sheet's column widths one setColumnProperties call. Without it
   * print setup is skipped, and heights and widths go one run of equal sizes at a time.
   */
  excelApi19: boolean;
}

/**
 * Writes the plan in as few requests as keep each under `limitBytes` (estimated), calling `sync`
 * after each; returns each request's estimated size.
 */
export async function writeWorkbookPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOptions,
  sync: (part: number, parts: number) => Promise<void>,
  limitBytes = REQUEST_LIMIT_BYTES,
): Promise<number[]> {
  // Estimated as if every sheet were already there: finding a sheet by name takes more bytes than adding it.
  const requests = splitIntoRequests(
    writeSteps(plan, options),
    sheetOpener(plan, options, { allPresent: true }),
    limitBytes,
  );
  const open = sheetOpener(plan, options, { allPresent: false });
  for (const [index, request] of requests.entries()) {
    const target = open(context);
    for (const step of request.steps) step(target);
    await sync(index + 1, requests.length);
  }
  return requests.map((request) => request.estimatedBytes);
}

/**
 * The write in order: each sheet (added, or emptied when it exists) with its contents, formats and
 * tables and then its protection; then the names that point at the sheets; then visibility and
 * activation. Requests may be cut between any two steps without breaking that order.
 */
export function writeSteps(plan: WorkbookPlan, options: WriteOptions): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const sheetPlan of plan.sheets) {
    const existing = options.existing.get(sheetPlan.key);
    const on = onSheet(sheetPlan.key);
    const kept = existing ? keptTable(existing, sheetPlan) : null;
    // A new sheet is added by the first step that reaches it.
    const reset = { existing, plan: sheetPlan, kept, excelApi19: options.excelApi19 };
    steps.push(existing ? on((sheet) => queueResetSheet(sheet, { ...reset, existing })) : on(() => undefined));
    if (kept) steps.push(...tableColumnSteps(sheetPlan, kept), ...tableRowSteps(sheetPlan.key, kept));
    steps.push(
      ...sheetSteps(sheetPlan, {
        excelApi19: options.excelApi19,
        kept,
        printNow: existing?.print,
        frozenNow: existing?.frozen,
      }),
    );
  }
  steps.push(({ context }) => queueNames(context, plan, options));
  steps.push((target) => queueVisibilityAndActivation(plan, target, options.existing));
  return steps;
}

const onSheet =
  (key: string) =>
  (queue: (sheet: Excel.Worksheet) => void): WriteStep =>
  (target) =>
    queue(target.sheet(key));

/**
 * Finds each sheet once per request: an existing sheet (and a new one from its second request on)
 * by name, a new sheet by adding it in the first request that reaches it.
 */
function sheetOpener(plan: WorkbookPlan, options: WriteOptions, { allPresent }: { allPresent: boolean }): TargetOpener {
  const added = new Set<string>(allPresent ? plan.sheets.map((s) => s.key) : []);
  const nameOf = new Map(plan.sheets.map((s) => [s.key, options.existing.get(s.key)?.name ?? s.name]));
  return (context): RequestTarget => {
    const reached = new Map<string, Excel.Worksheet>();
    const reach = (key: string): Excel.Worksheet => {
      const name = nameOf.get(key);
      if (name === undefined) throw new Error(`The plan has no sheet "${key}".`);
      if (options.existing.has(key) || added.has(key)) return context.workbook.worksheets.getItem(name);
      added.add(key);
      return context.workbook.worksheets.add(name);
    };
    return {
      context,
      sheet: (key) => {
        const sheet = reached.get(key) ?? reach(key);
        reached.set(key, sheet);
        return sheet;
      },
    };
  };
}

/** An existing table the plan rewrites in place: where it is now, and the plan's table it becomes. */
interface KeptTable {
  existing: ExistingTable & { range: string };
  plan: TablePlan;
}

/**
 * The sheet's table that the plan has too, with the same header row and first column (at most one a sheet): a
 * layout that adds or drops columns at the end widens or narrows it in place (tableColumnSteps).
 */
function keptTable(existing: ExistingSheet, plan: SheetPlan): KeptTable | null {
  for (const table of existing.tables) {
    const wanted = plan.tables.find((t) => t.name.toLowerCase() === table.name.toLowerCase());
    if (!wanted || table.range === null) continue;
    const now = parseRange(table.range);
    const then = parseRange(wanted.range);
    if (now.top === then.top && now.left === then.left)
      return { existing: { ...table, range: table.range }, plan: wanted };
  }
  return null;
}

const LAST_ROW = 1048576;
const LAST_COLUMN = 16384;

/** The parts of a sheet outside `address`: the rows above and below it, the columns beside it. */
function around(address: string): string[] {
  const { top, left, bottom, right } = parseRange(address);
  return [
    ...(top > 1 ? [`${1}:${top - 1}`] : []),
    ...(bottom < LAST_ROW ? [`${bottom + 1}:${LAST_ROW}`] : []),
    ...(left > 1 ? [rangeAddress(top, 1, bottom, left - 1)] : []),
    ...(right < LAST_COLUMN ? [rangeAddress(top, right + 1, bottom, LAST_COLUMN)] : []),
  ];
}

/**
 * Empties one of our sheets but keeps the sheet itself, so references to it from the user's own
 * sheets survive. Protection is lifted first (its state came from the previous sync: protect() and
 * unprotect() throw when the sheet is already in that state). Then every filter goes: writes into
 * rows a filter hides land in the wrong rows (OfficeDev/office-js #224) and a filtered table refuses
 * row deletes (InsertDeleteConflict, TableRowCollection reference): each table's filters are cleared
 * (Table.clearFilters, ExcelApi 1.2, harmless on a table without any), and an AutoFilter the read found
 * filtering (ExcelApi 1.9, so only known there) is removed; the plan applies its own again. A kept table is never cleared (what
 * clearing a whole table does to it is not documented): everything around it is, and its rows are
 * added or deleted through its own row collection (ExcelApi 1.1) to the plan's number
 * (tableRowSteps); the blocks then overwrite its header and body.
 */
function queueResetSheet(
  sheet: Excel.Worksheet,
  {
    existing,
    plan,
    kept,
    excelApi19,
  }: { existing: ExistingSheet; plan: SheetPlan; kept: KeptTable | null; excelApi19: boolean },
): void {
  if (existing.protected) sheet.protection.unprotect();
  // Freeze panes fail on a hidden sheet (OfficeDev/office-js #1463): a sheet the plan shows (a key area the user
  // hid) is shown before any of them, one the plan keeps hidden gets none (queueVisibilityAndActivation).
  const shown = plan.visibility === "visible";
  if (shown && existing.visibility !== "Visible") sheet.visibility = "Visible";
  // Where the read knows a table has no filter criteria (ExcelApi 1.9), there is nothing to clear.
  for (const table of existing.tables.filter((t) => t.filtered !== false))
    sheet.tables.getItem(table.name).clearFilters();
  if (existing.filtered) sheet.autoFilter.remove();
  for (const table of existing.tables)
    if (table.name !== kept?.existing.name) sheet.tables.getItem(table.name).delete();
  const planned = new Set((plan.charts ?? []).map((chart) => chart.name.toLowerCase()));
  for (const name of existing.chartNames.filter((n) => planned.has(n.toLowerCase())))
    sheet.charts.getItem(name).delete();
  const whole = sheet.getRange();
  // No read tells merges apart below ExcelApi 1.13 (Range.getMergedAreasOrNullObject): every sheet is unmerged.
  whole.unmerge();
  const found = existing.found;
  if (found?.validation !== false) whole.dataValidation.clear();
  if (found?.conditionalFormats !== false) whole.conditionalFormats.clearAll();
  if (kept) clearAround(sheet, kept.existing.range, { excelApi19 });
  else whole.clear("All");
  whole.format.useStandardWidth = true;
  if (found?.rowHeights !== false) whole.format.useStandardHeight = true;
  if ((shown || existing.visibility === "Visible") && !freezesAt(plan) && needsUnfreezing(existing, plan))
    sheet.freezePanes.unfreeze();
}

/** Unless the read found nothing frozen, or the panes already as the plan freezes them, they are unfrozen first. */
function needsUnfreezing(existing: ExistingSheet, plan: SheetPlan): boolean {
  const frozen = existing.frozen;
  if (!frozen) return true;
  return !(frozen.rows === 0 && frozen.columns === 0) && !frozenAsPlanned(frozen, plan);
}

/** The panes as read are those the plan freezes (a visible sheet's; a hidden one gets none). */
const frozenAsPlanned = (frozen: { rows: number; columns: number } | undefined, plan: SheetPlan) =>
  frozen !== undefined &&
  plan.visibility === "visible" &&
  frozen.rows === (plan.freeze?.rows ?? 0) &&
  frozen.columns === (plan.freeze?.columns ?? 0);

/**
 * The plan freezes rows and columns (queueFreeze's freezeAt), which "sets the frozen cells" whatever was frozen
 * before (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetfreezepanes#excel-excel-worksheetfreezepanes-freezeat-member(1)):
 * no unfreeze is needed first. freezeRows and freezeColumns are documented per dimension only, so a sheet
 * frozen that way is unfrozen first.
 */
const freezesAt = (plan: SheetPlan) =>
  plan.visibility === "visible" && plan.freeze !== undefined && plan.freeze.rows > 0 && plan.freeze.columns > 0;

/**
 * Clears everything around a kept table: with ExcelApi 1.9 in one call on the parts as one RangeAreas
 * (Worksheet.getRanges), without it one call a part.
 */
function clearAround(sheet: Excel.Worksheet, table: string, { excelApi19 }: { excelApi19: boolean }): void {
  const parts = around(table);
  if (parts.length === 0) return;
  if (excelApi19) sheet.getRanges(parts.join(", ")).clear("All");
  else for (const address of parts) sheet.getRange(address).clear("All");
}

/**
 * Before its rows (tableRowSteps, which go at the plan's width): columns the plan has beyond the kept table's
 * last are added at its end, or its columns beyond the plan's last are deleted from the end (TableColumn.delete,
 * ExcelApi 1.1). Either way the table keeps its object and name, so PivotTables and structured references
 * survive a layout that adds columns; the reset cleared the cells beside it.
 */
function tableColumnSteps(sheet: SheetPlan, kept: KeptTable): WriteStep[] {
  const now = parseRange(kept.existing.range);
  const { right } = parseRange(kept.plan.range);
  const columns = (target: RequestTarget) => target.sheet(sheet.key).tables.getItem(kept.existing.name).columns;
  const steps: WriteStep[] = [];
  for (let column = now.right + 1; column <= right; column++) {
    const values = addedColumnValues({ sheet, header: now.top, bodyRows: now.bottom - now.top, column });
    steps.push((target) => void columns(target).add(undefined, values));
  }
  for (let column = now.right; column > right; column--)
    steps.push((target) =>
      columns(target)
        .getItemAt(column - now.left)
        .delete(),
    );
  return steps;
}

/**
 * A column added to a kept table (TableColumnCollection.add with no index appends, ExcelApi 1.4): its header is
 * the plan's and its body a placeholder the blocks write over in the same request. Not left empty: Excel fills
 * a formula written into an empty table column down the whole column (a calculated column), and the plan's
 * formulas differ row by row; a column that holds data is written cell by cell, as the kept columns are.
 */
function addedColumnValues({
  sheet,
  header,
  bodyRows,
  column,
}: {
  sheet: SheetPlan;
  header: number;
  bodyRows: number;
  column: number;
}): string[][] {
  return [[String(planCellAt(sheet, header, column) ?? "")], ...Array.from({ length: bodyRows }, () => ["-"])];
}

/** The plan's cell at a row and column of its sheet, from its blocks; null where no block writes. */
function planCellAt(sheet: SheetPlan, row: number, column: number): PlanCell {
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    const cell = block.cells[row - at.row]?.[column - at.column];
    if (cell !== undefined) return cell;
  }
  return null;
}

/**
 * Rows of a kept table added in one step: rows added carry their blank values, so a table that grows by
 * thousands of rows goes in steps the requests can be cut between.
 */
const TABLE_ROWS_PER_STEP = 2000;

/**
 * Adds rows at the end, in steps of at most TABLE_ROWS_PER_STEP rows, or deletes the surplus at the end in one
 * action, until the table has as many as the plan's. The surplus goes as one block: Range.delete with the cells
 * below shifting up (ExcelApi 1.1) over the table's columns shrinks the table, which keeps its object, name and
 * the formulas that use it, as Excel's Delete > Table Rows does. One action and one object path whatever the
 * number of rows (TableRow.delete row by row cost about 430 bytes a row and slows down, OfficeDev/office-js
 * #3320); TableRowCollection.deleteRowsAt would do the same but is ExcelApiOnline 1.1, Excel on the web only.
 */
function tableRowSteps(key: string, kept: KeptTable): WriteStep[] {
  const bodyRows = (address: string) => parseRange(address).bottom - parseRange(address).top;
  const now = bodyRows(kept.existing.range);
  const wanted = bodyRows(kept.plan.range);
  const { left, right } = parseRange(kept.plan.range);
  const table = (target: RequestTarget) => target.sheet(key).tables.getItem(kept.existing.name);
  const steps: WriteStep[] = [];
  for (let added = now; added < wanted; added += TABLE_ROWS_PER_STEP) {
    const count = Math.min(TABLE_ROWS_PER_STEP, wanted - added);
    const blank = Array.from({ length: count }, () => Array.from({ length: right - left + 1 }, () => ""));
    steps.push((target) => void table(target).rows.add(undefined, blank));
  }
  if (now > wanted) {
    const { top } = parseRange(kept.existing.range);
    const surplus = rangeAddress(top + 1 + wanted, left, top + now, right);
    steps.push((target) => target.sheet(key).getRange(surplus).delete("Up"));
  }
  return steps;
}

/**
 * What the user reads when a rewrite cleared filters (queueResetSheet): the sheets whose AutoFilter or table
 * was filtering, by the names they have in the workbook; null when none was.
 */
export function filtersClearedNote(rewritten: Iterable<ExistingSheet>): string | null {
  const names = [...rewritten].filter((s) => s.filtered || s.tables.some((t) => t.filtered)).map((s) => s.name);
  return names.length === 0 ? null : excelWords.filtersCleared({ sheets: names });
}

function sheetSteps(
  plan: SheetPlan,
  {
    excelApi19,
    kept,
    printNow,
    frozenNow,
  }: { excelApi19: boolean; kept: KeptTable | null; printNow?: PrintNow; frozenNow?: ExistingSheet["frozen"] },
): WriteStep[] {
  const on = onSheet(plan.key);
  return [
    // Cell contents first: table formulas must be in place before tables.add (calculated columns). A
    // kept table's columns hold data already, and Excel fills a formula down only an empty column.
    ...packedGrids(joinedBlocks(plan.blocks).flatMap(blockBands).map(officeGrid)).map((grid) =>
      on((sheet) => queueGrid(sheet, grid)),
    ),
    on((sheet) => {
      for (const run of mergeRuns(plan.merges)) sheet.getRange(run.address).merge(run.across);
    }),
    ...formatSteps(plan.styles, { excelApi19 }).map((queue) => on(queue)),
    on((sheet) => queueNumberFormats(sheet, plan.styles)),
    on((sheet) => queueColumnWidths(sheet, plan.columnWidths, { batched: excelApi19 })),
    on((sheet) => queueRowHeights(sheet, plan.rowHeights, { batched: excelApi19 })),
    ...plan.validations.map((validation) =>
      on((sheet) => queueValidation(sheet.getRange(validation.range), validation)),
    ),
    ...plan.conditionalFormats.map((format) =>
      on((sheet) => queueConditionalFormat(sheet.getRange(format.range), format)),
    ),
    ...plan.tables.map((table) =>
      on((sheet) => queueTable(sheet, table, kept?.plan === table ? kept.existing : undefined)),
    ),
    on((sheet) => {
      // A sheet the plan keeps hidden is hidden now or still visible (a new one is hidden at the end): no panes.
      // Panes the read found as the plan has them are left as they are.
      if (plan.freeze && plan.visibility === "visible" && !frozenAsPlanned(frozenNow, plan))
        queueFreeze(sheet, plan.freeze);
      // AutoFilter and print setup need ExcelApi 1.9; below it the core's notes tell the user what is missing.
      if (plan.autoFilter && excelApi19) sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
      if (plan.print && excelApi19) queuePrint(sheet, plan.print, printNow);
      // Before protection: a protected sheet refuses new charts.
      for (const chart of plan.charts ?? []) queueChart(sheet, chart);
      // Only a colour the plan sets: a colour the user gave one of our sheets stays.
      if (plan.tabColor !== undefined) sheet.tabColor = plan.tabColor;
      if (plan.protection) queueProtection(sheet, plan.protection);
    }),
  ];
}

/**
 * Blocks that follow one another in the plan, each starting in the row below the last and as wide, written as
 * one block: one range and one set of the formulas instead of several (the cells written are the same).
 */
function joinedBlocks(blocks: readonly CellBlock[]): CellBlock[] {
  const joined: CellBlock[] = [];
  for (const block of blocks) {
    const last = joined[joined.length - 1];
    if (last && continues(last, block)) joined[joined.length - 1] = { ...last, cells: [...last.cells, ...block.cells] };
    else joined.push(block);
  }
  return joined;
}

function continues(above: CellBlock, below: CellBlock): boolean {
  const top = parseCell(above.at);
  const next = parseCell(below.at);
  const width = above.cells[0]?.length ?? 0;
  return (
    width > 0 &&
    next.column === top.column &&
    next.row === top.row + above.cells.length &&
    below.cells.every((line) => line.length === width)
  );
}

/**
 * The plan's merges, those of one row each on the same columns in rows that follow one another as one range
 * merged across ("merge cells in each row of the specified range as separate merged cells", Range.merge,
 * ExcelApi 1.2): the same merged areas in one operation instead of one a row.
 */
function mergeRuns(merges: readonly string[]): { address: string; across: boolean }[] {
  const runs: Block[] = [];
  const rowRuns = new Set<Block>();
  for (const merge of merges) {
    const area = parseRange(merge);
    const last = runs[runs.length - 1];
    const oneRow = area.top === area.bottom;
    const lastIsRows = last !== undefined && (last.top === last.bottom || rowRuns.has(last));
    if (oneRow && lastIsRows && last.left === area.left && last.right === area.right && last.bottom + 1 === area.top) {
      last.bottom = area.bottom;
      rowRuns.add(last);
    } else runs.push({ ...area });
  }
  return runs.map((run) => ({
    address: rangeAddress(run.top, run.left, run.bottom, run.right),
    across: rowRuns.has(run),
  }));
}

/** A block's rows go in bands of at most this many bytes, so no single step nears the request limit. */
const BAND_BYTES = REQUEST_LIMIT_BYTES / 8;

/**
 * The office.js client sends an array of more than 1,500 cells in slices of about 1,500 cells, whole rows each,
 * after one more operation that checks the whole array's size (setRangePropertiesInBulk in @microsoft/office-js:
 * `maxCellCount = 1500`, then `_ValidateArraySize`); an array of up to 1,500 cells goes as it is. A block is
 * written in bands of at most that many cells, whole rows each (one row when a row alone is wider), so each band
 * is one operation and no check goes with it: the slicing is the client's and cannot be widened, but its check
 * is saved. The rows in one band:
 */
const oneOperationRows = (width: number) => Math.max(1, Math.floor(ONE_OPERATION_CELLS / width));

function blockBands(block: CellBlock): CellBlock[] {
  const { row, column } = parseCell(block.at);
  const most = oneOperationRows(block.cells[0]?.length ?? 1);
  const bands: CellBlock[] = [];
  let start = 0;
  let bytes = 0;
  block.cells.forEach((line, i) => {
    const lineBytes = utf8Bytes(JSON.stringify(line.map(officeCell)));
    if (i > start && (i - start >= most || bytes + lineBytes > BAND_BYTES)) {
      bands.push({ ...block, at: cellAddress(row + start, column), cells: block.cells.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += lineBytes;
  });
  bands.push({ ...block, at: cellAddress(row + start, column), cells: block.cells.slice(start) });
  return bands;
}

/**
 * A rectangle of one property's values as Office.js takes them (formulas, number formats), at (top, left); a
 * null entry leaves that cell's value as it is ("null input in 2-D array",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
interface Grid<T> {
  top: number;
  left: number;
  cells: (T | null)[][];
}

type OfficeCell = ReturnType<typeof officeCell>;

function officeGrid(block: CellBlock): Grid<OfficeCell> {
  const { row, column } = parseCell(block.at);
  return { top: row, left: column, cells: block.cells.map((line) => line.map(officeCell)) };
}

/**
 * The client sends an array of up to this many cells as one operation, and a larger one in slices of about as
 * many cells each (setRangePropertiesInBulk in @microsoft/office-js).
 */
const ONE_OPERATION_CELLS = 1500;

const gridBottom = (grid: Grid<unknown>) => grid.top + grid.cells.length - 1;
const gridRight = (grid: Grid<unknown>) => grid.left + (grid.cells[0]?.length ?? 0) - 1;
const gridCells = (grid: Grid<unknown>) => grid.cells.length * (grid.cells[0]?.length ?? 0);

/**
 * Grids that follow one another, written as one grid over the rectangle that holds them while it stays within
 * one operation of the client, the cells between them null: the same cells get the same values, in the same
 * order (a later grid's cell over an earlier one's), in one operation instead of several.
 */
function packedGrids<T>(grids: Grid<T>[]): Grid<T>[] {
  const packed: Grid<T>[] = [];
  for (const grid of grids) {
    const last = packed[packed.length - 1];
    const joined = last ? joinedGrid(last, grid) : null;
    if (joined) packed[packed.length - 1] = joined;
    else packed.push(grid);
  }
  return packed;
}

function joinedGrid<T>(first: Grid<T>, second: Grid<T>): Grid<T> | null {
  const top = Math.min(first.top, second.top);
  const left = Math.min(first.left, second.left);
  const bottom = Math.max(gridBottom(first), gridBottom(second));
  const right = Math.max(gridRight(first), gridRight(second));
  if (gridCells(first) === 0 || gridCells(second) === 0) return null;
  if ((bottom - top + 1) * (right - left + 1) > ONE_OPERATION_CELLS) return null;
  const cells: (T | null)[][] = Array.from({ length: bottom - top + 1 }, () =>
    Array.from({ length: right - left + 1 }, () => null),
  );
  for (const grid of [first, second])
    grid.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        // A null of the first grid is no value; the second grid's nulls never cover the first's values.
        if (cell !== null) cells[grid.top - top + r][grid.left - left + c] = cell;
      }),
    );
  return { top, left, cells };
}

function gridAddress(grid: Grid<unknown>): string {
  return rangeAddress(grid.top, grid.left, gridBottom(grid), gridRight(grid));
}

function queueGrid(sheet: Excel.Worksheet, grid: Grid<OfficeCell>): void {
  if (gridCells(grid) === 0) return;
  // Office.js types formulas as any[][]: a null entry is its documented "leave this cell as it is".
  sheet.getRange(gridAddress(grid)).formulas = grid.cells;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;

function queueStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.underline !== undefined) font.underline = style.underline ? "Single" : "None";
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor !== undefined) font.color = style.fontColor;
  if (style.fill !== undefined) range.format.fill.color = style.fill;
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) range.format.verticalAlignment = VERTICAL[style.vertical];
  if (style.locked !== undefined) range.format.protection.locked = style.locked;
}

/**
 * The plan's formats other than number formats. With ExcelApi 1.9 a sheet's formats go in one
 * Range.setCellProperties call over the block they cover, each cell given the format the plan's styles add up
 * to there (a later style overriding an earlier one, as in the plan) and, where a style has borders, a thin
 * line on each of its four sides, which draws the same lines as the range's edges and inside lines. Without it
 * each style is one operation per property, and the bordered ranges one set of borders per block.
 */
function formatSteps(
  styles: SheetPlan["styles"],
  { excelApi19 }: { excelApi19: boolean },
): ((sheet: Excel.Worksheet) => void)[] {
  if (excelApi19) {
    // Worked out once: the step is run again when the request is cut, and once more when it is written.
    let grid: CellPropertiesGrid | null | undefined;
    return [
      (sheet) => {
        grid = grid === undefined ? cellPropertiesGrid(styles) : grid;
        if (grid) sheet.getRange(grid.address).setCellProperties(grid.cells);
      },
    ];
  }
  return [
    ...styles.map((styled) => (sheet: Excel.Worksheet) => queueStyle(sheet.getRange(styled.range), styled.style)),
    (sheet) => {
      for (const address of borderBlocks(styles)) queueThinBorders(sheet.getRange(address), address);
    },
  ];
}

type Formats = Omit<CellStyle, "numberFormat">;

const formatsOf = ({ numberFormat: _, ...formats }: CellStyle): Formats => formats;

interface CellPropertiesGrid {
  address: string;
  cells: Excel.SettableCellProperties[][];
}

/**
 * Each cell's formats over the block the styles cover, as setCellProperties takes them. A cell's formats depend
 * only on which styles cover it, in the plan's order, so each such combination (a few dozen on a sheet of tens of
 * thousands of cells) is merged and turned into cell properties once, and its cells share the result.
 */
function cellPropertiesGrid(styles: SheetPlan["styles"]): CellPropertiesGrid | null {
  const formatted = styles.filter((styled) => Object.keys(formatsOf(styled.style)).length > 0);
  if (formatted.length === 0) return null;
  const areas = formatted.map((styled) => parseRange(styled.range));
  const top = Math.min(...areas.map((a) => a.top));
  const left = Math.min(...areas.map((a) => a.left));
  const bottom = Math.max(...areas.map((a) => a.bottom));
  const right = Math.max(...areas.map((a) => a.right));
  // Combination 0 is no style; `after` maps (combination, style) to the combination that style makes of it.
  const combinations: Formats[] = [{}];
  const after = new Map<number, number>();
  const grid: number[][] = Array.from({ length: bottom - top + 1 }, () => new Array<number>(right - left + 1).fill(0));
  formatted.forEach((styled, i) => {
    const area = areas[i];
    const formats = formatsOf(styled.style);
    for (let row = area.top; row <= area.bottom; row++)
      for (let column = area.left; column <= area.right; column++) {
        const was = grid[row - top][column - left];
        const key = was * formatted.length + i;
        let now = after.get(key);
        if (now === undefined) {
          now = combinations.length;
          combinations.push({ ...combinations[was], ...formats });
          after.set(key, now);
        }
        grid[row - top][column - left] = now;
      }
  });
  const properties = new Map<string, Excel.SettableCellProperties>();
  const ofCombination = combinations.map((formats) => {
    const key = JSON.stringify(formats);
    if (!properties.has(key)) properties.set(key, cellProperties(formats));
    return properties.get(key)!;
  });
  return {
    address: rangeAddress(top, left, bottom, right),
    cells: grid.map((line) => line.map((combination) => ofCombination[combination])),
  };
}

const THIN: Excel.CellBorder = { style: "Continuous", weight: "Thin" };

/** One cell's formats as Office.js takes them in setCellProperties (only what the plan sets). */
function cellProperties(formats: Formats): Excel.SettableCellProperties {
  if (Object.keys(formats).length === 0) return {};
  const font: Excel.CellPropertiesFont = {};
  if (formats.bold !== undefined) font.bold = formats.bold;
  if (formats.italic !== undefined) font.italic = formats.italic;
  if (formats.underline !== undefined) font.underline = formats.underline ? "Single" : "None";
  if (formats.fontSize !== undefined) font.size = formats.fontSize;
  if (formats.fontColor !== undefined) font.color = formats.fontColor;
  const format: Excel.CellPropertiesFormat = {};
  if (Object.keys(font).length > 0) format.font = font;
  if (formats.fill !== undefined) format.fill = { color: formats.fill };
  if (formats.wrap !== undefined) format.wrapText = formats.wrap;
  if (formats.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[formats.horizontal];
  if (formats.vertical !== undefined) format.verticalAlignment = VERTICAL[formats.vertical];
  if (formats.locked !== undefined) format.protection = { locked: formats.locked };
  if (formats.border === "thin") format.borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  return { format };
}

/**
 * Number formats, one format to a range: Office.js applies a single value to every cell of the range
 * ("Update all cells in a range", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts),
 * so no array of the range's size goes over the wire (the client would send one of more than 1,500 cells in
 * slices). Ranges of one format that follow one another in the plan and meet edge to edge are one range, and
 * ranges that fit together in one of the client's operations one array (packedGrids).
 */
function queueNumberFormats(sheet: Excel.Worksheet, styles: SheetPlan["styles"]): void {
  const runs: { block: Block; format: string }[] = [];
  for (const styled of styles) {
    const format = styled.style.numberFormat;
    if (format === undefined) continue;
    const block = parseRange(styled.range);
    const last = runs[runs.length - 1];
    const joined = last?.format === format ? joinedBlock(last.block, block) : null;
    if (joined) last.block = joined;
    else runs.push({ block, format });
  }
  const grids = runs.map(({ block, format }) => ({
    top: block.top,
    left: block.left,
    cells: Array.from({ length: block.bottom - block.top + 1 }, () =>
      Array.from({ length: block.right - block.left + 1 }, (): string | null => format),
    ),
  }));
  // Runs that fit in one operation of the client together go as one array, null where no run sets a format; a
  // run on its own goes as its single value, which the client never slices however large the range.
  for (const grid of packedGrids(grids)) {
    const formats = new Set(grid.cells.flat());
    const [only] = formats;
    const range = sheet.getRange(gridAddress(grid));
    // Office.js types numberFormat as a 2D array; a single value is the documented form for a whole range.
    if (formats.size === 1 && typeof only === "string") range.numberFormat = only as unknown as string[][];
    else range.numberFormat = grid.cells as string[][];
  }
}

/**
 * The ranges with thin borders, those that meet edge to edge along a whole side joined into one block:
 * a thin border on every cell edge of two such ranges is the same as on every cell edge of the block
 * (the edge they share becomes an inside line), and a block takes one set of borders instead of two.
 */
function borderBlocks(styles: SheetPlan["styles"]): string[] {
  const blocks = styles.filter((styled) => styled.style.border === "thin").map((styled) => parseRange(styled.range));
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const joined = joinedBlock(blocks[i], blocks[j]);
      if (!joined) continue;
      blocks[i] = joined;
      blocks.splice(j, 1);
      j = i;
    }
  }
  return blocks.map(({ top, left, bottom, right }) => rangeAddress(top, left, bottom, right));
}

type Block = ReturnType<typeof parseRange>;

function joinedBlock(a: Block, b: Block): Block | null {
  const [upper, lower] = a.top <= b.top ? [a, b] : [b, a];
  if (a.left === b.left && a.right === b.right && upper.bottom + 1 === lower.top)
    return { ...upper, bottom: lower.bottom };
  const [first, second] = a.left <= b.left ? [a, b] : [b, a];
  if (a.top === b.top && a.bottom === b.bottom && first.right + 1 === second.left)
    return { ...first, right: second.right };
  return null;
}

function queueThinBorders(range: Excel.Range, address: string): void {
  const { top, left, bottom, right } = parseRange(address);
  const edges: Excel.BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as Excel.BorderIndex[];
  // Inside borders only exist between cells: a single row or column has none to set.
  if (right > left) edges.push("InsideVertical" as Excel.BorderIndex);
  if (bottom > top) edges.push("InsideHorizontal" as Excel.BorderIndex);
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}

/**
 * With ExcelApi 1.9 every column's width goes in one setColumnProperties call; without it consecutive
 * columns of one width are set in one operation.
 */
function queueColumnWidths(sheet: Excel.Worksheet, widths: number[], { batched }: { batched: boolean }): void {
  if (batched && widths.length > 0) {
    sheet
      .getRange(`A:${columnLetter(widths.length)}`)
      .setColumnProperties(widths.map((width) => ({ format: { columnWidth: charactersToPoints(width) } })));
    return;
  }
  for (const run of runsOf(widths.map((width, i) => [i + 1, width] as const))) {
    sheet.getRange(`${columnLetter(run.first)}:${columnLetter(run.last)}`).format.columnWidth = charactersToPoints(
      run.value,
    );
  }
}

/**
 * The plan sizes rows to their text, so heights differ row by row. With ExcelApi 1.9 a sheet's heights are one
 * setRowProperties call, so the count follows sheets, not behaviours.
 */
function queueRowHeights(
  sheet: Excel.Worksheet,
  heights: Record<number, number>,
  { batched }: { batched: boolean },
): void {
  const rows = Object.entries(heights)
    .map(([row, height]) => [Number(row), height] as const)
    .sort((a, b) => a[0] - b[0]);
  if (batched && rows.length > 0) {
    // One call from the first row sized to the last: a row between them the plan does not size gets an empty
    // entry, which leaves it as it is (at the standard height the reset gave it).
    const first = rows[0][0];
    const sized = new Map(rows);
    sheet.getRange(`${first}:${rows[rows.length - 1][0]}`).setRowProperties(
      Array.from({ length: rows[rows.length - 1][0] - first + 1 }, (_, i) => {
        const height = sized.get(first + i);
        return height === undefined ? {} : { format: { rowHeight: height } };
      }),
    );
    return;
  }
  for (const run of runsOf(rows)) sheet.getRange(`${run.first}:${run.last}`).format.rowHeight = run.value;
}

function runsOf(entries: ReadonlyArray<readonly [number, number]>): { first: number; last: number; value: number }[] {
  const runs: { first: number; last: number; value: number }[] = [];
  for (const [index, value] of entries) {
    const last = runs[runs.length - 1];
    if (last && last.last === index - 1 && last.value === value) last.last = index;
    else runs.push({ first: index, last: index, value });
  }
  return runs;
}

function queueValidation(range: Excel.Range, validation: Validation): void {
  const dv = range.dataValidation;
  dv.rule =
    validation.type === "list"
      ? {
          list: {
            inCellDropDown: true,
            source: validation.source ? `=${validation.source}` : validation.values.join(","),
          },
        }
      : // A formula string keeps the plan's serial number exactly (no locale date parsing).
        { date: { formula1: `=${validation.minimum}`, operator: "GreaterThanOrEqualTo" } };
  dv.ignoreBlanks = validation.allowBlank;
  dv.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
  dv.errorAlert = { showAlert: true, style: "Stop", title: validation.error.title, message: validation.error.message };
}

function queueConditionalFormat(range: Excel.Range, format: ConditionalFormat): void {
  if (format.type === "expression") {
    const custom = range.conditionalFormats.add("Custom").custom;
    custom.rule.formula = `=${format.formula}`;
    if (format.style.fill !== undefined) custom.format.fill.color = format.style.fill;
    if (format.style.fontColor !== undefined) custom.format.font.color = format.style.fontColor;
    if (format.style.bold !== undefined) custom.format.font.bold = format.style.bold;
    if (format.style.italic !== undefined) custom.format.font.italic = format.style.italic;
  } else if (format.type === "colorScale") {
    const [low, middle, high] = format.colors;
    range.conditionalFormats.add("ColorScale").colorScale.criteria = {
      minimum: { type: "LowestValue", color: low },
      midpoint: { type: "Percentile", formula: "50", color: middle },
      maximum: { type: "HighestValue", color: high },
    };
  } else {
    const bar = range.conditionalFormats.add("DataBar").dataBar;
    bar.lowerBoundRule = { type: "Number", formula: String(format.min) };
    bar.upperBoundRule = { type: "Number", formula: String(format.max) };
    bar.positiveFormat.fillColor = format.color;
  }
}

/**
 * Adds the plan's table, or gives the kept one (`kept`) the plan's name and style where the read found them
 * different.
 */
function queueTable(sheet: Excel.Worksheet, plan: TablePlan, kept?: ExistingTable): void {
  // A Range, not an address string: a bare address would be read on the active sheet.
  const table = kept ? sheet.tables.getItem(kept.name) : sheet.tables.add(sheet.getRange(plan.range), true);
  if (kept?.name !== plan.name) table.name = plan.name;
  if (kept?.style !== plan.style) table.style = plan.style;
}

/** The Office.js chart type of each plan chart type: a radar with markers, as the .xlsx writer draws it. */
export const OFFICE_CHART_TYPE = { radar: "RadarMarkers" } as const;

/**
 * Draws a chart with ExcelApi 1.1–1.7 members only (all within the manifest's 1.8). Excel on the desktop
 * guesses series from the cells a chart is made from (Excel.ChartSeriesBy), and in a new workbook the
 * chart's cells are all formulas giving "", so a series made that way may not exist. So the chart is made
 * from its own top-left cell, which the plan leaves empty under the chart (an empty source gives Excel
 * nothing to make a series of), and each series is added by name with its values and categories
 * (ChartSeriesCollection.add, ExcelApi 1.7): nothing is taken from the guess. Office.js has no alt text
 * for charts (Excel.Chart has no altText member in @types/office-js, and the real client drops one if
 * set), so the plan's alt text reaches only the .xlsx file.
 */
function queueChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  if (plan.series.length === 0) throw new Error(`The chart ${plan.name} has no series`);
  const { top, left, bottom, right } = parseRange(plan.position);
  const chart = sheet.charts.add(OFFICE_CHART_TYPE[plan.type], sheet.getRange(cellAddress(top, left)), "Columns");
  chart.name = plan.name;
  chart.title.text = plan.title;
  chart.title.visible = true;
  chart.legend.position = "Bottom";
  chart.legend.visible = true;
  const axis = chart.axes.valueAxis;
  axis.minimum = plan.axis.min;
  axis.maximum = plan.axis.max;
  axis.majorUnit = plan.axis.majorUnit;
  chart.setPosition(rangeAddress(top, left, top, left), rangeAddress(bottom, right, bottom, right));
  for (const planned of plan.series) {
    const series = chart.series.add(planned.name);
    series.setValues(sheet.getRange(planned.values));
    series.setXAxisValues(sheet.getRange(plan.categories));
    series.format.line.color = planned.color;
    series.markerStyle = "Circle";
    series.markerBackgroundColor = planned.color;
    series.markerForegroundColor = planned.color;
  }
}

function queueFreeze(sheet: Excel.Worksheet, freeze: { rows: number; columns: number }): void {
  if (freeze.rows > 0 && freeze.columns > 0)
    sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress(1, 1, freeze.rows, freeze.columns)));
  else if (freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
  else if (freeze.columns > 0) sheet.freezePanes.freezeColumns(freeze.columns);
}

/** Sets the plan's print setup; with what the sheet has now (`now`), only the settings that differ. */
function queuePrint(sheet: Excel.Worksheet, print: PrintSetup, now?: PrintNow): void {
  const layout = sheet.pageLayout;
  const orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  if (now?.orientation !== orientation) layout.orientation = orientation;
  if (now?.paperSize !== print.paper) layout.paperSize = print.paper;
  // Office.js takes margins in points; the plan names Excel's presets.
  const margin = 72 * SIDE_MARGIN_INCHES[print.margins];
  if (!samePoints(now?.leftMargin, margin)) layout.leftMargin = margin;
  if (!samePoints(now?.rightMargin, margin)) layout.rightMargin = margin;
  // 0 pages tall means "as many as needed", as in the file format's fitToHeight.
  const zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.fitToWidth && !(now?.zoom?.horizontalFitToPages === 1 && now.zoom.verticalFitToPages === 0))
    layout.zoom = zoom;
  if (print.titleRows) {
    const [first, last = first] = print.titleRows.replace(/\$/g, "").split(":");
    layout.setPrintTitleRows(`$${first}:$${last}`);
  }
}

/** Margins read back in points may differ from those set in the last decimals. */
const samePoints = (read: number | undefined, wanted: number) => read !== undefined && Math.abs(read - wanted) < 0.01;

export function queueProtection(sheet: Excel.Worksheet, protection: SheetProtection): void {
  sheet.protection.protect({
    allowFormatColumns: protection.allowFormatColumns,
    allowFormatRows: protection.allowFormatRows,
    allowSort: protection.allowSort,
    allowAutoFilter: protection.allowAutoFilter,
  });
}

/** Existing names are repointed rather than deleted, so formulas that use them never see #NAME?. */
function queueNames(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  { existingNames, nameReferences = {} }: Pick<WriteOptions, "existingNames" | "nameReferences">,
): void {
  const existing = new Set([...existingNames].map((name) => name.toLowerCase()));
  const pointing = new Map(Object.entries(nameReferences).map(([name, to]) => [name.toLowerCase(), to]));
  for (const name of plan.names) {
    const formula = `=${name.reference}`;
    const key = name.name.toLowerCase();
    if (!existing.has(key)) context.workbook.names.add(name.name, formula);
    else if (pointing.get(key) !== normaliseReference(name.reference))
      context.workbook.names.getItem(name.name).formula = formula;
  }
}

/**
 * Visible sheets are shown and the active sheet activated before anything is hidden, so the active
 * (or the only visible) sheet is never the one hidden.
 */
function queueVisibilityAndActivation(
  plan: WorkbookPlan,
  target: RequestTarget,
  existing: ReadonlyMap<string, ExistingSheet>,
): void {
  for (const sheetPlan of plan.sheets) {
    const before = existing.get(sheetPlan.key)?.visibility ?? "Visible";
    if (sheetPlan.visibility === "visible" && before !== "Visible") target.sheet(sheetPlan.key).visibility = "Visible";
  }
  const active = plan.sheets.find((s) => s.key === plan.activeSheetKey && s.visibility === "visible");
  if (active) target.sheet(active.key).activate();
  for (const sheetPlan of plan.sheets) {
    const before = existing.get(sheetPlan.key)?.visibility ?? "Visible";
    if (sheetPlan.visibility === "veryHidden" && before !== "VeryHidden")
      target.sheet(sheetPlan.key).visibility = "VeryHidden";
  }
}
