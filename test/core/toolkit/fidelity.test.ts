/**
 * Fidelity of the canonical toolkit (toolkit/nps-2018.json) to the LGA export it was transcribed
 * from (toolkit/source/nps-2018-toolkit-export.txt). The test reads the SOURCE, never trusts the
 * JSON, and proves two things:
 *
 * (a) Nothing invented: every piece of JSON text (key area name, description and help paragraphs,
 *     principle and behaviour descriptors paragraph by paragraph and list item by list item,
 *     behaviour names, footnotes) occurs in the matching part of the source - the same key area,
 *     the same row, the same level column - once both sides are normalised the same way.
 *
 * (b) Nothing dropped: two independent checks.
 *     1. Cell by cell: each source grid cell (with its page-break continuation rows appended)
 *        normalises to exactly the JSON descriptor's text, fragments joined in order. Equality,
 *        not just containment, so a missing, extra or reordered word fails.
 *     2. Word by word: the whole source section of each key area (every line from its
 *        "NPS Key Area:" line to the next key area or theme, minus DRAFT marks, dash rules and
 *        the structural labels) is tokenised into a multiset of words, and it must equal the
 *        multiset of words of that key area in the JSON. Zero uncovered source words and zero
 *        extra JSON words. This check does not depend on how the test maps rows and columns,
 *        so a line the grid reader mishandled would still be caught here.
 *
 * Normalisation (applied identically to both sides): the export's autolinks <http://...> lose
 * their brackets; HTML tags (<p>, <u>, <i>, <ol ...>, <ul ...>) are removed; **bold** markers are
 * removed; bullets (•) are removed; list numbers ("1.", "12.", and the source's one "1,") at the
 * start of a list item are removed; runs of whitespace become one space. Nothing else changes:
 * spelling, punctuation, capitals and curly quotes must match exactly.
 *
 * The checks can fail: the last tests feed a mutated toolkit and a mutated source through the
 * same functions and expect the change to be reported.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { canonicalToolkit, CANONICAL_TOOLKIT_ID } from "../../../src/core/toolkit/canonical";
import { LEVEL_COUNT, type KeyArea, type RichText, type Toolkit } from "../../../src/core/toolkit/schema";

const SOURCE_PATH = join(__dirname, "..", "..", "..", "toolkit", "source", "nps-2018-toolkit-export.txt");
const SOURCE = readFileSync(SOURCE_PATH, "utf8");

const LEVELS = ["Minimum", "Developing", "Mature", "Leader", "Innovator"];
const THEME_NAMES = ["Showing leadership", "Behaving commercially", "Driving community benefits"];
const HEADER_LABEL = "High level Principle/Specific Behaviour:";
const WHAT_HEADING = /(?:What it is|What is it):/;
const WHY_HEADING = /(?:Why it is important|Why is it important):/;

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

const LIST_NUMBER = /(^|\s)\d{1,2}[.,](?=\s|$)/g;

function stripMarkup(text: string): string {
  return text
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/<[^>]*>/g, " ")
    .replace(/\*\*/g, "")
    .replace(/•/g, " ");
}

export function normalise(text: string): string {
  return stripMarkup(text).replace(LIST_NUMBER, "$1 ").replace(/\s+/g, " ").trim();
}

/**
 * Like normalise, but every list number becomes "#" instead of vanishing, so that the boundaries
 * of numbered items can be compared too. A number with no text after it at the very end of a
 * cell (the source's empty trailing items, e.g. "4. ") is dropped, as the transcription decided.
 */
