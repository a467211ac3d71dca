import { UserFacingError, type AssessmentOutcome, type WorkbookStatus } from "../../src/app/workbook-host";
import type { CheckResult, Finding } from "../../src/core/check/types";
import {
  initialState,
  isBusy,
  paneReducer,
  primaryAction,
  primaryActionLabel,
  toShownError,
  type PaneState,
  type ShownError,
} from "../../src/taskpane/state";

const now = new Date(2025, 2, 31, 10, 0, 0);
const existing = (upgradeAvailable: boolean): WorkbookStatus => ({
  existing: {
    council: "Anytown Borough Council",
    assessmentDate: "2024-11-05",
    toolkitVersion: "2018.1",
    upgradeAvailable,
    assessedCount: 12,
    behaviourCount: 40,
    keyAreas: [],
  },
  check: null,
});
const outcome: AssessmentOutcome = { action: "built", sheets: [{ name: "Guide", role: "guide" }], notes: [] };
const shown: ShownError = { message: "Excel is busy.", nextStep: "Try again.", offerDownload: false };

const ready = (mode: "excel" | "standalone" = "excel"): PaneState =>
  paneReducer(initialState(mode, now), { type: "statusLoaded", status: { existing: null, check: null } });
const working = () => paneReducer(ready(), { type: "workStarted", step: "Reading your workbook" });

describe("initialState", () => {
  it("waits for the workbook in Excel, with today's date filled in", () => {
    const state = initialState("excel", now);
    expect(state.phase).toEqual({ kind: "checking" });
    expect(state.form).toEqual({ council: "", assessmentDate: "31/03/2025", councilType: "", region: "" });
    expect(isBusy(state)).toBe(true);
  });

  it("is ready at once outside Excel", () => {
    const state = initialState("standalone", now);
    expect(state.phase).toEqual({ kind: "ready" });
    expect(isBusy(state)).toBe(false);
  });
});

describe("statusLoaded", () => {
  it("makes the form ready and keeps an empty form when the workbook has no assessment", () => {
    const state = ready();
    expect(state.phase).toEqual({ kind: "ready" });
    expect(state.status).toEqual({ existing: null, check: null });
    expect(state.form.council).toBe("");
  });

  it("fills the form from an existing assessment", () => {
    const state = paneReducer(initialState("excel", now), { type: "statusLoaded", status: existing(true) });
    expect(state.form).toEqual({
      council: "Anytown Borough Council",
      assessmentDate: "05/11/2024",
      councilType: "",
      region: "",
    });
  });

  it("fills the council type and region from an assessment that names them, unless the user picked", () => {
    const named: WorkbookStatus = {
      ...existing(true),
      existing: { ...existing(true).existing!, councilType: "District", region: "Wales" },
    };
    const state = paneReducer(initialState("excel", now), { type: "statusLoaded", status: named });
    expect(state.form).toMatchObject({ councilType: "District", region: "Wales" });
    const picked = paneReducer(initialState("excel", now), { type: "fieldChanged", field: "region", value: "London" });
    expect(paneReducer(picked, { type: "statusLoaded", status: named }).form).toMatchObject({
      councilType: "District",
      region: "London",
    });
  });

  it("never overwrites what the user typed", () => {
    const typed = paneReducer(initialState("excel", now), { type: "fieldChanged", field: "council", value: "Mine" });
    const state = paneReducer(typed, { type: "statusLoaded", status: existing(true) });
    expect(state.form).toEqual({ council: "Mine", assessmentDate: "05/11/2024", councilType: "", region: "" });
  });

  it("leaves a shown result in place when the status is read again after a build", () => {
    const built = paneReducer(working(), { type: "buildSucceeded", outcome });
    const state = paneReducer(built, { type: "statusLoaded", status: existing(false) });
    expect(state.phase).toEqual({ kind: "built", outcome });
    expect(primaryAction(state)).toBe("repair");
  });

  it("keeps a shown result in place, and adds the error, when the status read after a build fails", () => {
    const built = paneReducer(working(), { type: "buildSucceeded", outcome });
    const state = paneReducer(built, { type: "statusFailed", error: { ...shown, offerDownload: true } });
    expect(state.phase).toEqual({ kind: "built", outcome, statusError: { ...shown, offerDownload: true } });
    expect(primaryAction(state)).toBe("download");
  });

  it("shows a failed first status read as an error", () => {
    const state = paneReducer(initialState("excel", now), { type: "statusFailed", error: shown });
    expect(state.phase).toEqual({ kind: "failed", error: shown });
    expect(isBusy(state)).toBe(false);
  });
});

describe("fieldChanged and validationFailed", () => {
  it("stores the value and clears only that field's error", () => {
    const failed = paneReducer(ready(), {
      type: "validationFailed",
      errors: { council: "Enter your council's name.", assessmentDate: "Enter the assessment date." },
    });
    expect(failed.fieldErrors.council).toBeDefined();
    const state = paneReducer(failed, { type: "fieldChanged", field: "council", value: "Anytown" });
    expect(state.form.council).toBe("Anytown");
    expect(state.touched.council).toBe(true);
    expect(state.fieldErrors).toEqual({ assessmentDate: "Enter the assessment date." });
  });
});

