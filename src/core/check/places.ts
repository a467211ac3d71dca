/**
 * Names the key area and the behaviour a finding is about, so an officer reads "Engaging councillors and senior
 * managers, SL-ECSM-03 …", not "D11". The key area is the one the sheet plays (by its role, whatever its name
 * now), named in full (a sheet's name may be shortened to fit Excel's 31 characters). The behaviour is named when
 * the finding is on a behaviour's row: rows may have been moved or inserted, so the row's behaviour is the one
 * whose ID its ID cell holds now, not the one the plan put there; a row whose ID cell holds no known ID (the
 * user's own row, an edited ID) names none, nor does a finding about the whole key area that points at its first gap.
 */
import { KEY_AREA, keyAreaSheetKey } from "../plan/layout";
import type { WorkbookSnapshot } from "../snapshot/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress, parseCell } from "../util/a1";
import type { Finding, RuleId } from "./types";

/** Rules about a key area as a whole: their cell is where to start, not a behaviour they are about. */
const WHOLE_KEY_AREA: readonly RuleId[] = ["answer.key-area-incomplete"];

export function withBehaviours(findings: readonly Finding[], snapshot: WorkbookSnapshot, toolkit: Toolkit): Finding[] {
  const behaviours = new Map(
    toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => [b.id, b.name] as const))),
  );
  const keyAreas = new Map(
    toolkit.themes.flatMap((t) => t.keyAreas.map((k) => [keyAreaSheetKey(k.id), { id: k.id, name: k.name }] as const)),
  );
  return findings.map((finding) => {
    const { sheet, cell } = finding;
    if (sheet?.role !== "keyArea") return finding;
    const keyArea = sheet.key === undefined ? undefined : keyAreas.get(sheet.key);
    const placed = keyArea ? { ...finding, keyArea } : finding;
    if (!cell || WHOLE_KEY_AREA.includes(finding.rule)) return placed;
    const { row } = parseCell(cell);
    if (row < KEY_AREA.firstBehaviourRow) return placed;
    const idCell = snapshot.sheets.find((s) => s.name === sheet.name)?.cells[cellAddress(row, KEY_AREA.columns.id)];
    const id = typeof idCell?.value === "string" ? idCell.value.trim() : undefined;
    const name = id === undefined ? undefined : behaviours.get(id);
    return id !== undefined && name !== undefined ? { ...placed, behaviour: { id, name } } : placed;
  });
}
