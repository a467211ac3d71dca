/**
 * The notes a build, an upgrade and a repair leave (src/core/assessment), and those of reading the answers for them
 * (src/core/answers): what was made, what was carried across, and every entry that could not be carried as it was,
 * with where it went and what to do. For the pane and the command line alike, beside the other catalogues;
 * test/core/words/words.test.ts checks each entry is used and none is built elsewhere.
 */
import type { CarryingCommand } from "../assessment/carry";
import type { BehaviourAnswer } from "../plan/answer-types";
import { listed } from "../util/words";

/** The command that carried the answers, as the notes it leaves in the evidence name it. */
const carriedBy: Record<CarryingCommand, string> = {
  upgrade: "upgrade",
  repair: "repair",
  "sign-off": "sign-off",
  moderation: "moderation",
  "new assessment": "new assessment",
};

/** Where a row is: row 12 of "Key Area 1". */
interface RowOf {
  row: number;
  sheet: string;
}

export const upgradeWords = {
  /** After a build, an upgrade or a repair. */
  built: ({ keyAreas, actions }: { keyAreas: number; actions: boolean }) =>
    `Built the assessment: a guide, ${keyAreas} key area sheets, a summary, a gaps sheet${actions ? ", a data sheet and an action plan" : " and a data sheet"}.`,
  upgraded: ({ from, to }: { from: string; to: string }) =>
    `Upgraded the assessment from toolkit ${from || "an earlier version"} to ${to}: every part the add-in made was rewritten.`,
  repaired: "Repaired the assessment: every part the add-in made was rewritten.",
  /** `count` behaviours with anything entered (a level, evidence, an owner, a date): more than those with a level. */
  carried: ({ count }: { count: number }) =>
    `Carried across, by behaviour ID, what was entered for ${count} ${count === 1 ? "behaviour" : "behaviours"} (levels, evidence, owners and dates).`,
  keptNames: ({ names }: { names: readonly string[] }) =>
    `Kept the names you gave the assessment's sheets: ${names.map((n) => `"${n}"`).join(", ")}.`,
  leftAlone: ({ sheet }: { sheet: string }) =>
    `The sheet "${sheet}" is no longer part of the assessment (a key area the toolkit dropped, or retired answers you cleared); it was left as it is.`,
  /** A visible sheet that had to take another name because the user already has one called that. */
  moved: ({ wanted, used }: { wanted: string; used: string }) =>
    `Your workbook already has a sheet called "${wanted}", so the assessment's sheet is called "${used}". Your sheet was not changed.`,
  /** Excel below ExcelApi 1.9 cannot apply print setup and filter buttons. */
  noPrintOrFilter:
    "This version of Excel cannot set print options or filter buttons from an add-in, so the sheets use Excel's default print settings and the Gaps sheet has no filter buttons (Data > Filter adds them).",
  /** Names typed into the Guide's sign-off cells, which signed nothing off. */
  signOffTypedByHand: ({ typed }: { typed: readonly string[] }) =>
    `The Guide's sign-off cells held "${typed.join(", ")}", typed by hand rather than recorded by Sign off; they were cleared. Sign the return off with Sign off when it is final.`,

  /** An entry that is not a level (or a date) moves into the evidence, with a note there and a warning. */
  levelMovedNote: ({ which, by, typed }: { which: "current" | "target"; by: CarryingCommand; typed: string }) =>
    `[${which === "current" ? "Current" : "Target"} level moved here by the ${carriedBy[by]}, not a level: ${typed}]`,
  levelMoved: ({ id, which, typed }: { id: string; which: "current" | "target"; typed: string }) =>
    `${id}: the ${which} level "${typed}" is not a level name; it was kept in the evidence cell.`,
  reviewDateMovedNote: ({ by, typed }: { by: CarryingCommand; typed: string }) =>
    `[Review date moved here by the ${carriedBy[by]}, not a date: ${typed}]`,
  reviewDateMoved: ({ id, typed }: { id: string; typed: string }) =>
    `${id}: the review date "${typed}" is not a date; it was kept in the evidence cell.`,

  // ---- Reading the answers: rows that could not be placed (src/core/answers). ----

  /** A behaviour's entries, by name, in the notes below: current level "Mature" and evidence "…". */
  entry: {
    current: "current level",
    target: "target level",
    evidence: "evidence",
    owner: "owner",
    reviewDate: "review date",
  } satisfies Record<keyof BehaviourAnswer, string>,
  entryHeld: ({ entry, text }: { entry: string; text: string }) => `${entry} "${text}"`,
  secondRow: ({ id, found, kept, answer }: { id: string; found: RowOf; kept: RowOf; answer: string }) =>
    `Behaviour ${id} has a second row, row ${found.row} of "${found.sheet}", with ${answer}; the answers of row ${kept.row} of "${kept.sheet}" were carried, not these. Copy them across if they are the right ones.`,
  rowWithoutId: ({ row, sheet, entries }: RowOf & { entries: readonly string[] }) =>
    `Row ${row} of "${sheet}" has entries that belong to no behaviour (it has no behaviour ID): ${listed(entries)}. They were not carried across; copy them where they belong.`,
  retiredNotCarried: ({ id, row, sheet, answer }: RowOf & { id: string; answer: string }) =>
    `Behaviour ${id} has answers on row ${row} of "${sheet}" (${answer}) as well as its own row, whose answers are the ones the figures count; those of "${sheet}" were not carried. Copy them across if they are the right ones.`,
  /** The action plan's rows: an error value kept as text, and actions for no behaviour. */
  actionErrorValue: ({ row, sheet, errors }: RowOf & { errors: readonly string[] }) =>
    `Row ${row} of "${sheet}" holds an error value (${listed(errors)}); the action was kept with it as text. Type what it should say.`,
  actionsWithoutId: ({ rows, sheet }: { rows: readonly number[]; sheet: string }) =>
    `${rows.length === 1 ? "An action" : `${rows.length} actions`} on "${sheet}" (row ${listed(rows.slice(0, 10).map(String))}${rows.length > 10 ? " and others" : ""}) ${rows.length === 1 ? "has" : "have"} no behaviour ID; kept as typed. Choose the behaviour each action is for.`,
} as const;
