/// <reference types="office-js" />
/**
 * Consolidate's write into the open workbook through the real office.js client library: the table-name read goes
 * through the real proxies, every request stays within the 4 MB the add-in allows itself (a large group takes more
 * requests, never a larger one), and the fake ends up holding exactly the core's group plan.
 */
import { consolidate } from "../../src/core/consolidate/consolidate";
import { planGroupSheetsInto } from "../../src/core/consolidate/group-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { ExcelWorkbookHost } from "../../src/office/excel-host";
import { REQUEST_LIMIT_BYTES } from "../../src/office/request-size";
import { examinedReturn } from "../consolidate/fixtures";
import { FakeExcel } from "../fakes/excel-fake";
import { NOW, noProgress } from "../office/fixtures";
import { expectFakeMatchesPlan } from "../office/fake-formats";
import { realClientOver } from "../support/office-real";

const toolkit = canonicalToolkit();
const behaviourIds = toolkit.themes.flatMap((t) => t.keyAreas.flatMap((k) => k.behaviours.map((b) => b.id)));

/** A return answering every behaviour, with evidence long enough to weigh like a real one. */
const examined = (position: number) =>
  examinedReturn(
    position,
    { council: `Council ${position}` },
    {
      answers: Object.fromEntries(
        behaviourIds.map((id) => [
          id,
          { current: "Developing", target: "Mature", evidence: `Evidence ${"x".repeat(200)}` },
        ]),
      ),
    },
  );

function realHost(fake: FakeExcel) {
  const client = realClientOver(fake);
  const host = new ExcelWorkbookHost({
    run: client.run,
    isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= 1.9,
    toolkit,
    now: () => NOW,
  });
  return { client, host };
}

test.each([2, 400])(
  "%i returns: every request under 4 MB, and the workbook holds exactly the group plan",
  async (n) => {
    const consolidation = consolidate(
      Array.from({ length: n }, (_, i) => examined(i)),
      toolkit,
      { includeErrors: false, finalOnly: false },
    );
    const fake = new FakeExcel();
    fake.seedSheet("Group Summary", { A1: "Mine" });
    const { client, host } = realHost(fake);
    const names = await host.writeGroupSheets(consolidation, noProgress);
    expect(names).toEqual(["Group Summary (2)", "Group Data", "Consolidation Log"]);
    expect(fake.cell("Group Summary", "A1")).toMatchObject({ kind: "text", text: "Mine" });
    for (const request of client.requests) expect(request.bytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    if (n > 100) expect(client.requests.length).toBeGreaterThan(2);
    else expect(client.requests).toHaveLength(2);
    const planned = planGroupSheetsInto(consolidation, { sheets: ["Group Summary"], tables: [] }, NOW);
    await expectFakeMatchesPlan(fake, planned!.plan);
  },
);

test("the earlier Group Data table is found through the real client, and the second write refused", async () => {
  const consolidation = consolidate([examined(0)], toolkit, { includeErrors: false, finalOnly: false });
  const fake = new FakeExcel();
  await realHost(fake).host.writeGroupSheets(consolidation, noProgress);
  const { client, host } = realHost(fake);
  await expect(host.writeGroupSheets(consolidation, noProgress)).rejects.toMatchObject({ name: "UserFacingError" });
  expect(client.requests).toHaveLength(1);
});
