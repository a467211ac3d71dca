/// <reference types="office-js" />
/**
 * WorkbookHost for Excel: builds, upgrades and repairs the assessment in the open workbook.
 *
 * Round trips, for the canonical toolkit:
 * - build:   1 read the sheet list and names, 2 write everything;
 * - upgrade: 1 read the sheet list and names, 2 read our sheets, 3 rewrite them in place.
 * A write too large for one request (a much larger toolkit) goes in as few more as it needs.
 */
import {
  UserFacingError,
  type AssessmentDetails,
  type AssessmentOutcome,
  type MadeSheet,
  type ProgressUpdate,
  type WorkbookHost,
  type WorkbookStatus,
} from "../app/workbook-host";
import { readAssessment, type FoundAssessment } from "../core/answers/from-snapshot";
import { sheetsMadeByUs } from "../core/snapshot/our-sheets";
import type { Answers, BehaviourAnswer } from "../core/answers/types";
import { buildWorkbookPlan, defaultSheetNames } from "../core/plan/build-plan";
import { LAYOUT_VERSION } from "../core/plan/layout";
import type { WorkbookPlan } from "../core/plan/types";
import { canonicalToolkit } from "../core/toolkit/canonical";
import { toolkitFingerprint } from "../core/toolkit/load";
import type { Toolkit } from "../core/toolkit/schema";
import { queueOverview, sheetSummaries, snapshotNames, snapshotSheet, type SheetSummary } from "./read-snapshot";
import { chooseSheetNames, isNumberedName, type NameChoice } from "./sheet-names";
import { readSheetsInParts, writingIn, type PlanWriter } from "./in-parts";
import { readBounds, UNPLANNED_SHEET_BYTES } from "./read-size";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithin } from "./sync-timeout";
import type { ExistingSheet } from "./write-plan";

/** Data validation (level pickers) needs ExcelApi 1.8; everything else the plan uses is older. */
export const REQUIRED_API = { name: "ExcelApi", version: "1.8" } as const;
/** Print setup (page layout) needs 1.9; below it the workbook is built without print settings. */
export const PRINT_API = { name: "ExcelApi", version: "1.9" } as const;

export interface ExcelHostDeps {
  /** Excel.run, or a fake's run in tests. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  isSetSupported: (name: string, version: string) => boolean;
  toolkit: Toolkit;
  now: () => Date;
  syncTimeoutMs?: number;
}

type Sync = (step: string) => Promise<void>;
type Progress = (update: ProgressUpdate) => void;
interface Overview {
  sheets: SheetSummary[];
  names: Record<string, string>;
}

/** Sheets this add-in made (the rule is the core's, shared with the .xlsx side). */
function assessmentSheets(overview: Overview): SheetSummary[] {
  const ours = new Set(sheetsMadeByUs(overview.sheets, overview.names));
  return overview.sheets.filter((sheet) => ours.has(sheet.name));
}

const MADE_ROLES = new Set<string>(["guide", "keyArea", "summary", "gaps", "data", "retired"]);

function madeSheets(plan: WorkbookPlan): MadeSheet[] {
  return plan.sheets
    .filter((s) => MADE_ROLES.has(s.role))
    .map((s) => ({ name: s.name, role: s.role as MadeSheet["role"] }));
}

function carriedNote(count: number): string {
  return `Carried ${count} answered ${count === 1 ? "behaviour" : "behaviours"} across, by behaviour ID.`;
}

function movedNotes(plan: WorkbookPlan, choice: NameChoice): string[] {
  return choice.moved
    .filter(({ key }) => plan.sheets.find((s) => s.key === key)?.visibility === "visible")
    .map(
      ({ wanted, used }) =>
        `Your workbook already has a sheet called "${wanted}", so the assessment's sheet is called "${used}". Your sheet was not changed.`,
    );
}

/**
 * Answers that the plan writes: an answer for a behaviour this toolkit no longer has is not carried
 * across (the plan warns about it), so it must not be counted as if it were.
 */
function answersOfToolkit(answers: Answers, toolkit: Toolkit): BehaviourAnswer[] {
  const ids = new Set(toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours.map((b) => b.id)));
  return Object.entries(answers.behaviours)
    .filter(([id]) => ids.has(id))
    .map(([, answer]) => answer);
}

