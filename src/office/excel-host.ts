/// <reference types="office-js" />
/**
 * WorkbookHost for Excel: builds, upgrades and repairs the assessment in the open workbook.
 *
 * Round trips, for the canonical toolkit:
 * - build:   1 read the sheet list and names, 2 write everything;
 * - upgrade: 1 read the sheet list and names, 2 read our sheets, 3 rewrite them in place;
 * - status and check: 1 read of the sheet list, names and our sheets with their guarded cells
 *   (read-assessment.ts says when it takes more);
 * - check report: 1 read the sheet list and names, 2 (when there is one) read the earlier report,
 *   3 write the report;
 * - group sheets: 1 read the sheet list, names and tables, 2 (when there are some) read the earlier
 *   group sheets' protection, tables and charts, 3 write the group sheets (more for a large group);
 * - sign off: 1 the check's read (as status and check), 2 write the sign-off cells (nothing else);
 * - draft actions: 1 the check's read, 2 add the drafted rows to the action plan's table (none when none);
 * - Go to cell: 1 find the sheet, 2 activate it and select the cell.
 * A write too large for one request (a much larger toolkit) goes in as few more as it needs.
 */
import {
  UserFacingError,
  type AssessmentDetails,
  type AssessmentOutcome,
  type GroupSheetsOutcome,
  type OpenAssessment,
  type ModerationOutcome,
  type ProgressUpdate,
  type SignOffAsked,
  type WorkbookHost,
  type WorkbookStatus,
} from "../app/workbook-host";
import {
  assessmentStatus,
  planBuild,
  planUpgrade,
  type PlannedAssessment,
  type PlanningOptions,
} from "../core/assessment/plan-assessment";
import { checkWorkbook } from "../core/check/check";
import { CHECK_REPORT_KEY, planCheckReport } from "../core/check/report-sheet";
import type { CheckResult } from "../core/check/types";
import { buildWorkbookPlan } from "../core/plan/build-plan";
import { sheetsMadeByUs } from "../core/snapshot/our-sheets";
import { expectedGuardedCells } from "../core/snapshot/guarded-cells";
import type { SnapshotSheet, WorkbookSnapshot } from "../core/snapshot/types";
import type { WorkbookPlan } from "../core/plan/types";
import { canonicalToolkit } from "../core/toolkit/canonical";
import { knownToolkits } from "../core/toolkit/registry";
import type { Toolkit } from "../core/toolkit/schema";
import { isRefusal, planSignOffInPlace, type SignOffRefusal } from "../core/sign-off/sign-off";
import { signOffProblem } from "../core/assessment/sign-off-request";
import { todayIso } from "../core/util/dates";
import { groupTableInTheWay, planGroupSheetsInto, type WorkbookListing } from "../core/consolidate/group-plan";
import { SHEET_NAMES } from "../core/plan/layout";
import { ACTIONS_TABLE_NAME } from "../core/plan/actions-sheet";
import { columnNumber, parseRange } from "../core/util/a1";
import { excelWords } from "../core/words/excel";
import { paneWords } from "../core/words/pane";
import type { Consolidation } from "../core/consolidate/types";
import type { Moderation } from "../core/moderate/moderate";
import { planModerationInto } from "../core/moderate/into-workbook";
import { moderationWords } from "../core/words/moderation";
import {
  queueOverview,
  sheetSummaries,
  snapshotNames,
  snapshotSheet,
  tableRange,
  type SheetSummary,
} from "./read-snapshot";
import { openAsNewWorkbook, type CreateWorkbook } from "./create-workbook";
import { readSheetsInParts, writingIn, type PlanWriter, type SheetRead } from "./in-parts";
import { readAssessmentSheets, type AssessmentRead, type SheetFurniture } from "./read-assessment";
import { sheetBounds, UNPLANNED_SHEET_BYTES } from "./read-size";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithin } from "./sync-timeout";
import {
  filtersClearedNote,
  PRINT_NOW_PATHS,
  writeWorkbookPlan,
  type ExistingSheet,
  type PrintNow,
  type SheetFound,
} from "./write-plan";
import { queueSignOff } from "./write-sign-off";
import { queueDraftedRows } from "./write-drafted-actions";
import { draftedCount, isDraftRefusal, planDraftedRows } from "../core/cycle/draft-in-place";

/** Data validation (level pickers) needs ExcelApi 1.8; everything else the plan uses is older. */
export const REQUIRED_API = { name: "ExcelApi", version: "1.8" } as const;
/**
 * Print setup (page layout) and the AutoFilter on Gaps need 1.9; below it the workbook is built
 * without them and the core's notes say so.
 */
