/**
 * What the pane's "Consolidate returns" needs: read, check and consolidate the chosen files one at a time,
 * and (standalone) download the group workbook. The real one (file-consolidator.ts) holds the .xlsx reader,
 * the checker and the writer; the pane holds lazyConsolidator, which fetches it only when files are chosen.
 */
import type { Consolidation, ConsolidationOptions, ConsolidationProgress } from "../core/consolidate/types";

export interface Consolidator {
  /** Reads the files in turn (never more than one in memory), calling `onFile` as each is done. */
  consolidate(
    files: readonly File[],
    options: ConsolidationOptions,
    onFile: (progress: ConsolidationProgress) => void,
  ): Promise<Consolidation>;
  /** Downloads the group workbook as a new .xlsx file; resolves to its name. */
  downloadGroupWorkbook(consolidation: Consolidation): Promise<string>;
}

export function lazyConsolidator(load: () => Promise<Consolidator>): Consolidator {
  let loading: Promise<Consolidator> | null = null;
  const loaded = () =>
    // A failed fetch (the network dropped) must not stick: the next attempt tries again.
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return {
    consolidate: async (files, options, onFile) => (await loaded()).consolidate(files, options, onFile),
    downloadGroupWorkbook: async (consolidation) => (await loaded()).downloadGroupWorkbook(consolidation),
  };
}

/** The real consolidator, in a chunk of its own that is fetched when the user first consolidates. */
export const realConsolidator: Consolidator = lazyConsolidator(() =>
  import("./file-consolidator").then((module) => module.fileConsolidator),
);
