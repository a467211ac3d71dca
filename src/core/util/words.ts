/** "1 error", "2 errors", "1 answered behaviour": a count with its noun, for text people read. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