export const PRINT_API = { name: "ExcelApi", version: "1.9" } as const;

export interface ExcelHostDeps {
  /** Excel.run, or a fake's run in tests. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  isSetSupported: (name: string, version: string) => boolean;
  toolkit: Toolkit;
  now: () => Date;
  syncTimeoutMs?: number;
  /** Excel.createWorkbook where this Excel has it (a fake's in tests); without it next year's workbook is downloaded. */
  createWorkbook?: CreateWorkbook;
}

type Sync = (step: string) => Promise<void>;
type Progress = (update: ProgressUpdate) => void;
interface Overview {
  sheets: SheetSummary[];
  names: Record<string, string>;
  /** The sheets as loaded, in the same order, with whatever more readOverview was asked to load. */
  loaded: Excel.Worksheet[];
}

/** Sheets this add-in made (the rule is the core's, shared with the .xlsx side). */
function assessmentSheets(overview: Overview): SheetSummary[] {
  const ours = new Set(sheetsMadeByUs(overview.sheets, overview.names));
  return overview.sheets.filter((sheet) => ours.has(sheet.name));
}

/** What sync 2 read of our sheets: the snapshot the core plans from, and what the writer must know. */
interface Existing {
  snapshot: WorkbookSnapshot;
  /** By sheet name in lower case (Excel ignores case). */
  sheets: Map<string, ExistingSheet>;
}

export class ExcelWorkbookHost implements WorkbookHost {
  private readonly timeoutMs: number;
  /** Syncs that outlived their timeout: Excel may still apply them, so no new work may start yet. */
  private readonly unfinished = new Set<Promise<void>>();

  constructor(private readonly deps: ExcelHostDeps) {
    this.timeoutMs = deps.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  }

  /** The assessment's status and its check, from one read (one sync for a workbook the generator wrote). */
  status(): Promise<WorkbookStatus> {
    return this.check(() => undefined);
  }

  /** As status, saying how far it has got: the pane's Check button shows the progress. */
  async check(onProgress: Progress): Promise<WorkbookStatus> {
    this.assertSupported();
    onProgress({ step: excelWords.progress.reading, fraction: 0.1 });
    const snapshot = await this.session((context, sync) => this.readForCheck(context, sync));
    onProgress({ step: excelWords.progress.checking, fraction: 0.7 });
    const status = this.statusOf(snapshot);
    onProgress({ step: excelWords.progress.finished, fraction: 1 });
    return status;
  }

