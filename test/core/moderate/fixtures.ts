/** Three respondents of one council with levels worked out by hand, written as real .xlsx returns. */
import { readFile } from "fs/promises";
import * as path from "path";
import type { ReturnSource } from "../../../src/core/consolidate/types";
import type { Answers, BehaviourAnswer } from "../../../src/core/plan/answer-types";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import type { Toolkit } from "../../../src/core/toolkit/schema";
import { readReturn } from "../../../src/xlsx/read-return";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { returnPlan, writeReturn } from "../consolidate/fixtures";

export { NOW, TODAY, toolkit } from "../consolidate/fixtures";

export const COUNCIL = "Anytown Council";

export function respondentAnswers(
  respondent: string,
  role: string,
  behaviours: Record<string, BehaviourAnswer>,
  council = COUNCIL,
  assessmentDate = "2026-11-01",
): Answers {
  return { council, assessmentDate, respondent, role, behaviours };
}

/**
 * By hand, sorted scores and the lower median (index floor((n-1)/2)):
 * SL-ECSM-01 current Mature, Leader, Mature → 3,3,4, spread 1 → Mature; target Leader, Leader, Innovator → Leader.
 * SL-ECSM-02 current Developing, Developing, Mature → 2,2,3 → Developing; no target given → blank.
 * SL-ECSM-03 current Minimum, Leader, Mature → 1,3,4, spread 3 → blank, flagged; target Mature, Mature, Leader → Mature.
 */
export const THREE = [
  respondentAnswers("Alice Smith", "Head of Procurement", {
    "SL-ECSM-01": { current: "Mature", target: "Leader", evidence: "Board minutes, March", owner: "A. Smith" },
    "SL-ECSM-02": { current: "Developing" },
    "SL-ECSM-03": { current: "Minimum", target: "Mature" },
  }),
  respondentAnswers("Bob Jones", "Finance", {
    "SL-ECSM-01": { current: "Leader", target: "Leader", evidence: '=HYPERLINK("http://evil.example","click")' },
    "SL-ECSM-02": { current: "Developing" },
    "SL-ECSM-03": { current: "Leader", target: "Mature" },
  }),
  respondentAnswers("Carol White", "Legal", {
    "SL-ECSM-01": { current: "Mature", target: "Innovator" },
    "SL-ECSM-02": { current: "Mature", evidence: "Contract register" },
    "SL-ECSM-03": { current: "Mature", target: "Leader" },
  }),
];

/** Writes each return to `dir` as `<name>.xlsx` and gives them as sources read the way the product reads them. */
export async function writeReturns(dir: string, returns: { name: string; answers: Answers }[]): Promise<string[]> {
  const files: string[] = [];
  for (const r of returns) files.push(await writeReturn(dir, `${r.name}.xlsx`, returnPlan(r.answers)));
  return files;
}

export const sourcesOf = (files: string[]): ReturnSource[] =>
  files.map((file) => ({ file: path.basename(file), read: async () => readReturn(await readFile(file)) }));

/**
 * A return's snapshot, written and read back once per test file for the same answers and toolkit objects (THREE is
 * used by most tests): writing an .xlsx file is most of a test's time. Each read gets its own copy.
 */
const written = new WeakMap<Answers, Map<Toolkit | undefined, Promise<WorkbookSnapshot>>>();
function returnSnapshot(answers: Answers, toolkit?: Toolkit): Promise<WorkbookSnapshot> {
  const byToolkit = written.get(answers) ?? new Map<Toolkit | undefined, Promise<WorkbookSnapshot>>();
  written.set(answers, byToolkit);
  let snapshot = byToolkit.get(toolkit);
  if (!snapshot) {
    snapshot = writePlanToBuffer(returnPlan(answers, toolkit)).then((bytes) => readSnapshotFromBuffer(bytes));
    byToolkit.set(toolkit, snapshot);
  }
  return snapshot.then((found) => structuredClone(found));
}

/** Sources read from plans without touching the disk: each written and read back by the product's .xlsx code. */
export const snapshotSources = (returns: { file: string; answers: Answers; toolkit?: Toolkit }[]): ReturnSource[] =>
  returns.map((r) => ({ file: r.file, read: async () => ({ snapshot: await returnSnapshot(r.answers, r.toolkit) }) }));
