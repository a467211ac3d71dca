import { nodeInflateRaw } from "../../src/cli/native-inflate";
import { noCounters, readSnapshotFromBuffer, WorkbookReadError } from "../../src/xlsx/read-xlsx";

/** How the command line's guard, inflating natively, refuses a file: its problem, message and counts. */
export async function nativeRefusal(bytes: Uint8Array) {
  const counters = noCounters();
  const error = await readSnapshotFromBuffer(bytes, { counters, inflateRaw: nodeInflateRaw }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkbookReadError)) throw new Error(`expected a WorkbookReadError, got ${String(error)}`);
  return { problem: error.problem, message: error.message, counters };
}
