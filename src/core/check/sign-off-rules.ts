/**
 * The sign-off rules: a return signed off and unchanged since is worth knowing; one whose answers
 * changed after sign-off, or whose Guide shows a sign-off that Sign off did not record, is not final
 * and needs attention before a lead counts it as final.
 */
import type { FoundAssessment } from "../answers/from-snapshot";
import { readSignOff } from "../assessment/sign-off";
import { GUIDE } from "../plan/layout";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { finding } from "./findings";
import type { Finding, FindingSheet } from "./types";
import { findingWords } from "../words/findings";

const SIGNED_OFF_BY = cellAddress(GUIDE.signedOffByCell.row, GUIDE.signedOffByCell.column);

const pair = (by: string, on: string) =>
  by || on ? `${by || findingWords.empty}, ${on || findingWords.empty}` : findingWords.empty;

export function checkSignOff(found: FoundAssessment, toolkit: Toolkit): Finding[] {
  const reading = readSignOff(found, toolkit);
  const guide: FindingSheet | undefined = found.roles.guide
    ? { role: "guide", key: "guide", name: found.roles.guide }
    : undefined;
  const cell = guide ? SIGNED_OFF_BY : undefined;
  const { recorded } = reading;
  const shown = pair(found.info.signedOffBy, found.info.signedOffOn);
  const findings: Finding[] = [];
  if (recorded && reading.answersChanged)
    findings.push(
      finding({
        rule: "signoff.answers-changed",
        sheet: guide,
        cell,
        // No expected or found: the two fingerprints are 64 hexadecimal digits that tell a reader nothing.
        message: findingWords.signOff.answersChanged(recorded.by, recorded.on),
        repairable: false,
      }),
    );
  if (reading.guideDiffers)
    findings.push(
      finding({
        rule: "signoff.not-recorded",
        sheet: guide,
        cell,
        message: recorded
          ? findingWords.signOff.notRecorded(recorded.by, recorded.on)
          : findingWords.signOff.filledByHand,
        expected: recorded ? pair(recorded.by, recorded.on) : findingWords.signOff.emptyUntilSignOff,
        found: shown,
        repairable: true,
      }),
    );
  if (recorded && reading.state === "final")
    findings.push(
      finding({
        rule: "signoff.signed-off",
        sheet: guide,
        cell,
        message: findingWords.signOff.signedOff(recorded.by, recorded.on),
        repairable: false,
      }),
    );
  return findings;
}
