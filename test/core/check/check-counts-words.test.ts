import { countsLine, severityCountText } from "../../../src/core/check/report";
import type { Finding } from "../../../src/core/check/types";

const of = (severity: Finding["severity"]): Finding => ({
  rule: "formula.changed",
  severity,
  message: "x",
  repairable: false,
});

describe("counts in words", () => {
  it("names each severity in the singular for one and the plural otherwise", () => {
    expect(severityCountText("error", 1)).toBe("1 error");
    expect(severityCountText("warning", 0)).toBe("0 warnings");
    expect(severityCountText("info", 2)).toBe("2 notes");
  });

  it("puts the three counts in one line, errors first", () => {
    expect(countsLine([of("info"), of("error"), of("error")])).toBe("2 errors, 0 warnings, 1 note");
  });
});
