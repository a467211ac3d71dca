/**
 * The standalone page's FileChecker as the page holds it from the start: a thin wrapper that fetches
 * the real one (the .xlsx reader, the checker and the writer, a chunk of their own) only when the user
 * first chooses a file, so none of that weighs on the pane's opening.
 */
import type { ProgressUpdate } from "../app/workbook-host";
import type { FileChecker } from "./file-check";

export function lazyFileChecker(load: () => Promise<FileChecker>): FileChecker {
  let loading: Promise<FileChecker> | null = null;
  const loaded = (onProgress: (update: ProgressUpdate) => void) => {
    onProgress({ step: "Loading the workbook checker", fraction: 0.02 });
    // A failed fetch (the network dropped) must not stick: the next choice of file tries again.
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  return {
    check: async (file, onProgress) => (await loaded(onProgress)).check(file, onProgress),
    downloadRepairedCopy: async (file, onProgress) => (await loaded(onProgress)).downloadRepairedCopy(file, onProgress),
  };
}
