/**
 * The rules of a moderated return: an agreed level outside the respondents' range needs a moderation note saying
 * why, and a source return given again must still be the one moderated (its answers' fingerprint unchanged).
 */
import type { FoundAssessment } from "../answers/from-snapshot";
import { canonicalLevel } from "../plan/answers";
import { MODERATION } from "../plan/layout";
import type { ModerationRecord } from "../plan/moderation-types";
import { levelRange, respondentLabel } from "../plan/moderation-sheet";
import type { WorkbookPlan } from "../plan/types";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { finding } from "./findings";
import type { Finding, FindingSheet } from "./types";
import { sameness } from "../util/words";
import { findingWords } from "../words/findings";

/** A source return given again to the check, as moderation reads it (src/core/moderate sourceFingerprint). */
export interface GivenSource {
  file: string;
  respondent: string;
  answersFingerprint: string;
}

/** The row of each behaviour on the Moderation sheet as planned: the checker's plan keeps toolkit order. */
function plannedRows(plan: WorkbookPlan): Map<string, number> {
  const sheet = plan.sheets.find((s) => s.role === "moderation");
  const block = sheet?.blocks.find((b) => b.at === cellAddress(MODERATION.headerRow, 1));
  const rows = new Map<string, number>();
  block?.cells
    .slice(1)
    .forEach((cells, i) => rows.set(String(cells[MODERATION.columns.id - 1]), MODERATION.firstRow + i));
  return rows;
}

/** Agreed levels (the key area pickers) outside the range the respondents gave, where the note says nothing. */
export function checkAgreedLevels(
  found: FoundAssessment,
  record: ModerationRecord,
  toolkit: Toolkit,
  plan: WorkbookPlan,
): Finding[] {
  const sheetName = found.roles.moderation;
  const where: FindingSheet | undefined = sheetName
    ? { role: "moderation", key: "moderation", name: sheetName }
    : undefined;
  const rows = plannedRows(plan);
  const findings: Finding[] = [];
  for (const behaviour of toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours))) {
    if ((record.notes[behaviour.id] ?? "").trim() !== "") continue;
    const given = record.levels[behaviour.id] ?? [];
    const answer = found.answers.behaviours[behaviour.id] ?? {};
    for (const which of ["current", "target"] as const) {
      const agreed = canonicalLevel(toolkit.levels, answer[which] ?? "");
      const range = levelRange(
        given.map((g) => canonicalLevel(toolkit.levels, g[which]) ?? ""),
        toolkit.levels,
      );
      if (!agreed || !range) continue;
      const score = toolkit.levels.indexOf(agreed) + 1;
      if (score >= range.lowest && score <= range.highest) continue;
      const [low, high] = [toolkit.levels[range.lowest - 1], toolkit.levels[range.highest - 1]];
      const row = rows.get(behaviour.id);
      findings.push(
        finding({
          rule: "moderation.agreed-outside-range",
          ...(where ? { sheet: where } : {}),
          ...(where && row ? { cell: cellAddress(row, MODERATION.columns.note) } : {}),
          message: findingWords.moderation.agreedOutsideRange({ which, id: behaviour.id, agreed, low, high }),
          expected: findingWords.moderation.agreedOutsideRangeExpected({ which, low, high }),
          found: agreed,
          repairable: false,
          behaviour: { id: behaviour.id, name: behaviour.name },
        }),
      );
    }
  }
  return findings;
}

/**
 * Each source return given again against the one moderated: the same respondent whose answers changed since, and
 * a return that was not one of the sources. A source not given again is not looked at.
 */
export function checkSources(record: ModerationRecord, given: readonly GivenSource[]): Finding[] {
  return given.flatMap((source): Finding[] => {
    const moderated = record.sources.find((s) => sameness(s.respondent) === sameness(source.respondent));
    if (!moderated)
      return [
        finding({
          rule: "moderation.source-not-moderated",
          message: findingWords.moderation.sourceNotModerated({ file: source.file, respondent: source.respondent }),
          expected: record.sources.map(respondentLabel).join(", "),
          found: source.respondent || source.file,
          repairable: false,
        }),
      ];
    if (moderated.answersFingerprint === source.answersFingerprint) return [];
    return [
      finding({
        rule: "moderation.source-changed",
        message: findingWords.moderation.sourceChanged({
          respondent: respondentLabel(moderated),
          file: source.file,
          moderatedFrom: moderated.file,
        }),
        // No expected or found: the two fingerprints are 64 hexadecimal digits that tell a reader nothing.
        repairable: false,
      }),
    ];
  });
}
