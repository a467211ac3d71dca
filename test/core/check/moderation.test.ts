/**
 * The moderation rules of the checker: an agreed level outside the respondents' range with no note, and a source
 * return changed since; and the Moderation sheet kept, notes and all, by a repair.
 */
import { planRepairedCopy } from "../../../src/core/assessment/plan-assessment";
import { checkWorkbook } from "../../../src/core/check/check";
import type { Finding } from "../../../src/core/check/types";
import {
  givenSources,
  moderateReturns,
  planModeratedWorkbook,
  type Moderation,
} from "../../../src/core/moderate/moderate";
import { MODERATION } from "../../../src/core/plan/layout";
import { knownToolkits } from "../../../src/core/toolkit/registry";
import { cellAddress } from "../../../src/core/util/a1";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read-xlsx";
import { writePlanToBuffer } from "../../../src/xlsx/write-xlsx";
import { NOW, snapshotSources, THREE, TODAY } from "../moderate/fixtures";

const registry = knownToolkits();
const sources = () => snapshotSources(THREE.map((answers, i) => ({ file: `R${i + 1}.xlsx`, answers })));
let moderation: Moderation;

beforeAll(async () => {
  moderation = await moderateReturns(sources(), { registry, today: TODAY, includeErrors: false });
}, 60_000);

/** The moderated workbook with the agreed answers and notes changed as the meeting might, written and read back. */
async function moderatedSnapshot(change: (m: Moderation) => void) {
  const changed = structuredClone(moderation);
  change(changed);
  return readSnapshotFromBuffer(await writePlanToBuffer(planModeratedWorkbook(changed, { now: NOW })));
}

const moderationFindings = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith("moderation."));

test("an agreed level outside the respondents' range warns until a moderation note says why", async () => {
  const snapshot = await moderatedSnapshot((m) => {
    m.agreed!.answers.behaviours["SL-ECSM-01"].current = "Minimum"; // respondents: Mature to Leader, no note
    m.agreed!.answers.behaviours["SL-ECSM-02"].current = "Innovator"; // respondents: Developing to Mature, a note
    m.agreed!.record.notes["SL-ECSM-02"] = "The meeting saw the new contract register.";
  });
  const findings = checkWorkbook(snapshot, registry, { today: TODAY }).findings;
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(moderationFindings(findings)).toEqual([
    expect.objectContaining({
      rule: "moderation.agreed-outside-range",
      severity: "warning",
      sheet: expect.objectContaining({ name: "Moderation" }),
      cell: cellAddress(MODERATION.firstRow, MODERATION.columns.note),
      behaviour: expect.objectContaining({ id: "SL-ECSM-01" }),
      message: expect.stringContaining("Mature to Leader"),
    }),
  ]);
});

test("a repair keeps the Moderation sheet: every respondent's levels, the notes and the sources", async () => {
  const snapshot = await moderatedSnapshot((m) => {
    m.agreed!.record.notes["SL-ECSM-03"] = "Agreed Mature: see the audit report.";
  });
  const repaired = planRepairedCopy(snapshot, registry[registry.length - 1], NOW)!;
  const original = planModeratedWorkbook(
    {
      ...moderation,
      agreed: {
        ...moderation.agreed!,
        record: { ...moderation.agreed!.record, notes: { "SL-ECSM-03": "Agreed Mature: see the audit report." } },
      },
    },
    { now: NOW },
  );
  const sheet = (plan: typeof original, role: string) => plan.sheets.find((s) => s.role === role);
  expect(sheet(repaired.plan, "moderation")).toEqual(sheet(original, "moderation"));
  expect(sheet(repaired.plan, "metadata")?.blocks.slice(1)).toEqual(sheet(original, "metadata")?.blocks.slice(1));
});

test("a source return given again that changed since is named; unchanged ones and strangers are told apart", async () => {
  const snapshot = await moderatedSnapshot(() => undefined);
  const changedBob = structuredClone(THREE[1]);
  changedBob.behaviours["SL-ECSM-02"].current = "Innovator";
  const { given, notRead } = await givenSources(
    snapshotSources([
      { file: "R1.xlsx", answers: THREE[0] },
      { file: "R2-later.xlsx", answers: changedBob },
      { file: "someone.xlsx", answers: { ...THREE[2], respondent: "Dan Green" } },
    ]),
    { registry, today: TODAY },
  );
  expect(notRead).toEqual([]);
  const findings = moderationFindings(checkWorkbook(snapshot, registry, { today: TODAY, sources: given }).findings);
  expect(findings.map((f) => [f.rule, f.severity])).toEqual([
    ["moderation.source-changed", "warning"],
    ["moderation.source-not-moderated", "info"],
  ]);
  expect(findings[0].message).toContain("Bob Jones (R2-later.xlsx)");
  expect(findings[1].message).toContain("Dan Green");
});
