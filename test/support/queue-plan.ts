/// <reference types="office-js" />
import type { WorkbookPlan } from "../../src/core/plan/types";
import { writeWorkbookPlan, type WriteOptions } from "../../src/office/write-plan";

/**
 * Queues the whole write of `plan` as one request and leaves the sync to the caller, so a test can look at the one
 * request or the queued operations: the product's writer (writeWorkbookPlan) with no size limit and a sync that
 * does nothing. Every operation is queued before the promise settles.
 */
export async function queueWorkbookPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOptions,
): Promise<void> {
  await writeWorkbookPlan(context, plan, options, async () => undefined, Number.POSITIVE_INFINITY);
}
