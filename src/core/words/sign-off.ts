/**
 * The words of a sign-off: why a return was not signed off and what to do next, what a sign-off says it did,
 * and what is wrong with a request to sign off. Plain data and small functions, beside the pane's and the
 * findings' catalogues; test/core/words/words.test.ts checks each is used and none is built elsewhere.
 */
import { ukDate } from "../util/dates";
import { plural } from "../util/words";
import { paneWords } from "./pane";

/** A key area with behaviours that have no current level yet, as the sign-off names it. */
interface AreaCount {
  name: string;
  assessed: number;
  behaviours: number;
}
const areaLine = (area: AreaCount) =>
  `${area.name} (${area.assessed} of ${plural(area.behaviours, "behaviour")} with a current level)`;

export const signOffWords = {
  blocked: (errors: number) =>
    `This return has ${plural(errors, "error")} (a figure on Summary, Gaps or Data cannot be trusted, or the toolkit's text was changed), so it was not signed off.`,
  signedOff: (by: string, on: string) =>
    `Signed off by ${by} on ${ukDate(on)}: a record of every answer is kept with it, so any later change shows as changed since sign-off.`,
  incomplete: (areas: readonly AreaCount[]) =>
    `This return is not complete, so it was not signed off: ${areas.length === 1 ? "one key area has" : `${areas.length} key areas have`} behaviours without a current level: ${areas.map(areaLine).join("; ")}.`,
  incompleteNote: (areas: readonly AreaCount[]) =>
    `Signed off although it is not complete, as asked: ${areas.map(areaLine).join("; ")}.`,
  noAnswers: "This return has no answers yet: no behaviour has a current level, so there is nothing to sign off.",
  noAnswersNext: "Pick a current level for each behaviour first; then sign off.",
  noAssessment: "This workbook holds no assessment to sign off.",
  noAssessmentNext: "Build the assessment and answer it first; then sign it off.",
  errorsNext:
    "Open the Check tab and check the workbook: correct the errors it lists, or use Repair or Upgrade where it says they fix them; then sign off again.",
  /** Said by the pane (the command line says its own): its Sign off form lists the key areas and has the tick box. */
  incompleteNext: `Pick a current level for every behaviour in the key areas listed below, then sign off again; or tick “${paneWords.signOff.allowIncomplete}” below and sign off.`,
  noSignOffCells: "This assessment's Guide has no sign-off cells: it was made by an earlier version of the add-in.",
  noSignOffCellsNext: "Upgrade fixes this and keeps every answer; then sign off.",

  /** What is wrong with a request to sign off (who and when). */
  request: {
    noName: "Say who signs the answers off: a name is needed.",
    nameTooLong: (max: number) => `The name is too long: at most ${max} characters.`,
    oneLine: "The name must be on one line.",
    notADate: (on: string) => `The sign-off date must be a real date written YYYY-MM-DD (got "${on}").`,
    tooEarly: (earliest: string) => `The sign-off date must be on or after ${ukDate(earliest)}.`,
    future: (on: string) => `The sign-off date ${ukDate(on)} is in the future.`,
  },
} as const;
