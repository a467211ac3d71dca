/**
 * A key-area sheet the user hid: an upgrade shows it again (the plan shows every key area) before it touches its
 * freeze panes, which fail on a hidden sheet (OfficeDev/office-js #1463; the fake refuses them), and the very
 * hidden metadata sheet gets no freeze-pane call at all.
 */
import { buildWorkbookPlan } from "../../src/core/plan/build-plan";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { FakeExcel, FakeOfficeError } from "../fakes/excel-fake";
import { realClientOver } from "../support/office-real";
import { ExcelWorkbookHost } from "../../src/office/excel-host";
import { DETAILS, hostFor, noProgress, NOW } from "./fixtures";

const toolkit = canonicalToolkit();
const plan = buildWorkbookPlan(toolkit, { behaviours: {} }, { ...DETAILS, now: NOW });
const keyArea = plan.sheets.find((s) => s.freeze && s.key !== "gaps" && s.key !== "data" && s.key !== "summary")!;

test("the fake refuses freeze-pane calls on a hidden sheet", async () => {
  const fake = new FakeExcel();
  fake.seedSheet("Hidden", {}, "Hidden");
  const context = fake.newContext();
  context.workbook.worksheets.getItem("Hidden").freezePanes.unfreeze();
  await expect(context.sync()).rejects.toBeInstanceOf(FakeOfficeError);
});

test.each([false, true])(
  "an upgrade shows a hidden key-area sheet before its panes, and freezes them (real client: %s)",
  async (real) => {
    const fake = new FakeExcel();
    await hostFor(fake).buildOrUpgrade(DETAILS, noProgress);
    fake.sheet(keyArea.name).visibility = "Hidden";
    fake.sheet(keyArea.name).freeze = { rows: 0, columns: 0 };
    const client = real ? realClientOver(fake) : null;
    const host = new ExcelWorkbookHost({
      run: client?.run ?? fake.run,
      isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= 1.9,
      toolkit,
      now: () => NOW,
    });
    await host.buildOrUpgrade(DETAILS, noProgress);
    expect(fake.sheet(keyArea.name).visibility).toBe("Visible");
    expect(fake.sheet(keyArea.name).freeze).toEqual(keyArea.freeze);
  },
);
