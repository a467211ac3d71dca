/**
 * Behaviour IDs as a reader finds them in a sheet: typed or pasted, perhaps with spaces or
 * characters that show nothing around them. Matching ignores those, so an answer is never lost
 * because its ID was padded (the checker reports the padding itself).
 */

/** White space and characters that show nothing: zero-width space and joiners, word joiner, byte-order mark. */
const UNSEEN = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/** Looks like a behaviour ID (SL-ECSM-01), so a row of notes a user typed is not taken for one. */
export const LOOKS_LIKE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

/** The behaviour ID a cell's text stands for, or undefined when it is not one. */
export function behaviourIdOf(text: string): string | undefined {
  const id = text.replace(UNSEEN, "");
  return LOOKS_LIKE_ID.test(id) ? id : undefined;
}
