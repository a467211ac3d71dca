/**
 * Reading foreign workbooks in a worker thread that is terminated when a read takes too long. The
 * reader's guard bounds what the parser is given (bytes inflated, parts, elements, cells), but a timer
 * cannot stop a parse running in the same thread, so the command line parses in a worker and ends
 * it on expiry with a plain message: a bug or a file shaped in a way the guard does not foresee
 * costs a minute at most, never a hang.
 *
 * One worker reads every file of a run, one file after another: starting a worker (loading the
 * code into it) costs more than reading a return, so a worker per file would double
 * a batch's time. A read that runs out of time gets its worker terminated; the next file gets a new
 * one. Between reads the worker does not keep the process alive, and `endReadWorker` ends it.
 *
 * The worker runs this same module: from the command line's bundle (webpack leaves __filename as
 * the bundle's path for Node targets), or from the TypeScript source through ts-node (tests).
 */
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { sheetsTheAssessmentReads } from "../core/answers/sheets-to-read";
import type { SheetChoice } from "../core/snapshot/sheet-choice";
import type { WorkbookSnapshot } from "../core/snapshot/types";
import { readSnapshotFromBuffer, WorkbookReadError, type WorkbookReadProblem } from "../xlsx/read-xlsx";
import { nodeInflateRaw } from "./native-inflate";
import { cliWords } from "../core/words/cli";

/** Far beyond the few seconds the guard's limits allow a parse on a slow, busy machine. */
export const READ_TIME_LIMIT_MS = 60_000;

const WORKER_FLAG = "npsToolkitReadWorker";

/** The sheets a caller may have the worker read instead of every sheet: a function cannot be posted, so each has a name. */
const SHEET_CHOICES = { assessment: sheetsTheAssessmentReads } as const satisfies Record<string, SheetChoice>;

/** Read only the sheets of this choice (see sheet-choice.ts); every sheet when not given. */
export interface WorkerReadChoice {
  sheets?: keyof typeof SHEET_CHOICES;
}

/** How readSnapshotInWorker reads: the sheets (every one when not given) and its time limit (READ_TIME_LIMIT_MS). */
export interface WorkerReadOptions extends WorkerReadChoice {
  limitMs?: number;
}

interface Request {
  id: number;
  bytes: ArrayBuffer;
  choice: WorkerReadChoice;
}

type Reply = { id: number } & (
  | { ok: true; snapshot: WorkbookSnapshot }
  | { ok: false; readProblem?: WorkbookReadProblem; message: string; stack?: string }
);

async function readForParent({ id, bytes, choice }: Request): Promise<Reply> {
  try {
    const sheets = choice.sheets && SHEET_CHOICES[choice.sheets];
    return {
      id,
      ok: true,
      snapshot: await readSnapshotFromBuffer(new Uint8Array(bytes), { inflateRaw: nodeInflateRaw, sheets }),
    };
  } catch (problem) {
    if (problem instanceof WorkbookReadError)
      return { id, ok: false, readProblem: problem.problem, message: problem.message };
    const error = problem instanceof Error ? problem : new Error(String(problem));
    return { id, ok: false, message: error.message, stack: error.stack };
  }
}

// In the worker: read each file it is sent and send back the snapshot or why it could not be read.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true && parentPort) {
  const port = parentPort;
  port.on("message", (request: Request) => void readForParent(request).then((reply) => port.postMessage(reply)));
}

function startWorker(): Worker {
  const data = { [WORKER_FLAG]: true };
  if (__filename.endsWith(".js")) return new Worker(__filename, { workerData: data });
  // Run from the TypeScript source (tests, ts-node): the worker compiles it the same way.
  return new Worker(`require("ts-node").register({ transpileOnly: true }); require(${JSON.stringify(__filename)});`, {
    eval: true,
    workerData: data,
  });
}

function timedOut(limitMs: number): WorkbookReadError {
  const seconds = Number((limitMs / 1000).toFixed(1));
  return new WorkbookReadError("too-slow", cliWords.files.tooSlow(seconds));
}

/** The worker reading this run's files, while it lives. */
let reader: Worker | undefined;
let lastId = 0;
/** The read in progress (or the last one): each read waits for it, so the worker reads one file at a time. */
let queue: Promise<unknown> = Promise.resolve();

function currentReader(): Worker {
  if (!reader) {
    reader = startWorker();
    reader.unref();
  }
  return reader;
}

/** The thread ID of the worker that reads the next file, if one is running (for tests and diagnostics). */
export function readWorkerThreadId(): number | undefined {
  return reader?.threadId;
}

/** Ends the worker (if it still lives), so the next read starts a new one. */
export async function endReadWorker(): Promise<void> {
  const ending = reader;
  reader = undefined;
  if (ending) await ending.terminate();
}

function readOne(
  bytes: Uint8Array,
  { limitMs, sheets }: { limitMs: number } & WorkerReadChoice,
): Promise<WorkbookSnapshot> {
  const worker = currentReader();
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      settle(() => {
        if (reply.ok) resolve(reply.snapshot);
        else if (reply.readProblem) reject(new WorkbookReadError(reply.readProblem, reply.message));
        else reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      });
    };
    // A worker that fails or stops is not used again: the next file gets a new one.
    const onError = (error: Error) => settle(() => reject(error), { endWorker: true });
    const onExit = (code: number) =>
      settle(() => reject(new Error(`The workbook reader stopped unexpectedly (exit code ${code}).`)), {
        endWorker: true,
      });
    const settle = (outcome: () => void, { endWorker = false } = {}) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      worker.unref();
      if (endWorker && reader === worker) void endReadWorker();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(timedOut(limitMs)), { endWorker: true }), limitMs);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    // Held open only while a read is under way.
    worker.ref();
    // A copy the worker takes over: the caller keeps its own bytes.
    const copy = bytes.slice().buffer;
    worker.postMessage({ id, bytes: copy, choice: { sheets } } satisfies Request, [copy]);
  });
}

/**
 * The snapshot of a workbook's bytes, read in the run's worker thread; if the read takes longer than
 * `limitMs`, the worker is terminated. Rejects with a WorkbookReadError when the file is not a
 * readable workbook or the time runs out. `sheets`: the sheets to read, when not every one.
 */
export function readSnapshotInWorker(
  bytes: Uint8Array,
  { limitMs = READ_TIME_LIMIT_MS, sheets }: WorkerReadOptions = {},
): Promise<WorkbookSnapshot> {
  const read = queue.then(() => readOne(bytes, { limitMs, sheets }));
  queue = read.catch(() => undefined);
  return read;
}
