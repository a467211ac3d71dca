/** @jest-environment jsdom */
/**
 * The standalone page's file checker, in a browser-like window (jsdom): real workbooks written by
 * the product, tampered ones and hostile files, chosen as File objects as the page's file input
 * gives them.
 */
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { KEY_AREA } from "../../src/core/plan/layout";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { cellAddress } from "../../src/core/util/a1";
import { UserFacingError, type ProgressUpdate } from "../../src/app/workbook-host";
import { fileChecker, repairedFileName } from "../../src/taskpane/file-checker";
import { DEFAULT_READ_LIMITS, readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../src/xlsx/write-xlsx";
import { withBrowserGlobals } from "../support/jsdom-globals";
import { plan, typeInto } from "../support/plan-cells";
import { compoundFile, craftZip, filledCells, minimalWorkbook, zerosBomb } from "../xlsx/hostile-files";

withBrowserGlobals();

const toolkit = canonicalToolkit();
const area = toolkit.themes[0].keyAreas[0];
const areaKey = `keyArea:${area.id}`;
const [first, second] = area.behaviours;
const row: number = KEY_AREA.firstBehaviourRow;
const currentCell = (r: number) => cellAddress(r, KEY_AREA.columns.current);

const chosen = (bytes: Uint8Array, name = "Return.xlsx") => new File([bytes.slice()], name);

function answered(): WorkbookPlan {
  return plan({
    council: "Anytown",
    behaviours: { [first.id]: { current: "Mature", evidence: "Minutes" }, [second.id]: { evidence: "Board paper" } },
  });
}

/** What the page would be told, step by step. */
function progressLog(): { updates: ProgressUpdate[]; onProgress: (u: ProgressUpdate) => void } {
  const updates: ProgressUpdate[] = [];
  return { updates, onProgress: (u) => updates.push(u) };
}

/** jsdom has no object URLs: keep the Blob the page hands over, and the link it clicks. */
function captureDownloads(): { blobs: Blob[]; names: string[] } {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return `blob:download-${blobs.length}`;
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

async function rejection(promise: Promise<unknown>): Promise<UserFacingError> {
  const problem = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(problem).toBeInstanceOf(UserFacingError);
  return problem as UserFacingError;
}

afterEach(() => jest.restoreAllMocks());

describe("check(file)", () => {
  test("a workbook the generator made has no errors or warnings, and progress runs to the end", async () => {
    const { updates, onProgress } = progressLog();
    const checked = await fileChecker.check(chosen(await writePlanToBuffer(answered())), onProgress);
    expect(checked.fileName).toBe("Return.xlsx");
    expect(checked.result.toolkit).toEqual({ id: toolkit.id, version: toolkit.version });
    expect(checked.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(updates[0].step).toBe("Reading your workbook");
    expect(updates.at(-1)?.fraction).toBe(1);
  });

  test("a tampered workbook names the cell", async () => {
    const workbook = answered();
    typeInto(workbook, areaKey, currentCell(row + 1), "Excellent");
    const checked = await fileChecker.check(chosen(await writePlanToBuffer(workbook)), () => undefined);
    const notALevel = checked.result.findings.filter((f) => f.rule === "answer.not-a-level");
    expect(notALevel).toEqual([
      expect.objectContaining({ severity: "error", cell: currentCell(row + 1), found: "Excellent" }),
    ]);
    expect(notALevel[0].sheet?.key).toBe(areaKey);
  });

  test("a file that is not a workbook is refused with the reader's message and a next step", async () => {
    const problem = await rejection(fileChecker.check(chosen(new TextEncoder().encode("Hello")), () => undefined));
    expect(problem.message).toMatch(/^This file is not an Excel workbook \(\.xlsx\)/);
    expect(problem.nextStep).toBe("If this is not the file you meant, choose the assessment's own .xlsx workbook.");
  });

  test("a password-protected workbook and a zip bomb are refused, each saying why", async () => {
    const encrypted = compoundFile(["EncryptionInfo", "EncryptedPackage"]);
    expect((await rejection(fileChecker.check(chosen(encrypted), () => undefined))).message).toMatch(
      /protected with a password/,
    );
    // A part that says it unpacks to 1 KB and unpacks to 60 MB.
    const lie = { name: "xl/sharedStrings.xml", stored: zerosBomb(60), deflated: true, declaredSize: 1000 };
    const bomb = craftZip([...minimalWorkbook(filledCells(5)), lie]);
    expect((await rejection(fileChecker.check(chosen(bomb), () => undefined))).message).toMatch(
      /^This file unpacks to more than 50 MB/,
    );
  });

  test("a file over the size limit is refused from its size alone, before it is read", async () => {
    const huge = chosen(new Uint8Array(DEFAULT_READ_LIMITS.maxFileBytes + 1));
    const read = jest.spyOn(FileReader.prototype, "readAsArrayBuffer");
    const problem = await rejection(fileChecker.check(huge, () => undefined));
    expect(problem.message).toMatch(/files over 20 MB are not read/);
    expect(read).not.toHaveBeenCalled();
  });

  test("a workbook that holds no assessment is refused, with what to do instead", async () => {
    const problem = await rejection(
      fileChecker.check(chosen(craftZip(minimalWorkbook(filledCells(5)))), () => undefined),
    );
    expect(problem.message).toBe(
      '"Return.xlsx" holds no assessment made by the NPS Toolkit, so there is nothing to check or repair.',
    );
    expect(problem.nextStep).toMatch(/download a new workbook/);
  });
});

describe("downloadRepairedCopy(file)", () => {
  test("downloads a new workbook, named after the chosen one, that checks clean and keeps every answer", async () => {
    const downloads = captureDownloads();
    const workbook = answered();
    typeInto(workbook, areaKey, currentCell(row + 1), " leader ");
    const written = await writePlanToBuffer(workbook);
    const name = await fileChecker.downloadRepairedCopy(chosen(written, "Anytown return.XLSX"), () => undefined);
    expect(name).toBe("Anytown return (repaired).xlsx");
    expect(downloads.names).toEqual([name]);
    expect(downloads.blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const repaired = await blobBytes(downloads.blobs[0]);
    const found = readAssessment(await readSnapshotFromBuffer(repaired), toolkit);
    expect(found?.info.council).toBe("Anytown");
    expect(found?.answers.behaviours[first.id]).toEqual({ current: "Mature", evidence: "Minutes" });
    expect(found?.answers.behaviours[second.id]).toEqual({ current: "Leader", evidence: "Board paper" });
    const rules = async (bytes: Uint8Array) =>
      (await fileChecker.check(chosen(bytes), () => undefined)).result.findings.map((f) => f.rule);
    expect(await rules(written)).toContain("answer.level-written-differently");
    expect(await rules(repaired)).not.toContain("answer.level-written-differently");
    const recheck = await fileChecker.check(chosen(repaired, name), () => undefined);
    expect(recheck.result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("a workbook with no assessment is refused and nothing is downloaded", async () => {
    const downloads = captureDownloads();
    await rejection(
      fileChecker.downloadRepairedCopy(chosen(craftZip(minimalWorkbook(filledCells(5)))), () => undefined),
    );
    expect(downloads.names).toEqual([]);
  });
});

test("the repaired copy's name comes from the chosen file's", () => {
  expect(repairedFileName("Return.xlsx")).toBe("Return (repaired).xlsx");
  expect(repairedFileName("return 2026")).toBe("return 2026 (repaired).xlsx");
  expect(repairedFileName(".xlsx")).toBe("NPS assessment (repaired).xlsx");
});
