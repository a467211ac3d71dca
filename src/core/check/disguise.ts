/**
 * What a reader sees of the add-in's sheets against what they hold: a number format that shows
 * another figure, text in the colour of its fill or too small to read, rows and columns hidden.
 * The workbook still counts every value, so a disguised figure is an error (what the return shows
 * cannot be trusted) and a hidden one a warning (the figure is right, but nobody sees it). Repair
 * rewrites the sheets from the plan, formats, rows and columns included.
 */
import { plannedCells } from "../plan/planned-cells";
import type { SheetPlan } from "../plan/types";
import type { CellLook, SnapshotCell, SnapshotSheet } from "../snapshot/types";
import { cellAddress, cellsIn, columnLetter, parseCell, parseRange } from "../util/a1";
import type { ComparedSheet } from "./compare-plan";
import { finding } from "./findings";
import { formatEffect, type FormatEffect, type ValueKind } from "./number-format";
import type { Finding, FindingSheet } from "./types";
import { findingWords } from "../words/findings";

/** Below this contrast with its background (WCAG's ratio, 1 to 21), text is as good as invisible. */
const MIN_CONTRAST = 1.5;
/** Points: Excel goes down to 1; text this small reads as a line. */
const MIN_FONT_SIZE = 4;
const WHITE = "#FFFFFF";

/** What a sheet plan says about each cell's look: its number format (the last style that sets one wins, as the writers apply them). */
interface PlannedLooks {
  numberFormats: Map<string, string>;
  /** Rows the plan writes, and rows users may filter (a table's or the filter buttons' body). */
  rows: Set<number>;
  filtered: Set<number>;
  columns: number;
}

const plannedLooksOf = new WeakMap<SheetPlan, PlannedLooks>();

function plannedLooks(sheet: SheetPlan): PlannedLooks {
  const known = plannedLooksOf.get(sheet);
  if (known) return known;
  const numberFormats = new Map<string, string>();
  for (const { range, style } of sheet.styles)
    if (style.numberFormat !== undefined)
      for (const address of cellsIn(range)) numberFormats.set(address, style.numberFormat);
  const filtered = new Set<number>();
  for (const range of [...sheet.tables.map((t) => t.range), ...(sheet.autoFilter ? [sheet.autoFilter] : [])]) {
    const { top, bottom } = parseRange(range);
    for (let row = top + 1; row <= bottom; row++) filtered.add(row);
  }
  const looks = {
    numberFormats,
    rows: new Set(plannedCells(sheet).keys()),
    filtered,
    columns: sheet.columnWidths.length,
  };
  plannedLooksOf.set(sheet, looks);
  return looks;
}

/** What a format does, worked out once per format, planned format and kind of value: a sheet has few of each. */
const effects = new Map<string, FormatEffect>();
function effectOf(code: string, planned: string, value: ValueKind): FormatEffect {
  if (code === planned || code === "General") return SHOWN;
  const key = `${value}\u0000${planned}\u0000${code}`;
  let effect = effects.get(key);
  if (!effect) {
    effect = formatEffect({ code, planned, value });
    if (effects.size < 10_000) effects.set(key, effect);
  }
  return effect;
}
const SHOWN: FormatEffect = { kind: "shown" };

const valueKind = (cell: SnapshotCell): ValueKind =>
  cell.formula !== undefined
    ? "either"
    : typeof cell.value === "number"
      ? "number"
      : typeof cell.value === "string"
        ? "text"
        : "either";

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** How a look hides text, if it does. */
function textHidden(look: CellLook): string | undefined {
  if (look.fontSize !== undefined && look.fontSize < MIN_FONT_SIZE)
    return findingWords.disguise.tinyFont(look.fontSize);
  const background = look.fill ?? WHITE;
  if (look.fontColor && contrast(look.fontColor, background) < MIN_CONTRAST)
    return findingWords.disguise.faintColour(look.fontColor, look.fill ? background : undefined);
  return undefined;
}

/** The planned row an actual row stands for: a behaviour's row where it was found, another planned row where it is. */
function plannedRowOf(compared: ComparedSheet, planned: PlannedLooks): (row: number) => number | undefined {
  const fromActual = new Map([...compared.rows].map(([plannedRow, actualRow]) => [actualRow, plannedRow]));
  return (row) => fromActual.get(row) ?? (planned.rows.has(row) && !compared.rows.has(row) ? row : undefined);
}

