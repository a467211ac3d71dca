/// <reference types="office-js" />
/**
 * Reads the assessment in the open workbook for the status and the check: the sheets the add-in
 * made, with their cells, protection and the locks and validations of their guarded cells — the
 * same snapshot readWorkbookSnapshot gives of those sheets, from the same pieces (read-snapshot.ts).
 *
 * One sync for a workbook the generator wrote. The sheets are reached before their names are
 * known: every sheet role has a workbook-scope name (NPS_Sheet_*) that Excel keeps pointing at its
 * sheet when users rename it, so `names.getItemOrNullObject(n).getRangeOrNullObject().worksheet` is
 * the sheet (ExcelApi 1.4 and 1.1), and the guarded cells are queued where the generator put them:
 * locks a block at a time (FormatProtection.locked, ExcelApi 1.2, is null for a block whose cells
 * differ), validations cell by cell (data validation needs ExcelApi 1.8, the manifest's version). The sheet list and the names come
 * in the same batch, so what was reached is matched with the sheets of ours afterwards.
 *
 * More syncs only where one cannot do, each for a stated reason:
 * - a sheet of ours that no role name of a known toolkit reached: one more for its cells;
 * - guarded cells the read did not queue (rows added below the last behaviour, or such a sheet):
 *   one more for them, cell by cell (so also for a sheet where a user changed a lock: Excel answers
 *   a block of cells whose locks differ with null);
 * - a read whose request or response could exceed the limit (a toolkit much larger than the
 *   canonical one), or that Excel refuses (were Excel to refuse a proxy reached through a null
 *   object, which the documentation leaves open): the stepwise read — the sheet list, our sheets
 *   in parts under the response limit, then the guarded cells in parts under the request limit.
 *   Reads change nothing, so reading again is safe.
 */
import { UserFacingError } from "../app/workbook-host";
import { SHEET_NAMES } from "../core/plan/layout";
import type { WorkbookPlan } from "../core/plan/types";
import { guardedCells, type GuardedCells } from "../core/snapshot/guarded-cells";
import { sheetsMadeByUs } from "../core/snapshot/our-sheets";
import type { SnapshotChart, SnapshotSheet, SnapshotTable, WorkbookSnapshot } from "../core/snapshot/types";
import { excelWords } from "../core/words/excel";
import { queueFurniture, readSheetsInParts, type SheetFurniture } from "./in-parts";

export type { SheetFurniture };
import {
  queueGuardReads,
  queueGuards,
  queueOverview,
  queueUsedRange,
  sheetSummaries,
  snapshotNames,
  snapshotSheet,
  tableRange,
  withGuards,
  type GuardReads,
  type SheetSummary,
  type SyncFn,
} from "./read-snapshot";
import { groupUnder, planResponseBytes, RESPONSE_LIMIT_BYTES, sheetBounds } from "./read-size";
import { REQUEST_LIMIT_BYTES } from "./request-size";

/** What to read: the guarded cells expected behind each role name, and a plan of the toolkit for response bounds. */
export interface AssessmentReadPlan {
  /** By NPS_Sheet_* name, every role of every known toolkit (see expectedGuardedCells). */
  expected: Map<string, GuardedCells>;
  /** A plan of the toolkit the sheets were made by (or one like it): what bounds each sheet's response. */
  plan: WorkbookPlan;
  /**
   * Queues more loads to go with the read's first sync (sign-off: whether the workbook can be changed); called
   * again should Excel refuse the one-sync read, as the step-by-step read starts afresh.
   */
  alsoLoad?: () => void;
  /** Read whether the sheets' filters filter (ExcelApi 1.9, where supported: sign-off rewrites the sheets). */
  filters?: boolean;
}

export interface AssessmentRead {
  /** Our sheets only (in tab order) and every defined name. */
  snapshot: WorkbookSnapshot;
  /** Every sheet of the workbook, the user's own included. */
  sheets: SheetSummary[];
  /** Each of our sheets' tables and charts, by lower-case sheet name (sign-off rewrites the sheets in place). */
  furniture: Map<string, SheetFurniture>;
}

/**
 * A guarded cell's answer, at most: a lock is a boolean; a validation is its type, its rule (the
 * inline list of level names or a date formula) and its alert's style, title and message, which
 * the plan keeps under 32 and 225 characters, with property names and brackets.
 */
const LOCK_RESPONSE_BYTES = 32;
const RULE_RESPONSE_BYTES = 1024;
/**
 * The request to read one guarded cell's (or block's) lock or validation, at least as large as the
 * real office.js client's (test/office-real/check.test.ts measures about 490 bytes for the
 * canonical toolkit): the range's object path and instantiation, its format and protection (or
 * data validation) paths, and the load, each with an ID that grows a digit as a request grows
 * tenfold, hence the room.
 */
