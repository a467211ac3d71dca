/// <reference types="office-js" />
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { sampleAnswers } from "../../src/core/answers/sample";
import type { Answers } from "../../src/core/plan/answer-types";
import { buildWorkbookPlan, type PlanOptions } from "../../src/core/plan/build-plan";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { expectedGuardedCells } from "../../src/core/snapshot/guarded-cells";
import type { WorkbookSnapshot } from "../../src/core/snapshot/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { parseToolkit } from "../../src/core/toolkit/load";
import { knownToolkits } from "../../src/core/toolkit/registry";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { ExcelWorkbookHost } from "../../src/office/excel-host";
import { readAssessmentSheets } from "../../src/office/read-assessment";
import { readWorkbookSnapshot } from "../../src/office/read-snapshot";
import { writeWorkbookPlan } from "../../src/office/write-plan";
import { FakeExcel, type SyncRecord, type WorkbookState } from "../fakes/excel-fake";

export const NOW = new Date("2025-03-01T10:00:00Z");
export const DETAILS = { council: "Anytown Borough Council", assessmentDate: "2025-03-01" };

export function hostFor(
  fake: FakeExcel,
  toolkit: Toolkit = canonicalToolkit(),
  options: { api?: string; timeoutMs?: number } = {},
) {
  const api = options.api ?? "1.9";
  return new ExcelWorkbookHost({
    run: fake.run,
    isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= Number(api),
    toolkit,
    now: () => NOW,
    syncTimeoutMs: options.timeoutMs,
    createWorkbook: fake.createWorkbook,
  });
}

export const noProgress = () => undefined;

const nextVersions = new WeakMap<Toolkit, Toolkit>();

/**
 * The same toolkit content under a new version, so an upgrade (not a repair) happens: parsed once per test file
 * for each toolkit object, and the same object after that (a toolkit is never changed in place).
 */
export function nextVersion(toolkit: Toolkit): Toolkit {
  const next = nextVersions.get(toolkit) ?? parseToolkit({ ...toolkit, version: "9.9.9" });
  nextVersions.set(toolkit, next);
  return next;
}

/** A complete return: every behaviour of `toolkit` with a current level (what Sign off asks for by default). */
export function completeAnswers(toolkit: Toolkit, answers: Omit<Answers, "behaviours"> = {}): Answers {
  const ids = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));
  const levels = toolkit.levels;
  return {
    ...answers,
    behaviours: Object.fromEntries(ids.map((id, i) => [id, { current: levels[i % levels.length] }])),
  };
}

/**
 * What writing a plan left in a fake, kept per test file: many tests start from the same workbook, and writing it
 * through the fake is most of their time. Keyed by the toolkit object, then by the answers and the plan options (or
 * the host's build), and everything the fake held and was set to before, so a hit is the write it stands for: the same state and the same
 * sync records, copied.
 */
const written = new WeakMap<Toolkit, Map<string, { plan?: WorkbookPlan; state: WorkbookState; syncs: SyncRecord[] }>>();

function copiesMaps(): boolean {
  return typeof structuredClone === "function" && structuredClone(new Map()) instanceof Map;
}

function writeKey(fake: FakeExcel, what: unknown): string | undefined {
  // A fake set to hang, wait or fail is not the plain write the copy stands for. Without a structuredClone whose
  // copies are this realm's Maps nothing is kept: jest's jsdom environment leaves it out, and Node's, given to a
  // jsdom test, makes Maps of Node's realm, which the fake's snapshots (instanceof Map) would not know as Maps.
  if (fake.hangSyncs || fake.syncDelayMs > 0 || fake.failNextSync || !copiesMaps()) {
    return undefined;
  }
  return JSON.stringify([what, fake.options, fake.syncs.length, fake.snapshotState()]);
}

