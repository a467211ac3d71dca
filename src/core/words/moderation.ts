/**
 * The words of moderation (src/core/moderate, the command line's moderate and the pane's Moderate returns): what
 * the log says about each return, and what the user is told when nothing can be moderated.
 */
import { plural } from "../util/words";

export const moderationWords = {
  respondent: "Moderated",
  role: (count: number) => `Agreed in moderation from ${plural(count, "respondent")}`,
  otherCouncil: (council: string, moderated: string) =>
    `Left out: a return of ${council}, not of ${moderated}, the council being moderated. Moderate each council's returns on their own.`,
  noCouncil:
    "Left out: its Guide does not name the council, so it cannot be told to be one of the council's returns. Type the council on its Guide and give it again.",
  alreadyModerated: (count: number) =>
    `Left out: it is already a moderated return (agreed from ${plural(count, "respondent")}), not one respondent's view.`,
  used: (label: string) => `Used: the levels and evidence of ${label}.`,
  tooFew: (count: number) =>
    `Moderation needs the returns of at least two respondents of one council; ${count === 0 ? "none could be used" : "only one could be used"}, so nothing was written.`,
  evidenceCut: (id: string, limit: number) =>
    `${id}: the respondents' evidence together is longer than a cell holds (${limit.toLocaleString("en-GB")} characters), so it was cut; the full text is in each return.`,
  evidenceCutMark: "[…cut here: the rest is in the respondents' returns]",
  summary: (used: number, leftOut: number, council: string, agreed: number, open: number) =>
    `${plural(used, "return")} of ${council} moderated${leftOut > 0 ? ` (${leftOut} left out)` : ""}: ${plural(agreed, "level")} pre-filled where the respondents were within one level, ${plural(open, "level")} left blank for the meeting.`,
} as const;
