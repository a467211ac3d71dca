/**
 * The bad-input corpus: every hostile file is built here, each refused with its own kind of
 * WorkbookReadError and a plain message, in bounded work. The bound is shown by the guard's own
 * counters (how much it inflated and counted before it stopped), never by timing the test.
 */
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { inflateRawSync } from "zlib";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { buildWorkbookPlan, defaultSheetNames } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import {
  DEFAULT_READ_LIMITS,
  noCounters,
  readSnapshotFromBuffer,
  WorkbookReadError,
  type ReadLimits,
  type WorkbookReadProblem,
} from "../../src/xlsx/read-xlsx";
import { guardWorkbookBytes, spannedCells } from "../../src/xlsx/zip-guard";
import { tempDir } from "../support/fixtures";
import { convertWithLibreOffice, recalculate } from "../support/libreoffice";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import {
  compoundFile,
  craftZip,
  deflatedEntry,
  filledCells,
  minimalWorkbook,
  storedEntry,
  text,
  zerosBomb,
  type CraftedEntry,
} from "./hostile-files";

const toolkit = canonicalToolkit();
const now = new Date("2026-11-25T09:00:00Z");
const MB = 1024 * 1024;

async function refusal(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS) {
  const counters = noCounters();
  const error = await readSnapshotFromBuffer(bytes, { limits, counters }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkbookReadError)) throw new Error(`expected a WorkbookReadError, got ${String(error)}`);
  return { problem: error.problem as WorkbookReadProblem, message: error.message, counters };
}

const generated = async () => writePlanToBuffer(buildWorkbookPlan(toolkit, { behaviours: {} }, { now }));

/** The generated workbook with one part rewritten. */
async function withPart(part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await generated());
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("files that are not workbooks are named for what they are", () => {
  test("text is not a zip", async () => {
    const found = await refusal(text("name,level\nA,Mature\n"));
    expect(found.problem).toBe("not-a-zip");
    expect(found.message).toBe(
      "This file is not an Excel workbook (.xlsx): it could not be opened as one. Choose the .xlsx file of the assessment.",
    );
    expect(found.counters.parts).toBe(0);
  });

  test("an empty file is not a zip", async () => {
    expect((await refusal(new Uint8Array(0))).problem).toBe("not-a-zip");
  });

  test("a zip of other files, and a Word document, are not workbooks", async () => {
    const zip = new JSZip();
    zip.file("notes.txt", "hello");
    const plainZip = await zip.generateAsync({ type: "uint8array" });
    expect((await refusal(plainZip)).problem).toBe("not-a-workbook");
    const word = craftZip([
      storedEntry(
        "[Content_Types].xml",
        '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      storedEntry("word/document.xml", "<document/>"),
    ]);
    const found = await refusal(word);
    expect(found.problem).toBe("not-a-workbook");
    expect(found.message).toMatch(/^This file is not an Excel workbook: it holds no spreadsheet/);
  });

  test("a workbook cut short, anywhere, is truncated", async () => {
    const whole = await generated();
    for (const length of [2, 4, Math.floor(whole.length / 2), whole.length - 10]) {
      const found = await refusal(whole.subarray(0, length));
      expect([length, found.problem]).toEqual([length, "truncated"]);
      expect(found.counters.parts).toBe(0);
    }
    expect((await refusal(whole.subarray(0, 2))).message).toMatch(/incomplete: it ends too early/);
  });

  test("broken compressed data in a part is damage, not a crash", async () => {
    const entries = minimalWorkbook(filledCells(5));
    const broken: CraftedEntry = { ...entries[4], stored: new Uint8Array(200).fill(0xff) };
    const found = await refusal(craftZip([...entries.slice(0, 4), broken]));
    expect(found.problem).toBe("damaged");
    expect(found.message).toMatch(/^This workbook file is damaged/);
  });
});

describe("Office files of other kinds say what to do", () => {
  test("a password-protected workbook (an OLE compound file holding EncryptedPackage)", async () => {
    const found = await refusal(
      compoundFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage", "\u0005SummaryInformation"]),
    );
    expect(found.problem).toBe("encrypted");
    expect(found.message).toMatch(/protected with a password.*remove it.*try again/);
  });

  test("an Excel 97–2003 .xls (a compound file with a Workbook stream, or Book from Excel 5)", async () => {
    expect((await refusal(compoundFile(["Workbook", "\u0005SummaryInformation"]))).problem).toBe("old-xls");
    const found = await refusal(compoundFile(["Book"]));
    expect(found.problem).toBe("old-xls");
    expect(found.message).toMatch(/\(\.xls\).*File > Save As > Excel Workbook \(\*\.xlsx\)/);
  });

  test("a compound file directory spread over several sectors is followed through the FAT", async () => {
    const many = Array.from({ length: 9 }, (_, i) => `Stream ${i}`);
    expect((await refusal(compoundFile([...many, "EncryptedPackage"]))).problem).toBe("encrypted");
  });

  test("a Word 97–2003 document and a broken compound file are not taken for workbooks", async () => {
    expect((await refusal(compoundFile(["WordDocument", "1Table"]))).problem).toBe("not-a-workbook");
    const broken = compoundFile(["Workbook"]);
    broken.fill(0xff, 0x30, 0x34); // the directory's first sector points nowhere
    expect((await refusal(broken.subarray(0, 600))).problem).toBe("not-a-workbook");
  });

  test("a macro-enabled workbook (.xlsm), and a binary one (.xlsb)", async () => {
    const xlsm = await withPart("[Content_Types].xml", (xml) =>
      xml.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      ),
    );
    const found = await refusal(xlsm);
    expect(found.problem).toBe("macro-enabled");
    expect(found.message).toBe(
      "This is a macro-enabled workbook (.xlsm), which is not read, because it can carry macros. To check it, open it in Excel, choose File > Save As > Excel Workbook (*.xlsx), and use that copy (the macros are left out; the assessment needs none).",
    );
    const xlsb = craftZip(
      minimalWorkbook("", { mainType: "application/vnd.ms-excel.sheet.binary.macroEnabled.main+xml" }),
    );
    expect((await refusal(xlsb)).problem).toBe("binary-workbook");
  });
});

