/** "1 error", "2 errors", "1 answered behaviour": a count with its noun, for text people read. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "A", "A and B", "A, B and C": items in a sentence people read (British style, no serial comma). */
export const listed = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/** A name as people write it, for telling two names the same: case, and spaces around or doubled, make no difference. */
export const sameness = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
