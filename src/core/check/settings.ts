/**
 * Workbook settings under which the figures lie or stop updating. The add-in never sets them; a
 * workbook carries them from whoever saved it last, and a repaired copy is written without them.
 */
import type { WorkbookSnapshot } from "../snapshot/types";
import { finding } from "./findings";
import type { Finding } from "./types";

/** A finding for each setting that makes Summary, Gaps and Data show figures the answers do not give. */
export function checkSettings(snapshot: WorkbookSnapshot): Finding[] {
  const settings = snapshot.settings;
  if (!settings) return [];
  const findings: Finding[] = [];
  if (settings.calculation === "manual")
    findings.push(
      finding({
        rule: "settings.manual-calculation",
        message:
          "This workbook is set to calculate manually, so Summary, Gaps and Data do not update when an answer changes and may show old figures. Set Formulas > Calculation Options to Automatic.",
        expected: "automatic calculation",
        found: "manual calculation",
        repairable: true,
      }),
    );
  if (settings.precisionAsDisplayed)
    findings.push(
      finding({
        rule: "settings.precision-as-displayed",
        message:
          'This workbook is set to "precision as displayed", so every figure is cut to the digits it shows and averages built on them are wrong. Clear File > Options > Advanced > "Set precision as displayed".',
        expected: "full precision",
        found: "precision as displayed",
        repairable: true,
      }),
    );
  if (settings.date1904)
    findings.push(
      finding({
        rule: "settings.date-1904",
        message:
          'This workbook uses the 1904 date system, so dates the add-in writes, and dates copied from other workbooks, move by four years. Clear File > Options > Advanced > "Use 1904 date system" only after checking every date, or repair the workbook.',
        expected: "the 1900 date system",
        found: "the 1904 date system",
        repairable: true,
      }),
    );
  return findings;
}
