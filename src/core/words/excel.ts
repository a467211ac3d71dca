/**
 * Words the Office layer shows when Excel itself stands in the way of a rewrite: plain data and small functions,
 * beside the pane's own catalogue (pane.ts).
 */
export const excelWords = {
  /**
   * An upgrade or repair refused before anything is written: rows of a sheet it rewrites are hidden, and an Excel
   * with only ExcelApi 1.8 can neither see nor clear a sheet's filter (writing under it would put rows in the
   * wrong places).
   */
  hiddenRowsRefusal: (sheets: readonly string[]) => ({
    message:
      sheets.length === 1
        ? `Rows on the ${sheets[0]} sheet are hidden, probably by a filter, and this version of Excel does not let the add-in clear it. Nothing has been changed.`
        : `Rows on the ${sheets.slice(0, -1).join(", ")} and ${sheets[sheets.length - 1]} sheets are hidden, probably by a filter, and this version of Excel does not let the add-in clear it. Nothing has been changed.`,
    nextStep: `On ${sheets.length === 1 ? `the ${sheets[0]} sheet` : "each of those sheets"}, choose Data > Clear to show every row (and unhide any rows you hid), then try again.`,
  }),
  /** Excel refused to open next year's workbook as a new workbook (Excel.createWorkbook). */
  newWorkbookRefused: (detail: string) => ({
    message: `Excel could not open next year's workbook as a new workbook. Excel said: ${detail}`,
    nextStep: "The pane downloads it instead: open it from your downloads folder.",
  }),
  noCreateWorkbook: "this version of Excel cannot open a new workbook from an add-in.",
};
