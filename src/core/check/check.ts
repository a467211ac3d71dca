/**
 * The checker: a workbook snapshot against what the generator would write for the same answers
 * and sheet names, so the expected text and formulas come from one place (the plan). Pure.
 */
import { guideHasDetails, guideHasPeerDetails, readAssessment, type FoundAssessment } from "../answers/from-snapshot";
import { readModeration } from "../answers/moderation";
import type { ModerationRecord } from "../plan/moderation-types";
import { buildWorkbookPlan, defaultSheetNames } from "../plan/build-plan";
import {
  GUIDE_DETAILS_SINCE_LAYOUT,
  GUIDE_PEERS_SINCE_LAYOUT,
  KEY_AREA_COLUMNS_SINCE_LAYOUT,
  olderKeyAreaColumns,
  METADATA_KEYS,
  type MetadataKey,
} from "../plan/layout";
import type { Answers } from "../plan/answer-types";
import type { WorkbookPlan } from "../plan/types";
import type { WorkbookSnapshot } from "../snapshot/types";
import { toolkitFingerprint } from "../toolkit/load";
import { compareVersions, newestVersion } from "../toolkit/registry";
import type { Toolkit } from "../toolkit/schema";
import { cellAddress } from "../util/a1";
import { checkActions } from "./actions";
import { checkKeyAreaAnswers } from "./answers";
import { compareWithPlan, type PlanComparison } from "./compare-plan";
import { checkFigures } from "./figures";
import { checkGuidePickers, checkInputs } from "./inputs";
import { checkNames } from "./names";
import { checkPrevious } from "./previous";
import { withBehaviours } from "./places";
import { checkSettings } from "./settings";
import { checkSignOff } from "./sign-off-rules";
import { checkActiveContent } from "./active-content";
import { checkDisguise } from "./disguise";
import { checkAgreedLevels, checkSources, type GivenSource } from "./moderation";
import { checkTablesAndCharts } from "./tables-charts";
import { finding } from "./findings";
import type { CheckResult, Finding, FindingSheet } from "./types";
import { findingWords } from "../words/findings";

export interface CheckOptions {
  /** ISO date (YYYY-MM-DD) taken as today, for review dates already past. */
  today: string;
  /** A moderated return's source returns given again, to tell any that changed since (src/core/moderate). */
  sources?: readonly GivenSource[];
}

/** The plan's `now` only stamps the metadata sheet, which the identity rules read instead. */
const PLAN_TIME = new Date(0);

/** Where the metadata sheet holds a property's value. */
const metadataCell = (key: MetadataKey) => cellAddress(METADATA_KEYS.indexOf(key) + 2, 2);

/** Which toolkit version the workbook says it was made from, with the identity findings. */
function identify(
  found: FoundAssessment,
  registry: readonly Toolkit[],
  fallback: Toolkit,
): { toolkit?: Toolkit; findings: Finding[] } {
  const metadataName = found.roles.metadata;
  const where: FindingSheet | undefined = metadataName
    ? { role: "metadata", key: "metadata", name: metadataName }
    : undefined;
  const { toolkitId, toolkitVersion, toolkitFingerprint: fingerprint } = found.info.metadata;
  if (!metadataName)
    return {
      toolkit: fallback,
      findings: [
        finding({
          rule: "identity.metadata-missing",
          message: findingWords.identity.metadataMissing(fallback.version),
          expected: findingWords.identity.metadataMissingExpected,
          found: findingWords.noSuchSheet,
          repairable: true,
        }),
      ],
    };
  if (!toolkitId || !toolkitVersion)
    return {
      toolkit: fallback,
      findings: [
        finding({
          rule: "identity.metadata-unreadable",
          sheet: where,
          cell: metadataCell("toolkitId"),
          message: findingWords.identity.metadataUnreadable(fallback.version),
          expected: findingWords.identity.metadataUnreadableExpected,
          found: `${toolkitId || findingWords.empty} ${toolkitVersion || findingWords.empty}`,
          repairable: true,
        }),
      ],
    };
  const toolkit = registry.find((t) => t.id === toolkitId && t.version === toolkitVersion);
  if (!toolkit)
    return {
      findings: [
        finding({
          rule: "identity.unknown-toolkit",
          sheet: where,
          cell: metadataCell("toolkitVersion"),
          message: findingWords.identity.unknownToolkit(toolkitId, toolkitVersion),
          expected: registry.map((t) => `${t.id} ${t.version}`).join(", "),
          found: `${toolkitId} ${toolkitVersion}`,
          repairable: false,
        }),
      ],
    };
  const findings: Finding[] = [];
  const expectedFingerprint = toolkitFingerprint(toolkit);
  if (fingerprint !== expectedFingerprint)
    findings.push(
      finding({
        rule: "identity.fingerprint-mismatch",
        sheet: where,
        cell: metadataCell("toolkitFingerprint"),
        message: findingWords.identity.fingerprintMismatch(toolkit.version),
        expected: expectedFingerprint,
        found: fingerprint || findingWords.empty,
        repairable: true,
      }),
    );
  const newest = newestVersion(registry, toolkit.id);
  if (newest && compareVersions(toolkit.version, newest.version) < 0)
    findings.push(
      finding({
        rule: "identity.upgrade-available",
        sheet: where,
        cell: metadataCell("toolkitVersion"),
        message: findingWords.identity.upgradeAvailable(toolkit.version, newest.version),
        expected: newest.version,
        found: toolkit.version,
        repairable: true,
      }),
    );
  return { toolkit, findings };
}

