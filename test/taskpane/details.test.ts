import { isAssessmentDate, isIsoDate, todayIso } from "../../src/core/util/dates";
import {
  britishDates,
  checkDetails,
  downloadFileName,
  typedDateInWords,
  typedDateToIso,
} from "../../src/taskpane/details";

describe("checkDetails", () => {
  it("trims the council name and accepts a real date", () => {
    expect(checkDetails({ council: "  Anytown   Borough  ", assessmentDate: "2025-03-31" })).toEqual({
      ok: true,
      details: { council: "Anytown Borough", assessmentDate: "2025-03-31" },
    });
  });

  it("takes the council type and region as the Guide's lists spell them, and refuses one not on the list", () => {
    const form = { council: "Anytown", assessmentDate: "2025-03-31" };
    expect(checkDetails({ ...form, councilType: " london  BOROUGH", region: "south west" })).toEqual({
      ok: true,
      details: { ...form, councilType: "London borough", region: "South West" },
    });
    expect(checkDetails({ ...form, councilType: "", region: "" })).toEqual({ ok: true, details: form });
    expect(checkDetails({ ...form, councilType: "Parish", region: "Scotland" })).toEqual({
      ok: false,
      errors: { councilType: "Choose the council type from the list.", region: "Choose the region from the list." },
    });
  });

  it("asks for a council name when it is empty or only spaces", () => {
    const checked = checkDetails({ council: "   ", assessmentDate: "2025-03-31" });
    expect(checked).toEqual({ ok: false, errors: { council: "Enter your council's name." } });
  });

  it.each(["31/03/2025", "31/3/2025", "31.03.2025", "2025-03-31"])("takes %p as 31 March 2025", (date) => {
    expect(checkDetails({ council: "Anytown", assessmentDate: date })).toEqual({
      ok: true,
      details: { council: "Anytown", assessmentDate: "2025-03-31" },
    });
  });

  it("reads 06/12/2026 as 6 December, whatever the browser's language, and says so in words", () => {
    expect(typedDateToIso("06/12/2026")).toBe("2026-12-06");
    expect(typedDateInWords("06/12/2026")).toBe("Sunday 6 December 2026");
    expect(typedDateInWords("31/02/2026")).toBeNull();
  });

  it.each(["", "03/31/2025", "2025-3-31", "2025-02-30", "2025-13-01", "abcd-ef-gh", "1899-01-01", "2101-01-01"])(
    "rejects the date %p",
    (date) => {
      const checked = checkDetails({ council: "Anytown", assessmentDate: date });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.errors.assessmentDate).toMatch(/^Enter (the assessment|a real) date/);
    },
  );
});

describe("dates", () => {
  it("writes the dates inside a finding's text as dd/mm/yyyy", () => {
    expect(britishDates("The review date 2026-09-09 has passed.")).toBe("The review date 09/09/2026 has passed.");
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