  /**
   * Finds the sheet (sync 1), then activates it and selects the cell in one batch (sync 2: Excel
   * selects only on the active sheet); without a cell (a finding about a whole sheet) it only
   * activates the sheet. A hidden sheet cannot be activated, so it is explained instead.
   */
  async selectCell(sheetName: string, cell?: string): Promise<void> {
    await this.session(async (context, sync) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load("visibility");
      await sync(excelWords.step.findingSheet({ sheet: sheetName }));
      // eslint-disable-next-line office-addins/call-sync-before-read -- sync() is context.sync() bounded by a timeout
      if (sheet.isNullObject) throw sheetGone(sheetName);
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- loaded, then sync() above
      const visibility = sheet.visibility;
      if (visibility !== "Visible") throw sheetHidden({ name: sheetName, veryHidden: visibility === "VeryHidden" });
      sheet.activate();
      if (cell) sheet.getRange(cell).select();
      await sync(
        cell
          ? excelWords.step.selectingCell({ cell, sheet: sheetName })
          : excelWords.step.openingSheet({ sheet: sheetName }),
      );
    });
  }

  /**
   * Writes the check's findings to the add-in's "Check report" sheet (planned in the core): sync 1
   * reads the sheet list and names, sync 2 (only when an earlier report is there) its tables and
   * protection, the last writes the report in place of the earlier one, or as a new sheet.
   */
  async addCheckReport(result: CheckResult): Promise<string> {
    this.assertSupported();
    return this.session(async (context, sync) => {
      const overview = await this.readOverview(context, sync);
      const planned = planCheckReport(result, {
        checkedAt: this.deps.now(),
        workbookSheets: overview.sheets.map((s) => s.name),
        names: overview.names,
      });
      const existing = new Map<string, ExistingSheet>();
      const earlier = overview.sheets.find((s) => s.name === planned.replaces);
      if (earlier) {
        const [read] = await readSheetsInParts(context, sync, [earlier], () => UNPLANNED_SHEET_BYTES, {
          filters: this.excelApi19(),
        });
        existing.set(CHECK_REPORT_KEY, existingSheetOf(read, snapshotSheet(read.summary, read.used)));
      }
      await writeWorkbookPlan(
        context,
        planned.plan,
        { existing, existingNames: new Set(Object.keys(overview.names)), excelApi19: this.excelApi19() },
        () => sync(excelWords.step.addingCheckReport),
      );
      return planned.sheetName;
    });
  }

  async buildOrUpgrade(details: AssessmentDetails, onProgress: Progress): Promise<AssessmentOutcome> {
    onProgress({ step: excelWords.progress.checkingExcel, fraction: 0.02 });
    this.assertSupported();
    return this.session(async (context, sync) => {
      onProgress({ step: excelWords.progress.reading, fraction: 0.1 });
      const overview = await this.readOverview(context, sync);
      onProgress({ step: excelWords.progress.lookingForEarlier, fraction: 0.25 });
      const existing = await this.readExisting(context, sync, overview);
      onProgress({ step: excelWords.progress.preparing, fraction: 0.45 });
      const options = this.planningOptions(details, overview);
      const planned =
        (existing && planUpgrade(existing.snapshot, this.deps.toolkit, options)) ??
        planBuild(this.deps.toolkit, options);
      const cleared = await this.writePlanned(
        writingIn(context, sync, onProgress),
        planned,
        overview.names,
        existing?.sheets ?? new Map(),
      );
      onProgress({ step: excelWords.progress.finished, fraction: 1 });
      return { action: planned.action, sheets: planned.sheets, notes: [...planned.notes, ...cleared] };
    });
  }

  /**
   * Sign off: the check's own read (read-assessment.ts: one sync for the canonical toolkit, with the sheets'
   * protection, locks and pickers), so the check that may refuse it finds what the pane's check finds; then the
   * core's sign-off in place, which writes only the Guide's two sign-off cells and the metadata's three, in one
   * small request (2 syncs in all).
   */
  async signOff(request: SignOffAsked, onProgress: Progress): Promise<AssessmentOutcome> {
    const now = this.deps.now();
    const problem = signOffProblem(request.name, todayIso(now), todayIso(now));
    if (problem) throw new UserFacingError({ message: problem, nextStep: excelWords.typeYourName });
    onProgress({ step: excelWords.progress.checkingExcel, fraction: 0.02 });
    this.assertSupported();
    return this.session(async (context, sync) => {
      onProgress({ step: excelWords.progress.reading, fraction: 0.1 });
      const read = await this.readAssessment(context, sync, () => queueCanChange(context));
      assertCanChange(context);
      onProgress({ step: excelWords.progress.checkingAnswers, fraction: 0.4 });
      const planned = planSignOffInPlace({
        snapshot: read.snapshot,
        toolkit: this.deps.toolkit,
        request: { by: request.name, now, allowIncomplete: request.allowIncomplete },
        check: this.checkOf(read.snapshot),
      });
      if (isRefusal(planned)) throw new UserFacingError(refusalInPane(planned));
      onProgress({ step: excelWords.progress.recordingSignOff, fraction: 0.7 });
      queueSignOff(context, planned.edits);
      await sync(excelWords.step.recordingSignOff);
      onProgress({ step: excelWords.progress.finished, fraction: 1 });
      return { action: "signedOff", sheets: [], notes: planned.notes };
    });
  }

  /**
   * Draft actions from the gaps: the check's own read (one sync for the canonical toolkit, with the tables), the
   * core's rows, then one add of them to the action plan's table (2 syncs; 1 when there is nothing to add).
   */
  async draftActions(onProgress: Progress): Promise<AssessmentOutcome> {
    const steps = excelWords.draftActions;
    onProgress({ step: steps.checkingExcel, fraction: 0.02 });
    this.assertSupported();
    return this.session(async (context, sync) => {
      onProgress({ step: steps.reading, fraction: 0.1 });
      let filter: Excel.AutoFilter | null = null;
      const read = await this.readAssessment(context, sync, () => {
        queueCanChange(context);
        // Whether the action plan's table filters rows (ExcelApi 1.9), in the same sync: its filter is cleared first.
        if (this.excelApi19())
          filter = context.workbook.tables.getItemOrNullObject(ACTIONS_TABLE_NAME).autoFilter.load("isDataFiltered");
      });
      assertCanChange(context);
      onProgress({ step: steps.finding, fraction: 0.5 });
      const drafted = planDraftedRows({ snapshot: read.snapshot, toolkit: this.deps.toolkit });
      if (isDraftRefusal(drafted)) throw new UserFacingError({ message: drafted.message, nextStep: drafted.nextStep });
      const filtered = isFiltered(filter);
      const written = draftedCount(drafted) > 0;
      if (written) {
        onProgress({ step: steps.adding, fraction: 0.7 });
        queueDraftedRows(context, drafted, filtered === undefined ? {} : { filtered });
        await sync(steps.addingStep);
      }
      onProgress({ step: steps.finished, fraction: 1 });
      const cleared = filtered && written ? [excelWords.filtersCleared({ sheets: [drafted.sheet] })] : [];
      return {
        action: "actionsDrafted",
        title: drafted.title,
        sheets: written ? [{ name: drafted.sheet, role: "actions" }] : [],
        notes: [...drafted.notes, ...cleared],
      };
    });
  }

  /**
   * Consolidate: sync 1 reads the sheet list (with each sheet's protection and, with ExcelApi 1.9, its filter and
   * print setup), the names and the workbook's tables with their sheets and styles (and filters); the core
   * decides which sheets are the add-in's group sheets of an earlier consolidation (by their NPS_Sheet_* names)
   * and plans the new ones in their place; sync 2 (only when there are such sheets) reads where their tables are
   * and the charts it draws again (never their cells); then the plan goes in as few requests as it needs,
   * rewriting those sheets in place and adding the rest.
   */
  async writeGroupSheets(consolidation: Consolidation, onProgress: Progress): Promise<GroupSheetsOutcome> {
    onProgress({ step: excelWords.progress.checkingExcel, fraction: 0.02 });
    this.assertSupported();
    return this.session(async (context, sync) => {
      onProgress({ step: excelWords.progress.reading, fraction: 0.1 });
      // What the writer must know of any sheet it may rewrite goes in the first sync's loads of every sheet and
      // every table, so the second reads only where each table is (and charts to draw again).
      const filters = this.excelApi19();
      const tables = context.workbook.tables.load(
        // A string: the real client reads "items/" off a collection's paths in a string, not in an array.
        ["name", "worksheet/name", "style", ...(filters ? ["autoFilter/isDataFiltered"] : [])]
          .map((p) => `items/${p}`)
          .join(","),
      );
      const overview = await this.readOverview(context, sync, [
        "protection/protected",
        ...(filters ? ["autoFilter/isDataFiltered", ...PRINT_NOW_PATHS] : []),
      ]);
      const listing: WorkbookListing = {
        sheets: overview.sheets.map((s) => s.name),
        names: overview.names,
        tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      };
      const planned = planGroupSheetsInto(consolidation, listing, this.deps.now());
      if (!planned)
        throw new UserFacingError(
          excelWords.groupTableInTheWay({ sheet: groupTableInTheWay(listing) ?? SHEET_NAMES.groupData }),
        );
      const existing = await readEarlierGroupSheets(context, sync, overview, tables.items, {
        replaces: planned.replaces,
        filters,
        drawsCharts: new Set(planned.plan.sheets.filter((s) => (s.charts ?? []).length > 0).map((s) => s.key)),
      });
      const write = writingIn(context, sync, onProgress, "groupSheets");
      await write(planned.plan, {
        existing,
        existingNames: new Set(Object.keys(overview.names)),
        nameReferences: overview.names,
        excelApi19: this.excelApi19(),
      });
      onProgress({ step: excelWords.progress.finished, fraction: 1 });
      const replaced = planned.plan.sheets.filter((sheet) => existing.has(sheet.key)).map((sheet) => sheet.name);
      const cleared = filtersClearedNote(existing.values());
      return { sheets: planned.sheetNames, replaced, ...(cleared ? { notes: [cleared] } : {}) };
    });
  }

  /**
   * Next year's starting point: the check's own read (read-assessment.ts: one sync for the canonical toolkit), with
   * the workbook's name (Workbook.name, ExcelApi 1.7) loaded in the same sync, to record where the answers came from.
   */
  async readForNextYear(onProgress: Progress): Promise<OpenAssessment | null> {
    this.assertSupported();
    onProgress({ step: paneWords.action.readingWorkbook, fraction: 0.1 });
    return this.session(async (context, sync) => {
      const read = await this.readAssessment(context, sync, () => context.workbook.load("name"));
      if (read.snapshot.sheets.length === 0) return null;
      return { snapshot: read.snapshot, fileName: context.workbook.name };
    });
  }

  /** Excel.createWorkbook (ExcelApi 1.8, create-workbook.ts): a new workbook beside this one, which is not touched. */
  async openNewWorkbook(bytes: Uint8Array): Promise<void> {
    this.assertSupported();
    const { createWorkbook } = this.deps;
    if (!createWorkbook) {
      const { message, nextStep } = excelWords.newWorkbookRefused(excelWords.noCreateWorkbook);
      throw new UserFacingError({ message, nextStep });
    }
    try {
      await openAsNewWorkbook(createWorkbook, bytes);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const { message, nextStep } = excelWords.newWorkbookRefused(detail);
      throw new UserFacingError({ message, nextStep, cause: error });
    }
  }

  /**
   * Moderation: sync 1 reads the sheet list and names, sync 2 (only when the add-in's sheets are there) reads them
   * as an upgrade does; the core decides whether the moderation may go in (never over answers) and plans it, and
   * the plan goes in as an upgrade's does, the add-in's sheets rewritten in place and the rest added.
   */
  async writeModeration(moderation: Moderation, onProgress: Progress): Promise<ModerationOutcome> {
    onProgress({ step: moderationWords.pane.checkingExcel, fraction: 0.02 });
    this.assertSupported();
    return this.session(async (context, sync) => {
      onProgress({ step: moderationWords.pane.readingWorkbook, fraction: 0.1 });
      const overview = await this.readOverview(context, sync);
      const existing = await this.readExisting(context, sync, overview);
      onProgress({ step: moderationWords.pane.preparing, fraction: 0.4 });
      const into = planModerationInto(moderation, {
        ...(existing ? { snapshot: existing.snapshot } : {}),
        workbookSheets: overview.sheets.map((s) => s.name),
        now: this.deps.now(),
      });
      if (!into.ok) throw new UserFacingError({ message: into.message, nextStep: into.nextStep });
      const cleared = await this.writePlanned(
        writingIn(context, sync, onProgress),
        into.planned,
        overview.names,
        existing?.sheets ?? new Map(),
      );
      onProgress({ step: moderationWords.pane.finished, fraction: 1 });
      return { sheets: into.planned.sheets, notes: [...into.planned.notes, ...cleared] };
    });
  }

  async selectSheet(name: string): Promise<void> {
    await this.session(async (context, sync) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await sync(excelWords.step.findingSheet({ sheet: name }));
      // eslint-disable-next-line office-addins/call-sync-before-read -- sync() is context.sync() bounded by a timeout
      if (sheet.isNullObject) throw sheetGone(name);
      sheet.activate();
      await sync(excelWords.step.openingSheet({ sheet: name }));
    });
  }

  private assertSupported(): void {
    if (!this.deps.isSetSupported(REQUIRED_API.name, REQUIRED_API.version)) {
      const { message, nextStep } = excelWords.unsupported();
      throw new UserFacingError({ message, nextStep, offerDownload: true });
    }
  }

  /** Runs a batch with every sync under the timeout, and explains any other failure in plain English. */
  private async session<T>(work: (context: Excel.RequestContext, sync: Sync) => Promise<T>): Promise<T> {
    if (this.unfinished.size > 0) {
      // A second build on top of one Excel is still applying would add a second set of sheets.
      throw new UserFacingError(excelWords.stillFinishing());
    }
    let step: string = excelWords.step.starting;
    try {
      return await this.deps.run((context) =>
        work(context, (nextStep) => {
          step = nextStep;
          return syncWithin(context, this.timeoutMs, nextStep, (sync) => this.track(sync));
        }),
      );
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      const { message, nextStep } = excelWords.couldNotFinish({ step, detail });
      throw new UserFacingError({ message, nextStep, offerDownload: true, cause: error });
    }
  }

  private track(sync: Promise<void>): void {
    this.unfinished.add(sync);
    const settled = () => this.unfinished.delete(sync);
    sync.then(settled, settled);
  }

  /**
   * Sync 1: the sheet list, the names, and whether the workbook can be changed at all; with `sheetPaths`, more
   * of every sheet in the same load.
   */
  private async readOverview(context: Excel.RequestContext, sync: Sync, sheetPaths?: string[]): Promise<Overview> {
    const overview = queueOverview(context, sheetPaths);
    queueCanChange(context);
    await sync(excelWords.step.readingWorkbook);
    assertCanChange(context);
    return {
      sheets: sheetSummaries(overview.sheets),
      names: snapshotNames(overview.names),
      loaded: overview.sheets.items,
    };
  }

  /** Sync 2 (only when our sheets are there): their cells, protection state and tables. */
  private async readExisting(context: Excel.RequestContext, sync: Sync, overview: Overview): Promise<Existing | null> {
    const ours = assessmentSheets(overview);
    if (ours.length === 0) return null;
    const reads = await readSheetsInParts(context, sync, ours, this.responseBound(overview), {
      filters: this.excelApi19(),
    });
    const snapshot = { sheets: reads.map((r) => snapshotSheet(r.summary, r.used)), names: overview.names };
    const sheets = new Map<string, ExistingSheet>();
    for (const [i, r] of reads.entries())
      sheets.set(r.summary.name.toLowerCase(), existingSheetOf(r, snapshot.sheets[i]));
    return { snapshot, sheets };
  }

  /** The assessment's sheets for the status and the check (read-assessment.ts); null when there are none. */
  private async readForCheck(context: Excel.RequestContext, sync: Sync): Promise<WorkbookSnapshot | null> {
    const read = await this.readAssessment(context, sync);
    return read.snapshot.sheets.length > 0 ? read.snapshot : null;
  }

  /** The check's read of the assessment (read-assessment.ts), with `alsoLoad` going in its first sync. */
  private readAssessment(context: Excel.RequestContext, sync: Sync, alsoLoad?: () => void): Promise<AssessmentRead> {
    const toolkits = [...knownToolkits(), this.deps.toolkit];
    return readAssessmentSheets(context, sync, {
      expected: expectedGuardedCells(toolkits),
      plan: this.boundingPlan(),
      alsoLoad,
    });
  }

  /** The check the pane shows, and the one sign-off refuses on. */
  private checkOf(snapshot: WorkbookSnapshot): CheckResult {
    return checkWorkbook(snapshot, knownToolkits(), { today: todayIso(this.deps.now()) });
  }

  private statusOf(snapshot: WorkbookSnapshot | null): WorkbookStatus {
    const existing = snapshot && assessmentStatus(snapshot, this.deps.toolkit);
    if (!snapshot || !existing) return { existing: null, check: null };
    return { existing, check: this.checkOf(snapshot) };
  }

  private planningOptions(details: AssessmentDetails, overview: Overview): PlanningOptions {
    return {
      details,
      now: this.deps.now(),
      workbookSheets: overview.sheets.map((s) => s.name),
      printAndFilters: this.excelApi19(),
    };
  }

  /**
   * Writes the core's plan: the sheets it reuses are rewritten in place, every other one is added. Returns the
   * note to add when the rewrite cleared filters (none or one).
   */
  private async writePlanned(
    write: PlanWriter,
    planned: PlannedAssessment,
    names: Record<string, string>,
    sheets: Map<string, ExistingSheet>,
  ): Promise<string[]> {
    const existing = new Map<string, ExistingSheet>();
    for (const [key, name] of Object.entries(planned.reuse)) {
      const sheet = sheets.get(name.toLowerCase());
      if (sheet) existing.set(key, sheet);
    }
    if (!this.excelApi19()) refuseHiddenRowsBelow19(planned.plan, existing);
    await write(planned.plan, {
      existing,
      existingNames: new Set(Object.keys(names)),
      nameReferences: names,
      excelApi19: this.excelApi19(),
    });
    const cleared = filtersClearedNote(existing.values());
    return cleared ? [cleared] : [];
  }

  /** A plan of this toolkit, which bounds each sheet's response (the sheets were made by one like it). */
  private boundingPlan(): WorkbookPlan {
    return buildWorkbookPlan(this.deps.toolkit, { behaviours: {} }, { now: this.deps.now() });
  }

  /** Each sheet's response bound, from a plan of this toolkit. */
  private responseBound(overview: Overview): (sheet: SheetSummary) => number {
    return sheetBounds(this.boundingPlan(), overview.names);
  }

  private excelApi19(): boolean {
    return this.deps.isSetSupported(PRINT_API.name, PRINT_API.version);
  }
}

