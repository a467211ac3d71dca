import { canonicalToolkit } from "./canonical";
import type { Toolkit } from "./schema";

/** Every toolkit version the product knows, so a workbook made from any of them can be checked. */
export function knownToolkits(): readonly Toolkit[] {
  return [canonicalToolkit()];
}

/** -1, 0 or 1 as semantic version `a` is older than, the same as or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  const partsA = a.split(".").map(Number);
  const partsB = b.split(".").map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const difference = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The newest version of a toolkit in the registry (the canonical one for that toolkit ID). */
export function newestVersion(registry: readonly Toolkit[], id: string): Toolkit | undefined {
  return registry
    .filter((toolkit) => toolkit.id === id)
    .reduce<Toolkit | undefined>(
      (newest, toolkit) => (!newest || compareVersions(toolkit.version, newest.version) > 0 ? toolkit : newest),
      undefined,
    );
}
