/// <reference types="office-js" />
import { UserFacingError } from "../app/workbook-host";
import { excelWords } from "../core/words/excel";

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
      const { message, nextStep } = excelWords.noAnswer({ seconds, step });
      reject(new UserFacingError({ message, nextStep, offerDownload: true }));
    }, timeoutMs);
  });
  return Promise.race([sync, deadline]).finally(() => clearTimeout(timer));
}
