/** What the sign-off tests share: the toolkit, the signer, and the two use cases as the host and the command line call them. */
import { checkWorkbook } from "../../../src/core/check/check";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import {
  isRefusal,
  planSignedOffCopy,
  planSignOffInPlace,
  type SignOffRequest,
} from "../../../src/core/sign-off/sign-off";
import type { WorkbookSnapshot } from "../../../src/core/snapshot/types";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { cellAddress } from "../../../src/core/util/a1";
import { todayIso } from "../../../src/core/util/dates";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";

export const toolkit = canonicalToolkit();
export const now = new Date("2026-11-26T09:00:00Z");
export const BY = { by: "Sam Lead", on: "2026-11-20" };
export const ids = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));
export const area = toolkit.themes[0].keyAreas[0];
export const areaKey = `keyArea:${area.id}`;
export const at = (cell: { row: number; column: number }) => cellAddress(cell.row, cell.column);

export const checkOf = (snapshot: WorkbookSnapshot) =>
  checkWorkbook(snapshot, knownToolkits(), { today: todayIso(now) });

/** The signed-off copy (the command line's use case), incomplete returns allowed unless asked otherwise. */
export function signedCopy(snapshot: WorkbookSnapshot, request: Partial<SignOffRequest> = {}) {
  const copy = planSignedOffCopy({
    snapshot,
    toolkit,
    request: { ...BY, now, allowIncomplete: true, ...request },
    check: checkOf(snapshot),
  });
  if (isRefusal(copy)) throw new Error(`refused: ${copy.message}`);
  return copy;
}

/** The sign-off in place (the Excel host's use case), as it would decide on `snapshot`. */
export const inPlace = (snapshot: WorkbookSnapshot, request: Partial<SignOffRequest> = {}) =>
  planSignOffInPlace({ snapshot, toolkit, request: { ...BY, now, ...request }, check: checkOf(snapshot) });

export const readBack = async (workbook: WorkbookPlan): Promise<WorkbookSnapshot> =>
  readSnapshotFromBuffer(await writePlanToBuffer(workbook));
