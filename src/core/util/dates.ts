import { workbookWords } from "../words/workbook";

/**
 * Dates as Excel keeps them: serial numbers of the 1900 date system, counted in days from the epoch
 * 1899-12-30. (Excel counts 1900-02-29, which never existed, so its serials from March 1900 match a
 * count from 1899-12-30 rather than from 1900-01-01.) The one place the product converts dates.
 */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** true for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Excel serial number of a JS Date read as UTC, time of day as a fraction of a day. */
export const dateToSerial = (date: Date): number => (date.getTime() - EPOCH_MS) / DAY_MS;

/** 1970-01-01, where JS Dates count from, as a serial (25,569). */
const UNIX_EPOCH_SERIAL = -EPOCH_MS / DAY_MS;
/** A 1904-system serial (old Mac workbooks, `date1904`) is this many days less than the 1900 one for the same day. */
const DAYS_1900_TO_1904 = 1_462;

/**
 * A date serial of a workbook's own date system as a 1900-system serial, to the millisecond. The steps
 * are ExcelJS's (a JS Date rounded to the millisecond, lib/utils/utils.js excelToDate) then
 * dateToSerial, as the .xlsx reader took them when ExcelJS read for it, so it gives the same numbers.
 */
export function serialOfDateSystem(serial: number, { date1904 }: { date1904: boolean }): number {
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1900_TO_1904 : 0);
  return dateToSerial(new Date(Math.round(days * DAY_MS)));
}

/** The JS Date (UTC) of an Excel serial number. */
export const serialToDate = (serial: number): Date => new Date(EPOCH_MS + serial * DAY_MS);

/** Excel serial number of an ISO date YYYY-MM-DD. */
export function isoDateToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(dateToSerial(new Date(Date.UTC(y, m - 1, d))));
}

/** ISO date YYYY-MM-DD of an Excel serial number (a time of day is rounded to the nearest day). */
export const serialToIsoDate = (serial: number): string => serialToDate(Math.round(serial)).toISOString().slice(0, 10);

/** dd/mm/yyyy, as British users read and type dates, of an ISO date YYYY-MM-DD. */
export const ukDate = (iso: string): string => iso.split("-").reverse().join("/");

/** A date as officers read it: an ISO date dd/mm/yyyy, and anything else (text typed for a date) as it is. */
export const dateSaid = (text: string): string => (isIsoDate(text) ? ukDate(text) : text);

/** Today in the user's own time zone, YYYY-MM-DD (toISOString would give the UTC date). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The years an assessment date may fall in. Excel shows a date before 1900 as ##### and nobody assesses a
 * council's procurement in 1926 or 2206: such a date is a typing slip, refused wherever a date is entered.
 */
export const ASSESSMENT_YEARS = { first: 2000, last: 2100 } as const;

/** true for a real calendar date written YYYY-MM-DD within ASSESSMENT_YEARS. */
export function isAssessmentDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return isIsoDate(text) && year >= ASSESSMENT_YEARS.first && year <= ASSESSMENT_YEARS.last;
}

/** The earliest date the workbook's date cells accept: earlier dates are almost certainly typing errors. */
export const EARLIEST_DATE = `${ASSESSMENT_YEARS.first}-01-01`;

/** What a date cell's validation says when the entry is not a date on or after EARLIEST_DATE. */
export const DATE_ENTRY_ERROR = {
  title: workbookWords.dateEntryError.title,
  message: workbookWords.dateEntryError.message(ukDate(EARLIEST_DATE)),
} as const;