export const GUARD_REQUEST_BYTES = 700;
/** The sheet list, the names and each role's reach: well under this whatever the toolkit. */
const REACH_REQUEST_BYTES = 2048;
/** The names of a sheet's charts (the plan's tables are in planResponseBytes): the Summary has one. */
const CHARTS_RESPONSE_BYTES = 512;

const NO_GUARDS: GuardedCells = { locked: [], validated: [], lockBlocks: [] };

interface Reached extends GuardReads, SheetFurniture {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  protection: Excel.WorksheetProtection;
}

function queueReach(sheet: Excel.Worksheet, guards: GuardedCells, read: AssessmentReadPlan): Reached {
  sheet.load("name");
  return {
    sheet,
    used: queueUsedRange(sheet),
    protection: sheet.protection.load("protected"),
    ...queueFurniture(sheet, { filters: read.filters ?? false }),
    ...queueGuardReads(sheet, guards.lockBlocks, guards.validated),
  };
}

/** Whether the one-sync read stays under the request and response limits (canonical toolkit: yes). */
export function fitsOneSync(read: AssessmentReadPlan): boolean {
  const guards = [...read.expected.values()];
  const locks = guards.reduce((n, g) => n + g.lockBlocks.length, 0);
  const rules = guards.reduce((n, g) => n + g.validated.length, 0);
  const response =
    planResponseBytes(read.plan) +
    read.expected.size * CHARTS_RESPONSE_BYTES +
    locks * LOCK_RESPONSE_BYTES +
    rules * RULE_RESPONSE_BYTES;
  const request = read.expected.size * REACH_REQUEST_BYTES + (locks + rules) * GUARD_REQUEST_BYTES;
  return response <= RESPONSE_LIMIT_BYTES && request <= REQUEST_LIMIT_BYTES;
}

/** An error Excel answered a request with (it carries Office's error code); nothing was changed. */
const isRefusedByExcel = (error: unknown) =>
  !(error instanceof UserFacingError) && typeof (error as { code?: unknown } | null)?.code === "string";

/** Our sheets, in tab order, from the sheet list and the names. */
function oursOf(sheets: SheetSummary[], names: Record<string, string>): SheetSummary[] {
  const ours = new Set(sheetsMadeByUs(sheets, names));
  return sheets.filter((sheet) => ours.has(sheet.name));
}

/** Reads the assessment's sheets in one sync when it can, in a few more when it must (see above). */
export async function readAssessmentSheets(
  context: Excel.RequestContext,
  sync: SyncFn,
  read: AssessmentReadPlan,
): Promise<AssessmentRead> {
  if (fitsOneSync(read)) {
    const done = await readInOneSync(context, sync, read);
    if (done) return withTablesAndCharts(done);
  }
  return withTablesAndCharts(await readStepByStep(context, sync, read));
}

/**
 * The snapshot with the tables and charts of our sheets, from what the read loaded of them: each
 * table placed by its header and row count (tableRange), each chart by its sheet. ExcelApi 1.8 has no
 * way to read a chart series' cells (ChartSeries.getDimensionValues is 1.12, and gives values, not
 * references), so the series are left absent and only a deleted chart is found here.
 */
function withTablesAndCharts(read: AssessmentRead): AssessmentRead {
  const tables: SnapshotTable[] = [];
  const charts: SnapshotChart[] = [];
  for (const sheet of read.snapshot.sheets) {
    const furniture = read.furniture.get(sheet.name.toLowerCase());
    if (!furniture) continue;
    for (const table of furniture.tables.items) {
      const columns = table.columns.items.map((c) => c.name);
      const range = tableRange(sheet, columns, table.rows.count);
      tables.push({ name: table.name, sheet: sheet.name, ...(range ? { range } : {}), columns });
    }
    for (const chart of furniture.charts.items) charts.push({ sheet: sheet.name, name: chart.name });
  }
  return { ...read, snapshot: { ...read.snapshot, tables, charts } };
}

