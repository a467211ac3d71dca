/**
 * What a check's findings mean for signing off, for the sign-off use case's callers (the Excel host and the
 * command line): errors stop it, warnings are told. In the check, below the sign-off use case (sign-off/sign-off.ts),
 * because it reads the check's findings.
 */
import type { CheckResult, Finding } from "./types";
import { findingWords } from "../words/findings";

/** The findings that stop a sign-off: errors mean a figure cannot be trusted, so nobody should sign it off. */
export const signOffBlockers = (check: CheckResult): Finding[] => check.findings.filter((f) => f.severity === "error");

/**
 * What the check found that does not stop a sign-off (warnings: a picker removed, a sheet unprotected…), in
 * one sentence for the signer; null when it found none. The count is the pane's check's, read the same way.
 */
export function signOffWarningsNote(check: CheckResult): string | null {
  const warnings = check.findings.filter((f) => f.severity === "warning").length;
  if (warnings === 0) return null;
  return findingWords.signOff.warningsNote(warnings);
}