const officeVisibility = (visibility: SheetSummary["visibility"]): ExistingSheet["visibility"] =>
  visibility === "veryHidden" ? "VeryHidden" : visibility === "hidden" ? "Hidden" : "Visible";

/** What the writer must know of one of our sheets that it rewrites in place, from what was read of it. */
function existingSheet({
  snapshot,
  isProtected,
  furniture,
}: {
  snapshot: SnapshotSheet;
  isProtected: boolean;
  furniture: SheetFurniture;
}): ExistingSheet {
  return {
    name: snapshot.name,
    protected: isProtected,
    visibility: officeVisibility(snapshot.visibility),
    tables: furniture.tables.items.map((t) => ({
      name: t.name,
      range: tableRange(
        snapshot,
        t.columns.items.map((c) => c.name),
        t.rows.count,
      ),
      // Loaded with the furniture only where ExcelApi 1.9 is supported (queueFurniture).
      ...(furniture.autoFilter ? { filtered: t.autoFilter.isDataFiltered } : {}),
    })),
    chartNames: furniture.charts.items.map((c) => c.name),
    ...(furniture.autoFilter ? { filtered: furniture.autoFilter.isDataFiltered } : {}),
  };
}

/** The same, from the upgrade's read of the sheet. */
function existingSheetOf(read: SheetRead, snapshot: SnapshotSheet): ExistingSheet {
  const sheet = existingSheet({ snapshot, isProtected: read.sheet.protection.protected, furniture: read.furniture });
  if (!read.visible || read.used.isNullObject) return sheet;
  const { top, bottom } = parseRange(localAddress(read.used.address));
  return { ...sheet, rowsHidden: read.visible.rowCount < bottom - top + 1 };
}

