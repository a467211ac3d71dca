/** Choosing sheet names that never take over a sheet the user made. */

const MAX_SHEET_NAME = 31;

/** "Summary" → "Summary (2)", shortening the base so the name stays within Excel's 31 characters. */
export function numberedName(base: string, n: number): string {
  const suffix = ` (${n})`;
  return `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
}

/** true when `name` is one numberedName made from `base`. */
export function isNumberedName(base: string, name: string): boolean {
  const n = /\((\d+)\)$/.exec(name)?.[1];
  return n !== undefined && numberedName(base, Number(n)) === name;
}

export interface NameChoice {
  /** Sheet name by plan key. */
  names: Record<string, string>;
  /** Plan keys whose default name was taken, with the name used instead. */
  moved: { key: string; wanted: string; used: string }[];
}

/**
 * Keeps the names of sheets we already made (`kept`, users may have renamed them) and gives every
 * other plan sheet its default name unless a sheet already uses it (Excel ignores case), in which
 * case the first free "Name (n)".
 */
export function chooseSheetNames(
  defaults: Record<string, string>,
  existingSheets: string[],
  kept: Record<string, string>,
): NameChoice {
  const used = new Set(existingSheets.map((name) => name.toLowerCase()));
  const names: Record<string, string> = {};
  const moved: NameChoice["moved"] = [];
  for (const [key, name] of Object.entries(kept)) if (key in defaults) names[key] = name;
  for (const name of Object.values(names)) used.add(name.toLowerCase());
  for (const [key, wanted] of Object.entries(defaults)) {
    if (key in names) continue;
    let name = wanted;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = numberedName(wanted, n);
    used.add(name.toLowerCase());
    names[key] = name;
    if (name !== wanted) moved.push({ key, wanted, used: name });
  }
  return { names, moved };
}
