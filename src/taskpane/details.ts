import type { AssessmentDetails } from "../app/workbook-host";

/** What the user has typed, before it is checked. */
export interface DetailsForm {
  council: string;
  assessmentDate: string;
}

export type DetailsErrors = Partial<Record<keyof DetailsForm, string>>;

export type CheckedDetails = { ok: true; details: AssessmentDetails } | { ok: false; errors: DetailsErrors };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2024-02-30, which Date would roll over). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today in the user's own time zone, YYYY-MM-DD (toISOString would give the UTC date). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function checkDetails(form: DetailsForm): CheckedDetails {
  const council = form.council.trim().replace(/\s+/g, " ");
  const assessmentDate = form.assessmentDate.trim();
  const errors: DetailsErrors = {};
  if (council === "") errors.council = "Enter your council's name.";
  if (assessmentDate === "") errors.assessmentDate = "Enter the assessment date.";
  else if (!isIsoDate(assessmentDate)) errors.assessmentDate = "Enter a real date as YYYY-MM-DD, for example 2025-03-31.";
  if (errors.council || errors.assessmentDate) return { ok: false, errors };
  return { ok: true, details: { council, assessmentDate } };
}

/**
 * "NPS assessment - <council> - <date>.xlsx", safe on Windows, macOS and Linux: characters that
 * Windows forbids in file names and control characters become spaces, and the council part is
 * capped so the whole name stays well under path limits.
 */
export function downloadFileName(details: AssessmentDetails): string {
  const safe = (text: string) =>
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^\.+|\.+$/g, "")
      .trim();
  const council = safe(details.council).slice(0, 80).trim() || "Council";
  const date = isIsoDate(details.assessmentDate) ? details.assessmentDate : "undated";
  return `NPS assessment - ${council} - ${date}.xlsx`;
}
