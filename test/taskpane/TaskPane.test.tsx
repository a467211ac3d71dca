/** @jest-environment jsdom */
/**
 * The task pane's Assessment task: building, upgrading and the status, in Excel and outside it; the details' council
 * type and region; Draft actions from the gaps; and Start next year's assessment. The Check task is in
 * check-view.test.tsx. One file for the task: each pane test file first spends seconds loading Fluent UI and jsdom.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import {
  UserFacingError,
  type AssessmentDetails,
  type AssessmentOutcome,
  type ProgressUpdate,
  type WorkbookStatus,
} from "../../src/app/workbook-host";
import { readAssessment } from "../../src/core/answers/from-snapshot";
import { ACTIONS_TABLE_NAME } from "../../src/core/plan/actions-sheet";
import type { Answers } from "../../src/core/plan/answer-types";
import { COUNCIL_TYPES, REGIONS } from "../../src/core/plan/council-groups";
import { ACTIONS, GUIDE, KEY_AREA, keyAreaSheetKey, SHEET_NAMES } from "../../src/core/plan/layout";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import type { Toolkit } from "../../src/core/toolkit/schema";
import { cellAddress } from "../../src/core/util/a1";
import { cycleWords } from "../../src/core/words/cycle";
import { paneWords } from "../../src/core/words/pane";
import type { MadeNextYear, PaneFeatures } from "../../src/taskpane/features";
import { nextYearMaker } from "../../src/taskpane/next-year-maker";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { readSnapshotFromBuffer } from "../../src/xlsx/read-xlsx";
import { FakeExcel, FakeOfficeError } from "../fakes/excel-fake";
import { DETAILS, hostFor, nextVersion, NOW, readBack, writePlanWithAnswers } from "../office/fixtures";
import {
  builtOutcome,
  councilInput,
  dateInput,
  fakeHost,
  featuresOf,
  keyAreas,
  noDownload,
  noFileCheck,
  now,
  renderPane,
  typeCouncil,
  unusedFeatures,
  showPaneOver,
  statusShown,
  viewLoaded,
} from "./pane-fixtures";
import { withFakeExcelGlobals } from "../support/jsdom-globals";

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
    const council = councilInput();
    expect(council.getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(council));
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
    const council = councilInput();
    await waitFor(() => expect(document.activeElement).toBe(council));
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
  withFakeExcelGlobals();

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

/**
 * The details form's council type and region: two Fluent Selects holding the Guide's lists, optional; what is
 * picked goes to the build and, through the Excel host, into the Guide's pickers (B11, B12), as the other details
 * go into theirs; an assessment that already names them shows them picked.
 */
describe("TaskPane's council type and region, with the Excel host over the in-memory Excel", () => {
  withFakeExcelGlobals();

  const toolkit = canonicalToolkit();

  const picker = (name: string) => screen.getByRole("combobox", { name: new RegExp(`^${name}`) });

  /** Chooses one of a picker's options, as a user picks it. */
  const pick = (name: string, choice: string) => fireEvent.change(picker(name), { target: { value: choice } });

  /** A picker's choices, its first ("Not chosen", which leaves it blank) aside. */
  const choicesOf = (name: string) =>
    Array.from((picker(name) as HTMLSelectElement).options)
      .slice(1)
      .map((o) => o.textContent);

  async function paneOver(fake: FakeExcel) {
    const host = hostFor(fake);
    const status = await showPaneOver({ host, features: featuresOf(noDownload, noFileCheck), now: NOW });
    return { host, status };
  }

  test("the pickers offer the Guide's lists; what is picked is written into the Guide's B11 and B12", async () => {
    const fake = new FakeExcel();
    const { status } = await paneOver(fake);
    expect(choicesOf("Council type")).toEqual([...COUNCIL_TYPES]);
    expect(choicesOf("Region")).toEqual([...REGIONS]);
    pick("Council type", "Metropolitan district");
    pick("Region", "Yorkshire and the Humber");
    typeCouncil("Anytown Council");
    fireEvent.click(screen.getByRole("button", { name: "Build assessment" }));
    expect(await screen.findByText("Assessment built.", {}, { timeout: 30_000 })).toBeTruthy();
    await statusShown(status, { reading: 2, andNoMore: true });
    const text = (at: { row: number; column: number }) => fake.cell("Guide", cellAddress(at.row, at.column));
    expect(text(GUIDE.councilTypeCell)).toMatchObject({ kind: "text", text: "Metropolitan district" });
    expect(text(GUIDE.regionCell)).toMatchObject({ kind: "text", text: "Yorkshire and the Humber" });
    expect((await readBack(fake, toolkit))!.info).toMatchObject({
      councilType: "Metropolitan district",
      region: "Yorkshire and the Humber",
    });
    // Read back, the workbook's own choices show picked (the details fold once the assessment is up to date).
    fireEvent.click(screen.getByRole("button", { name: "Change the details, or repair…" }));
    expect((picker("Council type") as HTMLSelectElement).value).toBe("Metropolitan district");
    expect((picker("Region") as HTMLSelectElement).value).toBe("Yorkshire and the Humber");
  }, 60_000);

  test("they are optional: nothing picked builds with the Guide's pickers blank", async () => {
    const fake = new FakeExcel();
    const { status } = await paneOver(fake);
    pick("Region", "Wales");
    typeCouncil("Anytown Council");
    fireEvent.click(screen.getByRole("button", { name: "Build assessment" }));
    expect(await screen.findByText("Assessment built.", {}, { timeout: 30_000 })).toBeTruthy();
    await statusShown(status, { reading: 2, andNoMore: true });
    expect(fake.cell("Guide", cellAddress(GUIDE.councilTypeCell.row, GUIDE.councilTypeCell.column))).toBeUndefined();
    expect((await readBack(fake, toolkit))!.info).toMatchObject({ councilType: "", region: "Wales" });
  }, 60_000);
});

