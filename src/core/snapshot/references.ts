/**
 * Sheet references in defined names. Excel quotes a sheet name only when it must ("Guide!$A$1",
 * "'Strategic Risk'!$A$1"); snapshots always quote, like the plan, so both readers agree.
 */

export function normaliseReference(formula: string): string {
  const reference = formula.replace(/^=/, "");
  const match = /^('(?:[^']|'')+'|[^'!]+)!(.+)$/.exec(reference);
  if (!match || match[1].startsWith("'") || match[1].startsWith("#")) return reference;
  return `'${match[1].replace(/'/g, "''")}'!${match[2]}`;
}

/** The sheet a reference such as "'Guide'!$A$1" points at. */
export function sheetOfReference(reference: string): string | undefined {
  const quoted = /^'((?:[^']|'')+)'!/.exec(reference);
  if (quoted) return quoted[1].replace(/''/g, "'");
  return /^([^!'[\]]+)!/.exec(reference)?.[1];
}
