/**
 * The command line's guard inflates with Node's zlib (src/cli/native-inflate.ts) instead of JSZip's
 * JavaScript inflate: the same snapshot and the same counts for a real workbook, and the same
 * refusals, bounded by the bytes actually inflated, for hostile ones. The million cells are in
 * native-inflate.scale.test.ts.
 */
import { nodeInflateRaw } from "../../src/cli/native-inflate";
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { DEFAULT_READ_LIMITS, noCounters, readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { craftZip, filledCells, minimalWorkbook, zerosBomb, type CraftedEntry } from "../xlsx/hostile-files";
import { nativeRefusal } from "./native-refusal";

const now = new Date("2026-11-25T09:00:00Z");

// One generated assessment for the file: writing it is most of each test's time, and no test changes the bytes.
let generated: Promise<Uint8Array> | undefined;
function generatedAssessment(): Promise<Uint8Array> {
  generated ??= writePlanToBuffer(buildWorkbookPlan(canonicalToolkit(), { behaviours: {} }, { now }));
  return generated;
}

test("a generated assessment reads to the same snapshot, with the same counts, as through JSZip's inflate", async () => {
  const bytes = await generatedAssessment();
  const [jszip, native] = [noCounters(), noCounters()];
  const expected = await readSnapshotFromBuffer(bytes, { counters: jszip });
  expect(await readSnapshotFromBuffer(bytes, { counters: native, inflateRaw: nodeInflateRaw })).toEqual(expected);
  expect(native).toEqual(jszip);
  expect(native.inflatedBytes).toBeGreaterThan(100_000);
});

test("every deflated part is inflated natively, found from the zip's own records (not JSZip's private copy)", async () => {
  const bytes = await generatedAssessment();
  let calls = 0;
  const counting: typeof nodeInflateRaw = (compressed, maxBytes) => {
    calls++;
    return nodeInflateRaw(compressed, maxBytes);
  };
  const counters = noCounters();
  await readSnapshotFromBuffer(bytes, { counters, inflateRaw: counting });
  // The writer deflates every part, so each one the guard counted went through the native inflate.
  expect(calls).toBeGreaterThan(10);
  expect(calls).toBe(counters.parts);
});

test("a zip bomb that understates its sizes stops one byte past the limit of bytes inflated", async () => {
  const bomb: CraftedEntry = {
    name: "xl/sharedStrings.xml",
    stored: zerosBomb(1024),
    deflated: true,
    declaredSize: 1000,
  };
  const found = await nativeRefusal(craftZip([...minimalWorkbook(filledCells(5)), bomb]));
  expect(found.problem).toBe("unpacks-too-large");
  expect(found.message).toMatch(/^This file unpacks to more than 50 MB/);
  expect(found.counters.inflatedBytes).toBe(DEFAULT_READ_LIMITS.maxUnpackedBytes + 1);
});

test("broken compressed data in a part is damage", async () => {
  const entries = minimalWorkbook(filledCells(5));
  const broken: CraftedEntry = { ...entries[4], stored: new Uint8Array(200).fill(0xff), deflated: true };
  const found = await nativeRefusal(craftZip([...entries.slice(0, 4), broken]));
  expect(found.problem).toBe("damaged");
});
