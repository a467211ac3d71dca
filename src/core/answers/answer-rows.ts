/**
 * The answers on a sheet with one behaviour a row (a key area sheet, Retired answers), found by
 * behaviour ID wherever each row stands: people unprotect a sheet and insert a row for a note,
 * delete an empty one, or move rows, and no answer may be lost for it. What cannot be placed (a
 * second row for one behaviour with other answers, entries in a row without an ID) is said in a
 * note naming the sheet, the row and the entries, so it is never dropped silently.
 */
import type { SnapshotSheet } from "../snapshot/types";
import { cellAddress, columnLetter } from "../util/a1";
import { serialToIsoDate } from "../util/dates";
import { listed } from "../util/words";
import { upgradeWords } from "../words/upgrade";
import { behaviourIdOf } from "./behaviour-id";
import type { BehaviourAnswer } from "../plan/answer-types";

export type AnswerColumns = Record<"id" | "current" | "target" | "evidence" | "owner" | "reviewDate", number>;

/** One behaviour's row as found: where, and what was entered in it (blank entries left out). */
export interface AnswerRow {
  id: string;
  sheet: string;
  row: number;
  answer: BehaviourAnswer;
}

function valueText(sheet: SnapshotSheet, row: number, column: number): string {
  const value = sheet.cells[cellAddress(row, column)]?.value;
  return value === null || value === undefined ? "" : String(value);
}

/** A date cell as ISO: Excel serial numbers convert; text that is already ISO is kept. */
export function dateValue(value: SnapshotSheet["cells"][string]["value"] | undefined): string {
  if (typeof value === "number" && value > 0) return serialToIsoDate(value);
  return typeof value === "string" ? value.trim() : "";
}

function answerAt(sheet: SnapshotSheet, row: number, C: AnswerColumns): BehaviourAnswer {
  const answer: BehaviourAnswer = {
    current: valueText(sheet, row, C.current),
    target: valueText(sheet, row, C.target),
    evidence: valueText(sheet, row, C.evidence),
    owner: valueText(sheet, row, C.owner),
    reviewDate: dateValue(sheet.cells[cellAddress(row, C.reviewDate)]?.value),
  };
  return Object.fromEntries(Object.entries(answer).filter(([, v]) => v !== "")) as BehaviourAnswer;
}

/** A sheet read once: its behaviours' rows, and the constants of every other row (for rowsWithoutId). */
export interface ScannedSheet {
  rows: AnswerRow[];
  /** Row → the constants typed in it ("B12 "text""), for rows without a behaviour ID. */
  otherEntries: Map<number, string[]>;
  /** The first row whose ID cell says "Principle" (the key area's high level principle). */
  principleRow?: number;
  /** The first row whose ID cell holds the ID column's header (the grid's header row), wherever rows moved it. */
  headerRow?: number;
}

/** The row of an A1 address, without parsing its column (most cells of a sheet only need their row). */
function rowOf(address: string): number {
  let i = 0;
  while (i < address.length && (address.charCodeAt(i) > 57 || address[i] === "$")) i++;
  return Number(address.slice(i));
}

/**
 * Reads a sheet: the ID column first, then the constants of the rows without a behaviour ID, so
 * the long texts of the behaviours' rows are never looked at twice.
 */
export function scanSheet(sheet: SnapshotSheet, C: AnswerColumns, idHeader?: string): ScannedSheet {
  const rows: AnswerRow[] = [];
  let principleRow: number | undefined;
  let headerRow: number | undefined;
  const idColumn = columnLetter(C.id);
  const isDigit = (code: number) => code >= 48 && code <= 57;
  for (const address in sheet.cells) {
    if (!address.startsWith(idColumn) || !isDigit(address.charCodeAt(idColumn.length))) continue;
    const row = rowOf(address);
    const text = valueText(sheet, row, C.id).trim();
    const id = behaviourIdOf(text);
    if (id) rows.push({ id, sheet: sheet.name, row, answer: answerAt(sheet, row, C) });
    if (text === "Principle") principleRow = Math.min(row, principleRow ?? row);
    if (idHeader !== undefined && text === idHeader) headerRow = Math.min(row, headerRow ?? row);
  }
  const idRows = new Set(rows.map((r) => r.row));
  const entries = new Map<number, string[]>();
  for (const address in sheet.cells) {
    const row = rowOf(address);
    const cell = sheet.cells[address];
    if (idRows.has(row) || cell.formula !== undefined || cell.value === null) continue;
    const text = String(cell.value).trim();
    if (text !== "") entries.set(row, [...(entries.get(row) ?? []), `${address} "${clip(text)}"`]);
  }
  return { rows: rows.sort((a, b) => a.row - b.row), otherEntries: entries, principleRow, headerRow };
}

/** Long entries are cut in a note; the row and sheet say where the whole text is. */
const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** "current level "Mature" and evidence "…"", for a note. */
export function describeAnswer(answer: BehaviourAnswer): string {
  return listed(
    (Object.keys(upgradeWords.entry) as (keyof BehaviourAnswer)[])
      .filter((key) => answer[key] !== undefined)
      .map((key) => upgradeWords.entryHeld({ entry: upgradeWords.entry[key], text: clip(answer[key] as string) })),
  );
}

const sameAnswer = (a: BehaviourAnswer, b: BehaviourAnswer) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

const isAnswered = (answer: BehaviourAnswer) => Object.keys(answer).length > 0;

/**
 * One answer per behaviour from `rows` (in reading order): the first row with anything entered.
 * Another row for the same behaviour with other entries cannot be placed: a note says where it is.
 */
export function placeAnswers(rows: AnswerRow[]): { answers: Map<string, AnswerRow>; unplaced: string[] } {
  const answers = new Map<string, AnswerRow>();
  const unplaced: string[] = [];
  for (const found of rows) {
    if (!isAnswered(found.answer)) continue;
    const kept = answers.get(found.id);
    if (!kept) answers.set(found.id, found);
    else if (!sameAnswer(kept.answer, found.answer))
      unplaced.push(upgradeWords.secondRow({ id: found.id, found, kept, answer: describeAnswer(found.answer) }));
  }
  return { answers, unplaced };
}

/**
 * Rows of the grid (below `belowRow`, its header row) with entries but no behaviour ID (a row inserted for a
 * note, or an ID deleted), the principle row aside: nothing can say which behaviour they belong to, so a note
 * names them. A row inserted between the header and the principle is as much the grid's as one below it.
 */
export function rowsWithoutId(sheet: string, scanned: ScannedSheet, belowRow: number): string[] {
  return [...scanned.otherEntries.keys()]
    .filter((row) => row > belowRow && row !== scanned.principleRow)
    .sort((a, b) => a - b)
    .map((row) => upgradeWords.rowWithoutId({ row, sheet, entries: scanned.otherEntries.get(row)!.sort() }));
}
