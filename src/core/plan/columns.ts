import { columnLetter } from "../util/a1";

/**
 * What a column's cells hold, and so their number format: text that stays text whatever is typed ("@"), a date
 * (dd/mm/yyyy), a whole score, or a level's name (General: a picker offers the names). None: General.
 */
export type ColumnFormat = "text" | "date" | "score" | "level";

/**
 * Who fills a column: the user (an input, unlocked, read as an answer), the workbook's formulas, or the plan
 * itself (a label: the toolkit's text or the sheet's own, locked).
 */
export type ColumnRole = "input" | "formula" | "label";

/** One column of a generated sheet: its header text, its width in characters, what it holds and who fills it. */
export interface ColumnSpec {
  header: string;
  width: number;
  format?: ColumnFormat;
  /** A label unless given. */
  role?: ColumnRole;
  /**
   * How many adjacent columns it takes, all of this width (a key area's five level descriptors, headed by the
   * toolkit's level names rather than `header`): 1 unless given.
   */
  span?: number;
}

/** A cell value for each named column; a column that spans several takes one value per column it spans. */
export type RowCells<K extends string, V> = Record<K, V | readonly V[]>;

/**
 * A sheet's columns laid out from one declaration: the order of `specs` is the order of the columns from
 * column A, so positions, letters, the header row, the widths and each row's cell order all come from that one
 * list. Adding a column is one line in `specs`; every sheet plan, reader and check that takes its positions from
 * here follows.
 */
export function columnLayout<K extends string>(specs: Record<K, ColumnSpec>) {
  const keys = Object.keys(specs) as K[];
  const spanOf = (key: K) => specs[key].span ?? 1;
  const positions = {} as Record<K, number>;
  let next = 1;
  for (const key of keys) {
    positions[key] = next;
    next += spanOf(key);
  }
  const byKey = <V>(value: (key: K) => V) => Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
  const expand = <V>(key: K, value: V | readonly V[]): V[] => {
    const span = spanOf(key);
    if (value === undefined) throw new Error(`Column ${key} has no value`);
    if (span === 1) return [value as V];
    if (!Array.isArray(value) || value.length !== span) throw new Error(`Column ${key} takes ${span} values`);
    return [...(value as readonly V[])];
  };
  const row = <V>(cells: RowCells<K, V>): V[] => keys.flatMap((key) => expand<V>(key, cells[key]));
  const roleOf = (key: K): ColumnRole => specs[key].role ?? "label";
  /** Runs of adjacent columns with the same value (columns without one left out): each run's first and last column. */
  const runsOf = <V extends string>(valueOf: (key: K) => V | undefined) => {
    const runs: { value: V; first: number; last: number }[] = [];
    for (const key of keys) {
      const value = valueOf(key);
      if (value === undefined) continue;
      const previous = runs[runs.length - 1];
      const [first, last] = [positions[key], positions[key] + spanOf(key) - 1];
      if (previous?.value === value && previous.last === first - 1) previous.last = last;
      else runs.push({ value, first, last });
    }
    return runs;
  };
  return {
    /** The declaration itself, in column order (a test adds a column to it). */
    specs,
    /** 1-based column of each named column (its first, for one that spans several). */
    columns: positions,
    /** The last column a named column takes (its own column unless it spans several). */
    lastColumns: byKey((key) => positions[key] + spanOf(key) - 1),
    /** Column letter of each named column, for A1 references in formulas. */
    letters: byKey((key) => columnLetter(positions[key])),
    /** Header text of each named column. */
    header: byKey((key) => specs[key].header),
    /** Width of each named column. */
    width: byKey((key) => specs[key].width),
    /** What each named column holds (undefined: General). */
    format: byKey((key) => specs[key].format),
    /** Who fills each named column. */
    role: byKey(roleOf),
    /** The named columns with a role, in column order. */
    keysWithRole: (role: ColumnRole): K[] => keys.filter((key) => roleOf(key) === role),
    /** Runs of adjacent columns that share a format, left to right: a sheet formats each run as one range. */
    formatRuns: () => runsOf((key) => specs[key].format),
    /** Runs of adjacent input columns, left to right: a sheet unlocks each run as one range. */
    inputRuns: () => runsOf((key) => (roleOf(key) === "input" ? "input" : undefined)),
    /** How many columns the sheet's columns take, from column A. */
    columnCount: next - 1,
    /** Column widths, from column A. */
    widths: keys.flatMap((key) => Array<number>(spanOf(key)).fill(specs[key].width)),
    /** A row's cells given by column name, in column order from column A. */
    row,
    /** A row with `blank` in every column, to spread before the cells a row fills (a column added stays blank). */
    blankRow: <V>(blank: V): RowCells<K, V> =>
      byKey((key) => (spanOf(key) === 1 ? blank : Array<V>(spanOf(key)).fill(blank))),
  };
}

/** A table of named columns whose header row is `headerRow` and whose rows start just below it. */
export function namedTable<K extends string>(headerRow: number, specs: Record<K, ColumnSpec>) {
  const layout = columnLayout(specs);
  return {
    headerRow,
    firstRow: headerRow + 1,
    ...layout,
    /** The header row, from column A (a table's columns each take one column and are headed by `header`). */
    headers: layout.row<string>(layout.header),
  };
}

/** The named columns of `specs`, in the order given: a sheet that shares columns declared once picks them. */
export function pickColumns<S extends Record<string, ColumnSpec>, const K extends keyof S & string>(
  specs: S,
  keys: readonly K[],
): Record<K, ColumnSpec> {
  return Object.fromEntries(keys.map((key) => [key, specs[key]])) as unknown as Record<K, ColumnSpec>;
}
