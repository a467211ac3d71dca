/**
 * What Excel stores when a value arrives through `range.values` or `range.formulas`: it parses
 * strings the way it parses typing. That is the rule that turns a council called "=Hackney" into a
 * formula and an owner called "2024" into a number, so the fake keeps it.
 */
import { officeError } from "./errors";

export type StoredCell =
  | { kind: "text"; text: string; quotePrefix: boolean }
  | { kind: "number"; number: number }
  | { kind: "boolean"; boolean: boolean }
  | { kind: "error"; error: string }
  /**
   * `computed` is the formula's result when a test supplied one from a real engine (the fake does
   * not calculate): reads return it, as Excel returns a formula's value, and its size counts in the
   * response. Writing the cell again drops it.
   */
  | { kind: "formula"; formula: string; computed?: string | number | boolean };

/** Excel's limits: 32,767 characters in a cell, 8,192 in a formula. */
export const MAX_CELL_TEXT = 32767;
export const MAX_FORMULA = 8192;

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})$/,
  new RegExp(`^(\\d{1,2})[ -]${MONTH}([ -]\\d{2,4})?$`, "i"),
  new RegExp(`^${MONTH}[ -](\\d{1,2}[ ,]+)?\\d{2,4}$`, "i"),
];

function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** A string Excel reads as a date (en-GB order); only the fact that it becomes a number matters here. */
function parseDate(text: string): number | null {
  const iso = DATE_PATTERNS[0].exec(text);
  if (iso) return serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DATE_PATTERNS[1].exec(text);
  if (dmy) return serialOf(Number(dmy[3].length === 2 ? `20${dmy[3]}` : dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return DATE_PATTERNS.slice(2).some((pattern) => pattern.test(text)) ? serialOf(2000, 1, 1) : null;
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/\d/.test(trimmed) || !NUMBER.test(trimmed)) return null;
  const percent = trimmed.endsWith("%");
  const value = Number(trimmed.replace(/,/g, "").replace("%", ""));
  return Number.isFinite(value) ? (percent ? value / 100 : value) : null;
}

/** Parses one input string as Excel parses typing. */
export function parseTyped(text: string): StoredCell | null {
  if (text === "") return null;
  if (text.startsWith("'")) return { kind: "text", text: text.slice(1), quotePrefix: true };
  const number = parseNumber(text);
  if (number !== null) return { kind: "number", number };
  if (text.length > 1 && text.startsWith("=")) return { kind: "formula", formula: text };
  // "+x", "-x" and "@x" are how Lotus users start formulas; Excel still honours them.
  if (text.length > 1 && /^[+\-@]/.test(text)) return { kind: "formula", formula: `=${text}` };
  if (/^\s*(true|false)\s*$/i.test(text)) return { kind: "boolean", boolean: /true/i.test(text) };
  if (ERRORS.includes(text.trim().toUpperCase())) return { kind: "error", error: text.trim().toUpperCase() };
  const date = parseDate(text.trim());
  if (date !== null) return { kind: "number", number: date };
  return { kind: "text", text, quotePrefix: false };
}

/**
 * Converts one element of a `values`/`formulas` array to what Excel stores; null means "leave as is" ("null input
 * in 2-D array", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
export function storeInput(input: unknown): StoredCell | null | "unchanged" {
  if (input === null || input === undefined) return "unchanged";
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw officeError("InvalidArgument", "Numbers must be finite.");
    return { kind: "number", number: input };
  }
  if (typeof input === "boolean") return { kind: "boolean", boolean: input };
  if (typeof input !== "string")
    throw officeError("InvalidArgument", `Excel cannot store a ${typeof input} in a cell.`);
  const stored = parseTyped(input);
  if (stored?.kind === "text" && stored.text.length > MAX_CELL_TEXT) {
    throw officeError("InvalidArgument", `A cell can hold at most ${MAX_CELL_TEXT} characters.`);
  }
  if (stored?.kind === "formula" && stored.formula.length > MAX_FORMULA) {
    throw officeError("InvalidArgument", `A formula can be at most ${MAX_FORMULA} characters long.`);
  }
  return stored;
}

/**
 * What `range.values` returns: for a formula, Excel returns its calculated result
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member);
 * the fake returns the result a test supplied from a real engine, else "".
 */
export function valueOf(cell: StoredCell | undefined): string | number | boolean {
  if (!cell) return "";
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "number":
      return cell.number;
    case "boolean":
      return cell.boolean;
    case "error":
      return cell.error;
    case "formula":
      return cell.computed ?? "";
  }
}

/** What `range.formulas` returns: the formula, or the constant (a quote prefix is not returned). */
export function formulaOf(cell: StoredCell | undefined): string | number | boolean {
  return cell?.kind === "formula" ? cell.formula : valueOf(cell);
}

export function valueTypeOf(cell: StoredCell | undefined): string {
  if (!cell) return "Empty";
  return { text: "String", number: "Double", boolean: "Boolean", error: "Error", formula: "String" }[cell.kind];
}