describe("the size of what is read is bounded before it is parsed", () => {
  test("a file over the size limit is refused before it is opened", async () => {
    const found = await refusal(new Uint8Array(2048), { ...DEFAULT_READ_LIMITS, maxFileBytes: 1024 });
    expect(found.problem).toBe("file-too-large");
    expect(found.counters).toEqual(noCounters());
  });

  test("a zip bomb that understates its sizes is stopped by counting the bytes actually inflated", async () => {
    const gigabyte = 1024;
    const bomb: CraftedEntry = {
      name: "xl/sharedStrings.xml",
      stored: zerosBomb(gigabyte),
      deflated: true,
      declaredSize: 1000, // the lie: a guard trusting the zip's directory would see 1 KB
    };
    const bytes = craftZip([...minimalWorkbook(filledCells(5)), bomb]);
    expect(bytes.length).toBeLessThan(2 * MB);
    const declared = (await JSZip.loadAsync(bytes)).file("xl/sharedStrings.xml") as unknown as {
      _data: { uncompressedSize: number };
    };
    expect(declared._data.uncompressedSize).toBe(1000);

    const found = await refusal(bytes);
    expect(found.problem).toBe("unpacks-too-large");
    expect(found.message).toBe(
      "This file unpacks to more than 50 MB, far more than an assessment ever needs, so it was not read. It may not be a real workbook: check that this is the assessment's file.",
    );
    // It stopped within one read block (16 KB of input, at most about 16 MB out) of the limit, not at 1 GB.
    expect(found.counters.inflatedBytes).toBeGreaterThan(DEFAULT_READ_LIMITS.maxUnpackedBytes);
    expect(found.counters.inflatedBytes).toBeLessThan(DEFAULT_READ_LIMITS.maxUnpackedBytes + 17 * MB);
  });

  test("a workbook with a million filled cells is refused after counting a little past the limit", async () => {
    const bytes = craftZip(minimalWorkbook(filledCells(1_000_000)));
    const found = await refusal(bytes);
    expect(found.problem).toBe("too-big");
    expect(found.message).toBe(
      "This workbook is much larger than an assessment ever is (more than 200,000 filled cells), so it was not read. If it is the right file, copy the assessment's sheets into a new workbook and try that.",
    );
    expect(found.counters.cells).toBeGreaterThan(DEFAULT_READ_LIMITS.maxCells);
    expect(found.counters.cells).toBeLessThan(DEFAULT_READ_LIMITS.maxCells + 5_000);
  });

  test("a shared-strings part of a million tiny strings is refused by its count of elements", async () => {
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>ab</t></si>".repeat(600_000)}</sst>`;
    const found = await refusal(
      craftZip([...minimalWorkbook(filledCells(1)), deflatedEntry("xl/sharedStrings.xml", strings)]),
    );
    expect(found.problem).toBe("too-big");
    expect(found.message).toMatch(/\(more than 1,000,000 XML elements\)/);
    expect(found.counters.elements).toBeGreaterThan(DEFAULT_READ_LIMITS.maxElements);
    expect(found.counters.elements).toBeLessThan(DEFAULT_READ_LIMITS.maxElements + 20_000);
    expect(found.counters.inflatedBytes).toBeLessThan(strings.length);
  });

  test("the same minimal workbook with a thousand cells reads, so the refusal is the count", async () => {
    const counters = noCounters();
    const snapshot = await readSnapshotFromBuffer(craftZip(minimalWorkbook(filledCells(1000))), { counters });
    expect(Object.keys(snapshot.sheets[0].cells)).toHaveLength(1000);
    expect(counters.cells).toBe(1000);
  });

  test("cells are counted by their name, with or without a namespace prefix, beside text in any script", async () => {
    const counters = noCounters();
    const sheetData = [
      `<row r="1"><x:c r="A1"><x:v>1</x:v></x:c><c r="B1" t="inlineStr"><is><t>Café — 東京 — 🙂 &lt;c r="Z9"&gt;</t></is></c><c r="C1"/></row>`,
      `<row r="2"><c\tr="A2"><v>2</v></c><cell r="B2"/><a:b:c r="C2"/></row>`,
    ].join("");
    await guardWorkbookBytes(craftZip(minimalWorkbook(sheetData)), { limits: DEFAULT_READ_LIMITS, counters });
    // A1, B1, C1 and A2; "<cell", "<a:b:c" and the escaped "&lt;c" are not cells.
    expect(counters.cells).toBe(4);
  });

  test("merged cells and data validation over the whole sheet, which ExcelJS visits cell by cell", async () => {
    const whole = "A1:XFD1048576";
    const merged = await refusal(
      craftZip(
        minimalWorkbook(filledCells(1), { afterSheetData: `<mergeCells><mergeCell ref="${whole}"/></mergeCells>` }),
      ),
    );
    expect(merged.problem).toBe("too-big");
    expect(merged.counters.spannedCells).toBe(1_048_576 * 16_384);
    // A ">" left unescaped in an attribute must not hide the range that follows it.
    const validated = await refusal(
      craftZip(
        minimalWorkbook(filledCells(1), {
          afterSheetData: `<dataValidations count="1"><dataValidation type="list" prompt="a > b" sqref="B2 ${whole}"><formula1>"x"</formula1></dataValidation></dataValidations>`,
        }),
      ),
    );
    expect(validated.problem).toBe("too-big");
    expect(validated.message).toMatch(/merged cells or data validation over more than 200,000 cells/);
    expect(validated.counters.spannedCells).toBe(1 + 1_048_576 * 16_384);
  });

  test("entities that expand a billion times (the 'billion laughs') are not expanded", async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
    const laughs = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol0 "lol">${entities}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
    const found = await refusal(
      craftZip([...minimalWorkbook(filledCells(1)), storedEntry("xl/sharedStrings.xml", laughs)]),
    );
    expect(found.problem).toBe("damaged");
    expect(found.counters.inflatedBytes).toBeLessThan(10_000);
  });

  test("a merged range over rows that have no cells reads, rather than crashing ExcelJS", async () => {
    const merged = `<mergeCells count="1"><mergeCell ref="C5:D6"/></mergeCells>`;
    const snapshot = await readSnapshotFromBuffer(
      craftZip(minimalWorkbook(filledCells(3), { afterSheetData: merged })),
    );
    expect(Object.keys(snapshot.sheets[0].cells)).toEqual(["A1", "B1", "C1"]);
  });

  test('a tag cut between two chunks just after a quoted ">" is still read whole', async () => {
    // JSZip hands a stored part over in blocks of 16 KB: the padding puts the first block's end inside the tag.
    const before = '<dataValidations count="1"><dataValidation type="list" prompt="a >';
    const after = ` b" sqref="A1:XFD1048576"><formula1>"x"</formula1></dataValidation></dataValidations>`;
    const entries = minimalWorkbook("", { afterSheetData: `${before}${after}` });
    const sheet = entries[4];
    const xml = inflateRawSync(sheet.stored).toString("utf8");
    const padding = 16_384 - xml.indexOf(before) - before.length;
    const padded = xml.replace("<sheetData>", `<sheetData>${" ".repeat(padding)}`);
    expect(padded.indexOf(before) + before.length).toBe(16_384);
    const found = await refusal(craftZip([...entries.slice(0, 4), storedEntry(sheet.name, padded)]));
    expect(found.problem).toBe("too-big");
    expect(found.counters.spannedCells).toBe(1_048_576 * 16_384);
  });

  test("a column range past Excel's last column (ExcelJS would make a column object for each) is damage", async () => {
    const cols = (max: string) =>
      minimalWorkbook(filledCells(1)).map((entry) =>
        entry.name.endsWith("sheet1.xml")
          ? deflatedEntry(
              entry.name,
              inflateRawSync(entry.stored)
                .toString()
                .replace("<sheetData>", `<cols><col min="2" max="${max}" width="9"/></cols><sheetData>`),
            )
          : entry,
      );
    expect((await readSnapshotFromBuffer(craftZip(cols("16384")))).sheets[0].cells.A1).toEqual({ value: 1 });
    expect((await refusal(craftZip(cols("2000000000")))).problem).toBe("damaged");
  });

  test("cells spanned by ranges are counted from their corners", () => {
    expect(spannedCells("A1")).toBe(1);
    expect(spannedCells("B2:D4 F6")).toBe(10);
    expect(spannedCells("$C$3:$A$1")).toBe(9);
    expect(spannedCells("A:B")).toBe(2 * 1_048_576);
    expect(spannedCells("3:4")).toBe(2 * 16_384);
  });

  test("a zip of more parts than any workbook has is refused from its end record, before JSZip opens it", async () => {
    const entries = Array.from({ length: DEFAULT_READ_LIMITS.maxParts + 1 }, (_, i) =>
      storedEntry(`p${i}.xml`, "<a/>"),
    );
    const found = await refusal(craftZip(entries));
    expect(found.problem).toBe("too-big");
    expect(found.message).toMatch(/\(2,001 parts in the file\)/);
    expect(found.counters.parts).toBe(0);
  });

  test("a ZIP64 file is read from its ZIP64 end record, and its parts are counted once opened", async () => {
    const snapshot = await readSnapshotFromBuffer(craftZip(minimalWorkbook(filledCells(20)), { zip64: true }));
    expect(Object.keys(snapshot.sheets[0].cells)).toHaveLength(20);
    const parts = Array.from({ length: DEFAULT_READ_LIMITS.maxParts }, (_, i) => storedEntry(`p${i}.xml`, "<a/>"));
    const found = await refusal(craftZip([...minimalWorkbook(""), ...parts], { zip64: true }));
    expect(found.problem).toBe("too-big");
    expect(found.message).toMatch(/\(2,005 parts in the file\)/);
    expect(found.counters.parts).toBe(0);
  });

  test("a generated assessment sits far inside every limit", async () => {
    const counters = noCounters();
    const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { now });
    await readSnapshotFromBuffer(await writePlanToBuffer(plan), { counters });
    expect(counters.inflatedBytes * 20).toBeLessThan(DEFAULT_READ_LIMITS.maxUnpackedBytes);
    expect(counters.cells * 20).toBeLessThan(DEFAULT_READ_LIMITS.maxCells);
    expect(counters.elements * 20).toBeLessThan(DEFAULT_READ_LIMITS.maxElements);
    expect(counters.spannedCells * 20).toBeLessThan(DEFAULT_READ_LIMITS.maxSpannedCells);
    expect(counters.cells).toBeGreaterThan(1000);
  });
});

