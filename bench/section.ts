/**
 * One section of `npm run bench`: the lines it prints for people, and its part of the one JSON
 * object `npm run bench -- --json` prints. Add a section as a function in its own bench/<area>.ts
 * and one entry in SECTIONS in bench/run.ts. Write nothing to stdout yourself (progress and tool
 * output go to stderr): in --json mode stdout holds the JSON object alone.
 */
export interface BenchResult {
  /** Readable lines, printed in order under the section's title. */
  lines: string[];
  /** Merged into the JSON object (objects merge key by key, so sections may share a top-level key). */
  json: Record<string, unknown>;
}

export interface BenchSection {
  title: string;
  run: () => Promise<BenchResult>;
}

export const fixed = (n: number, digits = 1) => n.toFixed(digits);
