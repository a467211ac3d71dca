/**
 * The previous answers rule: the Previous columns hold last year's levels and evidence as the carry-forward
 * wrote them, and the metadata records their fingerprint, so a previous level or evidence edited by hand since
 * (the columns are locked, but protection has no password) no longer matches the record.
 */
import { previousFingerprint } from "../answers/fingerprint";
import type { FoundAssessment } from "../answers/from-snapshot";
import type { Toolkit } from "../toolkit/schema";
import { finding } from "./findings";
import type { Finding } from "./types";
import { findingWords } from "../words/findings";

export function checkPrevious(found: FoundAssessment, toolkit: Toolkit): Finding[] {
  const previous = found.answers.previous;
  if (!previous) return [];
  const { file, assessmentDate, answersFingerprint: recorded } = previous.source;
  const shown = previousFingerprint(previous.behaviours, assessmentDate, toolkit);
  if (shown === recorded) return [];
  return [
    finding({
      rule: "previous.changed",
      // A workbook that records no source at all was not started from last year's return.
      message: [file, assessmentDate, recorded].some((value) => value !== "")
        ? findingWords.previous.changed(file, assessmentDate)
        : findingWords.previous.notCarried,
      // No expected or found: the two fingerprints are 64 hexadecimal digits that tell a reader nothing.
      repairable: false,
    }),
  ];
}
