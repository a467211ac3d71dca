/**
 * Everything heavy the standalone download needs: the canonical toolkit, the build use case and the
 * ExcelJS writer. Only ./download.ts imports this module, and only with import(), so webpack puts
 * it in its own chunk that the pane never loads unless the user downloads.
 */
import type { AssessmentDetails } from "../app/workbook-host";
import { planBuild } from "../core/assessment/plan-assessment";
import { canonicalToolkit } from "../core/toolkit/canonical";
import { writePlanToBuffer } from "../xlsx/write-xlsx";

export async function buildWorkbookFile(details: AssessmentDetails, now: Date): Promise<Uint8Array> {
  return writePlanToBuffer(planBuild(canonicalToolkit(), { details, now }).plan);
}
