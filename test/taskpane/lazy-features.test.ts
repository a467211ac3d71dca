import type { ProgressUpdate } from "../../src/app/workbook-host";
import type { Consolidation } from "../../src/core/consolidate/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import type { Consolidator, FileChecker, WorkbookDownloader } from "../../src/taskpane/features";
import { lazyConsolidator, lazyDownloader, lazyFileChecker } from "../../src/taskpane/lazy-features";

const file = { name: "Return.xlsx" } as File;
const options = { includeErrors: false, finalOnly: false };
const consolidation: Consolidation = { toolkit: canonicalToolkit(), returns: [], log: [] };
const details = { council: "Anytown", assessmentDate: "2025-03-31" };

const realChecker: FileChecker = {
  check: async (chosen) => ({ fileName: chosen.name, result: { findings: [] } }),
  downloadRepairedCopy: async (chosen) => `${chosen.name} (repaired)`,
};
const realConsolidator: Consolidator = {
  consolidate: async () => consolidation,
  downloadGroupWorkbook: async () => ({ fileName: "group.xlsx" }),
};
const realDownloader: WorkbookDownloader = { download: async (d) => `${d.council}.xlsx` };

describe("the lazy features: one pattern for the file checker, the consolidator and the download", () => {
  it("loads the real file checker on first use only, says so in the progress, and passes calls through", async () => {
    const load = jest.fn(async () => realChecker);
    const checker = lazyFileChecker(load);
    expect(load).not.toHaveBeenCalled();
    const steps: ProgressUpdate[] = [];
    await expect(checker.check(file, (u) => steps.push(u))).resolves.toEqual({
      fileName: "Return.xlsx",
      result: { findings: [] },
    });
    await expect(checker.downloadRepairedCopy(file, () => undefined)).resolves.toBe("Return.xlsx (repaired)");
    expect(load).toHaveBeenCalledTimes(1);
    expect(steps[0]).toEqual({ step: "Loading the workbook checker", fraction: 0.02 });
  });

  it("loads the consolidator and the downloader on first use only, once", async () => {
    const loadConsolidator = jest.fn(async () => realConsolidator);
    const loadDownloader = jest.fn(async () => realDownloader);
    const consolidator = lazyConsolidator(loadConsolidator);
    const downloader = lazyDownloader(loadDownloader);
    expect(loadConsolidator).not.toHaveBeenCalled();
    expect(loadDownloader).not.toHaveBeenCalled();
    await expect(consolidator.consolidate([], options, () => undefined)).resolves.toBe(consolidation);
    await expect(consolidator.downloadGroupWorkbook(consolidation)).resolves.toEqual({ fileName: "group.xlsx" });
    const steps: ProgressUpdate[] = [];
    await expect(downloader.download(details, (u) => steps.push(u))).resolves.toBe("Anytown.xlsx");
    await expect(downloader.download(details, () => undefined)).resolves.toBe("Anytown.xlsx");
    expect(loadConsolidator).toHaveBeenCalledTimes(1);
    expect(loadDownloader).toHaveBeenCalledTimes(1);
    expect(steps[0].step).toBe("Preparing the download");
  });

  it("tries each load again after it failed (a dropped network), instead of failing for ever", async () => {
    await retriesAfterFailure(lazyFileChecker, realChecker, (f) => f.check(file, () => undefined));
    await retriesAfterFailure(lazyConsolidator, realConsolidator, (c) => c.consolidate([], options, () => undefined));
    await retriesAfterFailure(lazyDownloader, realDownloader, (d) => d.download(details, () => undefined));
  });
});

async function retriesAfterFailure<T>(
  lazy: (load: () => Promise<T>) => T,
  real: T,
  use: (feature: T) => Promise<unknown>,
): Promise<void> {
  const load = jest.fn<Promise<T>, []>().mockRejectedValueOnce(new Error("ChunkLoadError")).mockResolvedValue(real);
  const feature = lazy(load);
  await expect(use(feature)).rejects.toThrow("ChunkLoadError");
  await expect(use(feature)).resolves.toBeTruthy();
  expect(load).toHaveBeenCalledTimes(2);
}
