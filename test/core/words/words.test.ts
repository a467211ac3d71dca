/**
 * The words users read live in catalogues (src/core/words/*.ts: the pane, the findings, the command line, the
 * sign-off, the consolidation…): every entry of every catalogue is used somewhere in src, and src builds no
 * sentence of its own outside them (the place a Welsh catalogue would go later). A new catalogue file in
 * src/core/words is found and held to the same rules without being listed here.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { cycleWords } from "../../../src/core/words/cycle";
import { moderationWords } from "../../../src/core/words/moderation";

const SRC = path.resolve(__dirname, "../../../src");
const WORDS = path.join(SRC, "core/words");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every catalogue: each object a module of src/core/words exports under a name ending in "Words". */
const catalogues = readdirSync(WORDS)
  .filter((file) => file.endsWith(".ts"))
  .flatMap((file) =>
    Object.entries(require(path.join(WORDS, file)) as Record<string, unknown>)
      .filter(([name, value]) => name.endsWith("Words") && typeof value === "object" && value !== null)
      .map(([name, value]) => ({ name, value, file })),
  );

/** A file's text with its aliases (`const words = paneWords.check;`, typed or not) written out as paneWords.check. */
function expanded(text: string): string {
  let out = text;
  const names = catalogues.map((c) => c.name).join("|");
  for (const [, alias, target] of text.matchAll(
    new RegExp(`const (\\w+)(?::[^=]+)? = ((?:${names})(?:\\.\\w+)*)(?: satisfies [^;]+)?;`, "g"),
  ))
    out = out.replace(new RegExp(`\\b${alias}(?=[.[])`, "g"), target);
  // An import under another name: import { moderationWords as words } from "../words/moderation".
  for (const [, target, alias] of text.matchAll(new RegExp(`\\b(${names}) as (\\w+)\\b`, "g")))
    out = out.replace(new RegExp(`\\b${alias}(?=[.[])`, "g"), target);
  return out;
}

/** Every entry's keys: ["check", "repairFixes"], ["content", "what", "content.text-edited"]. Lists are entries. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
}

/** How code names an entry: paneWords.check.repair, findingWords.content.what["content.text-edited"]. */
const spelt = (keys: string[]) => keys.map((key) => (/^\w+$/.test(key) ? `.${key}` : `["${key}"]`)).join("");

const code = sourceFiles(SRC)
  .filter((file) => !file.startsWith(WORDS + path.sep))
  .map((file) => ({ file, text: readFileSync(file, "utf8") }));
const allCode = code.map((s) => expanded(s.text)).join("\n");

/** A quoted string of two or more words that starts with a capital: "Reading your workbook". */
const SENTENCE_IN_QUOTES = /["`'][A-Z][a-z]+ [a-z]+/;
/** A template string with words in it: `${file} holds no assessment`, `NPS assessment - ${council}`. */
const WORDS_IN_TEMPLATE = /`[^`]*(\b[a-z]+ [a-z]+ [a-z]+\b|\b[A-Z]{2,} [a-z]+)[^`]*`/;
/** Words as a JSX text node: <p>Some words</p>, or a line of text inside an element. */
const JSX_TEXT = /^[A-Z][a-z]+( [a-z]+)+[.:]?$|>\s*[A-Z][a-z]+ [a-z]+[^<>{}]*</;

/** The lines of one file that look like a sentence made by hand: comments, imports and programmers' errors aside. */
function handMadeLines(text: string, { jsx }: { jsx: boolean }): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => !/^(\/\/|\*|\/\*\*|import\b)/.test(line) && !/\b(new Error|console\.\w+)\(/.test(line))
    .filter((line) => SENTENCE_IN_QUOTES.test(line) || WORDS_IN_TEMPLATE.test(line) || (jsx && JSX_TEXT.test(line)));
}

/**
 * Files whose words are not catalogued yet (issue 15, section 2), each with how many hand-made lines it holds
 * today: the number may only fall. Move a file's words into a catalogue, then take it off this list.
 */
const NOT_YET_CATALOGUED: Record<string, number> = {};

/**
 * Sentences that are not words for officers, file by file, each with how many lines and why.
 */
const NOT_FOR_OFFICERS: Record<string, { lines: number; why: string }> = {
  "core/answers/sample.ts": {
    lines: 17,
    why: "made-up example answers for training workbooks (--sample): data, not messages",
  },
  "core/toolkit/schema.ts": { lines: 4, why: "the toolkit data's validation, for whoever edits toolkit/*.json" },
  "core/toolkit/load.ts": { lines: 1, why: "the same, gathered into one error for the build" },
  "core/check/formula-tokens.ts": { lines: 1, why: "a formula the add-in wrote that does not parse: a bug report" },
  "xlsx/table-bodies.ts": { lines: 2, why: "the .xlsx writer refusing a plan it was given: a bug report" },
};