/**
 * Below ExcelApi 1.9 a sheet's filter can be neither seen nor cleared (AutoFilter is 1.9), and writing under it puts
 * rows in the wrong places (OfficeDev/office-js #224): an upgrade that would rewrite a sheet the plan gives filter
 * buttons (Gaps) while rows on it are hidden is refused before anything is written. Tables' filters are cleared at
 * any version (Table.clearFilters, ExcelApi 1.2), and rows hidden on other sheets are written as they are.
 */
function refuseHiddenRowsBelow19(plan: WorkbookPlan, existing: ReadonlyMap<string, ExistingSheet>): void {
  const hidden = plan.sheets
    .filter((sheet) => sheet.autoFilter !== undefined && existing.get(sheet.key)?.rowsHidden)
    .map((sheet) => existing.get(sheet.key)!.name);
  if (hidden.length === 0) return;
  throw new UserFacingError(excelWords.hiddenRowsRefusal({ sheets: hidden }));
}

/**
 * What the writer must know of the earlier group sheets it rewrites in place, by plan key. Sync 1 loaded every
 * sheet's protection and every table's style and, with `filters` (ExcelApi 1.9), whether each sheet's AutoFilter
 * and each table filter rows and each sheet's print setup; this one more sync (none when there are no earlier
 * sheets) reads where each of their tables is and, where the plan draws a chart again, the sheet's charts.
 * Their cells are not read: the Group Data of hundreds of returns would be megabytes.
 */
