/**
 * The command line's guard, inflating with Node's zlib, on a file whose point is its size (split from
 * native-inflate.test.ts so `npm run test:fast` leaves it out; `npm test` runs it).
 */
import { DEFAULT_READ_LIMITS } from "../../src/xlsx/read-xlsx";
import { craftZip, filledCells, minimalWorkbook } from "../xlsx/hostile-files";
import { nativeRefusal } from "./native-refusal";

test("a million filled cells are refused soon after the count passes its limit", async () => {
  const found = await nativeRefusal(craftZip(minimalWorkbook(filledCells(1_000_000))));
  expect(found.problem).toBe("too-big");
  expect(found.counters.cells).toBeGreaterThan(DEFAULT_READ_LIMITS.maxCells);
  expect(found.counters.cells).toBeLessThan(DEFAULT_READ_LIMITS.maxCells + 15_000);
});
