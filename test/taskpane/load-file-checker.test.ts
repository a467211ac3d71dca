import type { ProgressUpdate } from "../../src/app/workbook-host";
import type { FileChecker } from "../../src/taskpane/file-check";
import { lazyFileChecker } from "../../src/taskpane/load-file-checker";

const file = { name: "Return.xlsx" } as File;
const real: FileChecker = {
  check: async (chosen) => ({ fileName: chosen.name, result: { findings: [] } }),
  downloadRepairedCopy: async (chosen) => `${chosen.name} (repaired)`,
};

describe("lazyFileChecker", () => {
  it("loads the real checker on first use only, says so in the progress, and passes calls through", async () => {
    const load = jest.fn(async () => real);
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

  it("tries the load again after it failed (a dropped network), instead of failing for ever", async () => {
    const load = jest.fn<Promise<FileChecker>, []>().mockRejectedValueOnce(new Error("ChunkLoadError"));
    load.mockResolvedValue(real);
    const checker = lazyFileChecker(load);
    await expect(checker.check(file, () => undefined)).rejects.toThrow("ChunkLoadError");
    await expect(checker.check(file, () => undefined)).resolves.toMatchObject({ fileName: "Return.xlsx" });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
