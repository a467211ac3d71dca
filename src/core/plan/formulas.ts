import { formulaString, quoteSheet } from "../util/a1";
import { NOT_A_LEVEL } from "./layout";
import { SPACE_LIKE_CHARACTERS } from "./level-text";

/**
 * Formula fragments. Only functions Excel 2010, Excel for the web, Excel for Mac and LibreOffice
 * all compute without an _xlfn. prefix; nothing volatile; no whole-column references.
 */

/** The level names as an inline array constant, e.g. {"Minimum","Developing",…}. */
export const levelArray = (levels: readonly string[]) => `{${levels.map(formulaString).join(",")}}`;

/**
 * A character inside a formula. CHAR is safe for ASCII only: above 127 it follows the system code page
 * (Excel for Mac's CHAR(160) is not a no-break space), and UNICHAR needs an _xlfn. prefix, so any other
 * character is written literally, inside a string.
 */
const characterIn = (character: string) => {
  const code = character.charCodeAt(0);
  return code < 128 ? `CHAR(${code})` : formulaString(character);
};

/** The text typed in `cell` as level-text.ts reads it: space-like characters become spaces, then TRIM. */
export const levelTextOf = (cell: string) =>
  `TRIM(${SPACE_LIKE_CHARACTERS.reduce((text, character) => `SUBSTITUTE(${text},${characterIn(character)}," ")`, cell)})`;

/**
 * Score 1–5 of the level typed in `cell`; "" when blank; NOT_A_LEVEL for anything else, an error value
 * pasted into the cell included. The text is compared with `=`, which ignores case and, unlike MATCH,
 * never reads `*`, `?` or `~` as wildcards: the sum is the score of the one level equal to the text, or
 * 0 when none is, and CHOOSE turns 0 into NOT_A_LEVEL.
 */
export function scoreOf(cell: string, levels: readonly string[]): string {
  const text = levelTextOf(cell);
  const scores = levels.map((_, i) => i + 1).join(",");
  const notALevel = formulaString(NOT_A_LEVEL);
  const matchedScore = `SUMPRODUCT((${text}=${levelArray(levels)})*{${scores}})`;
  return `IF(ISERROR(${cell}),${notALevel},IF(${text}="","",CHOOSE(1+${matchedScore},${notALevel},${scores})))`;
}

/** Shortfall from target, never negative; "" unless both scores are numbers. */
export const gapOf = (current: string, target: string) =>
  `IF(AND(ISNUMBER(${current}),ISNUMBER(${target})),MAX(0,${target}-${current}),"")`;

/**
 * Change since last year: current score less previous score; "" unless both are numbers, so a behaviour
 * answered only this year or only last year is left out of every change figure, as blank is everywhere.
 */
export const changeOf = (current: string, previous: string) =>
  `IF(AND(ISNUMBER(${current}),ISNUMBER(${previous})),${current}-${previous},"")`;

/** A level's name from its score cell, or `otherwise` when the cell holds no score. */
export const levelNameOf = (score: string, levels: readonly string[], otherwise: string) =>
  `IF(ISNUMBER(${score}),INDEX(${levelArray(levels)},${score}),${otherwise})`;

/** A cell of a behaviour's row on its key area sheet, found by the behaviour's ID (so sorting never breaks it). */
export function lookupById(sheetName: string, idRange: string, valueRange: string, idCell: string): string {
  const sheet = quoteSheet(sheetName);
  return `INDEX(${sheet}!${valueRange},MATCH(${idCell},${sheet}!${idRange},0))`;
}

/** `expression` when it gives a number, else "" (also when the lookup fails). */
export const numberOrBlank = (expression: string) => `IFERROR(IF(ISNUMBER(${expression}),${expression},""),"")`;

/**
 * `reference` across sheets, as "" rather than 0 when the referenced cell is empty, and "" when it holds
 * an error value (a paste), so one bad input cell cannot fill a column with errors.
 */
export const valueOrBlank = (reference: string) => `IF(ISERROR(${reference}),"",IF(${reference}="","",${reference}))`;
