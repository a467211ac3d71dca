import canonicalData from "../../../toolkit/nps-2018.json";
import { parseToolkit } from "./load";
import type { Toolkit } from "./schema";

/** The ID of the canonical toolkit that this build ships (toolkit/nps-2018.json). */
export const CANONICAL_TOOLKIT_ID = "nps-2018";

let cached: Toolkit | undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/**
 * The canonical LGA National Procurement Strategy 2018 toolkit, validated against the schema
 * the first time it is asked for and cached afterwards. Every caller shares the same object, so
 * it is deeply frozen: copy it (structuredClone) before changing anything.
 */
export function canonicalToolkit(): Toolkit {
  if (cached === undefined) {
    const toolkit = parseToolkit(canonicalData);
    if (toolkit.id !== CANONICAL_TOOLKIT_ID) {
      throw new Error(`toolkit/nps-2018.json has ID "${toolkit.id}", expected "${CANONICAL_TOOLKIT_ID}"`);
    }
    cached = deepFreeze(toolkit);
  }
  return cached;
}