async function readEarlierGroupSheets(
  context: Excel.RequestContext,
  sync: Sync,
  overview: Overview,
  tables: Excel.Table[],
  {
    replaces,
    filters,
    drawsCharts,
  }: { replaces: Partial<Record<string, string>>; filters: boolean; drawsCharts: ReadonlySet<string> },
): Promise<Map<string, ExistingSheet>> {
  const earlier = Object.entries(replaces).flatMap(([key, name]) => {
    const index = name === undefined ? -1 : overview.sheets.findIndex((s) => s.name === name);
    return index < 0 ? [] : [{ key, summary: overview.sheets[index], loaded: overview.loaded[index] }];
  });
  if (earlier.length === 0) return new Map();
  const queued = earlier.map(({ key, summary, loaded }) => {
    const sheet = context.workbook.worksheets.getItem(summary.name);
    const own = tables.filter((t) => t.worksheet.name.toLowerCase() === summary.name.toLowerCase());
    return {
      key,
      summary,
      loaded,
      // Only a chart the plan draws again is deleted (by name): a sheet the plan draws none on needs no list.
      charts: drawsCharts.has(key) ? sheet.charts.load("items/name") : null,
      tables: own.map((table) => ({ table, range: sheet.tables.getItem(table.name).getRange().load("address") })),
      found: queueFound(sheet),
      // Panes of a hidden sheet are not touched (OfficeDev/office-js #1463), so they are not read either.
      frozen: summary.visibility === "visible" ? sheet.freezePanes.getLocationOrNullObject().load("address") : null,
    };
  });
  await sync(excelWords.step.readingEarlierGroupSheets);
  return new Map(
    queued.map(({ key, summary, loaded, charts, tables: own, found, frozen }) => [
      key,
      {
        found: foundOn(found),
        ...(frozen ? frozenOf(frozen) : {}),
        name: summary.name,
        protected: loaded.protection.protected,
        visibility: officeVisibility(summary.visibility),
        tables: own.map(({ table, range }) => ({
          name: table.name,
          range: localAddress(range.address),
          style: table.style,
          ...(filters ? { filtered: table.autoFilter.isDataFiltered } : {}),
        })),
        chartNames: charts ? charts.items.map((c) => c.name) : [],
        ...(filters ? { filtered: loaded.autoFilter.isDataFiltered, print: printNow(loaded.pageLayout) } : {}),
      },
    ]),
  );
}

