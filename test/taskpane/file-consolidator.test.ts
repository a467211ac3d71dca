/** @jest-environment jsdom */
/**
 * The pane's real consolidator, loaded the way the pane loads it (a dynamic import), on real .xlsx returns made
 * by the product's writer: a good return, a tampered one (errors), a file that is not a workbook, and one too
 * large to read, which is refused by its size before it is read.
 */
import { DEFAULT_READ_LIMITS } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { answersOf, returnPlan, tamperedPlan } from "../core/consolidate/fixtures";
import { withBrowserGlobals } from "../support/jsdom-globals";

withBrowserGlobals();

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes.slice()], name);

async function returns(): Promise<File[]> {
  const good = await writePlanToBuffer(returnPlan(answersOf("Anytown", "2026-03-01", { "SL-ECSM-01": "Mature" })));
  const tampered = await writePlanToBuffer(tamperedPlan(answersOf("Otherton", "2026-03-01", {})));
  const huge = fileOf(new Uint8Array(1), "huge.xlsx");
  Object.defineProperty(huge, "size", { value: DEFAULT_READ_LIMITS.maxFileBytes + 1 });
  return [
    fileOf(good, "anytown.xlsx"),
    fileOf(tampered, "otherton.xlsx"),
    fileOf(new TextEncoder().encode("not a workbook"), "notes.xlsx"),
    huge,
  ];
}

test("reads each file in turn, says what each is as it goes, and leaves out what cannot be used, with reasons", async () => {
  const { fileConsolidator } = await import("../../src/taskpane/file-consolidator");
  const files = await returns();
  const lines: string[] = [];
  const consolidation = await fileConsolidator.consolidate(files, { includeErrors: false, finalOnly: false }, (p) =>
    lines.push(`${p.done}/${p.total} ${p.file} ${p.kind} ${p.counts.error}`),
  );
  expect(lines[0]).toBe("1/4 anytown.xlsx assessment 0");
  expect(lines[1]).toMatch(/^2\/4 otherton.xlsx assessment [1-9]/);
  expect(lines.slice(2)).toEqual(["3/4 notes.xlsx unreadable 0", "4/4 huge.xlsx unreadable 0"]);
  expect(consolidation.returns.map((r) => r.identity.council)).toEqual(["Anytown"]);
  expect(consolidation.returns[0].answers["SL-ECSM-01"]).toMatchObject({ current: "Mature" });
  expect(consolidation.log.map((e) => e.outcome)).toEqual(["used", "left-out", "left-out", "left-out"]);
  expect(consolidation.log[1].reason).toMatch(/check found/);
  expect(consolidation.log[3].reason).toMatch(/Could not be read/);
});

test("with errors included the tampered return is used, marked as such", async () => {
  const { fileConsolidator } = await import("../../src/taskpane/file-consolidator");
  const files = (await returns()).slice(0, 2);
  const consolidation = await fileConsolidator.consolidate(files, { includeErrors: true, finalOnly: false }, () => {});
  expect(consolidation.log.map((e) => e.outcome)).toEqual(["used", "used-with-errors"]);
});

/** A Blob's bytes (jsdom's Blob has no arrayBuffer()). */
const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });

test("anonymised: the group workbook and the key are both downloaded, and only the key names the council", async () => {
  const { fileConsolidator } = await import("../../src/taskpane/file-consolidator");
  const files = (await returns()).slice(0, 1);
  const consolidation = await fileConsolidator.consolidate(files, { includeErrors: false, finalOnly: false }, () => {});
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), "blob:x"), revokeObjectURL: () => {} });
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  const { fileName, keyFileName } = await fileConsolidator.downloadGroupWorkbook(consolidation, { anonymise: true });
  click.mockRestore();
  expect(names).toEqual([fileName, keyFileName]);
  expect(keyFileName).toMatch(/^NPS group key to return numbers .*\.csv$/);
  expect(fileName).toMatch(/^NPS group benchmarks to share .*\.xlsx$/);
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await bytesOf(blobs[0]));
  const parts = await Promise.all(Object.values(zip.files).map((entry) => entry.async("string")));
  expect(parts.filter((text) => /anytown/i.test(text))).toEqual([]);
  expect(blobs[1].type).toBe("text/csv");
  expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytesOf(blobs[1]))).toMatch(
    /^\uFEFFReturn,Council,Respondent,Role or department,Source file\r\n1,Anytown,,,anytown\.xlsx\r\n$/,
  );
});
