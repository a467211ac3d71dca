import type { Behaviour, KeyArea, Theme, Toolkit } from "../toolkit/schema";
import { formulaString } from "../util/a1";
import { levelNameOf, lookupById, numberOrBlank } from "./formulas";
import { columnRange, type KeyAreaRows } from "./key-area-sheet";
import { KEY_AREA, NOT_A_LEVEL } from "./layout";

const C = KEY_AREA.columns;

export interface BehaviourEntry {
  order: number;
  theme: Theme;
  keyArea: KeyArea;
  behaviour: Behaviour;
  rows: KeyAreaRows;
}

/** Every behaviour in toolkit order, with where its answers live. */
export function behaviourEntries(toolkit: Toolkit, areaRows: Map<string, KeyAreaRows>): BehaviourEntry[] {
  const entries: BehaviourEntry[] = [];
  for (const theme of toolkit.themes) {
    for (const keyArea of theme.keyAreas) {
      for (const behaviour of keyArea.behaviours) {
        entries.push({
          order: entries.length + 1,
          theme,
          keyArea,
          behaviour,
          rows: areaRows.get(keyArea.id) as KeyAreaRows,
        });
      }
    }
  }
  return entries;
}

/**
 * Lookups of one behaviour's cells on its key area sheet, keyed by the ID held in `idCell` of the
 * same row, so the Gaps and Data rows stay right however a user sorts or filters them.
 */
export function behaviourLookups(entry: BehaviourEntry, idCell: string, levels: readonly string[]) {
  const lookup = (column: number) =>
    lookupById(entry.rows.sheetName, columnRange(entry.rows, C.id), columnRange(entry.rows, column), idCell);
  const score = (column: number) => numberOrBlank(lookup(column));
  const level = (scoreCell: string, column: number) =>
    levelNameOf(
      scoreCell,
      levels,
      `IFERROR(IF(${lookup(column)}=${formulaString(NOT_A_LEVEL)},${formulaString(NOT_A_LEVEL)},""),"")`,
    );
  return {
    currentScore: score(C.currentScore),
    targetScore: score(C.targetScore),
    previousScore: score(C.previousScore),
    currentLevel: (scoreCell: string) => level(scoreCell, C.currentScore),
    targetLevel: (scoreCell: string) => level(scoreCell, C.targetScore),
    previousLevel: (scoreCell: string) => level(scoreCell, C.previousScore),
    /** The descriptor of the level after the one in `scoreCell`. */
    nextDescriptor: (scoreCell: string) =>
      `IF(AND(ISNUMBER(${scoreCell}),${scoreCell}<${levels.length}),INDEX(${entryRange(entry, C.descriptors, KEY_AREA.lastColumns.descriptors)},MATCH(${idCell},${entryRange(entry, C.id)},0),${scoreCell}+1),"")`,
    text: (column: number) => `IFERROR(${lookup(column)}&"","")`,
    date: (column: number) => numberOrBlank(lookup(column)),
  };
}

function entryRange(entry: BehaviourEntry, left: number, right = left): string {
  return `'${entry.rows.sheetName.replace(/'/g, "''")}'!${columnRange(entry.rows, left, right)}`;
}
