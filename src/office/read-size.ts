/**
 * How much reading our sheets asks Excel to return, bounded before the read, so that the reads of
 * an upgrade can be split under the same 4 MB as the writes (Excel for the web refuses a response
 * over 5 MB as it refuses a request).
 *
 * Reading a sheet returns its used range's address, values, formulas and number formats: every constant twice,
 * every formula's text and its result. The product cannot compute results before reading them (it
 * has no formula engine), so the bound comes from the plan that made the sheet instead: every cell
 * the plan writes is known, and every result of the plan's formulas is a number, a text the formula
 * spells out, a text copied from a cell (a descriptor, a level, an answer), or one spelt-out text
 * joined to one copied ("Council: " & the council). So a result is at most as long as the formula's
 * longest text literal plus the longest text of the toolkit. Answers are what the plan cannot know:
 * each answer cell is allowed as much as the toolkit's longest text. A user who pasted more than
 * that can push a read over; Excel then refuses it, nothing has changed, and the host reads again in
 * smaller parts.
 */
import { roleNameFor } from "../core/plan/layout";
import { isFormula, type SheetPlan, type WorkbookPlan } from "../core/plan/types";
import { sheetOfReference } from "../core/snapshot/references";
import { parseCell, parseRange } from "../core/util/a1";
import { REQUEST_LIMIT_BYTES, utf8Bytes } from "./request-size";

export const RESPONSE_LIMIT_BYTES = REQUEST_LIMIT_BYTES;

/** The longest JSON of a number Excel returns, as in -2.2250738585072014e-308. */
const NUMBER_BYTES = 24;
/** An empty cell inside the used range: "" in values and in formulas, each with its comma. */
const EMPTY_CELL_BYTES = 6;
/** The address, the property names and the brackets of one range's result. */
const RANGE_OVERHEAD_BYTES = 256;
/**
 * A table's answer to the load that places it (in-parts.ts): the brackets and property names around
 * its name and row count, and around each column's name.
 */
const TABLE_OVERHEAD_BYTES = 64;
const COLUMN_OVERHEAD_BYTES = 16;
/** A sheet of ours the plan does not describe (retired answers, a key area the toolkit dropped). */
export const UNPLANNED_SHEET_BYTES = 512 * 1024;

const jsonBytes = (value: unknown) => utf8Bytes(JSON.stringify(value));

function longestText(plan: WorkbookPlan): number {
  let longest = 0;
  for (const sheet of plan.sheets)
    for (const block of sheet.blocks)
      for (const line of block.cells)
        for (const cell of line) if (typeof cell === "string") longest = Math.max(longest, jsonBytes(cell));
  return longest;
}

function longestLiteral(formula: string): number {
  return Math.max(0, ...(formula.match(/"(?:[^"]|"")*"/g) ?? []).map((literal) => utf8Bytes(literal)));
}

/** A cell's number format in the response, with its comma: the longest the plan gives the sheet, or General. */
function formatBytes(sheet: SheetPlan): number {
  const formats = sheet.styles.flatMap(({ style }) => (style.numberFormat === undefined ? [] : [style.numberFormat]));
  return Math.max(...["General", ...formats].map(jsonBytes)) + 1;
}

/** Upper bound on the response to reading one sheet the plan describes. */
function sheetBound(sheet: SheetPlan, textBytes: number): number {
  let bytes = RANGE_OVERHEAD_BYTES;
  let bottom = 0;
  let right = 0;
  let written = 0;
  for (const block of sheet.blocks) {
    const { row, column } = parseCell(block.at);
    block.cells.forEach((line, r) => {
      bottom = Math.max(bottom, row + r);
      right = Math.max(right, column + line.length - 1);
      for (const cell of line) {
        if (cell === null) continue;
        written++;
        if (isFormula(cell)) {
          const result = Math.max(NUMBER_BYTES, textBytes + longestLiteral(cell.formula));
          bytes += jsonBytes(`=${cell.formula}`) + 1 + result + 1;
        } else bytes += 2 * (jsonBytes(cell) + 1);
      }
    });
  }
  for (const styled of sheet.styles) {
    if (styled.style.locked !== false) continue;
    const { top, left, bottom: last, right: end } = parseRange(styled.range);
    bytes += (last - top + 1) * (end - left + 1) * 2 * (textBytes + 1);
  }
  // A column's name is its header's text, which is at most the toolkit's longest text.
  for (const table of sheet.tables) {
    const { left, right } = parseRange(table.range);
    bytes += TABLE_OVERHEAD_BYTES + jsonBytes(table.name) + (right - left + 1) * (textBytes + COLUMN_OVERHEAD_BYTES);
  }
  // The used range may start at A1: every other cell inside it comes back empty. Every cell also
  // comes back with its number format: the plan's, or General where it gives none.
  return bytes + Math.max(0, bottom * right - written) * EMPTY_CELL_BYTES + bottom * right * formatBytes(sheet);
}

/**
 * The response bound of each of our sheets, by lower-case sheet name, found through the names that
 * mark each sheet's role (so renamed sheets are found). `names` are the workbook's names.
 */
export function readBounds(plan: WorkbookPlan, names: Record<string, string>): Map<string, number> {
  const textBytes = longestText(plan);
  const bounds = new Map<string, number>();
  for (const sheet of plan.sheets) {
    const reference = names[roleNameFor(sheet.key)];
    const name = (reference ? sheetOfReference(reference) : undefined) ?? sheet.name;
    bounds.set(name.toLowerCase(), sheetBound(sheet, textBytes));
  }
  return bounds;
}

/** Each sheet's response bound, by the plan; a sheet of ours the plan does not describe gets UNPLANNED_SHEET_BYTES. */
export function sheetBounds(plan: WorkbookPlan, names: Record<string, string>): (sheet: { name: string }) => number {
  const bounds = readBounds(plan, names);
  return (sheet) => bounds.get(sheet.name.toLowerCase()) ?? UNPLANNED_SHEET_BYTES;
}

/** Upper bound on the response to reading every sheet of the plan at once. */
export function planResponseBytes(plan: WorkbookPlan): number {
  const textBytes = longestText(plan);
  return plan.sheets.reduce((sum, sheet) => sum + sheetBound(sheet, textBytes), 0);
}

/** Consecutive groups whose summed sizes stay under the limit; an item over it goes alone. */
export function groupUnder<T>(items: readonly T[], size: (item: T) => number, limitBytes: number): T[][] {
  const groups: T[][] = [];
  let bytes = 0;
  for (const item of items) {
    const itemBytes = size(item);
    const last = groups[groups.length - 1];
    if (last && bytes + itemBytes <= limitBytes) {
      last.push(item);
      bytes += itemBytes;
    } else {
      groups.push([item]);
      bytes = itemBytes;
    }
  }
  return groups;
}
