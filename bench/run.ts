/**
 * npm run bench: how the product's costs grow, measured as ratios within one run (never as timed
 * tests). `npm run bench -- --json` prints one JSON object and nothing else on stdout.
 *
 * Each section lives in its own bench/<area>.ts (see bench/section.ts); add one with one line below.
 */
import { measureCheck } from "./check";
import { measureCliStart } from "./cli";
import { consolidateSection } from "./consolidate";
import { moderateSection } from "./moderate";
import { cycleSection } from "./cycle";
import { officeSection } from "./office";
import type { BenchSection } from "./section";
import { taskPaneSection } from "./taskpane";
import { xlsxSection } from "./xlsx";

const SECTIONS: BenchSection[] = [
  xlsxSection,
  officeSection,
  { title: "Checker", run: measureCheck },
  consolidateSection,
  moderateSection,
  cycleSection,
  taskPaneSection,
  { title: "Command line", run: measureCliStart },
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Sections may share a top-level key (office.…): objects merge key by key; a repeated leaf is a mistake. */
function merge(into: Json, fragment: Json, at = ""): void {
  for (const [key, value] of Object.entries(fragment)) {
    const existing = into[key];
    if (isObject(existing) && isObject(value)) merge(existing, value, `${at}${key}.`);
    else if (existing !== undefined) throw new Error(`Two bench sections both set "${at}${key}".`);
    else into[key] = value;
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  // In --json mode anything a library logs must not reach stdout.
  const say = json ? (text: string) => process.stderr.write(`${text}\n`) : (text: string) => console.log(text);
  if (json) console.log = console.info = (...args: unknown[]) => process.stderr.write(`${args.join(" ")}\n`);
  const result: Json = {};
  for (const section of SECTIONS) {
    say(`\n${section.title}`);
    const { lines, json: fragment } = await section.run();
    for (const line of lines) say(line);
    merge(result, fragment);
  }
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