describe("awkward but valid workbooks read in full", () => {
  test("cells of 32,767 characters, Excel's most, read back whole", async () => {
    const longest = (seed: string) => seed.repeat(Math.ceil(32_767 / seed.length)).slice(0, 32_767);
    const given = {
      behaviours: {
        "SL-ECSM-01": { current: "Mature", evidence: longest("Minutes of the board, "), owner: longest("Ann ") },
        "BC-MSR-02": { evidence: longest("£‘’€ é") },
      },
    };
    const bytes = await writePlanToBuffer(buildWorkbookPlan(toolkit, given, { now }));
    const found = readAssessment(await readSnapshotFromBuffer(bytes), toolkit);
    expect(given.behaviours["SL-ECSM-01"].evidence).toHaveLength(32_767);
    expect(found?.answers.behaviours).toEqual(given.behaviours);
  });

  test("sheet names with every character Excel allows in them are followed", async () => {
    const keyAreas = Object.keys(defaultSheetNames(toolkit)).filter((key) => key.startsWith("keyArea:"));
    const odd = [
      'It\'s "ours" & <yours>',
      "!#$%^()-+={}~;,.@`|",
      "Ünïcödé — café €£ 😀",
      "A1",
      "R1C1",
      "2026",
      "#REF!",
      "  spaced  out  ",
      "TRUE",
    ];
    const sheetNames = Object.fromEntries(keyAreas.map((key, i) => [key, odd[i]]));
    const given = {
      behaviours: Object.fromEntries(
        toolkit.themes.flatMap((t) => t.keyAreas).map((area) => [area.behaviours[0].id, { current: "Leader" }]),
      ),
    };
    const plan = buildWorkbookPlan(toolkit, given, { now, sheetNames: { ...sheetNames, summary: "Summary's" } });
    const found = readAssessment(await readSnapshotFromBuffer(await writePlanToBuffer(plan)), toolkit);
    expect(found?.roles).toMatchObject({ ...sheetNames, summary: "Summary's" });
    expect(found?.answers.behaviours).toEqual(given.behaviours);
  });
});

