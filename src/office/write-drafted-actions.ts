/// <reference types="office-js" />
/**
 * Adds the core's drafted actions (core/cycle/draft-in-place.ts) at the foot of the action plan's table, in one
 * TableRowCollection.add with a 2-D array (ExcelApi 1.4 adds several rows at once; the manifest's 1.8 has it; the
 * `alwaysInsert` argument is 1.15, so it is left out). The table grows as it does when someone types below it,
 * keeping its object, name, formats and pickers; nothing already in it is written.
 *
 * Each row carries the looked-up columns' formulas as well as its inputs: a blank given for a calculated column
 * is written as a blank, not filled with the column's formula (microsoftgraph/microsoft-graph-docs-contrib #6536,
 * the same table API), and the formulas are those the calculated columns hold at those rows, so Excel's
 * calculated-column autocorrect (OfficeDev/office-js #6745) has nothing to change. Text goes in as text
 * (officeCell): an aim that starts with "=" or "-" stays words.
 *
 * A filter on the table goes first: rows added to filtered data land in the wrong places (OfficeDev/office-js
 * #224), so its filters are cleared (Table.clearFilters, ExcelApi 1.2) unless the read knows it has none
 * (`filtered` false, known with ExcelApi 1.9: Table.autoFilter.isDataFiltered).
 */
import { draftedCount, type DraftedRows } from "../core/cycle/draft-in-place";
import { rangeAddress } from "../core/util/a1";
import { officeCell } from "./cell-text";

export function queueDraftedRows(
  context: Excel.RequestContext,
  drafted: DraftedRows,
  { filtered }: { filtered?: boolean } = {},
): void {
  if (draftedCount(drafted) === 0) return;
  const sheet = context.workbook.worksheets.getItem(drafted.sheet);
  const table = sheet.tables.getItem(drafted.table);
  // Before anything is written: writes into filtered rows land in the wrong places too, not only added rows.
  if (filtered !== false) table.clearFilters();
  // The table's blank rows first, each written whole where it stands (the table starts in column A).
  for (const { row, cells } of drafted.filled)
    sheet.getRange(rangeAddress(row, 1, row, cells.length)).formulas = [cells.map(officeCell)];
  if (drafted.rows.length === 0) return;
  // No index: at the end of the table (the reference's "If null or -1, the addition happens at the end").
  table.rows.add(
    undefined,
    drafted.rows.map((row) => row.map(officeCell)),
  );
}