function normaliseKeepingNumbers(text: string): string {
  return stripMarkup(text)
    .replace(LIST_NUMBER, "$1# ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(^|\s)#$/, "")
    .trim();
}

/** The JSON counterpart of normaliseKeepingNumbers: each numbered item is preceded by "#". */
function numberedText(text: RichText): string {
  return text
    .map((block) =>
      block.type === "paragraph"
        ? block.text
        : block.items.map((item) => (block.ordered ? `# ${item}` : item)).join(" "),
    )
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

function words(text: string): string[] {
  const n = normalise(text);
  return n === "" ? [] : n.split(" ");
}

/** Each paragraph and each list item of a piece of rich text, in order. */
function fragments(text: RichText): string[] {
  return text.flatMap((block) => (block.type === "paragraph" ? [block.text] : block.items));
}

const joined = (text: RichText): string => fragments(text).join(" ");

// ---------------------------------------------------------------------------------------------
// Reading the source
// ---------------------------------------------------------------------------------------------

interface SourceRow {
  /** 1-based line number where the row starts. */
  line: number;
  /** Behaviour name (first column); "" for the principle row. */
  label: string;
  /** One cell per level, continuation rows appended with a space. */
  cells: string[];
}

interface SourceKeyArea {
  line: number;
  theme: string;
  name: string;
  description: string;
  help: string;
  /** Principle descriptors (from the row after the header, or from inside the header cells). */
  principle: string[];
  behaviours: SourceRow[];
  footnotes: string[];
  /** Every line of the key area's section that carries toolkit text, for the word-by-word check. */
  sectionText: string[];
}

const isRule = (cells: string[]) => cells.every((cell) => /^-*$/.test(cell.trim()));
const isPageMark = (line: string) => line.trim() === "DRAFT";
const isFootnote = (line: string) => line.trim().startsWith("¹");

function splitCells(line: string): string[] {
  const cells = line.split("\t");
  while (cells.length < 6) cells.push("");
  return cells;
}

export function readSource(source: string): SourceKeyArea[] {
  const lines = source.split(/\r?\n/);
  const keyAreas: SourceKeyArea[] = [];
  let theme = "";
  let current: SourceKeyArea | undefined;
  let stage: "before-table" | "table" = "before-table";
  let header: string[] = [];
  let rows: SourceRow[] = [];
  let helpOpen = false;

  const finish = () => {
    if (!current) return;
    const headerIsPlain = header.every((cell, i) => normalise(cell) === LEVELS[i]);
    if (headerIsPlain) {
      const first = rows.shift();
      if (!first || first.label !== "") throw new Error(`${current.name}: no principle row after the header`);
      current.principle = first.cells;
    } else {
      // Principle descriptors inside the header cells: "<p>Minimum</p> <p>Focused on ...</p>".
      current.principle = header.map((cell, i) => {
        const n = normalise(cell);
        if (!n.startsWith(`${LEVELS[i]} `))
          throw new Error(`${current?.name}: header cell ${i + 1} is not "${LEVELS[i]} ..."`);
        return n.slice(LEVELS[i].length + 1);
      });
    }
    if (rows.some((row) => row.label === "")) throw new Error(`${current.name}: a row without a name`);
    current.behaviours = rows;
    keyAreas.push(current);
    current = undefined;
  };

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const cells = splitCells(line);
    if (line.trim() === "" || isPageMark(line) || isRule(cells)) return;
    if (THEME_NAMES.includes(line.trim())) {
      finish();
      theme = line.trim();
      return;
    }
    if (cells[0].startsWith("NPS Key Area:")) {
      finish();
      const name = (cells[0].slice("NPS Key Area:".length) + " " + cells.slice(1).join(" ")).trim();
      current = {
        line: lineNumber,
        theme,
        name,
        description: "",
        help: "",
        principle: [],
        behaviours: [],
        footnotes: [],
        sectionText: [name],
      };
      stage = "before-table";
      header = [];
      rows = [];
      helpOpen = false;
      return;
    }
    if (!current) return; // title page and introduction
    if (isFootnote(line)) {
      current.footnotes.push(line.trim());
      current.sectionText.push(line);
      return;
    }
    const text = cells.join(" ");
    if (stage === "before-table") {
      if (cells[0].trim() === HEADER_LABEL) {
        header = cells.slice(1, 6);
        stage = "table";
        // The level names in the header are structure, not text; the principle (if any) is.
        current.sectionText.push(
          ...header.map((cell, i) => normalise(cell).replace(new RegExp(`^${LEVELS[i]}\\b`), "")),
        );
        return;
      }
      const description = /^Description:?(?=\s|$)/.exec(text);
      if (description) {
        current.description = text.slice(description[0].length);
        current.sectionText.push(current.description);
        helpOpen = false;
        return;
      }
      const help = /^Help:/.exec(text);
      if (help || helpOpen) {
        const body = help ? text.slice(help[0].length) : text;
        current.help += ` ${body}`;
        current.sectionText.push(body.replace(WHAT_HEADING, " ").replace(WHY_HEADING, " "));
        helpOpen = true;
        return;
      }
      throw new Error(`line ${lineNumber}: unexpected text before the table: ${line.slice(0, 60)}`);
    }
    current.sectionText.push(text);
    if (cells[0].trim() === "") {
      const above = rows[rows.length - 1];
      if (!above) {
        rows.push({ line: lineNumber, label: "", cells: cells.slice(1, 6) });
      } else {
        // Page-break continuation: each column's text continues the same column's cell above.
        above.cells = above.cells.map((cell, i) => (cells[i + 1].trim() ? `${cell} ${cells[i + 1]}` : cell));
      }
      return;
    }
    rows.push({ line: lineNumber, label: cells[0], cells: cells.slice(1, 6) });
  });
  finish();
  return keyAreas;
}

