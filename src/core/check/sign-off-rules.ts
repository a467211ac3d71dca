/**
 * The sign-off rules: a return signed off and unchanged since is worth knowing; one whose answers
 * changed after sign-off, or whose Guide shows a sign-off that Sign off did not record, is not final
 * and needs attention before a lead counts it as final.
 */
import { answersFingerprint } from "../answers/fingerprint";
import type { FoundAssessment } from "../answers/from-snapshot";
import { readSignOff } from "../assessment/sign-off";
import { GUIDE } from "../plan/layout";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { isIsoDate, ukDate } from "../util/dates";
import { finding } from "./findings";
import type { Finding, FindingSheet } from "./types";

const SIGNED_OFF_BY = cellAddress(GUIDE.signedOffByCell.row, GUIDE.signedOffByCell.column);

const shownDate = (on: string) => (isIsoDate(on) ? ukDate(on) : on);
const pair = (by: string, on: string) => (by || on ? `${by || "(empty)"}, ${on || "(empty)"}` : "(empty)");

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
        message: `Signed off by ${recorded.by} on ${shownDate(recorded.on)}, but the answers have changed since, so this return is not final. Check the answers and sign it off again.`,
        expected: recorded.answersFingerprint,
        found: answersFingerprint(found.answers, recorded, toolkit),
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
          ? `The Guide's sign-off is not the one Sign off recorded (by ${recorded.by} on ${shownDate(recorded.on)}), so this return is not final.`
          : "The Guide's sign-off cells were filled in by hand, not by Sign off, so this return is a draft, not final.",
        expected: recorded ? pair(recorded.by, recorded.on) : "(empty until Sign off)",
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
        message: `Signed off by ${recorded.by} on ${shownDate(recorded.on)}; no answer has changed since.`,
        repairable: false,
      }),
    );
  return findings;
}
