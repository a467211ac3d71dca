/** Rows of text as aligned columns for a terminal: each column as wide as its widest cell, the last left ragged. */
export function textTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd(),
  );
}
