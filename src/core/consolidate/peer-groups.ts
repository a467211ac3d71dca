/**
 * Peer groups: the returns of each council type and of each region, for Group Summary's blocks that give
 * the group's statistics per type and per region. Which return is in which group is decided here, from
 * the Guide's pickers as each return was read; a figure of an anonymised group drawn from fewer than
 * MINIMUM_RETURNS returns is not shown (as open benchmarking schemes do).
 */
import { GROUPING_CHOICES, listedChoice, type CouncilGrouping } from "../plan/council-groups";
import { peerWords } from "../words/peers";
import type { UsedReturn } from "./types";

/** The fewest returns an anonymised figure may be drawn from. */
export const MINIMUM_RETURNS = 5;

export interface PeerGroup {
  /** The list's entry, or the words for returns that named none on the list. */
  name: string;
  /** The returns of the group, by position in the group's returns (0 for return 1). */
  positions: number[];
}

/**
 * The groups of one grouping that have returns, in the list's order; returns whose Guide names no entry of
 * the list (blank, or typed rather than picked) last, together.
 */
export function peerGroups(returns: readonly UsedReturn[], grouping: CouncilGrouping): PeerGroup[] {
  const byName = new Map<string, number[]>();
  returns.forEach((used, position) => {
    const name = listedChoice(grouping, used.identity[grouping]) ?? peerWords.notGiven;
    byName.set(name, [...(byName.get(name) ?? []), position]);
  });
  return [...GROUPING_CHOICES[grouping], peerWords.notGiven]
    .filter((name) => byName.has(name))
    .map((name) => ({ name, positions: byName.get(name) as number[] }));
}

/**
 * Columns as a function's arguments: consecutive columns as one range ("C7:E7,H7"), so a group of many
 * returns stays within Excel's 255 arguments unless its returns are scattered among more than 255 runs.
 */
export function cellsOver(row: number, columns: readonly number[], address: (row: number, column: number) => string) {
  const runs: [number, number][] = [];
  for (const column of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === column - 1) last[1] = column;
    else runs.push([column, column]);
  }
  return runs
    .map(([from, to]) => (from === to ? address(row, from) : `${address(row, from)}:${address(row, to)}`))
    .join(",");
}
