/**
 * The pane's words live in one catalogue (src/core/words/pane.ts): every entry in it is used by the pane,
 * and the pane writes no sentence of its own outside it (the place a Welsh catalogue would go later).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { paneWords } from "../../../src/core/words/pane";

const PANE = path.resolve(__dirname, "../../../src/taskpane");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** A file's text with its aliases (`const words = paneWords.check;`) written out as paneWords.check. */
function expanded(text: string): string {
  let out = text;
  for (const [, alias, target] of text.matchAll(/const (\w+) = (paneWords(?:\.\w+)*);/g))
    out = out.replace(new RegExp(`\\b${alias}(?=[.[])`, "g"), target);
  return out;
}

/** Every entry's path: "check.repairFixes", "consolidate.badge.used". */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

const sources = sourceFiles(PANE).map((file) => ({ file, text: readFileSync(file, "utf8") }));
const allCode = sources.map((s) => expanded(s.text)).join("\n");

describe("the pane's words", () => {
  it("uses every entry of the catalogue (an entry looked up by key counts as used through its record)", () => {
    const unused = leafPaths(paneWords).filter((leaf) => {
      const parts = leaf.split(".");
      // Used by name, or its record indexed by a value (paneWords.done[outcome.action]).
      if (allCode.includes(`paneWords.${leaf}`)) return false;
      return !parts.slice(0, -1).some((_, i) => allCode.includes(`paneWords.${parts.slice(0, i + 1).join(".")}[`));
    });
    expect(unused).toEqual([]);
  });

  it("builds no sentence by hand outside the catalogue", () => {
    const handMade = sources.flatMap(({ file, text }) =>
      text
        .split("\n")
        .map((line, i) => ({ line: line.trim(), at: `${path.relative(PANE, file)}:${i + 1}` }))
        .filter(({ line }) => !/^(\/\/|\*|\/\*\*|import\b)/.test(line) && !/\b(new Error|console\.\w+)\(/.test(line))
        .filter(
          ({ line }) =>
            SENTENCE_IN_QUOTES.test(line) ||
            WORDS_IN_TEMPLATE.test(line) ||
            (file.endsWith(".tsx") && JSX_TEXT.test(line)),
        )
        .map(({ at, line }) => `${at}: ${line}`),
    );
    expect(handMade).toEqual([]);
  });
});

/** A quoted string of two or more words that starts with a capital: "Reading your workbook". */
const SENTENCE_IN_QUOTES = /["`'][A-Z][a-z]+ [a-z]+/;
/** A template string with words in it: `${file} holds no assessment`, `NPS assessment - ${council}`. */
const WORDS_IN_TEMPLATE = /`[^`]*(\b[a-z]+ [a-z]+ [a-z]+\b|\b[A-Z]{2,} [a-z]+)[^`]*`/;
/** Words as a JSX text node: <p>Some words</p>, or a line of text inside an element. */
const JSX_TEXT = /^[A-Z][a-z]+( [a-z]+)+[.:]?$|>\s*[A-Z][a-z]+ [a-z]+[^<>{}]*</;
