/** The limits a foreign workbook is read within, what the guard counted against them, and the refusals they give. */
import { megabytes, WorkbookReadError } from "../read-errors";
import { readWords } from "../../core/words/read";

export interface ReadLimits {
  /** The file itself. */
  maxFileBytes: number;
  /** Bytes actually inflated, every part together. */
  maxUnpackedBytes: number;
  /** Parts (files) in the zip. */
  maxParts: number;
  /** XML elements in all parts together: a SAX parse takes time per element as well as per byte. */
  maxElements: number;
  /** Cells stored in all worksheets together. */
  maxCells: number;
  /** Cells covered by merged ranges and data-validation ranges, which a reader may visit one by one. */
  maxSpannedCells: number;
}

/**
 * An assessment workbook unpacks to about 0.5 MB with about 3,200 cells; these leave room for
 * users' own sheets beside it while keeping a parse to seconds. Measured on a shared two-core
 * machine, ExcelJS took about 5 s for 200,000 cells, 7 s for 48 MB of long text and 7 s for
 * 1.5 million elements (and 48 s, 1.2 GB, for the 5.5 million of a 99 MB shared-strings part).
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxParts: 2000,
  maxElements: 1_000_000,
  maxCells: 200_000,
  maxSpannedCells: 200_000,
};

/** What the guard measured: how far it got, so a test can see that a refusal came early. */
export interface ReadCounters {
  inflatedBytes: number;
  parts: number;
  elements: number;
  cells: number;
  spannedCells: number;
}

export const noCounters = (): ReadCounters => ({
  inflatedBytes: 0,
  parts: 0,
  elements: 0,
  cells: 0,
  spannedCells: 0,
});

export const count = (n: number) => n.toLocaleString("en-GB");

export function tooBig(detail: string): WorkbookReadError {
  return new WorkbookReadError("too-big", readWords.tooBig(detail));
}

/** Refuses a file over the size limit; exported so a caller can refuse it before loading it into memory. */
export function checkFileSize(size: number, limits: ReadLimits = DEFAULT_READ_LIMITS): void {
  if (size > limits.maxFileBytes) {
    throw new WorkbookReadError(
      "file-too-large",
      readWords.fileTooLarge(megabytes(size), megabytes(limits.maxFileBytes)),
    );
  }
}

export function unpacksTooLarge(limits: ReadLimits): WorkbookReadError {
  return new WorkbookReadError("unpacks-too-large", readWords.unpacksTooLarge(megabytes(limits.maxUnpackedBytes)));
}
