/**
 * What a number format code does to what a reader sees (ECMA-376 Part 1, §18.8.31 numFmts; Excel's
 * "Review guidelines for customizing a number format"). A format can show a cell's value, or
 * show something else while the cell holds the value every formula uses: `[=1]"3";0` shows 3 for a
 * score of 1, `;;;` shows nothing at all. Only what disguises or hides a value is looked for; how
 * many thousands separators or which date order a format uses is the reader's business.
 */
import { findingWords } from "../words/findings";

/** What a format does to a value, in the findings' words. */
const HOW = findingWords.disguise.how;

/** What a format does to a value: shows it, shows something else, or shows nothing. */
export type FormatEffect = { kind: "shown" } | { kind: "disguised"; how: string } | { kind: "hidden"; how: string };

/** A section of a format code with its quoted and escaped text and bracketed parts taken out. */
interface Section {
  /** What is left: placeholders, separators, date letters, "General". */
  bare: string;
  /** Text shown as it is ("…" and \x). */
  literals: string;
  /** The contents of each [...] (colours, conditions, locales, elapsed time). */
  brackets: string[];
}

/** Splits a code into sections at ";" outside quotes, brackets and escapes, and takes each apart. */
function sectionsOf(code: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { bare: "", literals: "", brackets: [] };
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      current.literals += code.slice(i + 1, stop);
      i = stop;
    } else if (ch === "\\") {
      current.literals += code[i + 1] ?? "";
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const stop = end < 0 ? code.length : end;
      current.brackets.push(code.slice(i + 1, stop));
      i = stop;
    } else if (ch === "_" || ch === "*") {
      // "_x" leaves the width of x, "*x" repeats x to fill the cell: padding, never a value.
      i++;
    } else if (ch === ";") {
      sections.push(current);
      current = { bare: "", literals: "", brackets: [] };
    } else current.bare += ch;
  }
  sections.push(current);
  return sections;
}

const CONDITION = /^\s*(<=|>=|<>|<|>|=)/;
/** Colours that vanish on the white or pale fills the add-in uses: white itself, and palette colour 2 (white). */
const INVISIBLE_COLOUR = /^\s*(white|colou?r\s*2)\s*$/i;
const GENERAL = /general/gi;
const DATE_LETTERS = /[dmyhs]/i;
const PLACEHOLDER = /[0#?]/;

const isDateSection = (section: Section) => DATE_LETTERS.test(section.bare.replace(GENERAL, ""));
const showsNumber = (section: Section) =>
  /general/i.test(section.bare) || PLACEHOLDER.test(section.bare) || isDateSection(section);

/** Decimal places a section shows: the placeholders after its decimal point. */
function decimalsOf(section: Section): number {
  const bare = section.bare.replace(GENERAL, "");
  const point = bare.indexOf(".");
  return point < 0 ? 0 : (bare.slice(point + 1).match(/[0#?]/g) ?? []).length;
}

/** What one section that numbers go through does to them. */
function numberSection(section: Section, plannedDecimals: number): FormatEffect {
  if (!showsNumber(section))
    return section.literals.trim() === "" && section.bare.trim() === ""
      ? { kind: "hidden", how: HOW.nothingForNumbers }
      : { kind: "disguised", how: HOW.insteadOfNumber((section.literals + section.bare).trim()) };
  const bare = section.bare.replace(GENERAL, "");
  if (/\d/.test(section.literals) || /[1-9]/.test(bare)) return { kind: "disguised", how: HOW.addsDigits };
  if (bare.includes("%")) return { kind: "disguised", how: HOW.percent };
  if (/[0#?.],+(?![0#?])/.test(bare)) return { kind: "disguised", how: HOW.thousands };
  if (!isDateSection(section) && decimalsOf(section) < plannedDecimals)
    return { kind: "disguised", how: HOW.rounds(decimalsOf(section)) };
  return { kind: "shown" };
}

/** What a cell holds, so far as its format's sections go: a number, text, or either (a formula's unknown result). */
export type ValueKind = "number" | "text" | "either";

/**
 * What `code` does to a cell's value. `planned` is the format the add-in gives the cell: a format
 * showing fewer decimals than it, or a date where it shows a number, disguises the value too.
 */
export function formatEffect({
  code,
  planned = "General",
  value,
}: {
  code: string;
  planned?: string;
  value: ValueKind;
}): FormatEffect {
  if (code.trim() === "" || /^general$/i.test(code.trim())) return { kind: "shown" };
  const sections = sectionsOf(code);
  const brackets = sections.flatMap((s) => s.brackets);
  if (brackets.some((b) => CONDITION.test(b))) return { kind: "disguised", how: HOW.condition };
  if (brackets.some((b) => INVISIBLE_COLOUR.test(b))) return { kind: "hidden", how: HOW.white };
  const textOnly = sections.length === 1 && sections[0].bare.includes("@");
  const effects = [
    ...(value === "text" ? [] : numberEffects(textOnly ? [] : sections.slice(0, 3), planned)),
    ...(value === "number"
      ? []
      : [textEffect(sections.length >= 4 ? sections[3] : textOnly ? sections[0] : undefined)]),
  ];
  return effects.find((e) => e.kind === "disguised") ?? effects.find((e) => e.kind === "hidden") ?? { kind: "shown" };
}

function numberEffects(numeric: Section[], planned: string): FormatEffect[] {
  const plannedSection = sectionsOf(planned)[0];
  const effects = numeric.map((section) => numberSection(section, decimalsOf(plannedSection)));
  const plannedNumber = !isDateSection(plannedSection) && !plannedSection.bare.includes("@");
  if (numeric.length > 0 && plannedNumber && isDateSection(numeric[0]))
    effects.push({ kind: "disguised", how: HOW.asDate });
  return effects;
}

/** The text section (the fourth, or a lone one with "@"): without "@" it shows something else, or nothing. */
function textEffect(text: Section | undefined): FormatEffect {
  if (!text || text.bare.includes("@")) return { kind: "shown" };
  return text.literals.trim() === "" && text.bare.trim() === ""
    ? { kind: "hidden", how: HOW.nothingForText }
    : { kind: "disguised", how: HOW.insteadOfText((text.literals + text.bare).trim()) };
}