describe("the words users read", () => {
  it("finds every catalogue in src/core/words", () => {
    expect(catalogues.map((c) => c.name).sort()).toEqual(
      expect.arrayContaining([
        "cliWords",
        "consolidateWords",
        "excelWords",
        "findingWords",
        "paneWords",
        "readWords",
        "signOffWords",
        "upgradeWords",
        "workbookWords",
      ]),
    );
  });

  it.each(catalogues.map((c) => [c.name, c] as const))(
    "uses every entry of %s (an entry looked up by key counts as used through its record)",
    (name, catalogue) => {
      const unused = leafPaths(catalogue.value).filter((keys) => {
        if (allCode.includes(`${name}${spelt(keys)}`)) return false;
        // Or its record indexed by a value: paneWords.done[outcome.action], CONTENT_WHAT[rule].
        return !keys.slice(0, -1).some((_, i) => allCode.includes(`${name}${spelt(keys.slice(0, i + 1))}[`));
      });
      expect(unused.map((keys) => keys.join("."))).toEqual([]);
    },
  );

  it("builds no sentence by hand outside the catalogues, but in the files listed as not yet catalogued", () => {
    const found = code.map(({ file, text }) => ({
      at: path.relative(SRC, file).split(path.sep).join("/"),
      lines: handMadeLines(text, { jsx: file.endsWith(".tsx") }),
    }));
    const allowed = (at: string) => NOT_YET_CATALOGUED[at] ?? NOT_FOR_OFFICERS[at]?.lines ?? 0;
    const over = found.filter(({ at, lines }) => lines.length > allowed(at)).map(({ at, lines }) => ({ at, lines }));
    expect(over).toEqual([]);
  });

  it("keeps the lists of exceptions honest: each names a file that still has that many hand-made lines", () => {
    const counts = new Map(
      code.map(({ file, text }) => [
        path.relative(SRC, file).split(path.sep).join("/"),
        handMadeLines(text, { jsx: file.endsWith(".tsx") }).length,
      ]),
    );
    const listed = {
      ...NOT_YET_CATALOGUED,
      ...Object.fromEntries(Object.entries(NOT_FOR_OFFICERS).map(([f, e]) => [f, e.lines])),
    };
    const stale = Object.entries(listed).filter(([file, lines]) => (counts.get(file) ?? 0) < lines);
    // A file whose words moved into a catalogue comes off the list (or its count goes down).
    expect(stale).toEqual([]);
  });

  it("catches a sentence planted by hand, and lets a catalogue entry through", () => {
    expect(handMadeLines('const done = "Your workbook is ready";', { jsx: false })).toHaveLength(1);
    expect(handMadeLines("const note = `${file} holds no assessment`;", { jsx: false })).toHaveLength(1);
    expect(handMadeLines("message: `The sheet ${name} is missing.`,", { jsx: false })).toHaveLength(1);
    expect(handMadeLines("<p>Pick a level for each behaviour</p>", { jsx: true })).toHaveLength(1);
    expect(handMadeLines("message: findingWords.structure.sheetMissing(sheet.name),", { jsx: false })).toEqual([]);
    expect(handMadeLines("<Text>{paneWords.done.built}</Text>", { jsx: true })).toEqual([]);
  });

  it("finds an entry nobody uses", () => {
    const planted = { plantedWords: { used: "Used", unused: "Never shown" } };
    const text = "const x = plantedWords.used;";
    const unused = leafPaths(planted.plantedWords).filter((keys) => !text.includes(`plantedWords${spelt(keys)}`));
    expect(unused).toEqual([["unused"]]);
  });
});

describe("dates in the words", () => {
  it("are written as officers write them (dd/mm/yyyy), and text that is not a date is left as typed", () => {
    expect(moderationWords.evidenceReviewDate("2027-05-06")).toBe("review date: 06/05/2027");
    expect(moderationWords.evidenceReviewDate("next spring")).toBe("review date: next spring");
    expect(cycleWords.laterThanNew("last.xlsx", "2025-04-01", "2025-03-31")).toContain(
      "dated 01/04/2025, after this assessment's date (31/03/2025)",
    );
    expect(cycleWords.sameDate("last.xlsx", "2025-03-31")).toContain("(31/03/2025)");
  });
});
