/**
 * What a sign-off request needs (a name, a date), checked the same way by the command line, the
 * Excel host and the task pane's form. On its own, with nothing but dates, so that the pane's first
 * page does not load the planner to check a name.
 */
import { EARLIEST_DATE, isIsoDate } from "../util/dates";
import { signOffWords } from "../words/sign-off";

/** Names longer than this are not names (and would not fit a report column). */
export const MAX_SIGNER_LENGTH = 100;

/** What is wrong with a sign-off as asked (who, and the ISO date), in plain English; null when nothing is. */
export function signOffProblem(by: string, on: string, today: string): string | null {
  const name = by.trim();
  const words = signOffWords.request;
  if (name === "") return words.noName;
  if (name.length > MAX_SIGNER_LENGTH) return words.nameTooLong(MAX_SIGNER_LENGTH);
  if ([...name].some((character) => character.charCodeAt(0) < 32)) return words.oneLine;
  if (!isIsoDate(on)) return words.notADate(on);
  if (on < EARLIEST_DATE) return words.tooEarly(EARLIEST_DATE);
  if (on > today) return words.future(on);
  return null;
}
