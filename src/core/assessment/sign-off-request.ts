/**
 * What a sign-off request needs (a name, a date), checked the same way by the command line, the
 * Excel host and the task pane's form. On its own, with nothing but dates, so that the pane's first
 * page does not load the planner to check a name.
 */
import { EARLIEST_DATE, isIsoDate, ukDate } from "../util/dates";

/** Names longer than this are not names (and would not fit a report column). */
export const MAX_SIGNER_LENGTH = 100;

/** What is wrong with a sign-off as asked (who, and the ISO date), in plain English; null when nothing is. */
export function signOffProblem(by: string, on: string, today: string): string | null {
  const name = by.trim();
  if (name === "") return "Say who signs the answers off: a name is needed.";
  if (name.length > MAX_SIGNER_LENGTH) return `The name is too long: at most ${MAX_SIGNER_LENGTH} characters.`;
  if ([...name].some((character) => character.charCodeAt(0) < 32)) return "The name must be on one line.";
  if (!isIsoDate(on)) return `The sign-off date must be a real date written YYYY-MM-DD (got "${on}").`;
  if (on < EARLIEST_DATE) return `The sign-off date must be on or after ${ukDate(EARLIEST_DATE)}.`;
  if (on > today) return `The sign-off date ${ukDate(on)} is in the future.`;
  return null;
}
