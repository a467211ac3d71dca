/**
 * Reading a foreign workbook in a worker thread that is terminated when it takes too long. The
 * reader's guard bounds what ExcelJS is given (bytes inflated, parts, elements, cells), but a timer
 * cannot stop a parse running in the same thread, so the command line parses in a worker and ends
 * it on expiry with a plain message: a bug or a file shaped in a way the guard does not foresee
 * costs a minute at most, never a hang.
 *
 * The worker runs this same module: from the command line's bundle (webpack leaves __filename as
 * the bundle's path for Node targets), or from the TypeScript source through ts-node (tests).
 */
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import type { WorkbookSnapshot } from "../core/snapshot/types";
import { readSnapshotFromBuffer, WorkbookReadError, type WorkbookReadProblem } from "../xlsx/read-xlsx";

/** Far beyond the few seconds the guard's limits allow a parse on a slow, busy machine. */
export const READ_TIME_LIMIT_MS = 60_000;

const WORKER_FLAG = "npsToolkitReadWorker";

type Reply =
  | { ok: true; snapshot: WorkbookSnapshot }
  | { ok: false; readProblem?: WorkbookReadProblem; message: string; stack?: string };

async function readForParent(bytes: Uint8Array): Promise<Reply> {
  try {
    return { ok: true, snapshot: await readSnapshotFromBuffer(bytes) };
  } catch (problem) {
    if (problem instanceof WorkbookReadError)
      return { ok: false, readProblem: problem.problem, message: problem.message };
    const error = problem instanceof Error ? problem : new Error(String(problem));
    return { ok: false, message: error.message, stack: error.stack };
  }
}

// In the worker: read the bytes it was given and send back the snapshot or why it could not be read.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true && parentPort) {
  const port = parentPort;
  void readForParent(new Uint8Array((workerData as { bytes: ArrayBuffer }).bytes)).then((reply) =>
    port.postMessage(reply),
  );
}

function startWorker(bytes: Uint8Array): Worker {
  // A copy the worker takes over: the caller keeps its own bytes.
  const copy = bytes.slice().buffer;
  const data = { [WORKER_FLAG]: true, bytes: copy };
  if (__filename.endsWith(".js")) return new Worker(__filename, { workerData: data, transferList: [copy] });
  // Run from the TypeScript source (tests, ts-node): the worker compiles it the same way.
  return new Worker(`require("ts-node").register({ transpileOnly: true }); require(${JSON.stringify(__filename)});`, {
    eval: true,
    workerData: data,
    transferList: [copy],
  });
}

function timedOut(limitMs: number): WorkbookReadError {
  return new WorkbookReadError(
    "too-slow",
    `Reading this workbook took longer than ${Math.round(limitMs / 1000)} seconds, so it was stopped. If it is the assessment's file, copy the assessment's sheets into a new workbook and try that.`,
  );
}

/**
 * The snapshot of a workbook's bytes, read in a worker thread that is terminated after `limitMs`.
 * Rejects with a WorkbookReadError when the file is not a readable workbook or the time runs out.
 */
export function readSnapshotInWorker(bytes: Uint8Array, limitMs = READ_TIME_LIMIT_MS): Promise<WorkbookSnapshot> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(bytes);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(timedOut(limitMs))), limitMs);
    worker.once("message", (reply: Reply) =>
      settle(() => {
        if (reply.ok) resolve(reply.snapshot);
        else if (reply.readProblem) reject(new WorkbookReadError(reply.readProblem, reply.message));
        else reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      }),
    );
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`The workbook reader stopped unexpectedly (exit code ${code}).`))),
    );
  });
}
