import { chooseSheetNames, isNumberedName, numberedName } from "../../../src/core/assessment/sheet-names";

describe("choosing sheet names", () => {
  test("a name taken in any case gets the first free number; kept names stay and are never given again", () => {
    const choice = chooseSheetNames(
      { guide: "Guide", summary: "Summary", gaps: "Gaps" },
      ["summary", "Summary (2)", "Leaders"],
      { guide: "Leaders", retired: "Not a plan key" },
    );
    expect(choice.names).toEqual({ guide: "Leaders", summary: "Summary (3)", gaps: "Gaps" });
    expect(choice.moved).toEqual([{ key: "summary", wanted: "Summary", used: "Summary (3)" }]);
  });

  test("a numbered name stays within Excel's 31 characters, and is recognised as one the add-in made", () => {
    const long = "Commercial Opportunities Sheet!";
    expect(numberedName(long, 12)).toHaveLength(31);
    expect(isNumberedName(long, numberedName(long, 12))).toBe(true);
    expect(isNumberedName("Summary", "Summary (2)")).toBe(true);
    expect(isNumberedName("Summary", "My Summary (2)")).toBe(false);
    expect(isNumberedName("Summary", "Summary")).toBe(false);
  });
});
