/// <reference types="office-js" />
/**
 * The host's reads and writes in as many syncs as their size needs: each request, and each
 * response, is kept under the 4 MB the add-in allows itself below Excel for the web's 5 MB.
 */
import type { ProgressUpdate } from "../app/workbook-host";
import type { WorkbookPlan } from "../core/plan/types";
import { excelWords, type Written } from "../core/words/excel";
import { queueUsedRange, type SheetSummary } from "./read-snapshot";
import { groupUnder, RESPONSE_LIMIT_BYTES } from "./read-size";
import { writeWorkbookPlan, type WriteOptions } from "./write-plan";

type Sync = (step: string) => Promise<void>;
type Progress = (update: ProgressUpdate) => void;
export type PlanWriter = (plan: WorkbookPlan, options: WriteOptions) => Promise<void>;

/**
 * Writes a plan in as many requests as its size needs, saying which part is on its way; `what` is what is
 * written, named in the progress and in any error ("the assessment", "the group sheets").
 */
export function writingIn(
  context: Excel.RequestContext,
  sync: Sync,
  onProgress: Progress,
  what: Written = "assessment",
): PlanWriter {
  return async (plan, options) => {
    onProgress({ step: excelWords.progress.writing({ what, part: 1, parts: 1 }), fraction: 0.6 });
    await writeWorkbookPlan(context, plan, options, async (part, parts) => {
      await sync(excelWords.step.writing({ what, part, parts }));
      const step = excelWords.progress.writing({ what, part, parts });
      if (part < parts) onProgress({ step, fraction: 0.6 + (0.35 * part) / parts });
    });
  };
}

export interface SheetRead {
  summary: SheetSummary;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  furniture: SheetFurniture;
  /**
   * Below ExcelApi 1.9 (no AutoFilter to ask), the used range's visible rows (Range.getVisibleView, ExcelApi 1.3),
   * loaded with their count: fewer than the used range's rows means some are hidden. null at 1.9.
   */
  visible: Excel.RangeView | null;
}

/** What a read of our sheets asks besides their cells. */
export interface FurnitureOptions {
  /** Whether the sheet's and its tables' filters are filtering (ExcelApi 1.9: only where it is supported). */
  filters: boolean;
}

/** What a rewrite in place must know of one of our sheets besides its cells: its tables and charts. */
export interface SheetFurniture {
  /** Loaded with each table's name, row count and column names (tableRange places it from those). */
  tables: Excel.TableCollection;
  /** Loaded with each chart's name. */
  charts: Excel.ChartCollection;
  /** The sheet's AutoFilter, loaded with whether it filters; null where ExcelApi 1.9 is not supported. */
  autoFilter: Excel.AutoFilter | null;
}

const NO_FILTERS: FurnitureOptions = { filters: false };

/**
 * Queues the load of a sheet's tables, placed on the sheet by their column names and row count (see
 * tableRange) so they can be kept, and of its charts' names (those the plan draws again are deleted first);
 * with `filters`, whether the sheet's AutoFilter and each table filter rows (the rewrite clears them and says so).
 */
export function queueFurniture(sheet: Excel.Worksheet, options: FurnitureOptions): SheetFurniture {
  const tables = "items/name,items/rows/count,items/columns/items/name";
  return {
    tables: sheet.tables.load(options.filters ? `${tables},items/autoFilter/isDataFiltered` : tables),
    charts: sheet.charts.load("items/name"),
    autoFilter: options.filters ? sheet.autoFilter.load("isDataFiltered") : null,
  };
}

/** Queues the read of one of our sheets: its cells, protection, tables and charts. */
export function queueSheetRead(
  context: Excel.RequestContext,
  name: string,
  options: FurnitureOptions = NO_FILTERS,
): Omit<SheetRead, "summary"> {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.protection.load("protected");
  const furniture = queueFurniture(sheet, options);
  const used = queueUsedRange(sheet);
  return { sheet, used, furniture, visible: options.filters ? null : used.getVisibleView().load("rowCount") };
}

const isResponseTooLarge = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === "ResponsePayloadSizeLimitExceeded";

/**
 * Reads our sheets' cells, protection and tables in as few syncs as keep each response's bound
 * under the limit (one for the canonical toolkit). Should Excel still refuse a response as too
 * large (answers far longer than the bound allows), that read changed nothing: it is read again
 * in halves.
 */
export async function readSheetsInParts(
  context: Excel.RequestContext,
  sync: Sync,
  sheets: SheetSummary[],
  bound: (sheet: SheetSummary) => number,
  options: FurnitureOptions = NO_FILTERS,
): Promise<SheetRead[]> {
  const pending = groupUnder(sheets, bound, RESPONSE_LIMIT_BYTES);
  const parts = pending.length;
  const reads: SheetRead[] = [];
  for (let part = 1; pending.length > 0; part++) {
    const group = pending.shift()!;
    const queued = group.map((summary) => ({ summary, ...queueSheetRead(context, summary.name, options) }));
    try {
      await sync(excelWords.step.readingAssessment({ part, parts }));
    } catch (error) {
      if (!isResponseTooLarge(error) || group.length === 1) throw error;
      const half = Math.ceil(group.length / 2);
      pending.unshift(group.slice(0, half), group.slice(half));
      continue;
    }
    reads.push(...queued);
  }
  return reads;
}
