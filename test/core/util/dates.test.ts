/** Excel's 1900 date system, in the one module that converts dates. */
import {
  dateSaid,
  dateToSerial,
  isIsoDate,
  isoDateToSerial,
  serialToDate,
  serialToIsoDate,
  ukDate,
} from "../../../src/core/util/dates";

describe("Excel serial numbers", () => {
  // Serials Excel shows for these dates (Format Cells > General): 1 March 1900 is 61 because Excel
  // counts 29 February 1900, a day that never was.
  test.each([
    ["1900-03-01", 61],
    ["2000-01-01", 36526],
    ["2024-01-01", 45292],
    ["2026-03-31", 46112],
  ])("%s is serial %d, and back", (iso, serial) => {
    expect(isoDateToSerial(iso)).toBe(serial);
    expect(serialToIsoDate(serial)).toBe(iso);
  });

  test("a time of day is a fraction of a day, kept by Date conversions and rounded away by ISO dates", () => {
    const noon = new Date(Date.UTC(2024, 0, 1, 12));
    expect(dateToSerial(noon)).toBe(45292.5);
    expect(serialToDate(45292.5).toISOString()).toBe("2024-01-01T12:00:00.000Z");
    expect(serialToIsoDate(45292.4)).toBe("2024-01-01");
    expect(serialToIsoDate(45292.6)).toBe("2024-01-02");
  });

  test("ISO dates must be real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
  });

  test("British users read dates day first", () => {
    expect(ukDate("2000-01-31")).toBe("31/01/2000");
  });

  test("a date said to a user is dd/mm/yyyy, and text typed where a date belongs is said as it is", () => {
    expect(dateSaid("2026-03-31")).toBe("31/03/2026");
    expect(dateSaid("next spring")).toBe("next spring");
    expect(dateSaid("2026-02-30")).toBe("2026-02-30");
  });
});
