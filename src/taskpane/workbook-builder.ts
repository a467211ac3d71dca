/**
 * Everything heavy the standalone download needs: the canonical toolkit, the plan builder and the
 * ExcelJS writer. Only ./download.ts imports this module, and only with import(), so webpack puts
 * it in its own chunk that the pane never loads unless the user downloads.
 */
import type { AssessmentDetails } from "../app/workbook-host";
import { canonicalToolkit } from "../core/toolkit/canonical";
import { buildWorkbookPlan } from "../core/plan/build-plan";
import { writePlanToBuffer } from "../xlsx/write-xlsx";

export async function buildWorkbookFile(details: AssessmentDetails, now: Date): Promise<Uint8Array> {
  const answers = { council: details.council, assessmentDate: details.assessmentDate, behaviours: {} };
  const plan = buildWorkbookPlan(canonicalToolkit(), answers, {
    council: details.council,
    assessmentDate: details.assessmentDate,
    now,
  });
  return writePlanToBuffer(plan);
}
