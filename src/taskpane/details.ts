import type { AssessmentDetails } from "../app/workbook-host";
import { ASSESSMENT_YEARS, isAssessmentDate, isIsoDate, ukDate } from "../core/util/dates";

/** What the user has typed, before it is checked. */
export interface DetailsForm {
  council: string;
  assessmentDate: string;
}

export type DetailsErrors = Partial<Record<keyof DetailsForm, string>>;

export type CheckedDetails = { ok: true; details: AssessmentDetails } | { ok: false; errors: DetailsErrors };

/** An ISO date as the pane shows it, dd/mm/yyyy like the workbook; anything else is shown as it is. */
export function britishDate(iso: string): string {
  return isIsoDate(iso) ? ukDate(iso) : iso;
}

export function checkDetails(form: DetailsForm): CheckedDetails {
  const council = form.council.trim().replace(/\s+/g, " ");
  const assessmentDate = form.assessmentDate.trim();
  const errors: DetailsErrors = {};
  if (council === "") errors.council = "Enter your council's name.";
  if (assessmentDate === "") errors.assessmentDate = "Enter the assessment date.";
  else if (!isAssessmentDate(assessmentDate))
    errors.assessmentDate = `Enter a real date between ${ASSESSMENT_YEARS.first} and ${ASSESSMENT_YEARS.last} as YYYY-MM-DD, for example 2025-03-31.`;
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
