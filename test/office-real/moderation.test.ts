/// <reference types="office-js" />
/**
 * Moderate returns' write into the open workbook through the real office.js client library: the moderation of ten
 * respondents, each answering every behaviour with evidence of a real return's length (merged into one cell per
 * behaviour, named), goes in with every request within the 4 MB the add-in allows itself, beside the user's own
 * sheet, which is untouched; and the workbook ends up holding exactly the core's plan. Into a blank assessment made
 * for the meeting it goes in place, the names the user gave the sheets kept and no sheet added twice.
 */
import { moderateReturns, type Moderation } from "../../src/core/moderate/moderate";
import { planModerationInto } from "../../src/core/moderate/into-workbook";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { knownToolkits } from "../../src/core/toolkit/registry";
import { REQUEST_LIMIT_BYTES } from "../../src/office/request-size";
import { respondentAnswers, snapshotSources } from "../core/moderate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { expectFakeMatchesPlan } from "../office/fake-formats";
import { DETAILS, NOW, noProgress, readBack } from "../office/fixtures";
import { realHostOver } from "../support/office-real";

const toolkit = canonicalToolkit();
const behaviourIds = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));
const COUNCIL = DETAILS.council;

let moderation: Moderation;

beforeAll(async () => {
  const respondents = Array.from({ length: 10 }, (_, n) =>
    respondentAnswers(
      `Respondent ${n + 1}`,
      `Role ${n + 1}`,
      Object.fromEntries(
        behaviourIds.map((id, i) => [
          id,
          {
            current: toolkit.levels[(i + n) % 2],
            target: toolkit.levels[2 + ((i + n) % 3)],
            evidence: `Evidence of respondent ${n + 1}: ${"x".repeat(300)}`,
          },
        ]),
      ),
      COUNCIL,
    ),
  );
  moderation = await moderateReturns(
    snapshotSources(respondents.map((answers, n) => ({ file: `R${n + 1}.xlsx`, answers }))),
    { registry: knownToolkits(), today: "2025-03-01", includeErrors: false },
  );
  expect(moderation.sources).toHaveLength(10);
}, 300_000);

test("ten respondents: every request under 4 MB, the user's sheet untouched, and the workbook holds exactly the plan", async () => {
  const fake = new FakeExcel();
  fake.seedSheet("Budget", { A1: "Mine" });
  const sheetsBefore = fake.state.sheets.map((s) => s.name);
  const { client, host } = realHostOver(fake, { toolkit, now: NOW });
  const outcome = await host.writeModeration(moderation, noProgress);
  expect(outcome.sheets.map((s) => s.role)).toContain("moderation");
  for (const request of client.requests) expect(request.bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  // The sheet list and names, then the write (no assessment to read first).
  expect(client.requests.length).toBeGreaterThanOrEqual(2);
  expect(fake.cell("Budget", "A1")).toMatchObject({ kind: "text", text: "Mine" });
  const into = planModerationInto(moderation, { workbookSheets: sheetsBefore, now: NOW });
  if (!into.ok) throw new Error(into.message);
  await expectFakeMatchesPlan(fake, into.planned.plan);
}, 120_000);

test("into a blank assessment made for the meeting: in place, the sheets' names kept, none added twice", async () => {
  const fake = new FakeExcel();
  const { host: builder } = realHostOver(fake, { toolkit, now: NOW });
  await builder.buildOrUpgrade(DETAILS, noProgress);
  // The user renames the Guide, as users do.
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Guide").name = "Our guide";
    await context.sync();
  });
  const sheetsBefore = fake.state.sheets.map((s) => s.name);
  const { client, host } = realHostOver(fake, { toolkit, now: NOW });
  await host.writeModeration(moderation, noProgress);
  for (const request of client.requests) expect(request.bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  const after = fake.state.sheets.map((s) => s.name);
  // Every sheet that was there is still there under its name, and the one sheet added is the Moderation sheet.
  expect(after.filter((name) => !sheetsBefore.includes(name))).toEqual(["Moderation"]);
  expect(after).toEqual(expect.arrayContaining(sheetsBefore));
  expect(after.some((name) => /\(2\)$/.test(name))).toBe(false);
  // The pickers of the blank assessment now hold the agreed levels.
  const found = (await readBack(fake, toolkit))!;
  expect(found.answers.respondent).toBe("Moderated");
  const agreed = moderation.agreed!.answers.behaviours;
  for (const id of behaviourIds.slice(0, 5)) expect(found.answers.behaviours[id].current).toBe(agreed[id].current);
}, 120_000);
