/**
 * Words the Office layer shows when Excel itself stands in the way of a rewrite: plain data and small functions,
 * beside the pane's own catalogue (pane.ts).
 */
export const excelWords = {
  /** Draft actions from the gaps: its progress steps, and the step named should Excel not finish it. */
  draftActions: {
    checkingExcel: "Checking your version of Excel",
    reading: "Reading your workbook",
    finding: "Finding the gaps without an action",
    adding: "Adding the actions",
    finished: "Finished",
    addingStep: "adding the actions to the action plan",
  },
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
};
