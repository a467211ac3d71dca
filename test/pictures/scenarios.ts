/** What the pictures show, shared by the page that renders the pane and the script that photographs it. */
import { sampleAnswers } from "../../src/core/answers/sample";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { locatePlanCell } from "../../src/core/plan/locate";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { parseCell } from "../../src/core/util/a1";

/**
 * In Excel: a new workbook, an earlier assessment, a finished build, an assessment with a descriptor
 * edited by hand (to check); or a plain browser without office.js.
 */
export type PaneScenario = "new" | "upgrade" | "built" | "check" | "standalone";

/** The "check" scenario's tampering: the first key area's first Minimum descriptor, with words added. */
export const TAMPERED_CELL = "D9";
export const TAMPERED_SUFFIX = " (as agreed locally)";

export const PICTURE_COUNCIL = "Anytown Borough Council";
/** A fixed date, so that pictures made on different days are the same. */
export const PICTURE_DATE = "2026-03-31";

/**
 * A sample assessment with one descriptor edited by hand: the "check" scenario's workbook in Excel,
 * and (without answers) the file the standalone page checks in its picture. The page checks against
 * today's date, and unanswered, no review date can fall into the past and change the picture.
 */
export function tamperedPlan({ answered = true } = {}): WorkbookPlan {
  const toolkit = canonicalToolkit();
  // A copy of its own: the plan shares arrays with the generator's constants.
  const plan = structuredClone(
    buildWorkbookPlan(toolkit, answered ? sampleAnswers(toolkit, PICTURE_DATE) : { behaviours: {} }, {
      council: PICTURE_COUNCIL,
      assessmentDate: PICTURE_DATE,
      now: new Date(`${PICTURE_DATE}T09:00:00Z`),
    }),
  );
  const area = plan.sheets.find((sheet) => sheet.key === `keyArea:${toolkit.themes[0].keyAreas[0].id}`);
  const { row, column } = parseCell(TAMPERED_CELL);
  const cell = area && locatePlanCell(area, row, column);
  if (!cell) throw new Error(`The first key area's sheet has no ${TAMPERED_CELL} in the plan`);
  cell.line[cell.index] = `${String(cell.line[cell.index])}${TAMPERED_SUFFIX}`;
  return plan;
}
