import { cellAddress, columnLetter, columnNumber, parseCell } from "../../../src/core/util/a1";

describe("parseCell", () => {
  test.each([
    ["A1", 1, 1],
    ["$B$8", 8, 2],
    ["b8", 8, 2],
    ["$Z9", 9, 26],
    ["AA10", 10, 27],
    ["XFD1048576", 1_048_576, 16_384],
    ["A01", 1, 1],
  ])("%s is row %d, column %d", (address, row, column) => {
    expect(parseCell(address)).toEqual({ row, column });
  });

  test.each([
    "",
    "A",
    "1",
    "AAAA1",
    "A1B",
    "$$A1",
    "A1$",
    "A$$1",
    " A1",
    "A1 ",
    "@1",
    "[1",
    "`1",
    "{1",
    "A-1",
    "A1.5",
    "ÀA1",
  ])("%p is not a cell address", (address) => {
    expect(() => parseCell(address)).toThrow(`Not a cell address: ${address}`);
  });

  test("every address cellAddress writes parses back", () => {
    for (const column of [1, 26, 27, 52, 702, 703, 16_384])
      for (const row of [1, 9, 10, 1_048_576]) expect(parseCell(cellAddress(row, column))).toEqual({ row, column });
  });
});

describe("columnLetter", () => {
  test.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16_384, "XFD"],
  ])("column %d is %s, asked once or again, and columnNumber turns it back", (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
    expect(columnLetter(column)).toBe(letters);
    expect(columnNumber(letters)).toBe(column);
  });

  test("every column from A to XFD turns back into its number", () => {
    for (let column = 1; column <= 16_384; column++) expect(columnNumber(columnLetter(column))).toBe(column);
  });
});