/**
 * A workbook made before the Guide had respondent and sign-off cells, or council type and region
 * pickers, or before the key area sheets had today's columns: a repair brings it up to date, keeping every answer.
 */
function layoutOutdated(found: FoundAssessment): Finding {
  const { metadata } = found.info;
  const missing = !guideHasDetails(metadata) ? "details" : !guideHasPeerDetails(metadata) ? "peers" : "keyAreas";
  const since = {
    details: GUIDE_DETAILS_SINCE_LAYOUT,
    peers: GUIDE_PEERS_SINCE_LAYOUT,
    keyAreas: KEY_AREA_COLUMNS_SINCE_LAYOUT,
  };
  return finding({
    rule: "identity.layout-outdated",
    sheet: found.roles.metadata ? { role: "metadata", key: "metadata", name: found.roles.metadata } : undefined,
    cell: found.roles.metadata ? metadataCell("layoutVersion") : undefined,
    message: findingWords.identity.layoutOutdated(missing),
    expected: findingWords.identity.layoutOutdatedExpected(since[missing]),
    found: metadata.layoutVersion ?? findingWords.empty,
    repairable: true,
  });
}

/**
 * The sheets an older layout's key area columns stand apart from this layout's in: the key area sheets and the
 * sheets whose formulas read them by column. Compared with this layout's plan they would differ everywhere by design.
 */
const READS_KEY_AREA_COLUMNS: readonly string[] = ["keyArea", "summary", "gaps", "data"];

/** Plans already built, by toolkit and then by sheet names: a batch of returns mostly shares one. */
const plannedFor = new WeakMap<Toolkit, Map<string, WorkbookPlan>>();
/** Enough for every naming of the sheets in one batch of returns, and still small. */
const PLANS_KEPT = 16;

/**
 * What the generator would write for this toolkit and these sheet names. The answers are left out:
 * the cells they change are input cells, which the sheet comparison leaves to the answer rules
 * (test/core/check/plan-cache.test.ts holds the generator to that), so one plan serves every return
 * of a batch, and is built once.
 */
function planFor(found: FoundAssessment, toolkit: Toolkit, moderation?: ModerationRecord): WorkbookPlan {
  // A moderated return's Moderation sheet holds its respondents' levels: its plan is its own.
  if (moderation)
    return buildWorkbookPlan(toolkit, { behaviours: {} }, { now: PLAN_TIME, sheetNames: found.roles, moderation });
  const plans = plannedFor.get(toolkit) ?? new Map<string, WorkbookPlan>();
  plannedFor.set(toolkit, plans);
  const key = JSON.stringify(found.roles);
  const planned = plans.get(key);
  if (planned) return planned;
  const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { now: PLAN_TIME, sheetNames: found.roles });
  if (plans.size >= PLANS_KEPT) plans.delete(plans.keys().next().value as string);
  plans.set(key, plan);
  return plan;
}

/**
 * Every finding on the sheets the plan has: the plan comparison (compare-plan.ts), then the answer
 * rules on each key area sheet whose columns stand. The metadata sheet is the identity rules'; an
 * older layout's Guide differs from this one by design (identity.layout-outdated says so).
 */
