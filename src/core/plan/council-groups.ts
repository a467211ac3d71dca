import { workbookWords } from "../words/workbook";

/**
 * The council types and regions a return can name on its Guide (pickers there), by which a group
 * workbook compares like with like. One list each, used by the Guide's pickers, the reader, the
 * checker and the group statistics.
 */

export const COUNCIL_TYPES = workbookWords.councilTypes;

/** The nine English regions and Wales. */
export const REGIONS = workbookWords.regions;

/** How a return is grouped: by its council type or by its region. */
export type CouncilGrouping = "councilType" | "region";

export const GROUPING_CHOICES: Record<CouncilGrouping, readonly string[]> = {
  councilType: COUNCIL_TYPES,
  region: REGIONS,
};

/**
 * The list's own entry for what was typed, read as a picker would accept it (spaces around and
 * case do not matter); undefined when it is not on the list.
 */
export function listedChoice(grouping: CouncilGrouping, typed: string | undefined): string | undefined {
  const wanted = (typed ?? "").trim().replace(/\s+/g, " ").toLowerCase();
  return GROUPING_CHOICES[grouping].find((choice) => choice.toLowerCase() === wanted);
}
