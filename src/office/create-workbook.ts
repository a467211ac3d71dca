/// <reference types="office-js" />
/**
 * Opens a generated .xlsx file as a new workbook in Excel: `Excel.createWorkbook(base64File)`, in ExcelApi 1.8, the
 * manifest's own version, so every Excel the add-in runs in has it
 * (https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1);
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-8-requirement-set). It is not part of
 * a batch: the real client runs it in a request context of its own. It takes the file as Base64 text.
 */

/** Excel.createWorkbook, or a fake's in tests. */
export type CreateWorkbook = (base64File: string) => Promise<void>;

/** The bytes as Base64, in slices: String.fromCharCode over a whole workbook would overflow the call stack. */
export function base64Of(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = "";
  for (let start = 0; start < bytes.length; start += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(start, start + SLICE));
  }
  return btoa(binary);
}

/** Opens `bytes` (an .xlsx file) as a new workbook; rejects as Excel does. */
export function openAsNewWorkbook(createWorkbook: CreateWorkbook, bytes: Uint8Array): Promise<void> {
  return createWorkbook(base64Of(bytes));
}