describe("work", () => {
  it("starts with the first step at zero and clears field errors", () => {
    const withErrors = paneReducer(ready(), { type: "validationFailed", errors: { council: "x" } });
    const state = paneReducer(withErrors, { type: "workStarted", step: "Reading your workbook" });
    expect(state.phase).toEqual({ kind: "working", progress: { step: "Reading your workbook", fraction: 0 } });
    expect(state.fieldErrors).toEqual({});
    expect(isBusy(state)).toBe(true);
  });

  it("ignores a second start while working", () => {
    const first = working();
    expect(paneReducer(first, { type: "workStarted", step: "Again" })).toBe(first);
  });

  it("reports progress, kept between 0 and 1", () => {
    let state = paneReducer(working(), { type: "progressed", update: { step: "Writing sheets", fraction: 0.5 } });
    expect(state.phase).toEqual({ kind: "working", progress: { step: "Writing sheets", fraction: 0.5 } });
    state = paneReducer(state, { type: "progressed", update: { step: "Finishing", fraction: 7 } });
    expect(state.phase).toEqual({ kind: "working", progress: { step: "Finishing", fraction: 1 } });
    state = paneReducer(state, { type: "progressed", update: { step: "Odd", fraction: Number.NaN } });
    expect(state.phase).toEqual({ kind: "working", progress: { step: "Odd", fraction: 0 } });
  });

  it("ignores progress that arrives after the work ended", () => {
    const built = paneReducer(working(), { type: "buildSucceeded", outcome });
    expect(paneReducer(built, { type: "progressed", update: { step: "Late", fraction: 0.9 } })).toBe(built);
  });

  it("shows the outcome of a build", () => {
    const state = paneReducer(working(), { type: "buildSucceeded", outcome });
    expect(state.phase).toEqual({ kind: "built", outcome });
    expect(isBusy(state)).toBe(false);
  });

  it("shows the name of a downloaded file", () => {
    const state = paneReducer(working(), { type: "downloadSucceeded", fileName: "a.xlsx" });
    expect(state.phase).toEqual({ kind: "downloaded", fileName: "a.xlsx" });
  });

  it("shows an error and lets the user try again", () => {
    const state = paneReducer(working(), { type: "failed", error: shown });
    expect(state.phase).toEqual({ kind: "failed", error: shown });
    expect(state.downloadOffered).toBe(false);
    expect(primaryAction(state)).toBe("build");
    expect(paneReducer(state, { type: "workStarted", step: "Again" }).phase.kind).toBe("working");
  });

  it("switches to the download for good once the host offers it", () => {
    let state = paneReducer(working(), { type: "failed", error: { ...shown, offerDownload: true } });
    expect(state.downloadOffered).toBe(true);
    expect(primaryAction(state)).toBe("download");
    state = paneReducer(state, { type: "failed", error: shown });
    expect(primaryAction(state)).toBe("download");
  });
});

describe("primaryAction", () => {
  it.each([
    ["no assessment", { existing: null, check: null }, "build", "Build assessment"],
    ["an older assessment", existing(true), "upgrade", "Upgrade assessment"],
    ["a current assessment", existing(false), "repair", "Repair assessment"],
  ] as const)("offers the right action for %s", (_, status, action, label) => {
    const state = paneReducer(initialState("excel", now), { type: "statusLoaded", status });
    expect(primaryAction(state)).toBe(action);
    expect(primaryActionLabel[primaryAction(state)]).toBe(label);
  });

  it("always downloads outside Excel", () => {
    expect(primaryActionLabel[primaryAction(ready("standalone"))]).toBe("Download a new assessment workbook");
  });
});

describe("toShownError", () => {
  it("passes a UserFacingError's words through", () => {
    expect(
      toShownError(new UserFacingError({ message: "Too old.", nextStep: "Download it.", offerDownload: true })),
    ).toEqual({
      message: "Too old.",
      nextStep: "Download it.",
      offerDownload: true,
    });
  });

  it("recognises a UserFacingError from another copy of the class", () => {
    const copy = Object.assign(new Error("Busy."), {
      name: "UserFacingError",
      nextStep: "Wait.",
      offerDownload: false,
    });
    expect(toShownError(copy)).toEqual({ message: "Busy.", nextStep: "Wait.", offerDownload: false });
  });

  it("words anything else plainly, with a next step", () => {
    const error = toShownError(new TypeError("x is undefined"));
    expect(error.message).toContain("did not expect");
    expect(error.message).toContain("x is undefined");
    expect(error.nextStep).toMatch(/^Try again/);
    expect(toShownError("odd").message).toBe("Something went wrong that the add-in did not expect.");
  });
});

