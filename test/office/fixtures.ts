/// <reference types="office-js" />
import { readAssessment } from "../../src/core/answers/from-snapshot";
import type { Answers } from "../../src/core/plan/answer-types";
import { buildWorkbookPlan, type PlanOptions } from "../../src/core/plan/build-plan";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { parseToolkit } from "../../src/core/toolkit/load";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { ExcelWorkbookHost } from "../../src/office/excel-host";
import { readWorkbookSnapshot } from "../../src/office/read-snapshot";
import { writeWorkbookPlan } from "../../src/office/write-plan";
import { FakeExcel } from "../fakes/excel-fake";

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

/** The same toolkit content under a new version, so an upgrade (not a repair) happens. */
export function nextVersion(toolkit: Toolkit): Toolkit {
  return parseToolkit({ ...toolkit, version: "9.9.9" });
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

/** Writes a plan with answers straight into an empty fake (how an earlier build would have left it). */
export async function writePlanWithAnswers(
  fake: FakeExcel,
  toolkit: Toolkit,
  answers: Answers,
  options: Partial<PlanOptions> = {},
): Promise<WorkbookPlan> {
  const plan = buildWorkbookPlan(toolkit, answers, { now: NOW, ...options });
  await fake.run((context) =>
    writeWorkbookPlan(context, plan, { existing: new Map(), existingNames: new Set(), excelApi19: true }, () =>
      context.sync(),
    ),
  );
  return plan;
}

/** Reads the fake back through the Office reader and the core's answer reader. */
export async function readBack(fake: FakeExcel, toolkit: Toolkit) {
  const snapshot = await fake.run((context) => readWorkbookSnapshot(context, () => context.sync()));
  return readAssessment(snapshot, toolkit);
}

export function userSheetsOf(fake: FakeExcel, ids: string[]): unknown {
  return fake.snapshotSheets(ids);
}
