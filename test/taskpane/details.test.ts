import { isAssessmentDate, isIsoDate, todayIso } from "../../src/core/util/dates";
import { britishDate, checkDetails, downloadFileName } from "../../src/taskpane/details";

describe("checkDetails", () => {
  it("trims the council name and accepts a real date", () => {
    expect(checkDetails({ council: "  Anytown   Borough  ", assessmentDate: "2025-03-31" })).toEqual({
      ok: true,
      details: { council: "Anytown Borough", assessmentDate: "2025-03-31" },
    });
  });

  it("asks for a council name when it is empty or only spaces", () => {
    const checked = checkDetails({ council: "   ", assessmentDate: "2025-03-31" });
    expect(checked).toEqual({ ok: false, errors: { council: "Enter your council's name." } });
  });

  it.each(["", "31/03/2025", "2025-3-31", "2025-02-30", "2025-13-01", "abcd-ef-gh", "1899-01-01", "2101-01-01"])(
    "rejects the date %p",
    (date) => {
      const checked = checkDetails({ council: "Anytown", assessmentDate: date });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.errors.assessmentDate).toMatch(/^Enter (the assessment|a real) date/);
    },
  );
});

describe("dates", () => {
  it("shows a workbook's date as dd/mm/yyyy, and anything that is not a date as it is", () => {
    expect(britishDate("2026-03-31")).toBe("31/03/2026");
    expect(britishDate("next spring")).toBe("next spring");
  });

  it("knows leap years", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
  });

  it("takes assessment dates from 2000 to 2100 only: Excel shows 1899 as #####", () => {
    expect(["1999-12-31", "2000-01-01", "2100-12-31", "2101-01-01"].map(isAssessmentDate)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(isAssessmentDate("2100-02-29")).toBe(false); // not a leap year
  });

  it("gives today in local time", () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe("2025-01-05");
  });
});

describe("downloadFileName", () => {
  it("names the file after the council and date", () => {
    expect(downloadFileName({ council: "Anytown Borough Council", assessmentDate: "2025-03-31" })).toBe(
      "NPS assessment - Anytown Borough Council - 2025-03-31.xlsx",
    );
  });

  it("removes characters that file systems forbid", () => {
    expect(downloadFileName({ council: 'A/B\\C: "D" <E>|F?*\u0007', assessmentDate: "2025-03-31" })).toBe(
      "NPS assessment - A B C D E F - 2025-03-31.xlsx",
    );
  });

  it("never leaves the council part empty or dotted", () => {
    expect(downloadFileName({ council: "...", assessmentDate: "2025-03-31" })).toBe(
      "NPS assessment - Council - 2025-03-31.xlsx",
    );
  });

  it("caps a very long council name", () => {
    const name = downloadFileName({ council: "x".repeat(500), assessmentDate: "2025-03-31" });
    expect(name.length).toBeLessThan(120);
  });
});