/** The one-sync read and what it left for one more; null when Excel refused it. */
async function readInOneSync(
  context: Excel.RequestContext,
  sync: SyncFn,
  read: AssessmentReadPlan,
): Promise<AssessmentRead | null> {
  const overview = queueOverview(context);
  read.alsoLoad?.();
  const names = context.workbook.names;
  const reached = [...read.expected].map(([name, guards]) =>
    queueReach(names.getItemOrNullObject(name).getRangeOrNullObject().worksheet, guards, read),
  );
  // A very hidden metadata sheet whose names were lost is still ours (see sheetsMadeByUs).
  reached.push(queueReach(context.workbook.worksheets.getItemOrNullObject(SHEET_NAMES.metadata), NO_GUARDS, read));
  try {
    await sync(excelWords.step.readingWorkbook);
  } catch (error) {
    if (isRefusedByExcel(error)) return null;
    throw error;
  }
  const sheets = sheetSummaries(overview.sheets);
  const snapshotNamesRead = snapshotNames(overview.names);
  const bySheet = reachedBySheet(reached);
  const done = new Map<string, SnapshotSheet>();
  const furniture = new Map<string, SheetFurniture>();
  const unguarded: SnapshotSheet[] = [];
  const unreached: SheetSummary[] = [];
  for (const summary of oursOf(sheets, snapshotNamesRead)) {
    const r = bySheet.get(summary.name.toLowerCase());
    if (!r) {
      unreached.push(summary);
      continue;
    }
    furniture.set(summary.name.toLowerCase(), { tables: r.tables, charts: r.charts, autoFilter: r.autoFilter });
    const sheet = { ...snapshotSheet(summary, r.used), protected: r.protection.protected };
    const guarded = withGuards(sheet, snapshotNamesRead, r);
    if (guarded) done.set(summary.name, guarded);
    else unguarded.push(sheet);
  }
  const rest = await readRest(context, sync, read, snapshotNamesRead, unreached, unguarded);
  for (const sheet of rest.sheets) done.set(sheet.name, sheet);
  for (const [name, more] of rest.furniture) furniture.set(name, more);
  const snapshot = {
    sheets: oursOf(sheets, snapshotNamesRead).map((summary) => done.get(summary.name)!),
    names: snapshotNamesRead,
  };
  return { snapshot, sheets, furniture };
}

/** What was reached, by lower-case sheet name; two names on one sheet pool their guarded cells. */
function reachedBySheet(reached: Reached[]): Map<string, Reached> {
  const bySheet = new Map<string, Reached>();
  for (const r of reached) {
    if (r.sheet.isNullObject) continue;
    const key = r.sheet.name.toLowerCase();
    const known = bySheet.get(key);
    if (!known) bySheet.set(key, r);
    else {
      const lock = known.lock;
      known.lock = (address) => lock(address) ?? r.lock(address);
      for (const [address, rule] of r.rules) known.rules.set(address, rule);
    }
  }
  return bySheet;
}

/**
 * The cells (and tables and charts) of sheets no name reached, then the guarded cells not read yet: a sync
 * each, when needed.
 */
async function readRest(
  context: Excel.RequestContext,
  sync: SyncFn,
  read: AssessmentReadPlan,
  names: Record<string, string>,
  unreached: SheetSummary[],
  unguarded: SnapshotSheet[],
): Promise<{ sheets: SnapshotSheet[]; furniture: Map<string, SheetFurniture> }> {
  const reads =
    unreached.length > 0
      ? await readSheetsInParts(context, sync, unreached, sheetBounds(read.plan, names), {
          filters: read.filters ?? false,
        })
      : [];
  const pending = [
    ...unguarded,
    ...reads.map((r) => ({ ...snapshotSheet(r.summary, r.used), protected: r.sheet.protection.protected })),
  ];
  // A much larger toolkit has more guarded cells than one request may ask for: they go in parts.
  const requestBytes = (sheet: SnapshotSheet) => {
    const guarded = guardedCells(sheet.name, names, sheet.cells);
    return (guarded.locked.length + guarded.validated.length) * GUARD_REQUEST_BYTES;
  };
  const parts = groupUnder(pending, requestBytes, REQUEST_LIMIT_BYTES - REACH_REQUEST_BYTES);
  const finished: SnapshotSheet[] = [];
  for (const [i, part] of parts.entries()) {
    const guards = part.map((sheet) => queueGuards(context, sheet, names));
    if (guards.some((guard) => guard.queued))
      await sync(excelWords.step.readingGuards({ part: i + 1, parts: parts.length }));
    finished.push(...guards.map((guard) => guard.finish()));
  }
  const furniture = new Map(reads.map((r) => [r.summary.name.toLowerCase(), r.furniture]));
  return { sheets: finished, furniture };
}

/** The sheet list, our sheets in parts under the response limit, then their guarded cells. */
async function readStepByStep(
  context: Excel.RequestContext,
  sync: SyncFn,
  read: AssessmentReadPlan,
): Promise<AssessmentRead> {
  const overview = queueOverview(context);
  read.alsoLoad?.();
  await sync(excelWords.step.readingSheetList);
  const sheets = sheetSummaries(overview.sheets);
  const names = snapshotNames(overview.names);
  const ours = oursOf(sheets, names);
  const rest = ours.length > 0 ? await readRest(context, sync, read, names, ours, []) : null;
  const byName = new Map((rest?.sheets ?? []).map((sheet) => [sheet.name, sheet]));
  return {
    snapshot: { sheets: ours.map((summary) => byName.get(summary.name)!), names },
    sheets,
    furniture: rest?.furniture ?? new Map(),
  };
}