function checkSheets(
  plan: WorkbookPlan,
  snapshot: WorkbookSnapshot,
  toolkit: Toolkit,
  options: CheckOptions & { olderGuide: boolean; olderKeyAreas: boolean; answers: Answers },
): Finding[] {
  const behaviourIds = new Set(toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id))));
  const keyAreas = new Map(toolkit.themes.flatMap((t) => t.keyAreas.map((k) => [k.id, k] as const)));
  const defaultNames = defaultSheetNames(toolkit);
  const compared = compareWithPlan(plan, snapshot, {
    behaviourIds,
    defaults: new Map(plan.sheets.map((s) => [s.name, defaultNames[s.key] ?? s.name])),
    contentSkipped: (sheet) =>
      sheet.role === "metadata" ||
      (sheet.role === "guide" && options.olderGuide) ||
      (options.olderKeyAreas && READS_KEY_AREA_COLUMNS.includes(sheet.role)),
  });
  const findings = [
    ...compared.findings,
    ...checkActiveContent(snapshot, compared.sheets),
    ...checkTablesAndCharts(snapshot, compared.sheets),
    ...compared.sheets.flatMap(checkDisguise),
    ...checkInputs(compared.sheets, behaviourIds),
    ...savedFigures(plan, compared, snapshot, toolkit),
  ];
  const actions = compared.sheets.find((sheet) => sheet.plan.role === "actions");
  const dataName = plan.sheets.find((sheet) => sheet.role === "data")?.name;
  if (actions && dataName)
    findings.push(
      ...checkActions({
        sheet: actions,
        toolkit,
        answers: options.answers,
        today: options.today,
        source: { dataSheet: dataName, behaviours: behaviourIds.size },
      }),
    );
  for (const { plan: sheet, actual, where, rows, columnsIntact } of compared.sheets) {
    const keyArea = sheet.keyAreaId ? keyAreas.get(sheet.keyAreaId) : undefined;
    if (keyArea && columnsIntact)
      findings.push(
        ...checkKeyAreaAnswers({ sheet: actual, where, keyArea, levels: toolkit.levels, rows, today: options.today }),
      );
  }
  return findings;
}

/** Saved results that are not what the answers give, but for the cells whose formula is already reported. */
function savedFigures(plan: WorkbookPlan, compared: PlanComparison, snapshot: WorkbookSnapshot, toolkit: Toolkit) {
  const reported = new Set(
    compared.findings
      .filter((f) => f.rule === "formula.changed" || f.rule === "formula.error-value")
      .map((f) => `${f.sheet?.name}!${f.cell}`),
  );
  return checkFigures(plan, compared.sheets, snapshot, toolkit, reported);
}

/**
 * Checks a workbook snapshot against the toolkit it says it was made from (one of `registry`, every
 * toolkit version the product knows; the newest of them is canonical).
 */
export function checkWorkbook(
  snapshot: WorkbookSnapshot,
  registry: readonly Toolkit[],
  options: CheckOptions,
): CheckResult {
  const canonical = registry.reduce((newest, t) => (compareVersions(t.version, newest.version) > 0 ? t : newest));
  const located = readAssessment(snapshot, canonical);
  if (!located)
    return {
      findings: [
        finding({
          rule: "identity.not-an-assessment",
          message: findingWords.identity.notAnAssessment,
          expected: findingWords.identity.notAnAssessmentExpected,
          found: findingWords.identity.notAnAssessmentFound,
          repairable: false,
        }),
      ],
    };
  const identity = identify(located, registry, canonical);
  if (!identity.toolkit) return { findings: identity.findings };
  const toolkit = identity.toolkit;
  const found = toolkit === canonical ? located : (readAssessment(snapshot, toolkit) ?? located);
  const olderGuide = !guideHasPeerDetails(found.info.metadata);
  const olderKeyAreas = olderKeyAreaColumns(found.info.metadata.layoutVersion) !== undefined;
  const moderation = readModeration(snapshot, found.roles);
  const plan = planFor(found, toolkit, moderation);
  const findings = withBehaviours(
    [
      ...identity.findings,
      ...(olderGuide || olderKeyAreas ? [layoutOutdated(found)] : []),
      ...checkSheets(plan, snapshot, toolkit, { ...options, olderGuide, olderKeyAreas, answers: found.answers }),
      ...checkNames(plan, snapshot, found, toolkit),
      ...checkSettings(snapshot),
      ...checkSignOff(found, toolkit),
      ...checkPrevious(found, toolkit),
      ...(moderation ? checkAgreedLevels(found, moderation, toolkit, plan) : []),
      ...(moderation && options.sources ? checkSources(moderation, options.sources) : []),
      ...(olderGuide ? [] : checkGuidePickers(snapshot, found)),
    ],
    snapshot,
    toolkit,
  );
  return { findings, toolkit: { id: toolkit.id, version: toolkit.version } };
}
