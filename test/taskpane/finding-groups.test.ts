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
  it("groups by severity (errors first), then by sheet in the checker's order, leaving out empty severities", () => {
    const leadership = on("1.1 Leadership", "keyArea:SL-ECSM");
    const groups = groupFindings([
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
      ["info", 1, [["1.1 Leadership", 1]]],
    ]);
    expect(groups[0].areas[0].findings.map((f) => f.message)).toEqual(["a", "c"]);
  });

  it("keeps two of the user's own sheets apart by name", () => {
    const [errors] = groupFindings([finding("error", on("Notes")), finding("error", on("Budget"))]);
    expect(errors.areas.map((a) => a.label)).toEqual(["Notes", "Budget"]);
  });
});

describe("initiallyOpen", () => {
  it(`opens every group of a result up to ${OPEN_ALL_UP_TO} findings, and only the first beyond`, () => {
    const small = groupFindings([finding("error", on("A")), finding("warning", on("B"))]);
    expect(initiallyOpen(small)).toEqual(["error|sheet:A", "warning|sheet:B"]);
    const large = groupFindings(
      Array.from({ length: OPEN_ALL_UP_TO + 1 }, (_, i) => finding("error", on(i % 2 ? "A" : "B"))),
    );
    expect(initiallyOpen(large)).toEqual([areaItemKey("error", large[0].areas[0])]);
    expect(large[0].areas[0].label).toBe("B");
  });
});
