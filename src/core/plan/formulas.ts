import { formulaString, quoteSheet } from "../util/a1";
import { NOT_A_LEVEL } from "./layout";

/**
 * Formula fragments. Only functions Excel 2010, Excel for the web, Excel for Mac and LibreOffice
 * all compute without an _xlfn. prefix; nothing volatile; no whole-column references.
 */

/** The level names as an inline array constant, e.g. {"Minimum","Developing",…}. */
export const levelArray = (levels: readonly string[]) => `{${levels.map(formulaString).join(",")}}`;

/** Score 1–5 of the level typed in `cell`; "" when blank; NOT_A_LEVEL when it is not a level name. */
export const scoreOf = (cell: string, levels: readonly string[]) =>
  `IF(TRIM(${cell})="","",IFERROR(MATCH(TRIM(${cell}),${levelArray(levels)},0),${formulaString(NOT_A_LEVEL)}))`;

/** Shortfall from target, never negative; "" unless both scores are numbers. */
export const gapOf = (current: string, target: string) =>
  `IF(AND(ISNUMBER(${current}),ISNUMBER(${target})),MAX(0,${target}-${current}),"")`;

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

/** `reference` across sheets, as "" rather than 0 when the referenced cell is empty. */
export const valueOrBlank = (reference: string) => `IF(${reference}="","",${reference})`;
