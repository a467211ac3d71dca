/**
 * Words about council type and region (the Guide's pickers, the checker's finding) and about peer
 * benchmarks (Group Summary's groups, an anonymised group workbook), in one place.
 */
import type { CouncilGrouping } from "../plan/council-groups";

export const peerWords = {
  label: { councilType: "Council type", region: "Region" } satisfies Record<CouncilGrouping, string>,
  prompt: {
    councilType: "The kind of council, so that a group of councils can compare like with like. Pick from the list.",
    region: "The English region, or Wales, so that a group of councils can compare neighbours. Pick from the list.",
  } satisfies Record<CouncilGrouping, string>,
  notListedTitle: { councilType: "Not a council type", region: "Not a region" } satisfies Record<
    CouncilGrouping,
    string
  >,
  notListedError: (choices: readonly string[]) => `Pick one from the list: ${choices.join(", ")}.`,
  /** The checker's finding for a council type or region typed rather than picked. */
  notListedFinding: (grouping: CouncilGrouping) =>
    `The ${grouping === "councilType" ? "council type" : "region"} is not one of the list's, so a group workbook cannot place this return among its peers. Pick one from the list.`,
  /** The plan's warning when it writes such an entry as it was typed. */
  notListedWarning: (grouping: CouncilGrouping, typed: string) =>
    `${grouping === "councilType" ? "Council type" : "Region"}: "${typed}" is not on the list; it was kept as typed. Pick one from the list on the Guide.`,
  pickerGone: (grouping: CouncilGrouping) =>
    `The ${grouping === "councilType" ? "council type" : "region"} picker is gone (pasted over?), so anything can be typed in it.`,
  /** The group of returns whose Guide names no council type (or region) on the list. */
  notGiven: "Not given",
  groupsTitle: {
    councilType: "By council type: the group's statistics over the returns of each type",
    region: "By region: the group's statistics over the returns of each region",
  } satisfies Record<CouncilGrouping, string>,
  groupHeader: "Group",
  returnsInGroup: "Returns in the group",
  /** Shown instead of a figure drawn from too few returns, in an anonymised group workbook. */
  suppressed: "Too few",
  suppressedNote: (minimum: number) =>
    `Too few: a figure drawn from fewer than ${minimum} returns is not shown, so that no council's own answers can be told from it (as open benchmarking schemes do).`,
  fewerThan: (minimum: number) => `Fewer than ${minimum}`,
  /** An anonymised group's returns and log: a used return by its number, a file left out without its name. */
  anonymousLog: {
    returnNumber: ({ number }: { number: number }) => `Return ${number}`,
    leftOut: "Left out",
  },
};
