import type { AssessmentDetails, ProgressUpdate } from "../app/workbook-host";
import { downloadFileName } from "./details";
import { saveBytes } from "./save-file";

/** Makes a new assessment workbook file and hands it to the browser; resolves to the file's name. */
export type DownloadWorkbook = (
  details: AssessmentDetails,
  onProgress: (update: ProgressUpdate) => void,
) => Promise<string>;

/**
 * The real download. The toolkit, the plan builder and ExcelJS are imported here, on demand, so
 * that they sit in a separate chunk: the pane must open fast inside Excel, where this is rarely used.
 */
export const downloadNewWorkbook: DownloadWorkbook = async (details, onProgress) => {
  onProgress({ step: "Loading the workbook builder", fraction: 0.1 });
  const { buildWorkbookFile } = await import("./workbook-builder");
  onProgress({ step: "Building the assessment workbook", fraction: 0.4 });
  const bytes = await buildWorkbookFile(details, new Date());
  onProgress({ step: "Starting the download", fraction: 0.9 });
  const fileName = downloadFileName(details);
  saveBytes(bytes, fileName);
  return fileName;
};