// ---------------------------------------------------------------------------------------------
// Comparing
// ---------------------------------------------------------------------------------------------

function countWords(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Every word of a key area in the JSON, in the same way the section text is gathered. */
function keyAreaWords(keyArea: KeyArea): string[] {
  const texts = [
    keyArea.name,
    joined(keyArea.description),
    joined(keyArea.help.whatItIs),
    joined(keyArea.help.whyItIsImportant),
    ...keyArea.principle.descriptors.map(joined),
    ...keyArea.behaviours.flatMap((b) => [b.name, ...b.descriptors.map(joined)]),
    ...(keyArea.footnotes ?? []),
  ];
  return texts.flatMap(words);
}

function compareRichText(where: string, json: RichText, sourceCell: string, problems: string[]): void {
  const cell = normalise(sourceCell);
  for (const fragment of fragments(json)) {
    const n = normalise(fragment);
    if (n === "" || !cell.includes(n)) problems.push(`${where}: not in the source: "${fragment}"`);
  }
  const whole = normalise(joined(json));
  if (whole !== cell) {
    problems.push(`${where}: does not match the source cell.\n    source: ${cell}\n    json:   ${whole}`);
    return;
  }
  // Same words: now check that numbered items start exactly where the source numbers an item.
  const sourceItems = normaliseKeepingNumbers(sourceCell);
  const jsonItems = numberedText(json);
  if (sourceItems !== jsonItems) {
    problems.push(
      `${where}: numbered items differ from the source ("#" marks an item).\n    source: ${sourceItems}\n    json:   ${jsonItems}`,
    );
  }
}

/** Every difference between a toolkit and the source export; empty when the transcription is faithful. */
export function fidelityProblems(toolkit: Toolkit, source: string): string[] {
  const problems: string[] = [];
  const sourceAreas = readSource(source);
  const jsonAreas = toolkit.themes.flatMap((theme) => theme.keyAreas.map((keyArea) => ({ theme, keyArea })));
  if (jsonAreas.length !== sourceAreas.length) {
    problems.push(`key areas: the JSON has ${jsonAreas.length}, the source ${sourceAreas.length}`);
  }
  sourceAreas.forEach((src, k) => {
    const entry = jsonAreas[k];
    if (!entry) return;
    const { theme, keyArea: ka } = entry;
    const at = `${ka.id} (source line ${src.line})`;
    if (theme.name !== src.theme) problems.push(`${at}: theme "${theme.name}", source "${src.theme}"`);
    if (normalise(ka.name) !== normalise(src.name)) problems.push(`${at}: name "${ka.name}", source "${src.name}"`);

    compareRichText(`${ka.id} description`, ka.description, src.description, problems);
    const help = normalise(src.help);
    const why = WHY_HEADING.exec(help);
    const what = WHAT_HEADING.exec(help);
    if (!why || !what || what.index > why.index) {
      problems.push(`${at}: source help lacks "What it is:" before "Why it is important:"`);
    } else {
      compareRichText(
        `${ka.id} help (what it is)`,
        ka.help.whatItIs,
        help.slice(what.index + what[0].length, why.index),
        problems,
      );
      compareRichText(
        `${ka.id} help (why it is important)`,
        ka.help.whyItIsImportant,
        help.slice(why.index + why[0].length),
        problems,
      );
    }

    LEVELS.forEach((level, i) =>
      compareRichText(
        `${ka.id} principle ${level}`,
        ka.principle.descriptors[i] ?? [],
        src.principle[i] ?? "",
        problems,
      ),
    );

    if (ka.behaviours.length !== src.behaviours.length) {
      problems.push(`${at}: ${ka.behaviours.length} behaviours in the JSON, ${src.behaviours.length} in the source`);
    }
    src.behaviours.forEach((row, b) => {
      const behaviour = ka.behaviours[b];
      if (!behaviour) return;
      const where = `${behaviour.id} (source line ${row.line})`;
      if (normalise(behaviour.name) !== normalise(row.label)) {
        problems.push(`${where}: name "${behaviour.name}", source "${normalise(row.label)}"`);
      }
      LEVELS.forEach((level, i) =>
        compareRichText(`${where} ${level}`, behaviour.descriptors[i] ?? [], row.cells[i] ?? "", problems),
      );
    });

    const jsonFootnotes = (ka.footnotes ?? []).map(normalise);
    const srcFootnotes = src.footnotes.map(normalise);
    if (jsonFootnotes.join("\n") !== srcFootnotes.join("\n")) {
      problems.push(`${at}: footnotes ${JSON.stringify(jsonFootnotes)}, source ${JSON.stringify(srcFootnotes)}`);
    }

    // Word-by-word coverage of the whole section (see the comment at the top).
    const sourceCounts = countWords(src.sectionText.flatMap(words));
    const jsonCounts = countWords(keyAreaWords(ka));
    const uncovered: string[] = [];
    const extra: string[] = [];
    for (const [word, count] of sourceCounts) {
      const have = jsonCounts.get(word) ?? 0;
      if (have < count) uncovered.push(`${word} ×${count - have}`);
    }
    for (const [word, count] of jsonCounts) {
      const have = sourceCounts.get(word) ?? 0;
      if (have < count) extra.push(`${word} ×${count - have}`);
    }
    if (uncovered.length > 0) problems.push(`${at}: source words missing from the JSON: ${uncovered.join(", ")}`);
    if (extra.length > 0) problems.push(`${at}: JSON words not in the source: ${extra.join(", ")}`);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/** Behaviour IDs are released: they must never change meaning. */
const RELEASED_BEHAVIOURS: Record<string, string> = {
  "SL-ECSM-01": "Influence and Impact",
  "SL-ECSM-02": "Mission and Strategy",
  "SL-ECSM-03": "Processes",
  "SL-ECSM-04": "Training and Development",
  "SL-WWP-01": "Culture",
  "SL-WWP-02": "Processes",
  "SL-WWP-03": "Training and Development",
  "SL-ESS-01": "Data Collection and Analysis",
  "SL-ESS-02": "Engagement of Existing Strategic Suppliers",
  "SL-ESS-03": "Early Engagement with Future Strategic Suppliers",
  "BC-CCO-01": "Forward Planning",
  "BC-CCO-02": "Options Appraisal (Make or Buy)",
  "BC-CCO-03": "Market & Supplier Research & Analysis",
  "BC-CCO-04": "Tendering",
  "BC-CCO-05": "Performance Reporting",
  "BC-CCO-06": "Post Contract Review",
  "BC-MCR-01": "Information Storage & Accessibility",
  "BC-MCR-02": "Change Control",
  "BC-MCR-03": "Savings and Benefits Delivery",
  "BC-MCR-04": "Recognition & Cultural Acceptance",
  "BC-MCR-05": "Skills & Knowledge",
  "BC-MSR-01": "Fraud and Financial Loss",
  "BC-MSR-02": "Supply Chain and Contractor Failure",
  "BC-MSR-03": "Modern Slavery (Legislation)",
  "BC-MSR-04": "GDPR (Legislation)",
  "BC-MSR-05": "External Events (e.g. Brexit)",
  "DCB-OSV-01": "Policy and Scope",
  "DCB-OSV-02": "Internal Management",
  "DCB-OSV-03": "Measurement: Themes, Outcomes and Measures (TOMs)",
  "DCB-OSV-04": "Commissioning",
  "DCB-OSV-05": "Procurement",
  "DCB-OSV-06": "Market Engagement and Partnerships",
  "DCB-OSV-07": "Contract Management",
  "DCB-OSV-08": "Cross Sector Collaboration",
  "DCB-OSV-09": "Reporting",
  "DCB-OSV-10": "Governance and Accountability",
  "DCB-SME-01": "Policy and Scope",
  "DCB-SME-02": "Facilitating good relationships with SMEs",
  "DCB-SME-03": "Commissioning",
  "DCB-SME-04": "Market Engagement and Partnerships",
  "DCB-SME-05": "Procurement",
  "DCB-SME-06": "Contract management",
  "DCB-SME-07": "Governance, Accountability and Reporting",
  "DCB-VCSE-01": "Policy and Scope",
  "DCB-VCSE-02": "Facilitating good relationships with VCSEs",
  "DCB-VCSE-03": "Measurement:",
  "DCB-VCSE-04": "Commissioning",
  "DCB-VCSE-05": "Market Engagement and Partnerships",
  "DCB-VCSE-06": "Procurement",
  "DCB-VCSE-07": "Contract Management",
  "DCB-VCSE-08": "Governance, Accountability and Reporting",
};

const KEY_AREAS: [theme: string, id: string, behaviours: number, sheetName: string][] = [
  ["SL", "SL-ECSM", 4, "Councillors & Senior Managers"],
  ["SL", "SL-WWP", 3, "Working with Partners"],
  ["SL", "SL-ESS", 3, "Strategic Suppliers"],
  ["BC", "BC-CCO", 6, "Commercial Opportunities"],
  ["BC", "BC-MCR", 5, "Contracts & Relationships"],
  ["BC", "BC-MSR", 5, "Strategic Risk"],
  ["DCB", "DCB-OSV", 10, "Social Value"],
  ["DCB", "DCB-SME", 7, "SMEs & Micro-businesses"],
  ["DCB", "DCB-VCSE", 8, "VCSE Engagement"],
];

const clone = (toolkit: Toolkit): Toolkit => JSON.parse(JSON.stringify(toolkit)) as Toolkit;
const findKeyArea = (toolkit: Toolkit, id: string): KeyArea => {
  const found = toolkit.themes.flatMap((t) => t.keyAreas).find((k) => k.id === id);
  if (!found) throw new Error(`no key area ${id}`);
  return found;
};

describe("canonical toolkit: shape and counts", () => {
  const toolkit = canonicalToolkit();

  it("is the NPS 2018 toolkit with five levels", () => {
    expect(toolkit.id).toBe(CANONICAL_TOOLKIT_ID);
    expect(toolkit.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(toolkit.publisher).toBe("Local Government Association");
    expect(toolkit.levels).toEqual(LEVELS);
  });

  it("has 3 themes and 9 key areas with the agreed IDs, behaviour counts and sheet names", () => {
    expect(toolkit.themes.map((t) => [t.id, t.name])).toEqual([
      ["SL", "Showing leadership"],
      ["BC", "Behaving commercially"],
      ["DCB", "Driving community benefits"],
    ]);
    const actual = toolkit.themes.flatMap((t) =>
      t.keyAreas.map((k) => [t.id, k.id, k.behaviours.length, k.sheetName] as const),
    );
    expect(actual).toEqual(KEY_AREAS);
    expect(actual.reduce((sum, [, , n]) => sum + n, 0)).toBe(51);
  });

  it("has exactly five descriptors for every principle and behaviour", () => {
    for (const keyArea of toolkit.themes.flatMap((t) => t.keyAreas)) {
      expect(keyArea.principle.descriptors).toHaveLength(LEVEL_COUNT);
      for (const behaviour of keyArea.behaviours) expect(behaviour.descriptors).toHaveLength(LEVEL_COUNT);
    }
  });

  it("keeps every released behaviour ID, numbered in toolkit order", () => {
    const actual: Record<string, string> = {};
    for (const keyArea of toolkit.themes.flatMap((t) => t.keyAreas)) {
      keyArea.behaviours.forEach((behaviour, i) => {
        expect(behaviour.id).toBe(`${keyArea.id}-${String(i + 1).padStart(2, "0")}`);
        actual[behaviour.id] = behaviour.name;
      });
    }
    expect(actual).toEqual(RELEASED_BEHAVIOURS);
  });

  it("keeps list numbers out of list items", () => {
    for (const keyArea of toolkit.themes.flatMap((t) => t.keyAreas)) {
      const texts = [keyArea.principle.descriptors, ...keyArea.behaviours.map((b) => b.descriptors)].flat(2);
      for (const block of texts) {
        if (block.type === "list") for (const item of block.items) expect(item).not.toMatch(/^\s*(\d+[.,)]|•)\s/);
        const text = block.type === "paragraph" ? [block.text] : block.items;
        for (const t of text) expect(t).not.toMatch(/<\/?[a-z][^>]*>|\*\*/);
      }
    }
  });

  it("returns the same cached object each time", () => {
    expect(canonicalToolkit()).toBe(toolkit);
  });
});

describe("canonical toolkit: fidelity to the source export", () => {
  it("reads the source's 9 key areas and their rows", () => {
    const areas = readSource(SOURCE);
    expect(areas.map((a) => a.behaviours.length)).toEqual(KEY_AREAS.map(([, , n]) => n));
    expect(areas.map((a) => a.theme)).toEqual(
      KEY_AREAS.map(([theme]) => THEME_NAMES[["SL", "BC", "DCB"].indexOf(theme)]),
    );
    for (const area of areas) expect(area.principle).toHaveLength(LEVEL_COUNT);
  });

  it("matches the source text exactly, piece by piece and word by word", () => {
    expect(fidelityProblems(canonicalToolkit(), SOURCE)).toEqual([]);
  });

  it("reports a descriptor with one word changed", () => {
    const mutated = clone(canonicalToolkit());
    const behaviour = findKeyArea(mutated, "SL-WWP").behaviours[0];
    const block = behaviour.descriptors[2][0];
    if (block.type !== "paragraph") throw new Error("expected a paragraph");
    block.text = block.text.replace("single", "joint");
    const problems = fidelityProblems(mutated, SOURCE);
    expect(
      problems.some((p) => p.startsWith("SL-WWP-01") && p.includes("Mature") && p.includes("not in the source")),
    ).toBe(true);
    expect(problems.some((p) => p.includes("source words missing from the JSON: single ×1"))).toBe(true);
  });

  it("reports a dropped list item and a list item with its text cut short", () => {
    const mutated = clone(canonicalToolkit());
    const list = findKeyArea(mutated, "DCB-OSV").behaviours[0].descriptors[4].find((b) => b.type === "list");
    if (!list || list.type !== "list") throw new Error("expected a list");
    list.items.pop();
    list.items[2] = list.items[2].replace(/ Policies include.*$/, "");
    const problems = fidelityProblems(mutated, SOURCE);
    expect(
      problems.some((p) => p.startsWith("DCB-OSV-01") && p.includes("Innovator") && p.includes("does not match")),
    ).toBe(true);
    expect(problems.some((p) => p.includes("source words missing from the JSON") && p.includes("Certificate¹"))).toBe(
      true,
    );
  });

  it("reports invented text, a renamed behaviour and a wrong footnote", () => {
    const mutated = clone(canonicalToolkit());
    const osv = findKeyArea(mutated, "DCB-OSV");
    osv.behaviours[1].descriptors[0].push({ type: "paragraph", text: "Not considered important" });
    osv.behaviours[2].name = "Measurement";
    osv.footnotes = ["¹ Social Value Certificate"];
    const problems = fidelityProblems(mutated, SOURCE);
    expect(
      problems.some((p) => p.startsWith("DCB-OSV-02") && p.includes("Minimum") && p.includes("does not match")),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith("DCB-OSV-03") && p.includes('name "Measurement"'))).toBe(true);
    expect(problems.some((p) => p.includes("footnotes"))).toBe(true);
    expect(problems.some((p) => p.includes("JSON words not in the source") && p.includes("important ×1"))).toBe(true);
  });

  it("reports numbered items split or merged differently from the source", () => {
    const mutated = clone(canonicalToolkit());
    const descriptors = findKeyArea(mutated, "SL-ESS").behaviours[0].descriptors;
    const minimum = descriptors[0][0];
    if (minimum.type !== "list") throw new Error("expected a list");
    minimum.items.splice(0, 2, `${minimum.items[0]} ${minimum.items[1]}`); // two items merged into one
    descriptors[2] = [{ type: "paragraph", text: fragments(descriptors[2]).join(" ") }]; // a list flattened
    const problems = fidelityProblems(mutated, SOURCE);
    expect(problems.filter((p) => p.startsWith("SL-ESS-01") && p.includes("numbered items differ"))).toHaveLength(2);
    expect(problems.filter((p) => p.includes("does not match") || p.includes("words"))).toEqual([]);
  });

  it("reports source text that the JSON lacks (a word added to the source grid)", () => {
    const mutatedSource = SOURCE.replace("Silo working is not questioned.", "Silo working is never questioned.");
    expect(mutatedSource).not.toBe(SOURCE);
    const problems = fidelityProblems(canonicalToolkit(), mutatedSource);
    expect(problems.some((p) => p.startsWith("SL-WWP-01") && p.includes("Minimum"))).toBe(true);
    expect(problems.some((p) => p.includes("source words missing from the JSON: never ×1"))).toBe(true);
  });

  it("reports a continuation row the JSON ignores", () => {
    const mutatedSource = SOURCE.replace(
      "3. Council has visibility of strategic supplier supply chains.",
      "3. Council has visibility of strategic supplier supply chains.\t4. Council shares supply chain maps.",
    );
    expect(mutatedSource).not.toBe(SOURCE);
    const problems = fidelityProblems(canonicalToolkit(), mutatedSource);
    expect(
      problems.some((p) => p.startsWith("SL-ESS-01") && p.includes("Leader") && p.includes("does not match")),
    ).toBe(true);
  });
});
