/** @jest-environment jsdom */
/** The task pane's Check task: in Excel (findings grouped by sheet, Go to cell, repair, the report) and on a file outside Excel. */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import {
  UserFacingError,
  type AssessmentDetails,
  type ProgressUpdate,
  type WorkbookHost,
  type WorkbookStatus,
} from "../../src/app/workbook-host";
import { reportText } from "../../src/core/check/report";
import type { CheckResult, Finding } from "../../src/core/check/types";
import type { FileChecker } from "../../src/taskpane/features";
import {
  builtOutcome,
  fakeHost,
  keyAreas,
  noDownload,
  openTab,
  renderPane,
  typeCouncil,
  viewLoaded,
} from "./pane-fixtures";

const AREA = { role: "keyArea" as const, key: "keyArea:SL-ECSM", name: "1.1 Leadership" };
const SUMMARY = { role: "summary" as const, key: "summary", name: "Summary" };
const LONG_DESCRIPTOR =
  "The council has a procurement strategy, agreed by members, that sets out how procurement supports the council's wider objectives, and it is reviewed every year.";

const tamperedCheck: CheckResult = {
  toolkit: { id: "nps-2018", version: "1.0.0" },
  findings: [
    {
      rule: "answer.evidence-missing",
      severity: "warning",
      sheet: AREA,
      cell: "K10",
      message: "A level at Mature or above has no evidence.",
      repairable: false,
    },
    {
      rule: "content.descriptor-edited",
      severity: "error",
      sheet: AREA,
      cell: "D9",
      behaviour: { id: "SL-ECSM-01", name: "Influence and Impact" },
      message: "A descriptor was edited.",
      expected: LONG_DESCRIPTOR,
      found: `${LONG_DESCRIPTOR} (as agreed locally)`,
      repairable: true,
    },
    {
      rule: "formula.changed",
      severity: "error",
      sheet: SUMMARY,
      cell: "C5",
      message: "A formula differs from the one the toolkit writes.",
      expected: "AVERAGE('1.1 Leadership'!M9:M12)",
      found: "3",
      repairable: true,
    },
    {
      rule: "identity.upgrade-available",
      severity: "warning",
      message: "A newer toolkit version is available.",
      repairable: true,
    },
    {
      rule: "answer.key-area-incomplete",
      severity: "info",
      sheet: AREA,
      message: "2 of 4 behaviours are assessed.",
      repairable: false,
    },
  ],
};

const assessed = (check: CheckResult | null, council = "Anytown Borough Council"): WorkbookStatus => ({
  existing: {
    council,
    assessmentDate: "2024-11-05",
    toolkitVersion: "1.0.0",
    upgradeAvailable: false,
    assessedCount: 12,
    behaviourCount: 40,
    keyAreas,
  },
  check,
});

const section = (name: string) => screen.getByRole("region", { name });
const checkButton = () => within(section("Check against the toolkit")).getByRole("button", { name: "Check" });

/** Opens the pane on an assessment and its Check task, whose tab shows once the status is read. */
async function openCheckTab(host: WorkbookHost) {
  renderPane(host);
  fireEvent.click(await screen.findByRole("tab", { name: "Check" }));
  await viewLoaded();
}

async function openAndCheck(host: WorkbookHost) {
  await openCheckTab(host);
  fireEvent.click(checkButton());
  return screen.findByText("Check finished.");
}

