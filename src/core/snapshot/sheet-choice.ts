/**
 * Reading only some of a file's sheets. Parsing a sheet is most of what reading a workbook costs, and a use case
 * that reads a few sheets (starting next year from last year's return) need not pay for the rest. A reader given
 * a choice lists every sheet as the file has it, asks the choice which to read, reads those, and asks again with
 * what it has read (a choice may need one sheet's formulas to know whether it needs another) until the choice names
 * no sheet it has not read. The snapshot then holds only the sheets read; what the file holds is bounded as ever.
 */
import type { SnapshotSheet, WorkbookSnapshot } from "./types";

/** A sheet as the workbook lists it, before it is read. */
export type SheetListing = Pick<SnapshotSheet, "name" | "visibility">;

export interface SheetsSoFar {
  /** Every sheet of the workbook, in its order. */
  listing: readonly SheetListing[];
  /** The workbook-scope defined names. */
  names: Record<string, string>;
  /** The sheets read so far (none, the first time), as they will be in the snapshot. */
  read: WorkbookSnapshot;
}

/** The sheets to read, by name (those not listed are ignored), or "every" for a full read. */
export type SheetChoice = (soFar: SheetsSoFar) => readonly string[] | "every";
