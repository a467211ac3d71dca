/// <reference types="office-js" />
import { UserFacingError } from "../app/workbook-host";

export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

/**
 * context.sync() with a deadline. A sync can hang on a very large workbook or a lost connection
 * (Excel for the web); the user must hear about it instead of watching a progress bar forever.
 */
export function syncWithin(
  context: Excel.RequestContext,
  timeoutMs: number,
  step: string,
  /** Told of the real sync, which goes on after the deadline: Office cannot cancel it. */
  onSync: (sync: Promise<void>) => void = () => undefined,
): Promise<void> {
  const sync = context.sync().then(() => undefined);
  onSync(sync);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 1000);
      reject(
        new UserFacingError(
          `Excel did not answer within ${seconds} seconds while ${step}. The workbook may be very large, or Excel for the web may have lost its connection.`,
          "Wait a moment, then check the workbook: some changes may already have been made. Save it, close and reopen it, and try again. If it keeps happening, download the assessment as a file instead.",
          true,
        ),
      );
    }, timeoutMs);
  });
  return Promise.race([sync, deadline]).finally(() => clearTimeout(timer));
}
