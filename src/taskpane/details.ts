import type { AssessmentDetails } from "../app/workbook-host";
import { listedChoice } from "../core/plan/council-groups";
import { ASSESSMENT_YEARS, dateSaid, isAssessmentDate, isIsoDate } from "../core/util/dates";
import { paneWords } from "../core/words/pane";

/** What the user has typed, before it is checked: the date as dd/mm/yyyy, whatever the browser's language. */
export interface DetailsForm {
  council: string;
  assessmentDate: string;
  /** Picked from the Guide's lists (src/core/plan/council-groups.ts); "" or absent when not picked. */
  councilType?: string;
  region?: string;
}

/**
 * The date the user typed as an ISO date: dd/mm/yyyy (or d/m/yyyy, with / . or - between), as British
 * users write dates; a date already written YYYY-MM-DD is taken as it is. null when it is neither.
 */
export function typedDateToIso(typed: string): string | null {
  const text = typed.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!match) return null;
  const pad = (part: string) => part.padStart(2, "0");
  return `${match[3]}-${pad(match[2])}-${pad(match[1])}`;
}

/** The date in words beside the field ("Monday 31 March 2025"), once what is typed is a real date. */
export function typedDateInWords(typed: string): string | null {
  const iso = typedDateToIso(typed);
  return iso && isAssessmentDate(iso) ? paneWords.dateInWords(iso) : null;
}

export type DetailsErrors = Partial<Record<keyof DetailsForm, string>>;

export type CheckedDetails = { ok: true; details: AssessmentDetails } | { ok: false; errors: DetailsErrors };

/** Text with every ISO date in it (a review date in a finding) written dd/mm/yyyy, as everywhere in the pane. */
export function britishDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => dateSaid(iso));
}

/** A typed assessment date (dd/mm/yyyy) as an ISO date, or what is wrong with it. */
export function checkDate(typed: string): { ok: true; iso: string } | { ok: false; error: string } {
  const text = typed.trim();
  if (text === "") return { ok: false, error: paneWords.details.dateMissing };
  const iso = typedDateToIso(text) ?? "";
  if (!isAssessmentDate(iso))
    return { ok: false, error: paneWords.details.dateInvalid(ASSESSMENT_YEARS.first, ASSESSMENT_YEARS.last) };
  return { ok: true, iso };
}

export function checkDetails(form: DetailsForm): CheckedDetails {
  const council = form.council.trim().replace(/\s+/g, " ");
  const date = checkDate(form.assessmentDate);
  const errors: DetailsErrors = {};
  if (council === "") errors.council = paneWords.details.councilMissing;
  if (!date.ok) errors.assessmentDate = date.error;
  const councilType = listedChoice("councilType", form.councilType);
  const region = listedChoice("region", form.region);
  if ((form.councilType ?? "").trim() !== "" && !councilType)
    errors.councilType = paneWords.details.notListed("council type");
  if ((form.region ?? "").trim() !== "" && !region) errors.region = paneWords.details.notListed("region");
  if (Object.keys(errors).length > 0 || !date.ok) return { ok: false, errors };
  return {
    ok: true,
    details: {
      council,
      assessmentDate: date.iso,
      ...(councilType ? { councilType } : {}),
      ...(region ? { region } : {}),
    },
  };
}

/**
 * A council's name as part of a file name, safe on Windows, macOS and Linux: characters that Windows forbids in
 * file names and control characters become spaces, and it is capped so the whole name stays well under path
 * limits; "" when nothing is left.
 */
export function safeFileNamePart(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^\.+|\.+$/g, "")
      .trim()
      .slice(0, 80)
      .trim()
  );
}

/**
 * "NPS assessment - <council> - <date>.xlsx", safe on Windows, macOS and Linux: characters that
 * Windows forbids in file names and control characters become spaces, and the council part is
 * capped so the whole name stays well under path limits.
 */
export function downloadFileName(details: AssessmentDetails): string {
  const names = paneWords.fileNames;
  const council = safeFileNamePart(details.council) || names.councilMissing;
  const date = isIsoDate(details.assessmentDate) ? details.assessmentDate : names.undated;
  return names.assessment(council, date);
}
