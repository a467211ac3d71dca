/// <reference types="office-js" />
/**
 * Applies the core's sign-off in place (core/assessment/sign-off.ts): a handful of cells on the Guide
 * and the metadata sheet, each sheet's protection lifted only around its own cells and put back, all
 * in the one request the caller syncs. Nothing else of the workbook is touched.
 */
import type { SignOffSheetEdit } from "../core/sign-off/sign-off";
import { officeCell } from "./cell-text";
import { queueProtection } from "./write-plan";

export function queueSignOff(context: Excel.RequestContext, edits: readonly SignOffSheetEdit[]): void {
  for (const edit of edits) {
    const sheet = context.workbook.worksheets.getItem(edit.sheet);
    // The state came from the check's read in this session: unprotect() throws on an unprotected sheet.
    if (edit.isProtected) sheet.protection.unprotect();
    for (const cell of edit.cells) {
      const range = sheet.getRange(cell.address);
      // The format first, so that the value lands as text or a date as the Guide shows it.
      range.numberFormat = [[cell.numberFormat]];
      range.formulas = [[officeCell(cell.value)]];
    }
    if (edit.isProtected) queueProtection(sheet, edit.protection);
  }
}
