/**
 * The action plan's rows on the Actions sheet, wherever they stand: people sort the table, add rows by typing below
 * it (in a program whose tables do not grow, below the table's end too) and paste rows in. Every row with anything
 * typed in its input columns is an action, kept as typed (an error value pasted in as its text); what would surprise
 * a reader (no behaviour ID, an error value) is said in a note naming the sheet and row, so nothing is lost silently.
 */
import { ACTIONS } from "../plan/layout";
import type { ActionAnswer } from "../plan/answer-types";
import type { SnapshotSheet } from "../snapshot/types";
import { cellAddress } from "../util/a1";
import { serialToIsoDate } from "../util/dates";
import { upgradeWords } from "../words/upgrade";

const C = ACTIONS.columns;

/** The columns a user types in, by the ActionAnswer entry each fills. */
const INPUTS = {
  behaviourId: C.id,
  action: C.action,
  owner: C.owner,
  dueDate: C.dueDate,
  status: C.status,
  note: C.note,
} as const satisfies Record<keyof ActionAnswer, number>;

/** How far down the header row is looked for, should rows have been inserted above it. */
const HEADER_SEARCH_ROWS = 50;

/** Error values as Excel and LibreOffice show them (a pasted #N/A reads back as this text). */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/i;

export interface ReadActions {
  actions: ActionAnswer[];
  /** Notes on rows kept as they were but that a reader should look at. */
  notes: string[];
}

const cellValue = (sheet: SnapshotSheet, row: number, column: number) => sheet.cells[cellAddress(row, column)]?.value;

function textOf(value: SnapshotSheet["cells"][string]["value"] | undefined, { date }: { date: boolean }): string {
  if (value === null || value === undefined) return "";
  if (date && typeof value === "number" && value > 0) return serialToIsoDate(value);
  return typeof value === "string" ? value : String(value);
}

/** The header row: where the ID and Action headings stand, ACTIONS.headerRow unless rows moved it. */
export function headerRowOf(sheet: SnapshotSheet): number {
  for (let row = 1; row <= HEADER_SEARCH_ROWS; row++)
    if (cellValue(sheet, row, C.id) === ACTIONS.header.id && cellValue(sheet, row, C.action) === ACTIONS.header.action)
      return row;
  return ACTIONS.headerRow;
}

function lastInputRow(sheet: SnapshotSheet): number {
  let last = 0;
  const letters = new Set(Object.values(INPUTS).map((column) => cellAddress(1, column).slice(0, -1)));
  for (const address in sheet.cells) {
    const match = /^([A-Z]+)(\d+)$/.exec(address);
    const value = sheet.cells[address].value;
    if (match && letters.has(match[1]) && value !== null && value !== "") last = Math.max(last, Number(match[2]));
  }
  return last;
}

function actionAt(sheet: SnapshotSheet, row: number): { action: ActionAnswer; errors: string[] } {
  const action: ActionAnswer = {};
  const errors: string[] = [];
  for (const [key, column] of Object.entries(INPUTS) as [keyof ActionAnswer, number][]) {
    const text = textOf(cellValue(sheet, row, column), { date: key === "dueDate" });
    if (text.trim() === "") continue;
    action[key] = key === "dueDate" || key === "behaviourId" || key === "status" ? text.trim() : text;
    if (ERROR_VALUE.test(text.trim())) errors.push(`${ACTIONS.header[keyColumn(key)]} ${text.trim()}`);
  }
  return { action, errors };
}

/**
 * Whether nothing at all is typed in the row's input columns (ID, action, owner, due date, status, note): not a
 * space, not an error value. Only such a row may be written into; a row with anything typed is someone's.
 */
export function isBlankActionRow(sheet: SnapshotSheet, row: number): boolean {
  return Object.values(INPUTS).every((column) => {
    const value = cellValue(sheet, row, column);
    return value === null || value === undefined || value === "";
  });
}

const keyColumn = (key: keyof ActionAnswer) => (key === "behaviourId" ? "id" : key);

/** Every action on the sheet, top to bottom, with notes on the rows to look at. */
export function readActions(sheet: SnapshotSheet | undefined): ReadActions {
  if (!sheet) return { actions: [], notes: [] };
  const actions: ActionAnswer[] = [];
  const withoutId: number[] = [];
  const notes: string[] = [];
  const last = lastInputRow(sheet);
  for (let row = headerRowOf(sheet) + 1; row <= last; row++) {
    const { action, errors } = actionAt(sheet, row);
    if (Object.keys(action).length === 0) continue;
    actions.push(action);
    if (action.behaviourId === undefined) withoutId.push(row);
    if (errors.length > 0) notes.push(upgradeWords.actionErrorValue({ row, sheet: sheet.name, errors }));
  }
  if (withoutId.length > 0) notes.push(upgradeWords.actionsWithoutId({ rows: withoutId, sheet: sheet.name }));
  return { actions, notes };
}