/**
 * One load of the whole sheet that tells the reset what it need not clear (queueResetSheet): data validation
 * (DataValidation.type, ExcelApi 1.8, is "None" only where no cell of the range has any: Excel.DataValidationType,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidationtype), conditional formats (the
 * range's collection holds those that intersect it, ExcelApi 1.6) and row heights (RangeFormat.useStandardHeight,
 * ExcelApi 1.1, true only when every row of the range has the standard height). A string: the real client reads
 * "items/" off a collection's paths in a string, not in an array.
 */
const queueFound = (sheet: Excel.Worksheet) =>
  sheet.getRange().load("dataValidation/type,format/useStandardHeight,conditionalFormats/items/type");

const foundOn = (whole: Excel.Range): SheetFound => ({
  validation: whole.dataValidation.type !== "None",
  conditionalFormats: whole.conditionalFormats.items.length > 0,
  rowHeights: whole.format.useStandardHeight !== true,
});

/**
 * The frozen panes as WorksheetFreezePanes.getLocationOrNullObject (ExcelApi 1.7) gives them: "a range that
 * describes the frozen cells in the active worksheet view", the top- and left-most pane, or a null object when
 * nothing is frozen (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetfreezepanes). Whole rows
 * ("1:2", or A1:XFD2) are rows frozen alone, whole columns columns alone. Anything else (a pane not at A1) is left
 * unknown, and the panes are reset as before.
 */