function countAnswers(answers: Answers, toolkit: Toolkit): number {
  return answersOfToolkit(answers, toolkit).filter((a) => Object.values(a).some((v) => v !== undefined && v !== ""))
    .length;
}

export class ExcelWorkbookHost implements WorkbookHost {
  private readonly timeoutMs: number;
  /** Syncs that outlived their timeout: Excel may still apply them, so no new work may start yet. */
  private readonly unfinished = new Set<Promise<void>>();

  constructor(private readonly deps: ExcelHostDeps) {
    this.timeoutMs = deps.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  }

  async status(): Promise<WorkbookStatus> {
    this.assertSupported();
    return this.session(async (context, sync) => {
      const overview = await this.readOverview(context, sync);
      const found = (await this.readExisting(context, sync, overview))?.found ?? null;
      if (!found) return { existing: null };
      const { metadata } = found.info;
      const behaviourCount = this.deps.toolkit.themes.flatMap((t) => t.keyAreas).flatMap((k) => k.behaviours).length;
      return {
        existing: {
          council: found.info.council,
          assessmentDate: found.info.assessmentDate,
          toolkitVersion: metadata.toolkitVersion ?? "",
          upgradeAvailable: this.isUpgrade(found),
          assessedCount: answersOfToolkit(found.answers, this.deps.toolkit).filter((a) => a.current).length,
          behaviourCount,
        },
      };
    });
  }

  async buildOrUpgrade(details: AssessmentDetails, onProgress: Progress): Promise<AssessmentOutcome> {
    onProgress({ step: "Checking your version of Excel", fraction: 0.02 });
    this.assertSupported();
    return this.session(async (context, sync) => {
      onProgress({ step: "Reading your workbook", fraction: 0.1 });
      const overview = await this.readOverview(context, sync);
      onProgress({ step: "Looking for an assessment made earlier", fraction: 0.25 });
      const existing = await this.readExisting(context, sync, overview);
      onProgress({ step: "Preparing the assessment", fraction: 0.45 });
      const write = writingIn(context, sync, onProgress);
      const outcome = existing?.found
        ? await this.upgrade(write, details, overview, existing.found, existing.sheets)
        : await this.build(write, details, overview);
      onProgress({ step: "Finished", fraction: 1 });
      return outcome;
    });
  }

