/** @jest-environment jsdom */
/** The task pane's Assessment task: building, upgrading and the status, in Excel and outside it. The Check task is in check-view.test.tsx. */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { setImmediate as nodeSetImmediate } from "timers";
import { TextEncoder as NodeTextEncoder } from "util";
import {
  UserFacingError,
  type AssessmentDetails,
  type AssessmentOutcome,
  type ProgressUpdate,
  type WorkbookStatus,
} from "../../src/app/workbook-host";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { FakeExcel } from "../fakes/excel-fake";
import { hostFor } from "../office/fixtures";
import {
  builtOutcome,
  councilInput,
  dateInput,
  fakeHost,
  featuresOf,
  keyAreas,
  noFileCheck,
  now,
  renderPane,
  typeCouncil,
  viewLoaded,
} from "./pane-fixtures";

/** An assessment made from an earlier toolkit, 12 of its 40 behaviours assessed. */
const earlierAssessment: WorkbookStatus = {
  existing: {
    council: "Anytown Borough Council",
    assessmentDate: "2024-11-05",
    toolkitVersion: "2018.1",
    upgradeAvailable: true,
    assessedCount: 12,
    behaviourCount: 40,
    keyAreas,
  },
  check: null,
};

describe("TaskPane in Excel", () => {
  it("offers to build when the workbook has no assessment, with today's date", async () => {
    renderPane(fakeHost().host);
    // The first render of the file compiles Fluent's styles: more than findBy's one second on a busy machine.
    expect(await screen.findByRole("button", { name: "Build assessment" }, { timeout: 10_000 })).toBeTruthy();
    // dd/mm/yyyy whatever the browser's language, with the date in words beside it.
    expect(dateInput().value).toBe("31/03/2025");
    expect(screen.getByText("Monday 31 March 2025")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "NPS self-assessment" })).toBeTruthy();
    // Without an assessment there is nothing to check or sign off yet.
    expect(screen.getAllByRole("tab")).toEqual([
      screen.getByRole("tab", { name: "Assessment" }),
      screen.getByRole("tab", { name: "Consolidate" }),
      screen.getByRole("tab", { name: "Moderate" }),
    ]);
  });

  it("shows the assessment it found and offers to upgrade it", async () => {
    renderPane(fakeHost({}, earlierAssessment).host);
    expect(await screen.findByRole("button", { name: "Upgrade assessment" })).toBeTruthy();
    const where = screen.getByRole("region", { name: "Where the assessment stands" });
    expect(within(where).getByText("version 2018.1")).toBeTruthy();
    expect(within(where).getByText("05/11/2024")).toBeTruthy();
    expect(within(where).getByText("Draft: not signed off yet.")).toBeTruthy();
    // The behaviours assessed, overall and a bar per key area.
    expect(within(where).getByText("Assessed 12 of 40 behaviours")).toBeTruthy();
    const bars = within(where).getAllByRole("progressbar");
    expect(bars.map((bar) => bar.getAttribute("aria-valuenow"))).toEqual(["12", "12", "0"]);
    expect(within(where).getByText("Working with partners: 0 of 20")).toBeTruthy();
    expect((councilInput() as HTMLInputElement).value).toBe("Anytown Borough Council");
    expect(dateInput().value).toBe("05/11/2024");
  });

  it("moves between tasks with the arrow keys, Home and End, one tab in the Tab order, the selected one naming its panel", async () => {
    renderPane(fakeHost({}, earlierAssessment).host);
    await screen.findByRole("tab", { name: "Sign off" });
    const tabs = () => screen.getAllByRole("tab");
    expect(tabs()).toEqual(
      ["Assessment", "Check", "Sign off", "Consolidate", "Moderate"].map((name) => screen.getByRole("tab", { name })),
    );
    /** The selected tab: the only one in the Tab order, focused, pointing to the panel that it names. */
    const expectSelected = (name: string) => {
      const selected = screen.getByRole("tab", { name, selected: true });
      expect(tabs().filter((tab) => tab.tabIndex === 0)).toEqual([selected]);
      expect(document.activeElement).toBe(selected);
      expect(tabs().filter((tab) => tab.hasAttribute("aria-controls"))).toEqual([selected]);
      const panel = screen.getByRole("tabpanel");
      expect(selected.getAttribute("aria-controls")).toBe(panel.id);
      expect(panel.getAttribute("aria-labelledby")).toBe(selected.id);
    };
    act(() => tabs()[0].focus());
    expectSelected("Assessment");
    const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });
    press("ArrowRight");
    expectSelected("Check");
    await viewLoaded();
    press("End");
    expectSelected("Moderate");
    await viewLoaded();
    press("ArrowRight");
    expectSelected("Assessment");
    press("ArrowLeft");
    expectSelected("Moderate");
    await viewLoaded();
    press("ArrowLeft");
    expectSelected("Consolidate");
    await viewLoaded();
    press("Home");
    expectSelected("Assessment");
    // Other keys are left to the page.
    press("ArrowDown");
    expectSelected("Assessment");
    // No hidden focus catchers (tabster's) in the list: nothing aria-hidden can take focus.
    const list = screen.getByRole("tablist", { name: "Tasks" });
    expect(list.querySelectorAll('[aria-hidden="true"][tabindex="0"], [data-tabster-dummy]')).toHaveLength(0);
  });
  it("builds, then says so at the top with focus there, links to the first key area to pick levels, and the notes", async () => {
    const { host, calls } = fakeHost();
    renderPane(host);
    await screen.findByRole("button", { name: "Build assessment" });
    typeCouncil("  Anytown Borough Council ");
    fireEvent.submit(councilInput().closest("form")!);

    expect(await screen.findByText("Assessment built.")).toBeTruthy();
    expect(calls.built).toEqual([{ council: "Anytown Borough Council", assessmentDate: "2025-03-31" }]);
    // Focus moves to what happened, so a second Enter presses nothing.
    await waitFor(() => expect(document.activeElement?.id).toBe("action-message"));
    expect(screen.getByText(/Next, choose a current and a target level/)).toBeTruthy();
    const sheetLink = screen.getByRole("button", { name: "Go to “1.1 Leadership”" });
    fireEvent.click(sheetLink);
    expect(calls.selected).toEqual(["1.1 Leadership"]);
    expect(screen.getByText(/Summary \(2\)/)).toBeTruthy();
    // The result sits in a live region, so screen readers announce it.
    expect(sheetLink.closest("[aria-live]")?.getAttribute("aria-live")).toBe("polite");
  });

  it("shows the progress bar and step text while it works", async () => {
    let finish: (outcome: AssessmentOutcome) => void = () => undefined;
    let report: (update: ProgressUpdate) => void = () => undefined;
    const { host } = fakeHost({
      buildOrUpgrade: (_details, onProgress) => {
        report = onProgress;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    renderPane(host);
    await screen.findByRole("button", { name: "Build assessment" });
    typeCouncil("Anytown");
    fireEvent.submit(councilInput().closest("form")!);
    act(() => report({ step: "Writing the key area sheets", fraction: 0.4 }));

    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0.4");
    expect(screen.getByText("Writing the key area sheets (40%)")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Build assessment" }).getAttribute("aria-disabled")).toBe("true");

    await act(async () => finish(builtOutcome));
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("shows a UserFacingError's message and next step", async () => {
    const { host } = fakeHost({
      buildOrUpgrade: async () => {
        throw new UserFacingError({
          message: "Excel took too long to answer.",
          nextStep: "Save your workbook, then try again.",
        });
      },
    });
    renderPane(host);
    await screen.findByRole("button", { name: "Build assessment" });
    typeCouncil("Anytown");
    fireEvent.submit(councilInput().closest("form")!);

    expect(await screen.findByText("Excel took too long to answer.")).toBeTruthy();
    expect(screen.getByText(/Save your workbook, then try again\./)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Build assessment" })).toBeTruthy();
  });

  it("offers the download instead when the host cannot build here", async () => {
    const downloaded: AssessmentDetails[] = [];
    const { host, calls } = fakeHost({
      status: async () => {
        throw new UserFacingError({
          message: "This version of Excel cannot add the level pickers.",
          nextStep: "Download the workbook instead and open it in Excel.",
          offerDownload: true,
        });
      },
    });
    renderPane(host, async (details, onProgress) => {
      downloaded.push(details);
      onProgress({ step: "Building the assessment workbook", fraction: 0.4 });
      return "NPS assessment - Anytown - 2025-03-31.xlsx";
    });

    const download = await screen.findByRole("button", { name: "Download a new assessment workbook" });
    expect(screen.queryByRole("button", { name: "Build assessment" })).toBeNull();
    expect(screen.getByText("This version of Excel cannot add the level pickers.")).toBeTruthy();
    // What happened is said at the top, above the button, so the words send the user below it.
    expect(screen.getByText(/Use the “Download a new assessment workbook” button below\./)).toBeTruthy();
    expect(
      download.compareDocumentPosition(screen.getByText(/button below/)) & Node.DOCUMENT_POSITION_PRECEDING,
    ).toBeTruthy();
    typeCouncil("Anytown");
    fireEvent.click(download);

    expect(await screen.findByText("Workbook downloaded.")).toBeTruthy();
    expect(downloaded).toEqual([{ council: "Anytown", assessmentDate: "2025-03-31" }]);
    expect(calls.built).toEqual([]);
  });

  it("refuses an empty council name and a bad date, and says why beside each field", async () => {
    const { host, calls } = fakeHost();
    renderPane(host);
    await screen.findByRole("button", { name: "Build assessment" });
    typeCouncil("   ");
    fireEvent.change(dateInput(), { target: { value: "" } });
    fireEvent.submit(councilInput().closest("form")!);

    expect(await screen.findByText("Enter your council's name.")).toBeTruthy();
    expect(screen.getByText("Enter the assessment date.")).toBeTruthy();
    expect(councilInput().getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(councilInput()));
    expect(calls.built).toEqual([]);

    typeCouncil("Anytown");
    expect(screen.queryByText("Enter your council's name.")).toBeNull();
    expect(screen.getByText("Enter the assessment date.")).toBeTruthy();
  });

  it("keeps the result in view when selecting a sheet fails, and says why and what to do", async () => {
    const { host } = fakeHost({
      selectSheet: async (name) => {
        throw new UserFacingError({
          message: `The sheet "${name}" is no longer in this workbook.`,
          nextStep: "Build the assessment again.",
        });
      },
    });
    renderPane(host);
    await screen.findByRole("button", { name: "Build assessment" });
    typeCouncil("Anytown");
    fireEvent.submit(councilInput().closest("form")!);
    fireEvent.click(await screen.findByRole("button", { name: "Go to “1.1 Leadership”" }));
    expect(await screen.findByText('The sheet "1.1 Leadership" is no longer in this workbook.')).toBeTruthy();
    expect(screen.getByText(/Build the assessment again\./)).toBeTruthy();
    expect(screen.getByText("Assessment built.")).toBeTruthy();
  });

  it("does not point to a download button that a failed sheet link did not bring", async () => {
    const { host } = fakeHost({
      selectSheet: async () => {
        throw new UserFacingError({
          message: "Excel could not finish opening the sheet.",
          nextStep: "Try again.",
          offerDownload: true,
        });
      },
    });
    renderPane(host);
    await screen.findByRole("button", { name: "Build assessment" });
    typeCouncil("Anytown");
    fireEvent.submit(councilInput().closest("form")!);
    fireEvent.click(await screen.findByRole("button", { name: "Go to “1.1 Leadership”" }));
    expect(await screen.findByText("Excel could not finish opening the sheet.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Download a new assessment workbook" })).toBeNull();
    expect(screen.queryByText(/Download a new assessment workbook/)).toBeNull();
  });

  it("after a build, offers Repair only as a secondary button, once the status is read again", async () => {
    let status: WorkbookStatus = { existing: null, check: null };
    const { host } = fakeHost({ status: async () => status });
    renderPane(host);
    await screen.findByRole("button", { name: "Build assessment" });
    status = {
      existing: {
        council: "Anytown",
        assessmentDate: "2025-03-31",
        toolkitVersion: "2018.1",
        upgradeAvailable: false,
        assessedCount: 0,
        behaviourCount: 40,
        keyAreas,
      },
      check: null,
    };
    typeCouncil("Anytown");
    fireEvent.submit(councilInput().closest("form")!);
    // The details and Repair fold away once the assessment is up to date: the next step is to pick levels.
    const unfold = await screen.findByRole("button", { name: "Change the details, or repair…" });
    expect(unfold.className).not.toMatch(/primary/);
    expect(screen.queryByRole("button", { name: "Repair assessment" })).toBeNull();
    expect(screen.getByText("Assessment built.")).toBeTruthy();
    expect(document.activeElement).not.toBe(unfold);
    fireEvent.click(unfold);
    const repair = await screen.findByRole("button", { name: "Repair assessment" });
    expect(repair.className).not.toMatch(/primary/);
    await waitFor(() => expect(document.activeElement).toBe(councilInput()));
  });

  it("keeps the result of a build in view when reading the workbook again fails, and shows that error too", async () => {
    let statusReads = 0;
    const { host } = fakeHost({
      status: async () => {
        statusReads += 1;
        if (statusReads === 1) return { existing: null, check: null };
        throw new UserFacingError({
          message: "Excel did not answer within 60 seconds while reading your workbook.",
          nextStep: "Wait a moment.",
        });
      },
    });
    renderPane(host);
    await screen.findByRole("button", { name: "Build assessment" });
    typeCouncil("Anytown");
    fireEvent.submit(councilInput().closest("form")!);
    expect(await screen.findByText(/did not answer within 60 seconds/)).toBeTruthy();
    expect(screen.getByText("Assessment built.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Go to “1.1 Leadership”" })).toBeTruthy();
  });
});

describe("TaskPane outside Excel", () => {
  it("says Excel is not connected and downloads a new workbook", async () => {
    const downloaded: AssessmentDetails[] = [];
    renderPane(null, async (details) => {
      downloaded.push(details);
      return "NPS assessment - Anytown - 2025-03-31.xlsx";
    });
    const notice = screen.getByText("Excel is not connected.");
    expect(within(notice.parentElement!).getByText(/open in a web browser, not in Excel/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/office\.js/);
    typeCouncil("Anytown");
    fireEvent.click(screen.getByRole("button", { name: "Download a new assessment workbook" }));
    expect(await screen.findByText(/NPS assessment - Anytown - 2025-03-31\.xlsx/)).toBeTruthy();
    expect(downloaded).toEqual([{ council: "Anytown", assessmentDate: "2025-03-31" }]);
  });

  it("shows a failed download in plain English", async () => {
    renderPane(null, async () => {
      throw new Error("Out of memory");
    });
    typeCouncil("Anytown");
    fireEvent.click(screen.getByRole("button", { name: "Download a new assessment workbook" }));
    expect(await screen.findByText(/did not expect \(Out of memory\)/)).toBeTruthy();
    expect(screen.getByText(/Try again/)).toBeTruthy();
  });
});

describe("TaskPane with the Excel host under React's StrictMode (development builds)", () => {
  // The Excel fake schedules its syncs with Node's setImmediate, and the host's read plans with the
  // core's SHA-256 (TextEncoder), both of which jest's jsdom environment leaves out (browsers have TextEncoder).
  beforeAll(() => Object.assign(globalThis, { setImmediate: nodeSetImmediate, TextEncoder: NodeTextEncoder }));
  afterAll(() => {
    delete (globalThis as { setImmediate?: unknown }).setImmediate;
    delete (globalThis as { TextEncoder?: unknown }).TextEncoder;
  });

  it("asks Excel for the workbook's status once at a time, so opening shows no false 'still finishing' error", async () => {
    render(
      <StrictMode>
        <FluentProvider theme={webLightTheme}>
          <TaskPane
            host={hostFor(new FakeExcel())}
            features={featuresOf(async () => "unused.xlsx", noFileCheck)}
            now={now}
          />
        </FluentProvider>
      </StrictMode>,
    );
    // The fake reads the workbook in earnest: give it more than findBy's one second on a busy machine.
    expect(await screen.findByRole("button", { name: "Build assessment" }, { timeout: 20_000 })).toBeTruthy();
    // The second of StrictMode's two reads would be refused a moment after the first succeeded.
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.body.textContent).not.toMatch(/still finishing/);
  });
});
