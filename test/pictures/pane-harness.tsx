/**
 * The task pane as it looks in Excel, for `npm run docs:pictures`: the real Root and TaskPane, with the
 * real Office.js host (ExcelWorkbookHost) running against the in-memory Excel fake instead of Excel.
 * ?scenario= picks the workbook the pane opens on; ?theme=dark gives it Office's dark theme.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { sampleAnswers } from "../../src/core/answers/sample";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { writeWorkbookPlan } from "../../src/office/write-plan";
import { parseToolkit } from "../../src/core/toolkit/load";
import { realFeatures } from "../../src/taskpane/lazy-features";
import { Root, type Started } from "../../src/taskpane/Root";
import { FakeExcel } from "../fakes/excel-fake";
import { hostFor, writePlanWithAnswers } from "../office/fixtures";
import { PICTURE_COUNCIL, PICTURE_DATE, tamperedPlan, type PaneScenario } from "./scenarios";

// The Excel fake runs in Node for the tests and schedules its syncs with Node's setImmediate.
const withImmediate = globalThis as {
  setImmediate?: (run: (...args: unknown[]) => void, ...args: unknown[]) => unknown;
};
withImmediate.setImmediate ??= (run, ...args) => setTimeout(run, 0, ...args);

const params = new URLSearchParams(window.location.search);
const scenario = (params.get("scenario") ?? "new") as PaneScenario;
const dark = params.get("theme") === "dark";

/** The open workbook of each scenario, as Excel would hand it to the add-in. */
async function workbookFor(which: PaneScenario): Promise<FakeExcel> {
  if (which === "upgrade") {
    // An assessment answered with an earlier release of the toolkit: the add-in's own is newer.
    const fake = new FakeExcel();
    const earlier = parseToolkit({ ...canonicalToolkit(), version: "0.9.0" });
    const answers = sampleAnswers(earlier, PICTURE_DATE);
    await writePlanWithAnswers(fake, earlier, answers, { council: PICTURE_COUNCIL, assessmentDate: PICTURE_DATE });
    return fake;
  }
  if (which === "check") return tamperedAssessment();
  // "built": the user already has a sheet called Summary, so the build says which name it used instead.
  return new FakeExcel({ sheets: which === "built" ? ["Sheet1", "Summary"] : ["Sheet1"] });
}

/** A current assessment with one descriptor edited by hand, written straight into the fake as a build leaves it. */
async function tamperedAssessment(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  const plan = tamperedPlan();
  await fake.run((context) =>
    writeWorkbookPlan(context, plan, { existing: new Map(), existingNames: new Set(), excelApi19: true }, () =>
      context.sync(),
    ),
  );
  return fake;
}

async function start(): Promise<Started> {
  if (scenario === "standalone") return { kind: "standalone", reason: "no-office" };
  const fake = await workbookFor(scenario);
  // The Chromium test looks into the workbook the pane works on: which sheet is active, which sheets exist.
  Object.assign(window, { paneFake: fake });
  return { kind: "excel", host: hostFor(fake), dark };
}

// The standalone page's features are the real ones, loaded as the page loads them.
const features = realFeatures();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Root start={start} features={features} />
  </StrictMode>,
);
