const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv";

/** Hands a file's bytes (a workbook's unless `type` says otherwise) to the browser as a download called `fileName`. */
export function saveBytes(bytes: Uint8Array, fileName: string, { type = XLSX_TYPE } = {}): void {
  // Copy into a plain ArrayBuffer: Blob does not accept views over shared or Node buffers.
  const blob = new Blob([bytes.slice()], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