function frozenOf(location: Excel.Range): { frozen?: { rows: number; columns: number } } {
  if (location.isNullObject) return { frozen: { rows: 0, columns: 0 } };
  const ends = localAddress(location.address).replace(/\$/g, "").split(":");
  const parts = ends.map((end) => /^([A-Z]{0,3})(\d*)$/i.exec(end));
  if (parts.some((p) => p === null) || parts.length > 2) return {};
  const [first, last = first] = parts as RegExpExecArray[];
  const column = (letters: string) => (letters === "" ? null : columnNumber(letters));
  const row = (digits: string) => (digits === "" ? null : Number(digits));
  if ((column(first[1]) ?? 1) !== 1 || (row(first[2]) ?? 1) !== 1) return {};
  const right = column(last[1]);
  const bottom = row(last[2]);
  return {
    frozen: {
      rows: bottom === null || bottom === LAST_ROW ? 0 : bottom,
      columns: right === null || right === LAST_COLUMN ? 0 : right,
    },
  };
}

const LAST_ROW = 1048576;
const LAST_COLUMN = 16384;

const printNow = (layout: Excel.PageLayout): PrintNow => ({
  orientation: layout.orientation,
  paperSize: layout.paperSize,
  leftMargin: layout.leftMargin,
  rightMargin: layout.rightMargin,
  zoom: layout.zoom,
});

/** "'Group Data'!A1:S101" → "A1:S101". */
const localAddress = (address: string) => address.slice(address.lastIndexOf("!") + 1);

/** Queues what assertCanChange reads, to go with the next sync. */
function queueCanChange(context: Excel.RequestContext): void {
  // One load: the protection through the workbook's navigation property (WorkbookProtection, ExcelApi 1.7).
  context.workbook.load(["readOnly", "protection/protected"]);
}

/** Refuses a workbook open read-only or with its structure protected (queueCanChange, then a sync, first). */
function assertCanChange(context: Excel.RequestContext): void {
  if (context.workbook.readOnly) throw new UserFacingError(excelWords.readOnly());
  if (context.workbook.protection.protected) throw new UserFacingError(excelWords.structureProtected());
}

/** Whether a table's filter hides rows, where it was read (a null object for a table that is not there). */
function isFiltered(filter: Excel.AutoFilter | null): boolean | undefined {
  if (filter === null || filter.isNullObject) return undefined;
  return filter.isDataFiltered;
}

/**
 * A hidden sheet cannot be activated; a very hidden one (the add-in's metadata) cannot even be unhidden in Excel, and
 * is named by what it is, not by its internal name.
 */
const sheetHidden = ({ name, veryHidden }: { name: string; veryHidden: boolean }) =>
  new UserFacingError(veryHidden ? excelWords.hiddenDataSheet() : excelWords.sheetHidden({ sheet: name }));

const sheetGone = (name: string) => new UserFacingError(excelWords.sheetGone({ sheet: name }));

/** The host the task pane uses inside Excel (office.js globals are only touched when called). */
export function createExcelHost(): WorkbookHost {
  return new ExcelWorkbookHost({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    toolkit: canonicalToolkit(),
    now: () => new Date(),
    // A function in every office.js that knows ExcelApi 1.8 (the manifest's version); checked all the same.
    ...(typeof Excel.createWorkbook === "function"
      ? { createWorkbook: (base64File: string) => Excel.createWorkbook(base64File) }
      : {}),
  });
}

/**
 * A refusal as the pane says it. The Sign off form lists an incomplete return's key areas and offers to sign off
 * anyway, so the message above it is one line that points there, not the list again.
 */
function refusalInPane({ refused, message, nextStep, incomplete }: SignOffRefusal) {
  return {
    message: refused === "incomplete" ? paneWords.signOff.refusedIncomplete(incomplete.length) : message,
    nextStep,
  };
}