function cellFindings(compared: ComparedSheet, planned: PlannedLooks, plannedRow: (row: number) => number | undefined) {
  const { actual, where } = compared;
  const looks = actual.looks!;
  const findings: Finding[] = [];
  // Worked out once a look: a cell in General with readable text has nothing to hide.
  const hiddenBy = looks.looks.map((look) => (looks.fonts ? textHidden(look) : undefined));
  const formatted = looks.looks.map((look) => !/^general$/i.test(look.numberFormat));
  // A cell whose format the workbook does not list shows as General, as Excel shows it.
  for (const address in looks.cells) {
    const index = looks.cells[address];
    if (!formatted[index] && !hiddenBy[index]) continue;
    const cell = actual.cells[address];
    if (!cell || (cell.formula === undefined && (cell.value === null || cell.value === ""))) continue;
    const { row, column } = parseCell(address);
    const at = plannedRow(row);
    if (at === undefined || column > planned.columns) continue;
    const look = looks.looks[index];
    const plannedFormat = planned.numberFormats.get(cellAddress(at, column)) ?? "General";
    const effect = formatted[index] ? effectOf(look.numberFormat, plannedFormat, valueKind(cell)) : SHOWN;
    if (effect.kind === "disguised")
      findings.push(
        finding({
          rule: "disguise.number-format",
          sheet: where,
          cell: address,
          message: findingWords.disguise.numberFormat(effect.how),
          expected: plannedFormat,
          found: look.numberFormat,
          repairable: true,
        }),
      );
    else if (effect.kind === "hidden")
      findings.push(
        finding({
          rule: "disguise.value-hidden",
          sheet: where,
          cell: address,
          message: findingWords.disguise.valueHidden(effect.how),
          expected: plannedFormat,
          found: look.numberFormat,
          repairable: true,
        }),
      );
    const hidden = hiddenBy[index];
    if (hidden)
      findings.push(
        finding({
          rule: "disguise.text-hidden",
          sheet: where,
          cell: address,
          message: findingWords.disguise.textHidden(hidden),
          expected: findingWords.disguise.textHiddenExpected,
          found: hidden,
          repairable: true,
        }),
      );
  }
  return findings;
}

/** Consecutive numbers as runs: [3,4,5,9] → [[3,5],[9,9]]. */
function runs(numbers: number[]): [number, number][] {
  const result: [number, number][] = [];
  for (const n of numbers) {
    const last = result[result.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else result.push([n, n]);
  }
  return result;
}

/** Rows that hold something of the plan's or a filled cell, hidden; a filter's rows on Gaps or Data are the user's to hide. */
function rowFindings(
  sheet: SnapshotSheet,
  where: FindingSheet,
  planned: PlannedLooks,
  plannedRow: (row: number) => number | undefined,
) {
  const hiddenRows = sheet.looks!.hiddenRows ?? [];
  if (hiddenRows.length === 0) return [];
  const filled = new Set(Object.keys(sheet.cells).map((address) => parseCell(address).row));
  const hidden = hiddenRows.filter((row) => {
    const at = plannedRow(row);
    return (at !== undefined || filled.has(row)) && !(at !== undefined && planned.filtered.has(at));
  });
  return runs(hidden).map(([first, last]) =>
    finding({
      rule: "disguise.row-hidden",
      sheet: where,
      cell: cellAddress(first, 1),
      message: findingWords.disguise.rowsHidden(first, last),
      expected: findingWords.disguise.visible,
      found: findingWords.disguise.hidden,
      repairable: true,
    }),
  );
}

function columnFindings(sheet: SnapshotSheet, where: FindingSheet, planned: PlannedLooks) {
  const hiddenColumns = sheet.looks!.hiddenColumns ?? [];
  if (hiddenColumns.length === 0) return [];
  const filled = new Set(Object.keys(sheet.cells).map((address) => parseCell(address).column));
  const hidden = hiddenColumns.filter((column) => column <= planned.columns || filled.has(column));
  return runs(hidden).map(([first, last]) =>
    finding({
      rule: "disguise.column-hidden",
      sheet: where,
      cell: cellAddress(1, first),
      message: findingWords.disguise.columnsHidden(columnLetter(first), columnLetter(last)),
      expected: findingWords.disguise.visible,
      found: findingWords.disguise.hidden,
      repairable: true,
    }),
  );
}

/** The disguise findings on one of the add-in's sheets, where the reader looked at how it shows its cells. */
export function checkDisguise(compared: ComparedSheet): Finding[] {
  const { plan, actual, where } = compared;
  if (!actual.looks || plan.role === "metadata") return [];
  const planned = plannedLooks(plan);
  const plannedRow = plannedRowOf(compared, planned);
  return [
    ...columnFindings(actual, where, planned),
    ...rowFindings(actual, where, planned, plannedRow),
    ...cellFindings(compared, planned, plannedRow),
  ];
}