describe("TaskPane's check in Excel", () => {
  it("shows the counts from opening in the status and at the top of Check, before any list; notes not counted", async () => {
    renderPane(fakeHost({}, assessed(tamperedCheck)).host);
    const where = await screen.findByRole("region", { name: "Where the assessment stands" });
    const countsIn = (place: HTMLElement) =>
      within(within(place).getByRole("list", { name: "Findings by severity" }))
        .getAllByRole("listitem")
        .map((item) => item.textContent);
    expect(countsIn(where)).toEqual(["2 errors", "2 warnings"]);
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    await viewLoaded();
    const check = screen.getByRole("region", { name: "Check against the toolkit" });
    expect(within(check).getByText("When the pane opened, the check of this workbook found:")).toBeTruthy();
    expect(countsIn(check)).toEqual(["2 errors", "2 warnings"]);
    expect(screen.queryByRole("button", { name: /Go to cell/ })).toBeNull();
  });

  it("See the findings checks the workbook again and lists what it found, with focus on the counts", async () => {
    const check = jest.fn(async () => assessed(tamperedCheck));
    renderPane(fakeHost({ check }, assessed(tamperedCheck)).host);
    const where = await screen.findByRole("region", { name: "Where the assessment stands" });
    fireEvent.click(within(where).getByRole("button", { name: "See the findings" }));
    expect((await screen.findAllByRole("button", { name: /Go to cell/ })).length).toBeGreaterThan(0);
    expect(check).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement?.id).toBe("check-summary"));
  });

  it("offers no See the findings when the check found nothing", async () => {
    renderPane(fakeHost({}, assessed({ findings: [] })).host);
    await screen.findByRole("region", { name: "Where the assessment stands" });
    expect(screen.queryByRole("button", { name: "See the findings" })).toBeNull();
  });

  it("Check brings the progress up to date with the levels picked since the pane opened", async () => {
    let status = assessed({ findings: [] });
    const { host } = fakeHost({ status: async () => status, check: async () => status });
    renderPane(host);
    const where = await screen.findByRole("region", { name: "Where the assessment stands" });
    const before = status.existing!;
    const assessedLine = (count: number) => `Assessed ${count} of ${before.behaviourCount} behaviours`;
    expect(within(where).getByText(assessedLine(before.assessedCount))).toBeTruthy();
    status = { ...status, existing: { ...before, assessedCount: before.assessedCount + 3 } };
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    await viewLoaded();
    fireEvent.click(checkButton());
    await screen.findByText("Check finished.");
    fireEvent.click(screen.getByRole("tab", { name: "Assessment" }));
    expect(await screen.findByText(assessedLine(before.assessedCount + 3))).toBeTruthy();
  });

  it("says so when the check found nothing", async () => {
    renderPane(fakeHost({}, assessed({ findings: [] })).host);
    expect(await screen.findByText("No findings: the workbook matches its toolkit.")).toBeTruthy();
  });

  it("shows zero counts in grey, without the alarm icon", async () => {
    renderPane(fakeHost({}, assessed({ findings: tamperedCheck.findings.filter((f) => f.severity !== "error") })).host);
    const where = await screen.findByRole("region", { name: "Where the assessment stands" });
    const [errors, warnings] = within(where)
      .getAllByRole("listitem")
      .filter((item) => /error|warning/.test(item.textContent ?? ""));
    expect(errors.textContent).toBe("0 errors");
    expect(errors.querySelector("svg")).toBeNull();
    expect(warnings.querySelector("svg")).not.toBeNull();
    expect(errors.className).not.toBe(warnings.className);
  });

  it("has no check section when the workbook holds no assessment", async () => {
    renderPane(fakeHost().host);
    await screen.findByRole("button", { name: "Build assessment" });
    expect(screen.queryByRole("tab", { name: "Check" })).toBeNull();
  });

  it("checks again with a progress bar, then lists findings by severity and sheet and moves focus to them", async () => {
    let finish: (status: WorkbookStatus) => void = () => undefined;
    let report: (update: ProgressUpdate) => void = () => undefined;
    const { host } = fakeHost(
      {
        check: (onProgress) => {
          report = onProgress;
          return new Promise((resolve) => (finish = resolve));
        },
      },
      assessed({ findings: [] }),
    );
    await openCheckTab(host);
    fireEvent.click(checkButton());
    act(() => report({ step: "Reading your workbook", fraction: 0.3 }));
    expect((await screen.findByRole("progressbar")).getAttribute("aria-valuenow")).toBe("0.3");
    expect(checkButton().getAttribute("aria-disabled")).toBe("true");
    await act(async () => finish(assessed(tamperedCheck)));

    const title = await screen.findByText("Check finished.");
    const summary = document.getElementById("check-summary")!;
    expect(summary.contains(title)).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.queryByRole("progressbar")).toBeNull();
    // The summary sits in a live region, so it is announced; it is the one count line.
    expect(summary.closest("[aria-live]")?.getAttribute("aria-live")).toBe("polite");
    expect(screen.getAllByRole("list", { name: "Findings by severity" })).toHaveLength(1);
    // Errors first, then warnings; in each, the sheets in the checker's order. The completeness note is
    // the status's progress bars, so no notes group is left.
    expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual([
      "Errors (2)",
      "Warnings (2)",
    ]);
    expect(screen.getAllByRole("heading", { level: 5 }).map((h) => h.textContent)).toEqual([
      "1.1 Leadership (1)",
      "Summary (1)",
      "1.1 Leadership (1)",
      "The whole workbook (1)",
    ]);
    const errors = section("Errors");
    expect(within(errors).getByText("A descriptor was edited.")).toBeTruthy();
    expect(within(errors).getAllByText(/^Repair restores the toolkit's text/)).toHaveLength(2);
    expect(within(section("Warnings")).getAllByText(/^Repair restores the toolkit's text/)).toHaveLength(1);
  });

  it("names the behaviour and the key area of a finding on a behaviour's row, and no behaviour for one elsewhere", async () => {
    await openAndCheck(fakeHost({}, assessed(tamperedCheck)).host);
    const detailsOf = (message: string) => {
      const item = screen.getByText(message).closest("li")!;
      return [...item.querySelectorAll("dt")].map(
        (term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`,
      );
    };
    expect(detailsOf("A descriptor was edited.")).toEqual(
      expect.arrayContaining(["Key area: 1.1 Leadership", "Behaviour: SL-ECSM-01 Influence and Impact", "Cell: D9"]),
    );
    expect(detailsOf("A level at Mature or above has no evidence.").some((d) => d.startsWith("Behaviour"))).toBe(false);
  });

  it("shows edited toolkit text as the words that changed, and clips a long formula until asked", async () => {
    await openAndCheck(fakeHost({}, assessed(tamperedCheck)).host);
    const errors = section("Errors");
    // The word diff: the added words marked, the unchanged paragraph shortened to its end.
    const added = await within(errors).findByText("(as agreed locally)", { exact: false, selector: "ins" });
    expect(added.textContent).toBe("[added:  (as agreed locally)]");
    expect(within(errors).queryByText(LONG_DESCRIPTOR)).toBeNull();
    expect(within(errors).getByText(/^…/)).toBeTruthy();
  });

  it("goes to a finding's cell on its sheet", async () => {
    const selected: [string, string | undefined][] = [];
    const { host, calls } = fakeHost(
      { selectCell: async (sheet, cell) => void selected.push([sheet, cell]) },
      assessed(tamperedCheck),
    );
    await openAndCheck(host);
    fireEvent.click(within(section("Errors")).getByRole("button", { name: "Go to cell C5" }));
    await waitFor(() => expect(selected).toEqual([["Summary", "C5"]]));
    // A finding with no sheet (the workbook's identity) has no button.
    expect(screen.getAllByRole("button", { name: /^Go to cell/ })).toHaveLength(3);
    expect(calls.selected).toEqual([]);
  });

  it("goes to the sheet for a finding about a whole sheet, and says what to do for one on the hidden sheet", async () => {
    const findings: Finding[] = [
      {
        rule: "protection.sheet-unprotected",
        severity: "warning",
        sheet: AREA,
        message: "Unprotected.",
        repairable: true,
      },
      {
        rule: "identity.layout-outdated",
        severity: "warning",
        sheet: { role: "metadata", key: "metadata", name: "NPS_Metadata" },
        cell: "B4",
        message: "Made with an older layout.",
        repairable: true,
      },
    ];
    const { host, calls } = fakeHost({}, assessed({ findings }));
    await openAndCheck(host);
    fireEvent.click(screen.getByRole("button", { name: "Go to sheet" }));
    await waitFor(() => expect(calls.selected).toEqual(["1.1 Leadership"]));
    // The add-in's own hidden sheet is named by what it is, never by its internal name, and has no Go to.
    expect(document.body.textContent).not.toMatch(/NPS_Metadata/);
    expect(screen.getByRole("heading", { name: "The add-in's hidden data (1)" })).toBeTruthy();
    expect(screen.getByText(/keeps hidden, so there is no cell to go to: Repair puts it right/)).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /^Go to/ })).toHaveLength(1);
  });

  it("says why Go to cell failed, in plain English, and keeps the list", async () => {
    const { host } = fakeHost(
      {
        selectCell: async (sheet) => {
          throw new UserFacingError({
            message: `The sheet "${sheet}" is no longer in this workbook.`,
            nextStep: "Check again.",
          });
        },
      },
      assessed(tamperedCheck),
    );
    await openAndCheck(host);
    fireEvent.click(screen.getByRole("button", { name: "Go to cell D9" }));
    expect(await screen.findByText('The sheet "1.1 Leadership" is no longer in this workbook.')).toBeTruthy();
    expect(screen.getByText(/Check again\./)).toBeTruthy();
    expect(screen.getByText("A descriptor was edited.")).toBeTruthy();
  });

  it("repairs with the workbook's own details, then checks again and shows the new counts", async () => {
    let status = assessed(tamperedCheck);
    const built: AssessmentDetails[] = [];
    const { host } = fakeHost({
      status: async () => status,
      check: async () => status,
      buildOrUpgrade: async (details, onProgress) => {
        built.push(details);
        onProgress({ step: "Writing the key area sheets", fraction: 0.5 });
        status = assessed({ findings: tamperedCheck.findings.filter((f) => !f.repairable) });
        return { ...builtOutcome, action: "repaired" };
      },
    });
    renderPane(host);
    fireEvent.click(await screen.findByRole("button", { name: "Change the details, or repair…" }));
    await screen.findByRole("button", { name: "Repair assessment" });
    // What the user typed in the form is not the workbook's: Repair keeps the workbook's details.
    typeCouncil("Somewhere else");
    await openTab("Check");
    fireEvent.click(checkButton());
    expect(await screen.findByText(/Repair fixes 3 findings: it rewrites the toolkit's sheets/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Repair" }));

    expect(await screen.findByText("Assessment repaired.")).toBeTruthy();
    const counts = await screen.findByRole("list", { name: "Findings by severity" });
    await waitFor(() => expect(counts.textContent).toBe("0 errors1 warning"));
    expect(built).toEqual([{ council: "Anytown Borough Council", assessmentDate: "2024-11-05" }]);
    expect(screen.getByText("Assessment repaired.")).toBeTruthy();
    expect(screen.queryByText("A descriptor was edited.")).toBeNull();
    expect(screen.getByText("A level at Mature or above has no evidence.")).toBeTruthy();
    // Nothing left that Repair fixes, so no Repair button.
    expect(screen.queryByRole("button", { name: "Repair" })).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe("check-summary"));
  });

  it("adds the report to the workbook, names its sheet and links to it", async () => {
    const reported: CheckResult[] = [];
    const { host, calls } = fakeHost(
      {
        addCheckReport: async (result) => {
          reported.push(result);
          return "Check report (2)";
        },
      },
      assessed(tamperedCheck),
    );
    await openAndCheck(host);
    fireEvent.click(screen.getByRole("button", { name: "Add report to workbook" }));
    expect(await screen.findByText("Report added.")).toBeTruthy();
    expect(reported).toEqual([tamperedCheck]);
    const link = screen.getByRole("button", { name: "Go to “Check report (2)”" });
    await waitFor(() => expect(document.activeElement).toBe(link));
    fireEvent.click(link);
    await waitFor(() => expect(calls.selected).toEqual(["Check report (2)"]));
  });

  it("says why the report could not be added, and keeps the list", async () => {
    const { host } = fakeHost(
      {
        addCheckReport: async () => {
          throw new UserFacingError({
            message: "Excel could not add the sheet.",
            nextStep: "Unprotect the workbook's structure.",
          });
        },
      },
      assessed(tamperedCheck),
    );
    await openAndCheck(host);
    fireEvent.click(screen.getByRole("button", { name: "Add report to workbook" }));
    expect(await screen.findByText("Excel could not add the sheet.")).toBeTruthy();
    expect(screen.getByText("A descriptor was edited.")).toBeTruthy();
    expect(screen.queryByText("Report added.")).toBeNull();
  });

  describe("Copy", () => {
    const clipboard = { writeText: jest.fn<Promise<void>, [string]>() };
    beforeAll(() => Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true }));
    afterAll(() => delete (navigator as { clipboard?: unknown }).clipboard);
    beforeEach(() => clipboard.writeText.mockReset());

    const expectedText = reportText(tamperedCheck, "Check of the NPS assessment for Anytown Borough Council");

    it("puts the report text on the clipboard", async () => {
      clipboard.writeText.mockResolvedValue(undefined);
      await openAndCheck(fakeHost({}, assessed(tamperedCheck)).host);
      fireEvent.click(screen.getByRole("button", { name: "Copy" }));
      expect(await screen.findByText(/Copied the findings to the clipboard/)).toBeTruthy();
      expect(clipboard.writeText.mock.calls).toEqual([[expectedText]]);
      expect(expectedText.split("\n")).toHaveLength(2 + tamperedCheck.findings.length);
    });

    it("selects the text in a box and says to press Ctrl+C when the clipboard is refused", async () => {
      clipboard.writeText.mockRejectedValue(new DOMException("Write permission denied.", "NotAllowedError"));
      const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
      await openAndCheck(fakeHost({}, assessed(tamperedCheck)).host);
      fireEvent.click(screen.getByRole("button", { name: "Copy" }));
      const box = (await screen.findByRole("textbox", { name: "The findings as text" })) as HTMLTextAreaElement;
      expect(box.value).toBe(expectedText);
      expect(box.readOnly).toBe(true);
      expect(screen.getByText(/press Ctrl\+C/)).toBeTruthy();
      await waitFor(() => expect(document.activeElement).toBe(box));
      expect([box.selectionStart, box.selectionEnd]).toEqual([0, expectedText.length]);
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
    });
  });

  it("offers Build when a check finds the assessment gone", async () => {
    let status = assessed(tamperedCheck);
    const { host } = fakeHost({ status: async () => status, check: async () => status });
    await openCheckTab(host);
    status = { existing: null, check: null };
    fireEvent.click(checkButton());
    expect(await screen.findByRole("button", { name: "Build assessment" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "Check" })).toBeNull();
  });

  it("shows a failed check in plain English, keeping the pane usable", async () => {
    const { host } = fakeHost(
      {
        check: async () => {
          throw new UserFacingError({
            message: "Excel did not answer within 60 seconds.",
            nextStep: "Wait a moment, then check again.",
          });
        },
      },
      assessed(tamperedCheck),
    );
    await openCheckTab(host);
    fireEvent.click(checkButton());
    expect(await screen.findByText("Excel did not answer within 60 seconds.")).toBeTruthy();
    expect(checkButton().getAttribute("aria-disabled")).toBeNull();
  });

  it("keeps a long list short: only the first group open, and a group's first findings until asked", async () => {
    const many: Finding[] = Array.from({ length: 30 }, (_, i) => ({
      rule: "formula.changed",
      severity: "error",
      sheet: SUMMARY,
      cell: `C${i + 5}`,
      message: `Formula ${i + 1} differs.`,
      repairable: true,
    }));
    const result: CheckResult = { findings: [...many, ...tamperedCheck.findings] };
    await openAndCheck(fakeHost({}, assessed(result)).host);
    const errors = section("Errors");
    const [summaryGroup, areaGroup] = within(errors).getAllByRole("button", { name: /\(\d+\)$/ });
    expect(summaryGroup.textContent).toBe("Summary (31)");
    expect(summaryGroup.getAttribute("aria-expanded")).toBe("true");
    expect(areaGroup.getAttribute("aria-expanded")).toBe("false");
    expect(within(errors).getAllByText(/^Formula \d+ differs\.$/)).toHaveLength(25);
    fireEvent.click(within(errors).getByRole("button", { name: "Show all 31 findings on Summary" }));
    expect(within(errors).getAllByText(/^Formula \d+ differs\.$/)).toHaveLength(30);
    fireEvent.click(areaGroup);
    expect(await within(errors).findByText("A descriptor was edited.")).toBeTruthy();
  });
});

describe("TaskPane's file check outside Excel", () => {
  const chosen = new File([new Uint8Array([80, 75, 3, 4])], "Anytown return.xlsx");
  const fileInput = () => screen.getByLabelText("Workbook to check (.xlsx)") as HTMLInputElement;

  it("checks a chosen file, lists its findings without Go to cell, and downloads a repaired copy", async () => {
    const asked: string[] = [];
    const fileChecker: FileChecker = {
      check: async (file, onProgress) => {
        asked.push(`check ${file.name}`);
        onProgress({ step: "Reading your workbook", fraction: 0.2 });
        return { fileName: file.name, result: tamperedCheck };
      },
      downloadRepairedCopy: async (file) => {
        asked.push(`repair ${file.name}`);
        return "Anytown return (repaired).xlsx";
      },
    };
    renderPane(null, noDownload, fileChecker);
    await openTab("Check a file");
    expect(screen.getByRole("heading", { level: 2, name: "Check a workbook" })).toBeTruthy();
    expect(fileInput().type).toBe("file");
    fireEvent.change(fileInput(), { target: { files: [chosen] } });

    expect(await screen.findByText("Check finished for “Anytown return.xlsx”.")).toBeTruthy();
    expect(screen.getByText("A descriptor was edited.")).toBeTruthy();
    expect(screen.getAllByText("The repaired copy fixes this.")).toHaveLength(3);
    // Standalone there is no status: the completeness note is in the one folded group of notes.
    expect(screen.getByRole("button", { name: "Notes (1)" }).getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("button", { name: /Go to cell/ })).toBeNull();
    expect(screen.getByText(/open “Anytown return\.xlsx” in Excel/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add report to workbook" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Download a repaired copy" }));
    expect(await screen.findByText("Repaired copy downloaded.")).toBeTruthy();
    expect(screen.getByText(/Open “Anytown return \(repaired\)\.xlsx” from your downloads folder/)).toBeTruthy();
    expect(asked).toEqual(["check Anytown return.xlsx", "repair Anytown return.xlsx"]);
  });

  it("explains a file it cannot read, and drops the last file's findings", async () => {
    let reads = 0;
    const fileChecker: FileChecker = {
      check: async (file) => {
        reads += 1;
        if (reads === 1) return { fileName: file.name, result: tamperedCheck };
        throw new UserFacingError({
          message: `"${file.name}" is not an Excel workbook.`,
          nextStep: "Choose an .xlsx file.",
        });
      },
      downloadRepairedCopy: () => Promise.reject(new Error("not expected")),
    };
    renderPane(null, noDownload, fileChecker);
    await openTab("Check a file");
    fireEvent.change(fileInput(), { target: { files: [chosen] } });
    expect(await screen.findByText("A descriptor was edited.")).toBeTruthy();
    fireEvent.change(fileInput(), { target: { files: [new File(["x"], "notes.txt")] } });
    expect(await screen.findByText('"notes.txt" is not an Excel workbook.')).toBeTruthy();
    expect(screen.getByText(/Choose an \.xlsx file\./)).toBeTruthy();
    expect(screen.queryByText("A descriptor was edited.")).toBeNull();
    // Focus is on what went wrong, not back at the top of the page.
    await waitFor(() => expect(document.activeElement?.id).toBe("check-error"));
  });
});