  async selectSheet(name: string): Promise<void> {
    await this.session(async (context, sync) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await sync(`finding the sheet "${name}"`);
      // eslint-disable-next-line office-addins/call-sync-before-read -- sync() is context.sync() bounded by a timeout
      if (sheet.isNullObject) {
        throw new UserFacingError(
          `The sheet "${name}" is no longer in this workbook.`,
          "It may have been renamed or deleted. Build or upgrade the assessment again to get a fresh list of sheets.",
        );
      }
      sheet.activate();
      await sync(`opening the sheet "${name}"`);
    });
  }

  private assertSupported(): void {
    if (!this.deps.isSetSupported(REQUIRED_API.name, REQUIRED_API.version)) {
      throw new UserFacingError(
        "This version of Excel cannot run the assessment add-in: it needs Excel for Microsoft 365, Excel 2021 or later, Excel for the web, or Excel for Mac 16.17 or later.",
        "Download the assessment as an Excel file instead: it works in any version of Excel, with nothing to install.",
        true,
      );
    }
  }

  private isUpgrade(found: FoundAssessment): boolean {
    const { metadata } = found.info;
    return (
      metadata.toolkitFingerprint !== toolkitFingerprint(this.deps.toolkit) ||
      metadata.layoutVersion !== String(LAYOUT_VERSION)
    );
  }

  /** Runs a batch with every sync under the timeout, and explains any other failure in plain English. */
  private async session<T>(work: (context: Excel.RequestContext, sync: Sync) => Promise<T>): Promise<T> {
    if (this.unfinished.size > 0) {
      // A second build on top of one Excel is still applying would add a second set of sheets.
      throw new UserFacingError(
        "Excel is still finishing the previous attempt, which took too long to answer.",
        "Wait until Excel responds again, check the workbook (the previous attempt may have finished), then try again.",
      );
    }
    let step = "starting";
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
      const wrapped = new UserFacingError(
        `Excel could not finish ${step}. Excel said: ${detail}`,
        "Check the workbook: some changes may already have been made. If a sheet of the assessment is protected with a password, unprotect it; then try again. If it fails again, download the assessment as a file instead.",
        true,
      );
      (wrapped as Error & { cause?: unknown }).cause = error;
      throw wrapped;
    }
  }

  private track(sync: Promise<void>): void {
    this.unfinished.add(sync);
    const settled = () => this.unfinished.delete(sync);
    sync.then(settled, settled);
  }

  /** Sync 1: the sheet list, the names, and whether the workbook can be changed at all. */
  private async readOverview(context: Excel.RequestContext, sync: Sync): Promise<Overview> {
    const overview = queueOverview(context);
    context.workbook.load("readOnly");
    context.workbook.protection.load("protected");
    await sync("reading your workbook");
    if (context.workbook.readOnly) {
      throw new UserFacingError(
        "This workbook is open read-only, so the add-in cannot change it.",
        "Open the workbook for editing (in Excel for the web, choose Editing), then try again.",
      );
    }
    if (context.workbook.protection.protected) {
      throw new UserFacingError(
        "This workbook's structure is protected, so the add-in cannot add sheets.",
        "Unprotect the workbook (Review > Protect Workbook), then try again.",
      );
    }
    return { sheets: sheetSummaries(overview.sheets), names: snapshotNames(overview.names) };
  }

  /** Sync 2 (only when our sheets are there): their cells, protection state and tables. */
  private async readExisting(
    context: Excel.RequestContext,
    sync: Sync,
    overview: Overview,
  ): Promise<{ found: FoundAssessment | null; sheets: Map<string, ExistingSheet> } | null> {
    const ours = assessmentSheets(overview);
    if (ours.length === 0) return null;
    const reads = await readSheetsInParts(context, sync, ours, this.responseBound(overview));
    const snapshot = { sheets: reads.map((r) => snapshotSheet(r.summary, r.used)), names: overview.names };
    const sheets = new Map<string, ExistingSheet>();
    for (const r of reads) {
      sheets.set(r.summary.name.toLowerCase(), {
        name: r.summary.name,
        protected: r.sheet.protection.protected,
        visibility:
          r.summary.visibility === "veryHidden"
            ? "VeryHidden"
            : r.summary.visibility === "hidden"
              ? "Hidden"
              : "Visible",
        tableNames: r.sheet.tables.items.map((t) => t.name),
        chartNames: r.sheet.charts.items.map((c) => c.name),
      });
    }
    return { found: readAssessment(snapshot, this.deps.toolkit), sheets };
  }

  private async build(write: PlanWriter, details: AssessmentDetails, overview: Overview): Promise<AssessmentOutcome> {
    const toolkit = this.deps.toolkit;
    const choice = chooseSheetNames(
      defaultSheetNames(toolkit),
      overview.sheets.map((s) => s.name),
      {},
    );
    const plan = buildWorkbookPlan(
      toolkit,
      { behaviours: {} },
      {
        council: details.council,
        assessmentDate: details.assessmentDate,
        now: this.deps.now(),
        sheetNames: choice.names,
      },
    );
    await write(plan, {
      existing: new Map(),
      existingNames: new Set(Object.keys(overview.names)),
      excelApi19: this.excelApi19(),
    });
    const keyAreas = plan.sheets.filter((s) => s.role === "keyArea").length;
    return {
      action: "built",
      sheets: madeSheets(plan),
      notes: [
        `Built the assessment: a guide, ${keyAreas} key area sheets, a summary, a gaps sheet and a data sheet.`,
        ...movedNotes(plan, choice),
        ...this.printNote(),
        ...plan.warnings,
      ],
    };
  }

  private async upgrade(
    write: PlanWriter,
    details: AssessmentDetails,
    overview: Overview,
    found: FoundAssessment,
    existingSheets: Map<string, ExistingSheet>,
  ): Promise<AssessmentOutcome> {
    const toolkit = this.deps.toolkit;
    const choice = chooseSheetNames(
      defaultSheetNames(toolkit),
      overview.sheets.map((s) => s.name),
      found.roles,
    );
    const plan = buildWorkbookPlan(toolkit, found.answers, {
      council: details.council.trim() || found.info.council,
      assessmentDate: details.assessmentDate.trim() || found.info.assessmentDate,
      now: this.deps.now(),
      created: found.info.metadata.created || undefined,
      sheetNames: choice.names,
    });
    const existing = new Map<string, ExistingSheet>();
    for (const [key, name] of Object.entries(found.roles)) {
      const sheet = existingSheets.get(name.toLowerCase());
      if (sheet && plan.sheets.some((s) => s.key === key)) existing.set(key, sheet);
    }
    await write(plan, {
      existing,
      existingNames: new Set(Object.keys(overview.names)),
      excelApi19: this.excelApi19(),
    });
    const upgraded = this.isUpgrade(found);
    return {
      action: upgraded ? "upgraded" : "repaired",
      sheets: madeSheets(plan),
      notes: this.upgradeNotes(plan, found, choice, existing, upgraded),
    };
  }

  private upgradeNotes(
    plan: WorkbookPlan,
    found: FoundAssessment,
    choice: NameChoice,
    existing: Map<string, ExistingSheet>,
    upgraded: boolean,
  ): string[] {
    const from = found.info.metadata.toolkitVersion || "an earlier version";
    const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
    const leftAlone = found.ourSheets.filter((name) => !planned.has(name.toLowerCase()));
    const defaults = defaultSheetNames(this.deps.toolkit);
    // A "Summary (2)" is a name the add-in chose beside a user's own "Summary", not one the user gave.
    const renamed = plan.sheets.filter(
      (s) =>
        existing.has(s.key) &&
        s.visibility === "visible" &&
        s.name !== defaults[s.key] &&
        !isNumberedName(defaults[s.key], s.name),
    );
    return [
      upgraded
        ? `Upgraded the assessment from toolkit ${from} to ${this.deps.toolkit.version}: every part the add-in made was rewritten.`
        : "Repaired the assessment: every part the add-in made was rewritten.",
      carriedNote(countAnswers(found.answers, this.deps.toolkit)),
      ...(renamed.length > 0
        ? [`Kept the names you gave the assessment's sheets: ${renamed.map((s) => `"${s.name}"`).join(", ")}.`]
        : []),
      ...leftAlone.map(
        (name) =>
          `The sheet "${name}" is no longer part of the assessment (a key area the toolkit dropped, or retired answers you cleared); it was left as it is.`,
      ),
      ...movedNotes(plan, choice),
      ...this.printNote(),
      ...found.warnings,
      ...plan.warnings,
    ];
  }

  /** Each sheet's response bound, from a plan of this toolkit (the sheets were made by one like it). */
  private responseBound(overview: Overview): (sheet: SheetSummary) => number {
    const plan = buildWorkbookPlan(this.deps.toolkit, { behaviours: {} }, { now: this.deps.now() });
    const bounds = readBounds(plan, overview.names);
    return (sheet) => bounds.get(sheet.name.toLowerCase()) ?? UNPLANNED_SHEET_BYTES;
  }

  private excelApi19(): boolean {
    return this.deps.isSetSupported(PRINT_API.name, PRINT_API.version);
  }

  private printNote(): string[] {
    return this.excelApi19()
      ? []
      : [
          "This version of Excel cannot set print options from an add-in, so the sheets use Excel's default print settings.",
        ];
  }
}

/** The host the task pane uses inside Excel (office.js globals are only touched when called). */
export function createExcelHost(): WorkbookHost {
  return new ExcelWorkbookHost({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    toolkit: canonicalToolkit(),
    now: () => new Date(),
  });
}
