/**
 * Workbooks as an earlier layout wrote them, for the upgrade and the checker. Layout 4 is today's generator with the
 * key area columns in layout 4's order (the Previous columns after the scores) and its stamp: the layout module is
 * replaced for that one build, so every formula, picker, lock and width follows the old positions as it did then.
 * Layout 3 is that workbook without the Previous columns' content (it had no such columns: what stands there is
 * the user's) and stamped 3.
 */
import type { Answers } from "../../src/core/plan/answer-types";
import type { PlanOptions } from "../../src/core/plan/build-plan";
import type { ColumnSpec } from "../../src/core/plan/columns";
import { KEY_AREA, keyAreaSheetKey, METADATA_KEYS } from "../../src/core/plan/layout";
import { locatePlanCell } from "../../src/core/plan/locate";
import type { PlanCell, WorkbookPlan } from "../../src/core/plan/types";
import type { Toolkit } from "../../src/core/toolkit/schema";

/** Layout 4's key area columns from A, as src/core/plan/layout.ts declared them when layout 4 was current. */
export const LAYOUT_4_ORDER = [
  "id",
  "behaviour",
  "descriptors",
  "current",
  "target",
  "evidence",
  "owner",
  "reviewDate",
  "currentScore",
  "targetScore",
  "gap",
  "previousCurrent",
  "previousTarget",
  "previousScore",
  "change",
  "previousEvidence",
] as const satisfies readonly (keyof typeof KEY_AREA.columns)[];

const LAYOUT_MODULE = "../../src/core/plan/layout";

/** The plan layout 4's generator made of `answers` (the previous answers included). */
function layout4Plan(toolkit: Toolkit, answers: Answers, options: PlanOptions): WorkbookPlan {
  let plan: WorkbookPlan | undefined;
  jest.isolateModules(() => {
    jest.doMock(LAYOUT_MODULE, () => {
      const actual = jest.requireActual<typeof import("../../src/core/plan/layout")>(LAYOUT_MODULE);
      const { columnLayout } =
        jest.requireActual<typeof import("../../src/core/plan/columns")>("../../src/core/plan/columns");
      const specs = Object.fromEntries(
        LAYOUT_4_ORDER.map((key) => [key, (actual.KEY_AREA.specs as Record<string, ColumnSpec>)[key]]),
      );
      return { ...actual, LAYOUT_VERSION: 4, KEY_AREA: { ...actual.KEY_AREA, ...columnLayout(specs) } };
    });
    const build = jest.requireActual<typeof import("../../src/core/plan/build-plan")>("../../src/core/plan/build-plan");
    plan = build.buildWorkbookPlan(toolkit, answers, options);
  });
  jest.dontMock(LAYOUT_MODULE);
  if (!plan) throw new Error("No layout 4 plan was built");
  return plan;
}

/** Layout 4's position of a key area column (its first column, for the descriptors). */
export function layout4Column(key: (typeof LAYOUT_4_ORDER)[number]): number {
  let column = 1;
  for (const each of LAYOUT_4_ORDER) {
    if (each === key) return column;
    column += each === "descriptors" ? KEY_AREA.lastColumns.descriptors - KEY_AREA.columns.descriptors + 1 : 1;
  }
  throw new Error(`No column ${key}`);
}

function setCell(plan: WorkbookPlan, key: string, row: number, column: number, value: PlanCell) {
  const sheet = plan.sheets.find((s) => s.key === key);
  const found = sheet && locatePlanCell(sheet, row, column);
  if (!found) throw new Error(`${key} row ${row} column ${column} is not in the plan`);
  found.line[found.index] = value;
}

/**
 * A plan as layout 4 (or 3) wrote it. For layout 3 the Previous columns of each behaviour's row hold
 * `layout3Text` (what the user typed beside the grid: not last year's answers) and the previous answers are not
 * recorded in the metadata.
 */
export function olderLayoutPlan(
  layout: 3 | 4,
  toolkit: Toolkit,
  answers: Answers,
  options: PlanOptions & { layout3Text?: string },
): WorkbookPlan {
  const plan = layout4Plan(toolkit, layout === 3 ? { ...answers, previous: undefined } : answers, options);
  if (layout === 4) return plan;
  const text = options.layout3Text ?? null;
  for (const area of toolkit.themes.flatMap((t) => t.keyAreas))
    area.behaviours.forEach((_, i) => {
      for (const key of ["previousCurrent", "previousTarget", "previousEvidence"] as const)
        setCell(plan, keyAreaSheetKey(area.id), KEY_AREA.firstBehaviourRow + i, layout4Column(key), text);
    });
  setCell(plan, "metadata", METADATA_KEYS.indexOf("layoutVersion") + 2, 2, "3");
  return plan;
}