/**
 * The pane's Draft actions from the gaps, with the real Excel host over the in-memory Excel: the button on the
 * Assessment tab writes the rows (into the table's blank rows first), the message at the top says how many (focus
 * moves to it) and links to the sheet; pressed again it adds nothing and says every gap has its action; an older
 * workbook is told to upgrade first.
 */
describe("TaskPane's Draft actions from the gaps, with the Excel host over the in-memory Excel", () => {
  withFakeExcelGlobals();

  const toolkit = canonicalToolkit();
  const [a, b, c] = toolkit.themes[0].keyAreas[0].behaviours;
  const answers: Answers = {
    ...DETAILS,
    behaviours: {
      [a.id]: { current: "Developing", target: "Leader" },
      [b.id]: { current: "Minimum", target: "Mature" },
      [c.id]: { current: "Minimum", target: "Developing" },
    },
    actions: [{ behaviourId: b.id, action: "Ours" }],
  };
  const words = cycleWords.draftedInPlace;

  async function paneOver(fake: FakeExcel, hostToolkit: Toolkit = toolkit) {
    const host = hostFor(fake, hostToolkit);
    const selectSheet = jest.spyOn(host, "selectSheet");
    const status = await showPaneOver({ host, now: NOW });
    const button = await screen.findByRole("button", { name: "Draft actions from the gaps" });
    return { button, status, selectSheet };
  }

  const tableRows = (fake: FakeExcel) => {
    const rect = fake.sheet(SHEET_NAMES.actions).tables.find((t) => t.name === ACTIONS_TABLE_NAME)!.rect;
    return rect.bottom - rect.top;
  };

  test("adds a row per gap without an action, says how many at the top with focus there; pressed again, adds nothing", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    const before = tableRows(fake);
    const { button, status, selectSheet } = await paneOver(fake);
    // On the Assessment tab, below where the assessment stands.
    expect(screen.getByRole("tab", { name: "Assessment", selected: true })).toBeTruthy();
    fireEvent.click(button);
    expect(await screen.findByText(words.added(2), {}, { timeout: 20_000 })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
    expect(screen.getByText(words.where(SHEET_NAMES.actions))).toBeTruthy();
    // Both into the blank rows below the one action, so the table has not grown.
    expect(tableRows(fake)).toBe(before);
    const idAt = (row: number) => fake.cell(SHEET_NAMES.actions, cellAddress(row, ACTIONS.columns.id));
    expect([idAt(ACTIONS.firstRow + 1), idAt(ACTIONS.firstRow + 2)]).toMatchObject([{ text: a.id }, { text: c.id }]);
    // The status is read again, as after a sign-off: let that read finish.
    await statusShown(status, { reading: 2, andNoMore: true });
    fireEvent.click(screen.getByRole("button", { name: `Go to “${SHEET_NAMES.actions}”` }));
    await waitFor(() => expect(selectSheet).toHaveBeenCalledWith(SHEET_NAMES.actions));

    fireEvent.click(screen.getByRole("button", { name: "Draft actions from the gaps" }));
    expect(await screen.findByText(words.noneMissing, {}, { timeout: 20_000 })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
    expect(tableRows(fake)).toBe(before);
    await statusShown(status, { reading: 3, andNoMore: true });
  });

  test("a workbook made from an earlier toolkit: no Draft button that could only be refused, the section says to upgrade first", async () => {
    const fake = new FakeExcel();
    await writePlanWithAnswers(fake, toolkit, answers, DETAILS);
    const before = tableRows(fake);
    // The host's toolkit is newer than the workbook's: drafting would be refused (the host's refusal is tested in
    // test/office-real/draft-actions.test.ts), so the pane offers the way on instead.
    await showPaneOver({ host: hostFor(fake, nextVersion(toolkit)), now: NOW });
    expect(await screen.findByText(paneWords.actionPlan.upgradeFirst, {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Draft actions from the gaps" })).toBeNull();
    expect(screen.getByRole("button", { name: "Upgrade assessment" })).toBeTruthy();
    expect(tableRows(fake)).toBe(before);
  });
});

/**
 * "Start next year's assessment" in Excel, end to end over the in-memory Excel: the real host reads the open
 * workbook's assessment, the real maker builds next year's .xlsx in the page, and the bytes handed to
 * Excel.createWorkbook (or, where Excel cannot open them, to the download) are read back with the .xlsx reader.
 */
describe("TaskPane's Start next year's assessment, with the Excel host over the in-memory Excel", () => {
  const toolkit = canonicalToolkit();
  const area = toolkit.themes[0].keyAreas[0];
  const [first, second] = area.behaviours;
  /** The pane's today: next year's date starts as 31/03/2026. */
  const today = new Date(2026, 2, 31, 9, 0, 0);

  const lastYear: Answers = {
    council: "Anytown Borough Council",
    assessmentDate: "2025-03-01",
    respondent: "Sam Jones",
    behaviours: {
      [first.id]: { current: "Developing", target: "Mature", evidence: "Board minutes, May 2024" },
      [second.id]: { current: "Leader", target: "Leader" },
    },
  };

  withFakeExcelGlobals();

  /** Last year's return open in Excel, as "Anytown 2025.xlsx". */
  async function lastYearOpen(): Promise<FakeExcel> {
    const fake = new FakeExcel({ fileName: "Anytown 2025.xlsx" });
    await writePlanWithAnswers(fake, toolkit, lastYear, { council: lastYear.council, assessmentDate: "2025-03-01" });
    return fake;
  }

  /** The pane over `fake`, on its Assessment tab once the workbook's assessment is read; downloads are kept. */
  async function paneOver(host: ReturnType<typeof hostFor>) {
    const downloads: MadeNextYear[] = [];
    const features: PaneFeatures = {
      ...unusedFeatures,
      nextYear: { ...nextYearMaker, download: async (made) => void downloads.push(made) },
    };
    await showPaneOver({ host, features, now: today });
    const unfold = await screen.findByRole("button", { name: "Start next year's assessment…" });
    // Folded until asked for; unfolded, its first field has focus.
    expect(screen.queryByRole("checkbox", { name: "Draft actions from the gaps" })).toBeNull();
    fireEvent.click(unfold);
    const date = await screen.findByRole("textbox", { name: /date of the new assessment/i });
    await waitFor(() => expect(document.activeElement).toBe(date));
    const button = screen.getByRole("button", { name: "Start next year's assessment" });
    return { button, downloads };
  }

  /** Next year's workbook as the .xlsx reader reads it, with its answers as the core reads them. */
  async function readNextYear(bytes: Uint8Array) {
    const snapshot = await readSnapshotFromBuffer(bytes);
    const found = readAssessment(snapshot, toolkit);
    if (!found) throw new Error("next year's workbook holds no assessment");
    const sheet = snapshot.sheets.find((s) => s.name === found.roles[keyAreaSheetKey(area.id)]);
    const cell = (column: number) => sheet?.cells[cellAddress(KEY_AREA.firstBehaviourRow, column)]?.value;
    return { found, cell };
  }

  const saidAtTheTop = async (title: string) => {
    expect(await screen.findByText(title, {}, { timeout: 30_000 })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe("action-message"), { timeout: 10_000 });
  };

  test("opens next year's workbook in Excel: last year's levels in the Previous columns, the council carried, the levels picked again when asked; this workbook unchanged", async () => {
    const fake = await lastYearOpen();
    const { button } = await paneOver(hostFor(fake));
    const before = fake.snapshotState();
    expect((screen.getByRole("textbox", { name: /date of the new assessment/i }) as HTMLInputElement).value).toBe(
      "31/03/2026",
    );
    fireEvent.click(
      screen.getByRole("checkbox", { name: "Fill this year's levels with last year's as a starting point" }),
    );
    fireEvent.click(button);
    await saidAtTheTop("Next year's assessment opened in a new workbook.");
    // Made, so the form has folded away: what happened is said at the top.
    expect(screen.queryByRole("button", { name: "Start next year's assessment" })).toBeNull();
    expect(
      screen.getByText(/^Started from Anytown 2025\.xlsx: 2 behaviours' answers shown in the Previous columns/),
    ).toBeTruthy();

    expect(fake.createdWorkbooks).toHaveLength(1);
    const { found, cell } = await readNextYear(fake.createdWorkbooks[0]);
    expect(found.answers.council).toBe("Anytown Borough Council");
    expect(found.answers.respondent).toBe("Sam Jones");
    expect(found.info.assessmentDate).toBe("2026-03-31");
    expect(found.answers.previous?.source).toMatchObject({ file: "Anytown 2025.xlsx", assessmentDate: "2025-03-01" });
    expect(found.answers.previous?.behaviours[first.id]).toEqual({
      current: "Developing",
      target: "Mature",
      evidence: "Board minutes, May 2024",
    });
    expect(found.answers.previous?.behaviours[second.id]).toEqual({ current: "Leader", target: "Leader" });
    // In the key area's Previous columns, where the workbook shows them.
    expect(cell(KEY_AREA.columns.previousCurrent)).toBe("Developing");
    expect(cell(KEY_AREA.columns.previousTarget)).toBe("Mature");
    // Carried as a starting point; this year's evidence starts blank.
    expect(found.answers.behaviours[first.id]).toMatchObject({ current: "Developing", target: "Mature" });
    expect(found.answers.behaviours[first.id].evidence).toBeUndefined();
    // Last year's workbook is read, never written.
    expect(fake.snapshotState()).toEqual(before);
  }, 120_000);

  test("Cancel folds the form away again, changing nothing, with focus back on the button that unfolds it", async () => {
    const fake = await lastYearOpen();
    const before = fake.snapshotState();
    await paneOver(hostFor(fake));
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    const unfold = await screen.findByRole("button", { name: "Start next year's assessment…" });
    await waitFor(() => expect(document.activeElement).toBe(unfold));
    expect(screen.queryByRole("checkbox", { name: "Draft actions from the gaps" })).toBeNull();
    expect(fake.createdWorkbooks).toEqual([]);
    expect(fake.snapshotState()).toEqual(before);
  }, 60_000);

  test("where Excel cannot open it, next year's workbook is downloaded and the pane says why; actions drafted from the gaps when asked", async () => {
    const fake = await lastYearOpen();
    const host = hostFor(fake);
    const refusing = new (host.constructor as typeof import("../../src/office/excel-host").ExcelWorkbookHost)({
      run: fake.run,
      isSetSupported: () => true,
      toolkit,
      now: () => today,
      createWorkbook: () =>
        Promise.reject(
          new FakeOfficeError(
            "GeneralException",
            "This operation is not allowed due to the extension hardening policy.",
          ),
        ),
    });
    const { button, downloads } = await paneOver(refusing);
    fireEvent.click(
      screen.getByRole("checkbox", { name: "Fill this year's levels with last year's as a starting point" }),
    );
    fireEvent.click(screen.getByRole("checkbox", { name: "Draft actions from the gaps" }));
    fireEvent.click(button);
    await saidAtTheTop("Next year's assessment downloaded.");
    expect(
      screen.getByText(
        /Excel could not open it as a new workbook, so it was downloaded instead\. .*extension hardening/,
      ),
    ).toBeTruthy();
    expect(downloads.map((made) => made.fileName)).toEqual([
      "NPS assessment - Anytown Borough Council - 2026-03-31.xlsx",
    ]);
    expect(
      screen.getByText(/Open “NPS assessment - Anytown Borough Council - 2026-03-31\.xlsx” from your downloads folder/),
    ).toBeTruthy();
    const { found } = await readNextYear(downloads[0].bytes);
    expect(found.answers.previous?.behaviours[first.id]).toMatchObject({ current: "Developing", target: "Mature" });
    // Levels picked again, so the one behaviour below its target gets the one drafted action.
    expect(screen.getByText(/^Drafted 1 action on the Actions sheet/)).toBeTruthy();
    expect(found.answers.actions?.map((action) => action.behaviourId)).toEqual([first.id]);
    expect(fake.createdWorkbooks).toEqual([]);
  }, 120_000);

  test("last year's return dated after the new assessment is refused in the command line's words, dates as the pane shows them; a bad date is the field's error", async () => {
    const fake = await lastYearOpen();
    const { button } = await paneOver(hostFor(fake));
    const date = screen.getByRole("textbox", { name: /date of the new assessment/i });
    fireEvent.change(date, { target: { value: "31/02/2026" } });
    fireEvent.click(button);
    expect(await screen.findByText(/^Enter a real date/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(date));
    fireEvent.change(date, { target: { value: "01/01/2025" } });
    fireEvent.click(button);
    expect(
      await screen.findByText(
        "Anytown 2025.xlsx is dated 01/03/2025, after this assessment's date (01/01/2025): it cannot be the previous return.",
        {},
        { timeout: 30_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText(/next year's assessment date must be on or after last year's/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe("action-message"));
    expect(fake.createdWorkbooks).toEqual([]);
    // Not made, so the form stays open with what was typed, to correct and try again.
    const still = screen.getByRole("textbox", { name: /date of the new assessment/i }) as HTMLInputElement;
    expect(still.value).toBe("01/01/2025");
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }, 120_000);
});
