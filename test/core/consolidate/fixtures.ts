/** Generated returns with known answers, written as real .xlsx files by the product's writer. */
import { writeFileSync } from "fs";
import * as path from "path";
import type { Answers, BehaviourAnswer } from "../../../src/core/plan/answer-types";
import { examineReturn } from "../../../src/core/consolidate/examine";
import type { ExaminedReturn, ReturnIdentity } from "../../../src/core/consolidate/types";
import { carryForward } from "../../../src/core/cycle/carry-forward";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { buildWorkbookPlan } from "../../../src/core/plan/build-plan";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { parseToolkit } from "../../../src/core/toolkit/load";
import type { Toolkit } from "../../../src/core/toolkit/schema";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { planSnapshot } from "../../support/plan-cells";
import { craftZip, filledCells, minimalWorkbook, zerosBomb, type CraftedEntry } from "../../xlsx/hostile-files";

export const toolkit = canonicalToolkit();
export const TODAY = "2026-11-26";
export const NOW = new Date("2026-11-26T09:00:00Z");

/**
 * An older version of the toolkit, as a release before 1.0.0 might have been: Engaging Councillors and Senior
 * Managers without SL-ECSM-04 and with a behaviour SL-ECSM-05 that 1.0.0 no longer has.
 */
export function olderToolkit(): Toolkit {
  const older = structuredClone(toolkit) as Toolkit;
  const ecsm = older.themes[0].keyAreas[0];
  const [first] = ecsm.behaviours;
  ecsm.behaviours = [
    ...ecsm.behaviours.slice(0, 3),
    { ...structuredClone(first), id: "SL-ECSM-05", name: "A behaviour later withdrawn" },
  ];
  return parseToolkit({ ...older, version: "0.9.0" });
}

/** Answers giving each listed behaviour a current level (and optionally more). */
export function answersOf(
  council: string,
  assessmentDate: string,
  levels: Record<string, string | BehaviourAnswer>,
): Answers {
  const behaviours = Object.fromEntries(
    Object.entries(levels).map(([id, answer]) => [id, typeof answer === "string" ? { current: answer } : answer]),
  );
  return { council, assessmentDate, behaviours };
}

export function returnPlan(answers: Answers, from: Toolkit = toolkit): WorkbookPlan {
  return structuredClone(buildWorkbookPlan(from, answers, { now: NOW }));
}

/** This year's return started from last year's (the carry-forward), with this year's levels picked in. */
export function startedFromLastYear(lastYear: Answers, thisYear: Record<string, string>): Answers {
  const carried = carryForward({
    snapshot: planSnapshot(returnPlan(lastYear)),
    fileName: "last-year.xlsx",
    assessmentDate: "2026-04-01",
    carryLevels: false,
    toolkit,
  });
  if (!carried.ok) throw new Error(carried.reason);
  for (const [id, current] of Object.entries(thisYear))
    carried.answers.behaviours[id] = { ...carried.answers.behaviours[id], current };
  return carried.answers;
}

/** A return whose toolkit text was edited: the checker's error content.descriptor-edited. */
export function tamperedPlan(answers: Answers): WorkbookPlan {
  const plan = returnPlan(answers);
  plan.sheets[1].blocks.find((b) => b.at === "A7")!.cells[2][3] = "A descriptor we rewrote"; // D9
  return plan;
}

export async function writeReturn(dir: string, name: string, plan: WorkbookPlan): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await writePlanToBuffer(plan));
  return file;
}

/** A workbook zip with a part that inflates to 200 MB of zeros while declaring 1 KB. */
export function zipBomb(): Uint8Array {
  const bomb: CraftedEntry = {
    name: "xl/sharedStrings.xml",
    stored: zerosBomb(200),
    deflated: true,
    declaredSize: 1000,
  };
  return craftZip([...minimalWorkbook(filledCells(5)), bomb]);
}

/**
 * A return as the consolidation core sees it after reading and checking: clean, a draft of toolkit 1.0.0,
 * from "return-<position>.xlsx" unless the test says otherwise.
 */
/** A workbook examined as consolidation examines each file given, against every known toolkit, as of TODAY. */
export const examineSnapshot = (snapshot: WorkbookSnapshot, { file = "return.xlsx", position = 0 } = {}) =>
  examineReturn({ file, position }, { snapshot }, { registry: knownToolkits(), target: toolkit, today: TODAY });

export function examinedReturn(
  position: number,
  identity: Partial<ReturnIdentity>,
  more: Partial<ExaminedReturn> = {},
): ExaminedReturn {
  return {
    file: `return-${position}.xlsx`,
    position,
    kind: "assessment",
    counts: { error: 0, warning: 0, info: 0 },
    firstErrors: [],
    identity: {
      council: "Anytown Council",
      respondent: "",
      role: "",
      councilType: "",
      region: "",
      assessmentDate: "2026-03-01",
      toolkitLabel: "nps-2018 1.0.0",
      toolkitVersion: "1.0.0",
      status: "draft",
      ...identity,
    },
    answers: { "SL-ECSM-01": { current: "Mature" } },
    retiredAnswers: 0,
    ...more,
  };
}
