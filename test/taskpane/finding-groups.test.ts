import type { Finding } from "../../src/core/check/types";
import {
  areaItemKey,
  groupFindings,
  initiallyOpen,
  OPEN_ALL_UP_TO,
  WHOLE_WORKBOOK,
} from "../../src/taskpane/finding-groups";

const on = (name: string, key?: string): Finding["sheet"] => ({ role: key ? "keyArea" : "other", key, name });
const finding = (severity: Finding["severity"], sheet?: Finding["sheet"], message = "x"): Finding => ({
  rule: "formula.changed",
  severity,
  sheet,
  message,
  repairable: false,
});

describe("groupFindings", () => {
  it("groups errors then warnings by sheet in the checker's order, leaving out empty severities; notes apart", () => {
    const leadership = on("1.1 Leadership", "keyArea:SL-ECSM");
    const { groups, notes } = groupFindings([
      finding("info", leadership),
      finding("error", on("Summary", "summary"), "a"),
      finding("error", leadership, "b"),
      finding("error", on("Summary", "summary"), "c"),
      finding("error"),
    ]);
    expect(groups.map((g) => [g.severity, g.count, g.areas.map((a) => [a.label, a.findings.length])])).toEqual([
      [
        "error",
        4,
        [
          ["Summary", 2],
          ["1.1 Leadership", 1],
          [WHOLE_WORKBOOK, 1],
        ],
      ],
    ]);
    expect(notes.map((f) => f.severity)).toEqual(["info"]);
    expect(groups[0].areas[0].findings.map((f) => f.message)).toEqual(["a", "c"]);
  });

  it("keeps two of the user's own sheets apart by name", () => {
    const [errors] = groupFindings([finding("error", on("Notes")), finding("error", on("Budget"))]).groups;
    expect(errors.areas.map((a) => a.label)).toEqual(["Notes", "Budget"]);
  });
});

describe("initiallyOpen", () => {
  it(`opens every group of a result up to ${OPEN_ALL_UP_TO} findings, and only the first beyond`, () => {
    const small = groupFindings([finding("error", on("A")), finding("warning", on("B"))]).groups;
    expect(initiallyOpen(small)).toEqual(["error|sheet:A", "warning|sheet:B"]);
    const large = groupFindings(
      Array.from({ length: OPEN_ALL_UP_TO + 1 }, (_, i) => finding("error", on(i % 2 ? "A" : "B"))),
    ).groups;
    expect(initiallyOpen(large)).toEqual([areaItemKey("error", large[0].areas[0])]);
    expect(large[0].areas[0].label).toBe("B");
  });
});

describe("what the officer reads", () => {
  it("names the add-in's hidden sheet by what it is, never by its internal name", () => {
    const hidden = finding("error", { role: "metadata", key: "metadata", name: "NPS_Metadata" });
    expect(groupFindings([hidden]).groups[0].areas[0].label).toBe("The add-in's hidden data");
  });

  it("leaves out the notes the status shows (completeness, sign-off) only where the status is shown", () => {
    const incomplete: Finding = { ...finding("info", on("A")), rule: "answer.key-area-incomplete" };
    const signed: Finding = { ...finding("info", on("Guide")), rule: "signoff.signed-off" };
    const other: Finding = { ...finding("info", on("A")), rule: "protection.sheet-protected" };
    expect(groupFindings([incomplete, signed, other], { statusShown: true }).notes).toEqual([other]);
    expect(groupFindings([incomplete, signed, other]).notes).toEqual([incomplete, signed, other]);
  });
});
