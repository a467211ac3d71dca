/// <reference types="office-js" />
/**
 * What `npm run bench` needs to report Office.js round trips: the syncs, queued operations and
 * request (and, where the workbook measures them, response) sizes of a build, an upgrade, a check and a
 * sign-off against any Excel.run-like workbook that counts what was sent (the benchmark passes the real
 * office.js client in front of the in-memory fake).
 */
import type { Consolidation } from "../src/core/consolidate/types";
import { defaultSheetNames } from "../src/core/plan/build-plan";
import { KEY_AREA } from "../src/core/plan/layout";
import type { Toolkit } from "../src/core/toolkit/schema";
import { rangeAddress } from "../src/core/util/a1";
import { ExcelWorkbookHost } from "../src/office/excel-host";

/** A workbook that counts what was sent: its `run` and one entry per request sent. */
export interface CountingWorkbook {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  syncs: ReadonlyArray<{ operations: number; requestBytes: number; responseBytes?: number }>;
}

export interface RoundTrips {
  syncs: number;
  operations: number;
  /** All requests together, and the largest one (what Office's request limit is about). */
  requestBytes: number;
  largestRequestBytes: number;
  /** The largest answer, when the workbook measures answers. */
  largestResponseBytes?: number;
}

export interface RoundTripReport {
  keyAreas: number;
  behaviours: number;
  build: RoundTrips;
  upgrade: RoundTrips;
  /** The check of the upgraded workbook (status and check read alike). */
  check: RoundTrips;
  /**
   * Sign-off of that workbook once every current level is picked: the check's read, then its own write.
   * Only for a toolkit the checker knows (a scaled one reads as changed text, which refuses a sign-off).
   */
  signOff?: RoundTrips & { writeRequestBytes: number };
}

function since(workbook: CountingWorkbook, mark: number): RoundTrips {
  const syncs = workbook.syncs.slice(mark);
  return {
    syncs: syncs.length,
    operations: syncs.reduce((sum, s) => sum + s.operations, 0),
    requestBytes: syncs.reduce((sum, s) => sum + s.requestBytes, 0),
    largestRequestBytes: Math.max(0, ...syncs.map((s) => s.requestBytes)),
    ...(syncs.every((s) => s.responseBytes !== undefined)
      ? { largestResponseBytes: Math.max(0, ...syncs.map((s) => s.responseBytes ?? 0)) }
      : {}),
  };
}

/** Builds the assessment into an empty workbook, upgrades (repairs) it, then checks it, counting each. */
export async function measureRoundTrips(
  toolkit: Toolkit,
  workbook: CountingWorkbook,
  now = new Date(),
  options: { signOff: boolean } = { signOff: false },
): Promise<RoundTripReport> {
  const host = new ExcelWorkbookHost({ run: workbook.run, isSetSupported: () => true, toolkit, now: () => now });
  const details = { council: "Benchmark Council", assessmentDate: "2025-04-01" };
  const beforeBuild = workbook.syncs.length;
  await host.buildOrUpgrade(details, () => undefined);
  const build = since(workbook, beforeBuild);
  const beforeUpgrade = workbook.syncs.length;
  await host.buildOrUpgrade(details, () => undefined);
  const upgrade = since(workbook, beforeUpgrade);
  const beforeCheck = workbook.syncs.length;
  await host.check(() => undefined);
  const check = since(workbook, beforeCheck);
  const signOff = options.signOff ? await measureSignOff(host, workbook, toolkit) : undefined;
  const areas = toolkit.themes.flatMap((t) => t.keyAreas);
  return {
    keyAreas: areas.length,
    behaviours: areas.flatMap((a) => a.behaviours).length,
    build,
    upgrade,
    check,
    ...(signOff ? { signOff } : {}),
  };
}

async function measureSignOff(
  host: ExcelWorkbookHost,
  workbook: CountingWorkbook,
  toolkit: Toolkit,
): Promise<RoundTrips & { writeRequestBytes: number }> {
  await pickEveryLevel(workbook, toolkit);
  const before = workbook.syncs.length;
  await host.signOff({ name: "Benchmark Lead" }, () => undefined);
  const write = workbook.syncs[workbook.syncs.length - 1];
  return { ...since(workbook, before), writeRequestBytes: write.requestBytes };
}

/** What an officer does before signing off: a current level for every behaviour, typed into the pickers. */
async function pickEveryLevel(workbook: CountingWorkbook, toolkit: Toolkit): Promise<void> {
  const names = defaultSheetNames(toolkit);
  const column = KEY_AREA.columns.current;
  const top = KEY_AREA.firstBehaviourRow;
  await workbook.run(async (context) => {
    for (const area of toolkit.themes.flatMap((t) => t.keyAreas)) {
      const cells = context.workbook.worksheets
        .getItem(names[`keyArea:${area.id}`])
        .getRange(rangeAddress(top, column, top + area.behaviours.length - 1, column));
      cells.values = area.behaviours.map((_, i) => [toolkit.levels[i % toolkit.levels.length]]);
    }
    await context.sync();
  });
}

/**
 * A re-consolidation into a smaller group (`larger`, then `smaller`, into the same workbook), counting only the
 * second write: it rewrites the earlier group sheets in place and shrinks the kept Group Data table.
 */
export async function measureGroupShrink(
  workbook: CountingWorkbook,
  { toolkit, larger, smaller, now }: { toolkit: Toolkit; larger: Consolidation; smaller: Consolidation; now: Date },
): Promise<RoundTrips> {
  const host = new ExcelWorkbookHost({ run: workbook.run, isSetSupported: () => true, toolkit, now: () => now });
  await host.writeGroupSheets(larger, () => undefined);
  const before = workbook.syncs.length;
  await host.writeGroupSheets(smaller, () => undefined);
  return since(workbook, before);
}