describe("the check", () => {
  const finding = (severity: Finding["severity"], repairable = true): Finding => ({
    rule: severity === "error" ? "content.descriptor-edited" : "answer.evidence-missing",
    severity,
    sheet: { role: "keyArea", key: "keyArea:SL-ECSM", name: "1.1 Leadership" },
    cell: "D9",
    message: "Edited.",
    repairable,
  });
  const result: CheckResult = { findings: [finding("error"), finding("warning", false)] };
  const opened = () =>
    paneReducer(initialState("excel", now), { type: "statusLoaded", status: { ...existing(false), check: result } });
  const checking = () => paneReducer(opened(), { type: "checkStarted", step: "Reading your workbook" });
  const listed = () => paneReducer(checking(), { type: "checkSucceeded", result });

  it("takes the counts from the status read on opening, without listing the findings", () => {
    const state = opened();
    expect(state.check.result).toBe(result);
    expect(state.check.listed).toBe(false);
    expect(state.check.resultNumber).toBe(1);
  });

  it("runs with progress kept between 0 and 1, and is busy meanwhile", () => {
    let state = checking();
    expect(state.check.progress).toEqual({ step: "Reading your workbook", fraction: 0 });
    expect(isBusy(state)).toBe(true);
    state = paneReducer(state, { type: "checkProgressed", update: { step: "Checking", fraction: 3 } });
    expect(state.check.progress).toEqual({ step: "Checking", fraction: 1 });
    expect(paneReducer(state, { type: "checkStarted", step: "Again" })).toBe(state);
  });

  it("lists a finished check's findings and ignores late progress", () => {
    const state = listed();
    expect(state.check).toMatchObject({ result, listed: true, progress: null, error: null, resultNumber: 2 });
    expect(isBusy(state)).toBe(false);
    expect(paneReducer(state, { type: "checkProgressed", update: { step: "Late", fraction: 0.5 } })).toBe(state);
  });

  it("keeps the findings listed when a status read (after a repair) brings a new result", () => {
    const fresh: CheckResult = { findings: [finding("warning", false)] };
    const reported = paneReducer(listed(), { type: "reportAdded", sheet: "Check report" });
    const state = paneReducer(reported, { type: "statusLoaded", status: { ...existing(false), check: fresh } });
    expect(state.check).toMatchObject({ result: fresh, listed: true, reportSheet: null, resultNumber: 3 });
  });

  it("keeps the list in view beside a failed check or action, and clears the error on the next success", () => {
    let state = paneReducer(checking(), { type: "checkFailed", error: shown });
    expect(state.check).toMatchObject({ result, progress: null, error: shown });
    state = paneReducer(listed(), { type: "checkActionFailed", error: shown });
    expect(state.check).toMatchObject({ result, listed: true, error: shown });
    expect(paneReducer(state, { type: "cellSelected" }).check.error).toBeNull();
    expect(paneReducer(state, { type: "reportAdded", sheet: "Check report" }).check).toMatchObject({
      error: null,
      reportSheet: "Check report",
    });
  });

  it("offers the download for good when a check says the host cannot work here", () => {
    const state = paneReducer(checking(), { type: "checkFailed", error: { ...shown, offerDownload: true } });
    expect(primaryAction(state)).toBe("download");
  });

  it("remembers a copy, or the text to copy by hand when the clipboard was refused", () => {
    expect(paneReducer(listed(), { type: "copied" }).check.copy).toEqual({ kind: "copied" });
    const refused = paneReducer(listed(), { type: "copyRefused", text: "Check: 1 error" });
    expect(refused.check.copy).toEqual({ kind: "refused", text: "Check: 1 error" });
    // Starting again puts the copy away with the old result's other outcomes.
    expect(paneReducer(refused, { type: "checkStarted", step: "Again" }).check.copy).toBeNull();
  });

  it("drops the last file's findings at once when a new file is chosen, and names the file checked", () => {
    let state = paneReducer(ready("standalone"), { type: "checkStarted", step: "Loading" });
    state = paneReducer(state, { type: "checkSucceeded", result, fileName: "a.xlsx" });
    expect(state.check).toMatchObject({ result, fileName: "a.xlsx", listed: true });
    state = paneReducer(state, { type: "checkStarted", step: "Loading", replacing: true });
    expect(state.check).toMatchObject({ result: null, fileName: null, listed: false });
    expect(state.check.progress).toEqual({ step: "Loading", fraction: 0 });
  });

  it("keeps the findings beside a downloaded repaired copy", () => {
    let state = paneReducer(ready("standalone"), { type: "checkSucceeded", result, fileName: "a.xlsx" });
    state = paneReducer(state, { type: "checkStarted", step: "Preparing the repaired copy" });
    state = paneReducer(state, { type: "repairedCopyDownloaded", fileName: "a (repaired).xlsx" });
    expect(state.check).toMatchObject({ result, listed: true, progress: null, repairedFile: "a (repaired).xlsx" });
  });
});
