/**
 * Formulas compared by meaning, not by string. Excel hands formulas back in its own canonical form
 * (sheet names without quotes they do not need, function names in capitals, its own spacing, no
 * "_xlfn." prefix on screen, "@" where it shows legacy implicit intersection) and LibreOffice
 * rewrites some on save (it drops quotes the same way). Both sides are turned into token streams in
 * one normal form and the streams compared.
 *
 * Whitespace is dropped: the add-in never writes Excel's space intersection operator, so a space
 * in a formula it wrote can only be layout.
 */

/** One normalised token; a reference keeps its parts so that relative rows can be moved. */
export type FormulaToken =
  | { kind: "text"; key: string }
  | { kind: "ref"; column: string; columnAbsolute: boolean; row: number; rowAbsolute: boolean };

const FUNCTION_PREFIX = /^(?:_xlfn\.|_xlws\.)+/i;
// Sticky patterns ("y"): each matches at lastIndex only, so no substring is copied per token.
const ERROR_LITERAL =
  /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)/iy;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!])/y;
const WORD = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
/** A function's name and its opening parenthesis. */
const FUNCTION_CALL = /[A-Za-z_][A-Za-z0-9_.]*\(/y;
const TWO_CHARACTER_OPERATORS = new Set(["<=", ">=", "<>"]);
const OPERATORS = new Set(["+", "-", "*", "/", "^", "&", "=", "<", ">", "%", ":", ",", ";", "(", ")", "{", "}"]);

/** Thrown for a formula that cannot be split into tokens (an unclosed string, a stray character). */
export class FormulaSyntaxError extends Error {}

function readQuoted(formula: string, at: number, quote: string): { text: string; end: number } {
  let text = "";
  let i = at + 1;
  for (;;) {
    if (i >= formula.length) throw new FormulaSyntaxError(`Unclosed ${quote} in ${formula}`);
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) {
        text += quote;
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += formula[i++];
  }
}

function operatorAt(source: string, at: number): string | undefined {
  const two = source.slice(at, at + 2);
  if (TWO_CHARACTER_OPERATORS.has(two)) return two;
  return OPERATORS.has(source[at]) ? source[at] : undefined;
}

function stickyMatch(pattern: RegExp, source: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(source);
}

/** Splits a formula (with or without its leading "=") into normalised tokens. */
export function formulaTokens(formula: string): FormulaToken[] {
  const source = formula.replace(/^\s*=/, "");
  const tokens: FormulaToken[] = [];
  const text = (key: string) => tokens.push({ kind: "text", key });
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === "@") {
      // Dynamic-array Excel shows the implicit intersection a legacy formula did silently as "@" before
      // a function that could return a range (=@INDEX(…)): the same meaning. The add-in's formulas
      // give ranges only to functions that take ranges, so an "@" anywhere else (before a range:
      // AVERAGE(@'Sheet'!$M$9:$M$12) reads one cell) is a change, and is kept.
      if (!stickyMatch(FUNCTION_CALL, source, i + 1)) text("@");
      i++;
      continue;
    }
    const operator = operatorAt(source, i);
    if (operator) {
      text(operator);
      i += operator.length;
      continue;
    }
    if (ch === '"') {
      const { text: value, end } = readQuoted(source, i, '"');
      text(`string:${value}`);
      i = end;
      continue;
    }
    if (ch === "'") {
      const { text: sheet, end } = readQuoted(source, i, "'");
      if (source[end] !== "!") throw new FormulaSyntaxError(`A quoted name must be a sheet before "!": ${formula}`);
      text(`sheet:${sheet.toLowerCase()}`);
      i = end + 1;
      continue;
    }
    const error = ch === "#" ? stickyMatch(ERROR_LITERAL, source, i) : null;
    if (error) {
      text(`error:${error[0].toUpperCase()}`);
      i += error[0].length;
      continue;
    }
    const cell = stickyMatch(CELL, source, i);
    if (cell) {
      tokens.push({
        kind: "ref",
        column: cell[2].toUpperCase(),
        columnAbsolute: cell[1] === "$",
        row: Number(cell[4]),
        rowAbsolute: cell[3] === "$",
      });
      i += cell[0].length;
      continue;
    }
    const number = stickyMatch(NUMBER, source, i);
    if (number) {
      text(`number:${Number(number[0])}`);
      i += number[0].length;
      continue;
    }
    const word = stickyMatch(WORD, source, i);
    if (!word) throw new FormulaSyntaxError(`Unexpected "${ch}" in ${formula}`);
    const name = word[0];
    const after = source[i + name.length];
    if (after === "!") {
      text(`sheet:${name.toLowerCase()}`);
      i += name.length + 1;
    } else if (after === "(") {
      text(`function:${name.replace(FUNCTION_PREFIX, "").toUpperCase()}`);
      i += name.length;
    } else {
      // TRUE, FALSE and defined names: Excel reads all of them without regard to case.
      text(`name:${name.toUpperCase()}`);
      i += name.length;
    }
  }
  return tokens;
}

function tokenKey(token: FormulaToken, rowShift: number): string {
  if (token.kind === "text") return token.key;
  const row = token.rowAbsolute ? token.row : token.row + rowShift;
  return `ref:${token.columnAbsolute ? "$" : ""}${token.column}${token.rowAbsolute ? "$" : ""}${row}`;
}

/** Rows inserted or deleted on sheets (by lower-case name), and the sheet the formula is on. */
export interface MovedRows {
  sheet: string;
  moves: ReadonlyMap<string, (row: number) => number | null>;
}

/**
 * The tokens with every reference to a sheet whose rows moved moved as Excel moves it: the sheet
 * named before it (a range's second end takes its first end's), or the formula's own. A reference
 * to a deleted row becomes #REF!, as in Excel.
 */
function movedTokens(tokens: FormulaToken[], moved: MovedRows): FormulaToken[] {
  let lastSheet = moved.sheet;
  return tokens.map((token, i) => {
    if (token.kind === "text") return token;
    const before = tokens[i - 1];
    const key = before?.kind === "text" ? before.key : "";
    const sheet = key.startsWith("sheet:") ? key.slice("sheet:".length) : key === ":" ? lastSheet : moved.sheet;
    lastSheet = sheet;
    const move = moved.moves.get(sheet);
    const row = move ? move(token.row) : token.row;
    return row === null ? { kind: "text", key: "error:#REF!" } : { ...token, row };
  });
}

/** A formula's normal form, as one string (for messages and for comparing). */
export function normaliseFormula(formula: string, rowShift = 0, moved?: MovedRows): string {
  const tokens = formulaTokens(formula);
  return (moved ? movedTokens(tokens, moved) : tokens).map((token) => tokenKey(token, rowShift)).join(" ");
}

/**
 * Whether a formula found in a workbook means the same as the one expected. `rowShift` is how
 * many rows the found cell sits below where the expected formula was written (a sorted row): its
 * relative row references moved with it, as Excel moves them. `moved`: rows inserted or deleted
 * on sheets, which Excel moved the expected formula's references for. A formula that cannot be
 * split into tokens means nothing the add-in wrote.
 */
export function sameFormula(expected: string, found: string, rowShift = 0, moved?: MovedRows): boolean {
  if (rowShift === 0 && !moved && expected === found) return true;
  try {
    return normaliseFormula(expected, rowShift, moved) === normaliseFormula(found);
  } catch (problem) {
    if (problem instanceof FormulaSyntaxError) return false;
    throw problem;
  }
}
