/**
 * Workbook settings under which the figures lie or stop updating. The add-in never sets them; a
 * workbook carries them from whoever saved it last, and a repaired copy is written without them.
 */
import type { WorkbookSnapshot } from "../snapshot/types";
import { finding } from "./findings";
import type { Finding } from "./types";
import { findingWords } from "../words/findings";

/** A finding for each setting that makes Summary, Gaps and Data show figures the answers do not give. */
export function checkSettings(snapshot: WorkbookSnapshot): Finding[] {
  const settings = snapshot.settings;
  if (!settings) return [];
  const findings: Finding[] = [];
  if (settings.calculation === "manual")
    findings.push(
      finding({
        rule: "settings.manual-calculation",
        message: findingWords.settings.manualCalculation,
        expected: findingWords.settings.automatic,
        found: findingWords.settings.manual,
        repairable: true,
      }),
    );
  if (settings.precisionAsDisplayed)
    findings.push(
      finding({
        rule: "settings.precision-as-displayed",
        message: findingWords.settings.precisionAsDisplayed,
        expected: findingWords.settings.fullPrecision,
        found: findingWords.settings.asDisplayed,
        repairable: true,
      }),
    );
  if (settings.date1904)
    findings.push(
      finding({
        rule: "settings.date-1904",
        message: findingWords.settings.date1904,
        expected: findingWords.settings.system1900,
        found: findingWords.settings.system1904,
        repairable: true,
      }),
    );
  return findings;
}
