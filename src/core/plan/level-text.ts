/**
 * How a typed level is read, in one place for the workbook's formulas (formulas.ts builds them from
 * this list) and for the TypeScript that reads answers back. A paste from Word or a web page brings
 * tabs, line breaks and no-break spaces around a word: each counts as a space. Then, as Excel's TRIM
 * does, spaces around the text go and runs of spaces inside it become one. Case never matters.
 */
export const SPACE_LIKE_CHARACTERS = ["\t", "\n", "\r", "\u00A0"] as const;

/** Any one of them, in one pass: the reader runs every answer and every evidence text through this. */
const SPACE_LIKE = new RegExp(`[${SPACE_LIKE_CHARACTERS.join("")}]`, "g");

/** The typed text as the workbook's level formulas see it before comparing it with the level names. */
export function levelText(typed: string): string {
  // Excel's TRIM touches the space character (U+0020) only, unlike String.prototype.trim.
  return typed.replace(SPACE_LIKE, " ").replace(/ {2,}/g, " ").replace(/^ | $/g, "");
}
