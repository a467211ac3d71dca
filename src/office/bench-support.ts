/// <reference types="office-js" />
/**
 * What `npm run bench` needs to report Office.js round trips: a toolkit scaled up, and the syncs,
 * queued operations and request sizes of a build and an upgrade against any Excel.run-like
 * workbook (the benchmark passes the in-memory fake from test/fakes, which counts them).
 */
import type { Theme, Toolkit } from "../core/toolkit/schema";
import { parseToolkit } from "../core/toolkit/load";
import { ExcelWorkbookHost } from "./excel-host";

/** A workbook that counts what was sent: the fake Excel's `run` and `syncs`. */
export interface CountingWorkbook {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  syncs: ReadonlyArray<{ operations: number; requestBytes: number }>;
}

export interface RoundTrips {
  syncs: number;
  operations: number;
  requestBytes: number;
}

export interface RoundTripReport {
  keyAreas: number;
  behaviours: number;
  build: RoundTrips;
  upgrade: RoundTrips;
}

/**
 * The toolkit with every key area repeated `factor` times (new IDs and sheet names), so sizes grow
 * while the shape stays real. Validated by the schema like the canonical toolkit.
 */
export function scaleToolkit(toolkit: Toolkit, factor: number): Toolkit {
  const themes: Theme[] = toolkit.themes.map((theme) => ({
    ...theme,
    keyAreas: Array.from({ length: factor }, (_, copy) =>
      theme.keyAreas.map((area) =>
        copy === 0
          ? area
          : {
              ...area,
              id: `${area.id}-X${copy}`,
              name: `${area.name} (copy ${copy})`,
              sheetName: `${area.sheetName.slice(0, 24).trimEnd()} #${copy}`,
              behaviours: area.behaviours.map((b) => ({ ...b, id: `${b.id}-X${copy}` })),
            },
      ),
    ).flat(),
  }));
  return parseToolkit({ ...toolkit, themes });
}

function since(workbook: CountingWorkbook, mark: number): RoundTrips {
  const syncs = workbook.syncs.slice(mark);
  return {
    syncs: syncs.length,
    operations: syncs.reduce((sum, s) => sum + s.operations, 0),
    requestBytes: syncs.reduce((sum, s) => sum + s.requestBytes, 0),
  };
}

/** Builds the assessment into an empty workbook, then upgrades (repairs) it, counting each. */
export async function measureRoundTrips(toolkit: Toolkit, workbook: CountingWorkbook, now = new Date()): Promise<RoundTripReport> {
  const host = new ExcelWorkbookHost({ run: workbook.run, isSetSupported: () => true, toolkit, now: () => now });
  const details = { council: "Benchmark Council", assessmentDate: "2025-04-01" };
  const beforeBuild = workbook.syncs.length;
  await host.buildOrUpgrade(details, () => undefined);
  const build = since(workbook, beforeBuild);
  const beforeUpgrade = workbook.syncs.length;
  await host.buildOrUpgrade(details, () => undefined);
  const upgrade = since(workbook, beforeUpgrade);
  const areas = toolkit.themes.flatMap((t) => t.keyAreas);
  return { keyAreas: areas.length, behaviours: areas.flatMap((a) => a.behaviours).length, build, upgrade };
}
