/**
 * The words of a consolidation: why each file was used or left out, what to know about a return that was
 * used, in the log the command line prints, the pane lists and the Consolidation Log sheet keeps. Plain data
 * and small functions beside the other catalogues; test/core/words/words.test.ts checks each is used.
 */
import { dateSaid } from "../util/dates";
import { plural } from "../util/words";

export const consolidateWords = {
  /** Group Summary's blocks of each return's previous figures, shown where some return has previous answers. */
  progress: {
    previousTitle:
      "Previous average current score of each return: from the answers it was started from (blank where it has none)",
    changeTitle:
      "Change in each return's average current score: the mean change of the behaviours with a current level both times (blank where it has none)",
    described:
      " Further down: each return's previous average current score, from the return it was started from, and the change since.",
  },
  /** Why one return is preferred to another from the same council and respondent. */
  because: {
    final: "it is signed off (final) and the other is a draft",
    laterDate: (date: string, other: string) =>
      `it has the later assessment date (${dateSaid(date)} against ${other ? dateSaid(other) : "none"})`,
    savedLater: "it was saved later",
    givenLater: "it was given later",
  },
  checkFound: (errors: number, examples: readonly string[]) =>
    `the check found ${plural(errors, "error")}, for example: ${examples.join("; ")}`,
  unreadable: (problem: string | undefined) => (problem ? `Could not be read. ${problem}` : "Could not be read."),
  groupWorkbook: "it is a group workbook made by consolidating returns, not a return.",
  olderGroupWorkbook:
    "it is a group workbook made by consolidating returns with an earlier version of the add-in, not a return. Consolidating again makes its Group Data sheet as it is now, with the columns added since.",
  notAnAssessment: (problem: string | undefined) =>
    `Not an NPS Toolkit assessment: ${problem ?? "it has neither the add-in's hidden data nor its Guide sheet."}`,
  leftOutErrors: (errors: string) =>
    `Left out because ${errors}. Fix the errors (the check lists them all), or include returns with errors.`,
  leftOutChanged:
    "Left out because its answers or sign-off changed after it was signed off, and only final returns were asked for.",
  leftOutDraft: "Left out because it is a draft (not signed off), and only final returns were asked for.",
  includedWithErrors: (errors: string) => `Included as asked although ${errors}.`,
  olderToolkit: (version: string, target: string) =>
    `Made from toolkit ${version}: its answers were matched to toolkit ${target} by behaviour ID.`,
  moderated: (respondents: number) =>
    `A moderated return: the council's agreed answers from ${plural(respondents, "respondent")}.`,
  changedSinceSignOff: "Signed off, but its answers or sign-off changed since, so it counts as a draft.",
  noCurrentLevels: "No behaviour has a current level yet, so it adds no figure to the group's averages.",
  retiredAnswers: (answers: number, target: string) =>
    `${plural(answers, "answer")} for behaviours toolkit ${target} no longer has ${answers === 1 ? "was" : "were"} not consolidated.`,
  who: (council: string | undefined, respondent: string | undefined) =>
    `${council}${respondent ? `, ${respondent}` : ""}`,
  duplicate: (winner: string, who: string, because: string | undefined) =>
    `Left out: a duplicate of ${winner} (the same council and respondent, ${who}), which was used because ${because}.`,
  usedInstead: (losers: readonly string[], because: readonly (string | undefined)[]) =>
    `Used instead of ${losers.join(", ")} (the same council and respondent) because ${because.join("; ")}.`,
} as const;
