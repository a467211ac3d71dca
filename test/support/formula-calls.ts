/**
 * Just enough of Excel's formula grammar (A1 style, as OOXML stores it) to find each function call,
 * its arguments and the cell references inside each argument. String literals, quoted sheet names,
 * array constants (whose commas separate items, not arguments) and structured references are
 * read as units, so text that looks like a call or a reference never counts as one.
 */

export type Token =
  | { kind: "function"; name: string }
  | { kind: "reference"; sheet?: string; ref: string }
  | { kind: "name"; sheet?: string; name: string }
  | { kind: "open" | "close" | "comma" | "arrayOpen" | "arrayClose" | "other"; text: string };

export interface Call {
  /** Upper case, without an _xlfn./_xlws. prefix. */
  name: string;
  /** Each argument's tokens, nested calls' tokens included. */
  args: Token[][];
}

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const AREA = [
  `${CELL}(?::${CELL})?`,
  String.raw`\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}`,
  String.raw`\$?\d+:\$?\d+`,
  String.raw`#REF!`,
].join("|");
// A reference or name must not run on into a letter, digit, "(" (a function such as LOG10) or "[".
const END = String.raw`(?![\w.(\[])`;
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Token]> = [
  [/^"(?:[^"]|"")*"/, (m) => ({ kind: "other", text: m[0] })],
  [/^#(?:N\/A|[A-Z0-9/]+[!?])/i, (m) => ({ kind: "other", text: m[0] })],
  [/^(?:_xlfn\.|_xlws\.)?([A-Za-z_][\w.]*)\(/, (m) => ({ kind: "function", name: m[1].toUpperCase() })],
  [
    new RegExp(String.raw`^(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!(${AREA})${END}`),
    (m) => ({ kind: "reference", sheet: (m[1] ?? m[2]).replace(/''/g, "'"), ref: m[3] }),
  ],
  [
    /^(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!([A-Za-z_\\][\w.]*)/,
    (m) => ({ kind: "name", sheet: (m[1] ?? m[2]).replace(/''/g, "'"), name: m[3] }),
  ],
  [new RegExp(`^(?:${AREA})${END}`), (m) => ({ kind: "reference", ref: m[0] })],
  // A structured reference (Table[Column], Table[[#Data],[A]:[B]]) is kept whole, as an "other" token.
  [/^[A-Za-z_\\][\w.]*\[(?:[^[\]]|\[[^\]]*\])*\]/, (m) => ({ kind: "other", text: m[0] })],
  [/^[A-Za-z_\\][\w.]*/, (m) => ({ kind: "name", name: m[0] })],
  [/^\d+(?:\.\d*)?(?:E[+-]?\d+)?/i, (m) => ({ kind: "other", text: m[0] })],
  [/^\(/, () => ({ kind: "open", text: "(" })],
  [/^\)/, () => ({ kind: "close", text: ")" })],
  [/^,/, () => ({ kind: "comma", text: "," })],
  [/^\{/, () => ({ kind: "arrayOpen", text: "{" })],
  [/^\}/, () => ({ kind: "arrayClose", text: "}" })],
  [/^(?:<>|<=|>=|[-+*/^&=<>%:;!@])/, (m) => ({ kind: "other", text: m[0] })],
  // A quote that opens no sheet name: a broken name Excel would repair away (another check reports it).
  [/^'/, (m) => ({ kind: "other", text: m[0] })],
];

function nextToken(text: string): { token: Token; length: number } | undefined {
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return { token: make(m), length: m[0].length };
  }
  return undefined;
}

export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let rest = formula.replace(/^\s*=/, "");
  while (rest.length > 0) {
    // Spaces are layout, or the rare intersection operator: either way they separate nothing this needs.
    const whitespace = /^\s+/.exec(rest);
    if (whitespace) {
      rest = rest.slice(whitespace[0].length);
      continue;
    }
    const token = nextToken(rest);
    if (!token) throw new Error(`cannot read the formula ${JSON.stringify(formula)} at ${JSON.stringify(rest)}`);
    tokens.push(token.token);
    rest = rest.slice(token.length);
  }
  return tokens;
}

interface Frame {
  name?: string;
  /** Index of each argument's first token; an argument ends where the next one's comma is. */
  starts: number[];
  arrayDepth: number;
}

/** Every function call in the formula, innermost first. */
export function functionCalls(formula: string): Call[] {
  const tokens = tokenize(formula);
  const calls: Call[] = [];
  const stack: Frame[] = [];
  tokens.forEach((token, index) => {
    const top = stack[stack.length - 1];
    if (token.kind === "function" || token.kind === "open") {
      stack.push({ name: token.kind === "function" ? token.name : undefined, starts: [index + 1], arrayDepth: 0 });
    } else if (token.kind === "close" && top) {
      stack.pop();
      const ends = [...top.starts.slice(1).map((start) => start - 1), index];
      if (top.name !== undefined)
        calls.push({ name: top.name, args: top.starts.map((start, k) => tokens.slice(start, ends[k])) });
    } else if (token.kind === "comma" && top && top.arrayDepth === 0) {
      top.starts.push(index + 1);
    } else if (top && token.kind === "arrayOpen") {
      top.arrayDepth++;
    } else if (top && token.kind === "arrayClose") {
      top.arrayDepth--;
    }
  });
  if (stack.length > 0) throw new Error(`unbalanced parentheses in ${JSON.stringify(formula)}`);
  return calls;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

const columnNumber = (letters: string) =>
  letters
    .toUpperCase()
    .split("")
    .reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

interface Corner {
  row?: number;
  column?: number;
  rowFixed: boolean;
  columnFixed: boolean;
}

function corner(text: string): Corner {
  const m = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/.exec(text);
  if (!m) throw new Error(`not a reference: ${text}`);
  return {
    column: m[2] ? columnNumber(m[2]) : undefined,
    row: m[4] ? Number(m[4]) : undefined,
    columnFixed: m[1] === "$" || (m[2] === "" && m[1] === ""),
    rowFixed: m[3] === "$" || m[4] === "",
  };
}

/**
 * The cells a reference covers. In a conditional format or validation the formula is written for the
 * top-left cell of `appliesTo` and Excel shifts its relative parts across the rest: `spread` gives how
 * far (rows, columns) it reaches, so the area covers every cell the formula reads anywhere in the range.
 */
export function referenceArea(ref: string, spread = { rows: 0, columns: 0 }): Area | undefined {
  if (ref === "#REF!") return undefined;
  const [a, b = a] = ref.split(":");
  const [from, to] = [corner(a), corner(b)];
  const reach = (fixed: boolean, extra: number) => (fixed ? 0 : extra);
  return {
    top: from.row ?? 1,
    left: from.column ?? 1,
    bottom: to.row === undefined ? MAX_ROW : to.row + reach(to.rowFixed, spread.rows),
    right: to.column === undefined ? MAX_COLUMN : to.column + reach(to.columnFixed, spread.columns),
  };
}

export const overlaps = (a: Area, b: Area) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
