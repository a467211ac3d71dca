import type { Consolidation } from "../../src/core/consolidate/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { lazyConsolidator, type Consolidator } from "../../src/taskpane/consolidator";

const consolidation: Consolidation = { toolkit: canonicalToolkit(), returns: [], log: [] };
const real: Consolidator = {
  consolidate: async () => consolidation,
  downloadGroupWorkbook: async () => "group.xlsx",
};
const options = { includeErrors: false, finalOnly: false };

test("loads the real consolidator on first use only, and passes calls through", async () => {
  const load = jest.fn(async () => real);
  const consolidator = lazyConsolidator(load);
  expect(load).not.toHaveBeenCalled();
  await expect(consolidator.consolidate([], options, () => undefined)).resolves.toBe(consolidation);
  await expect(consolidator.downloadGroupWorkbook(consolidation)).resolves.toBe("group.xlsx");
  expect(load).toHaveBeenCalledTimes(1);
});

test("tries the load again after it failed (a dropped network), instead of failing for ever", async () => {
  const load = jest.fn<Promise<Consolidator>, []>().mockRejectedValueOnce(new Error("ChunkLoadError"));
  load.mockResolvedValue(real);
  const consolidator = lazyConsolidator(load);
  await expect(consolidator.consolidate([], options, () => undefined)).rejects.toThrow("ChunkLoadError");
  await expect(consolidator.consolidate([], options, () => undefined)).resolves.toBe(consolidation);
  expect(load).toHaveBeenCalledTimes(2);
});
