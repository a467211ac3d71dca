/** What the tests of moved rows share: the toolkit, its key areas, a repaired copy and the answers read back. */
import { readAssessment } from "../../../src/core/answers/from-snapshot";
import { planRepairedCopy } from "../../../src/core/assessment/plan-assessment";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";

export const toolkit = canonicalToolkit();
export const NOW = new Date("2026-11-26T09:00:00Z");
export const areas = toolkit.themes.flatMap((t) => t.keyAreas);

/** The repaired copy of `snapshot`, as the command line plans it. */
export const repaired = (snapshot: WorkbookSnapshot) => {
  const copy = planRepairedCopy(snapshot, toolkit, NOW);
  if (!copy) throw new Error("no assessment found");
  return copy;
};

/** The behaviours' answers read from `snapshot`. */
export const answersIn = (snapshot: WorkbookSnapshot) => readAssessment(snapshot, toolkit)!.answers.behaviours;