describe("files LibreOffice writes (a real engine, not a crafted file)", () => {
  const given = {
    behaviours: { "SL-ECSM-01": { current: "Mature", evidence: "Minutes" }, "XX-OLD-01": { current: "Leader" } },
  };

  async function written(): Promise<string> {
    const file = path.join(tempDir(), "assessment.xlsx");
    writeFileSync(file, await writePlanToBuffer(buildWorkbookPlan(toolkit, given, { now })));
    return file;
  }

  test("an assessment LibreOffice re-saved reads within every limit, answers and all", async () => {
    const counters = noCounters();
    const resaved = await recalculate(await written());
    const snapshot = await readSnapshotFromBuffer(new Uint8Array(readFileSync(resaved)), { counters });
    expect(readAssessment(snapshot, toolkit)?.answers.behaviours).toEqual(given.behaviours);
    expect(counters.cells * 20).toBeLessThan(DEFAULT_READ_LIMITS.maxCells);
    expect(counters.elements * 10).toBeLessThan(DEFAULT_READ_LIMITS.maxElements);
  });

  test("the same assessment saved by LibreOffice as an Excel 97–2003 .xls is named as one", async () => {
    const xls = await convertWithLibreOffice(await written(), "xls", "xls:MS Excel 97");
    const found = await refusal(new Uint8Array(readFileSync(xls)));
    expect(found.problem).toBe("old-xls");
  });
});
