/**
 * The standalone page's new workbook: the toolkit, the build use case and the ExcelJS writer. Only ever
 * imported with import() (lazy-features.ts), so webpack puts it in a chunk of its own that the pane
 * never loads unless the user downloads.
 */
import { planBuild } from "../core/assessment/plan-assessment";
import { canonicalToolkit } from "../core/toolkit/canonical";
import { paneWords } from "../core/words/pane";
import { writePlanToBuffer } from "../xlsx/write-xlsx";
import { downloadFileName } from "./details";
import type { WorkbookDownloader } from "./features";
import { saveBytes } from "./save-file";

export const workbookDownloader: WorkbookDownloader = {
  async download(details, onProgress) {
    onProgress({ step: paneWords.action.preparingDownload, fraction: 0.4 });
    const bytes = await writePlanToBuffer(planBuild(canonicalToolkit(), { details, now: new Date() }).plan);
    onProgress({ step: paneWords.action.preparingDownload, fraction: 0.9 });
    const fileName = downloadFileName(details);
    saveBytes(bytes, fileName);
    return fileName;
  },
};
