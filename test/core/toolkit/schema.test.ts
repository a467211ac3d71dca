import canonicalData from "../../../toolkit/nps-2018.json";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { canonicalJson, parseToolkit, toolkitFingerprint, ToolkitError } from "../../../src/core/toolkit/load";
import type { Toolkit } from "../../../src/core/toolkit/schema";

/** A fresh, mutable copy of the canonical JSON as plain data. */
const fresh = (): Toolkit => JSON.parse(JSON.stringify(canonicalData)) as Toolkit;

/** The problems parseToolkit reports for some data; fails the test if the data is accepted. */
function problemsOf(data: unknown): string[] {
  try {
    parseToolkit(data);
  } catch (error) {
    expect(error).toBeInstanceOf(ToolkitError);
    return (error as ToolkitError).problems;
  }
  throw new Error("expected the toolkit to be rejected");
}

describe("toolkit schema", () => {
  it("accepts the canonical toolkit", () => {
    expect(() => parseToolkit(canonicalData)).not.toThrow();
    expect(parseToolkit(canonicalData)).toEqual(canonicalToolkit());
  });

  it("rejects a behaviour with four descriptors, naming the field", () => {
    const data = fresh();
    data.themes[0].keyAreas[0].behaviours[1].descriptors.pop();
    expect(problemsOf(data)).toEqual([
      "themes.0.keyAreas.0.behaviours.1.descriptors: must have exactly 5 descriptors, one per level",
    ]);
  });

  it("rejects a principle with a missing level", () => {
    const data = fresh();
    data.themes[2].keyAreas[1].principle.descriptors.splice(2, 1);
    expect(problemsOf(data)).toEqual([
      "themes.2.keyAreas.1.principle.descriptors: must have exactly 5 descriptors, one per level",
    ]);
  });

  it("rejects a duplicate behaviour ID, naming both places", () => {
    const data = fresh();
    data.themes[1].keyAreas[0].behaviours[3].id = "SL-ECSM-01";
    const problems = problemsOf(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^themes\.1\.keyAreas\.0\.behaviours\.3\.id: duplicate ID "SL-ECSM-01"/);
    expect(problems[0]).toContain("themes.0.keyAreas.0.behaviours.0.id");
  });

  it("rejects a duplicate key area ID", () => {
    const data = fresh();
    data.themes[0].keyAreas[2].id = "SL-WWP";
    expect(problemsOf(data)[0]).toMatch(/^themes\.0\.keyAreas\.2\.id: duplicate ID "SL-WWP"/);
  });

  it.each(["Summary", "retired answers", "NPS_METADATA"])(
    "rejects a key area sheet called %s, a name the workbook's own sheets use",
    (name) => {
      const data = fresh();
      data.themes[0].keyAreas[1].sheetName = name;
      expect(problemsOf(data)).toEqual([
        expect.stringMatching(
          /^themes\.0\.keyAreas\.1\.sheetName: must not be one of the workbook's own sheet names \(.*Retired answers/,
        ),
      ]);
    },
  );

  it("rejects a duplicate sheet name, ignoring case as Excel does", () => {
    const data = fresh();
    data.themes[2].keyAreas[2].sheetName = "social value";
    const problems = problemsOf(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^themes\.2\.keyAreas\.2\.sheetName: duplicate sheet name "social value"/);
    expect(problems[0]).toContain("DCB-OSV");
  });

  it("accepts a 31-character sheet name and rejects a 32-character one", () => {
    const ok = fresh();
    ok.themes[0].keyAreas[0].sheetName = "x".repeat(31);
    expect(() => parseToolkit(ok)).not.toThrow();
    const bad = fresh();
    bad.themes[0].keyAreas[0].sheetName = "x".repeat(32);
    expect(problemsOf(bad)).toEqual(["themes.0.keyAreas.0.sheetName: must be 31 characters or fewer (Excel's limit)"]);
  });

  it.each(["[", "]", ":", "*", "?", "/", "\\"])("rejects a sheet name containing %s", (character) => {
    const data = fresh();
    data.themes[1].keyAreas[1].sheetName = `Contracts ${character} Relationships`;
    expect(problemsOf(data)).toEqual(["themes.1.keyAreas.1.sheetName: must not contain any of [ ] : * ? / \\"]);
  });

  it("rejects a sheet name that one of the workbook's own sheets uses", () => {
    const data = fresh();
    data.themes[1].keyAreas[1].sheetName = "summary";
    expect(problemsOf(data)[0]).toMatch(/^themes\.1\.keyAreas\.1\.sheetName: must not be one of the workbook's own/);
  });

  it("rejects empty text: a blank paragraph, a blank list item, an empty name", () => {
    const data = fresh();
    const behaviour = data.themes[0].keyAreas[0].behaviours[0];
    behaviour.descriptors[0] = [{ type: "paragraph", text: "   " }];
    behaviour.descriptors[1] = [{ type: "list", ordered: true, items: ["One", ""] }];
    behaviour.name = "";
    expect(problemsOf(data).sort()).toEqual(
      [
        "themes.0.keyAreas.0.behaviours.0.name: must not be empty",
        "themes.0.keyAreas.0.behaviours.0.descriptors.0.0.text: must not be empty",
        "themes.0.keyAreas.0.behaviours.0.descriptors.1.0.items.1: must not be empty",
      ].sort(),
    );
  });

  it("rejects a descriptor with no blocks and a list with no items", () => {
    const data = fresh();
    const behaviour = data.themes[0].keyAreas[0].behaviours[0];
    behaviour.descriptors[4] = [];
    behaviour.descriptors[3] = [{ type: "list", ordered: false, items: [] }];
    expect(problemsOf(data).sort()).toEqual(
      [
        "themes.0.keyAreas.0.behaviours.0.descriptors.3.0.items: a list needs at least one item",
        "themes.0.keyAreas.0.behaviours.0.descriptors.4: must hold at least one paragraph or list",
      ].sort(),
    );
  });

  it("rejects fields the schema does not know", () => {
    const data = fresh() as unknown as { themes: { keyAreas: Record<string, unknown>[] }[] };
    data.themes[0].keyAreas[0].notes = "extra";
    expect(problemsOf(data)[0]).toMatch(/^themes\.0\.keyAreas\.0: Unrecognized key/);
  });
});

/**
 * Fingerprints of released canonical toolkit versions. A workbook stamped with one of these was
 * built from exactly that content. Changing toolkit/nps-2018.json in any way changes the
 * fingerprint: bump its version and add the new line here (never edit an old line).
 */
const RELEASED_FINGERPRINTS: Record<string, string> = {
  "1.0.0": "73a477eae1d98a42e18ea6c168b8711b27e2cf605670232989e9b50bcd9ac1df",
};

describe("toolkitFingerprint", () => {
  it("matches the recorded fingerprint of the canonical toolkit's version", () => {
    const toolkit = canonicalToolkit();
    expect(RELEASED_FINGERPRINTS[toolkit.version]).toBe(toolkitFingerprint(toolkit));
  });

  it("is a SHA-256 hex digest", () => {
    expect(toolkitFingerprint(canonicalToolkit())).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is the same for the same content, whatever the key order or the object identity", () => {
    const a = parseToolkit(fresh());
    const b = parseToolkit(fresh());
    expect(toolkitFingerprint(a)).toBe(toolkitFingerprint(b));
    expect(toolkitFingerprint(a)).toBe(toolkitFingerprint(canonicalToolkit()));
    // Rebuild the top-level object with its keys in reverse order: canonical JSON sorts keys.
    const reversed = Object.fromEntries(Object.entries(a).reverse()) as Toolkit;
    expect(Object.keys(reversed)).not.toEqual(Object.keys(a));
    expect(toolkitFingerprint(reversed)).toBe(toolkitFingerprint(a));
    expect(canonicalJson(reversed)).toBe(canonicalJson(a));
  });

  it("changes when a single character of a descriptor changes", () => {
    const original = toolkitFingerprint(canonicalToolkit());
    const data = fresh();
    const block = data.themes[1].keyAreas[2].behaviours[0].descriptors[0][0];
    if (block.type !== "paragraph") throw new Error("expected a paragraph");
    block.text = block.text.replace(/\.$/, "!");
    expect(toolkitFingerprint(parseToolkit(data))).not.toBe(original);
  });

  it("changes when a list becomes unordered or the version changes", () => {
    const original = toolkitFingerprint(canonicalToolkit());
    const unordered = fresh();
    const list = unordered.themes[0].keyAreas[2].behaviours[0].descriptors[0][0];
    if (list.type !== "list") throw new Error("expected a list");
    list.ordered = false;
    expect(toolkitFingerprint(parseToolkit(unordered))).not.toBe(original);
    const bumped = fresh();
    bumped.version = "1.0.1";
    expect(toolkitFingerprint(parseToolkit(bumped))).not.toBe(original);
  });
});
