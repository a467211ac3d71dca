/**
 * Lazy stand-ins for the pane's heavy features (features.ts): each fetches its real implementation, a
 * chunk of its own, the first time it is used, and says so in the progress where it can.
 */
import { paneWords } from "../core/words/pane";
import type { Consolidator, FileChecker, Moderator, NextYearMaker, PaneFeatures, WorkbookDownloader } from "./features";

/** Runs `load` once and shares its result; a failed fetch (the network dropped) does not stick: the next use tries again. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}

export function lazyDownloader(load: () => Promise<WorkbookDownloader>): WorkbookDownloader {
  const loaded = loadOnce(load);
  return {
    async download(details, onProgress) {
      onProgress({ step: paneWords.action.preparingDownload, fraction: 0.05 });
      return (await loaded()).download(details, onProgress);
    },
  };
}

export function lazyFileChecker(load: () => Promise<FileChecker>): FileChecker {
  const loaded = loadOnce(load);
  const loading = (onProgress: Parameters<FileChecker["check"]>[1]) => {
    onProgress({ step: paneWords.fileCheck.loading, fraction: 0.02 });
    return loaded();
  };
  return {
    check: async (file, onProgress) => (await loading(onProgress)).check(file, onProgress),
    downloadRepairedCopy: async (file, onProgress) =>
      (await loading(onProgress)).downloadRepairedCopy(file, onProgress),
  };
}

export function lazyConsolidator(load: () => Promise<Consolidator>): Consolidator {
  const loaded = loadOnce(load);
  return {
    consolidate: async (files, options, onFile) => (await loaded()).consolidate(files, options, onFile),
    downloadGroupWorkbook: async (consolidation, options) =>
      (await loaded()).downloadGroupWorkbook(consolidation, options),
  };
}

export function lazyNextYearMaker(load: () => Promise<NextYearMaker>): NextYearMaker {
  const loaded = loadOnce(load);
  const loading = (onProgress: Parameters<NextYearMaker["fromFile"]>[2]) => {
    onProgress({ step: paneWords.nextYear.loading, fraction: 0.02 });
    return loaded();
  };
  return {
    fromOpen: async (open, asked, onProgress) => (await loading(onProgress)).fromOpen(open, asked, onProgress),
    fromFile: async (file, asked, onProgress) => (await loading(onProgress)).fromFile(file, asked, onProgress),
    download: async (made) => (await loaded()).download(made),
  };
}

export function lazyModerator(load: () => Promise<Moderator>): Moderator {
  const loaded = loadOnce(load);
  return {
    moderate: async (files, onFile) => (await loaded()).moderate(files, onFile),
    download: async (files, onFile) => (await loaded()).download(files, onFile),
  };
}

/** The real features, each in the chunk webpack makes of its import(). */
export const realFeatures = (): PaneFeatures => ({
  downloader: lazyDownloader(() => import("./workbook-download").then((m) => m.workbookDownloader)),
  fileChecker: lazyFileChecker(() => import("./file-checker").then((m) => m.fileChecker)),
  consolidator: lazyConsolidator(() => import("./file-consolidator").then((m) => m.fileConsolidator)),
  nextYear: lazyNextYearMaker(() => import("./next-year-maker").then((m) => m.nextYearMaker)),
  moderator: lazyModerator(() => import("./file-moderator").then((m) => m.fileModerator)),
});