/** Puts into `fake` what an earlier identical write left (state and sync records, copied); false if none is kept. */
function copyEarlier(fake: FakeExcel, earlier: { state: WorkbookState; syncs: SyncRecord[] } | undefined): boolean {
  if (!earlier) return false;
  Object.assign(fake.state, structuredClone(earlier.state));
  for (const record of earlier.syncs) fake.recordSync({ ...record });
  return true;
}

/** What a write left in `fake`: its state, and its sync records since `mark`, copied for copyEarlier. */
function keep(fake: FakeExcel, mark: number) {
  return { state: structuredClone(fake.state), syncs: fake.syncs.slice(mark).map((record) => ({ ...record })) };
}

function cacheFor(toolkit: Toolkit) {
  const byToolkit = written.get(toolkit) ?? new Map();
  written.set(toolkit, byToolkit);
  return byToolkit;
}

/** Writes a plan with answers straight into an empty fake (how an earlier build would have left it). */
export async function writePlanWithAnswers(
  fake: FakeExcel,
  toolkit: Toolkit,
  answers: Answers,
  options: Partial<PlanOptions> = {},
): Promise<WorkbookPlan> {
  const key = writeKey(fake, { answers, options });
  const byToolkit = cacheFor(toolkit);
  const earlier = key === undefined ? undefined : byToolkit.get(key);
  if (copyEarlier(fake, earlier)) return structuredClone(earlier!.plan!);
  const plan = buildWorkbookPlan(toolkit, answers, { now: NOW, ...options });
  const mark = fake.syncs.length;
  await fake.run((context) =>
    writeWorkbookPlan(context, plan, { existing: new Map(), existingNames: new Set(), excelApi19: true }, () =>
      context.sync(),
    ),
  );
  if (key !== undefined) byToolkit.set(key, { plan: structuredClone(plan), ...keep(fake, mark) });
  return plan;
}

/**
 * Builds through the host (hostFor's defaults, DETAILS, no progress), as a test's starting point rather than what it
 * checks: the first such build from the same fake state is kept per test file and copied, like writePlanWithAnswers.
 */
export async function buildWithHost(fake: FakeExcel, toolkit: Toolkit = canonicalToolkit()): Promise<void> {
  const key = writeKey(fake, { buildOrUpgrade: DETAILS });
  const byToolkit = cacheFor(toolkit);
  if (copyEarlier(fake, key === undefined ? undefined : byToolkit.get(key))) return;
  const mark = fake.syncs.length;
  await hostFor(fake, toolkit).buildOrUpgrade(DETAILS, noProgress);
  if (key !== undefined) byToolkit.set(key, keep(fake, mark));
}

/** Reads the fake back through the Office reader and the core's answer reader. */
export async function readBack(fake: FakeExcel, toolkit: Toolkit) {
  const snapshot = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
  return readAssessment(snapshot, toolkit);
}

export function userSheetsOf(fake: FakeExcel, ids: string[]): unknown {
  return fake.snapshotSheets(ids);
}

/**
 * The sample assessment (sampleAnswers of `today`) as an earlier build leaves it, in a new fake: written once per
 * test file and copied, as writePlanWithAnswers does.
 */
export async function sampleWorkbook(toolkit: Toolkit, today: string): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await writePlanWithAnswers(fake, toolkit, sampleAnswers(toolkit, today));
  return fake;
}

/** The plan of an empty assessment of each toolkit, made once per test file (the check's read takes it as is). */
const emptyPlans = new WeakMap<Toolkit, WorkbookPlan>();

/** The check's one-sync read as the host runs it. */
export function readForCheck(fake: FakeExcel, toolkit: Toolkit): Promise<WorkbookSnapshot> {
  const plan = emptyPlans.get(toolkit) ?? buildWorkbookPlan(toolkit, { behaviours: {} }, { now: NOW });
  emptyPlans.set(toolkit, plan);
  return fake.run(async (context) => {
    const read = await readAssessmentSheets(context, () => context.sync(), {
      expected: expectedGuardedCells(knownToolkits()),
      plan: structuredClone(plan),
    });
    return read.snapshot;
  });
}
