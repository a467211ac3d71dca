/**
 * Names the behaviour a finding is about, when it is on a behaviour's row of a key area sheet: an officer
 * knows "SL-ECSM-03 Engaging councillors…", not "D11". Rows may have been moved or inserted, so the row's
 * behaviour is the one whose ID its ID cell holds now, not the one the plan put there; a row whose ID cell
 * holds no known ID (the user's own row, an edited ID) names none, nor does a finding about the whole key
 * area that points at its first gap.
 */
import { KEY_AREA } from "../plan/layout";
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
  return findings.map((finding) => {
    const { sheet, cell } = finding;
    if (sheet?.role !== "keyArea" || !cell || WHOLE_KEY_AREA.includes(finding.rule)) return finding;
    const { row } = parseCell(cell);
    if (row < KEY_AREA.firstBehaviourRow) return finding;
    const idCell = snapshot.sheets.find((s) => s.name === sheet.name)?.cells[cellAddress(row, KEY_AREA.columns.id)];
    const id = typeof idCell?.value === "string" ? idCell.value.trim() : undefined;
    const name = id === undefined ? undefined : behaviours.get(id);
    return id !== undefined && name !== undefined ? { ...finding, behaviour: { id, name } } : finding;
  });
}
