/** What the task pane's tests share: a host whose answers each test chooses, and the pane rendered as Office shows it. */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { AssessmentDetails, AssessmentOutcome, WorkbookHost, WorkbookStatus } from "../../src/app/workbook-host";
import type { Consolidator, FileChecker, Moderator, PaneFeatures } from "../../src/taskpane/features";
import { TaskPane } from "../../src/taskpane/TaskPane";

export const now = new Date(2025, 2, 31, 9, 0, 0);

export const builtOutcome: AssessmentOutcome = {
  action: "built",
  sheets: [
    { name: "Guide", role: "guide" },
    { name: "1.1 Leadership", role: "keyArea" },
    { name: "Summary", role: "summary" },
  ],
  notes: ["A sheet called “Summary” was yours, so the new one is called “Summary (2)”."],
};

/** A WorkbookHost whose answers each test chooses; it records what the pane asked of it. */
export function fakeHost(
  overrides: Partial<WorkbookHost> = {},
  status: WorkbookStatus = { existing: null, check: null },
) {
  const calls = { built: [] as AssessmentDetails[], selected: [] as string[] };
  const host: WorkbookHost = {
    status: async () => status,
    buildOrUpgrade: async (details, onProgress) => {
      calls.built.push(details);
      onProgress({ step: "Writing the key area sheets", fraction: 0.5 });
      return builtOutcome;
    },
    selectSheet: async (name) => {
      calls.selected.push(name);
    },
    check: async () => status,
    selectCell: async () => undefined,
    addCheckReport: async () => "Check report",
    signOff: async () => builtOutcome,
    draftActions: () => Promise.reject(new Error("not expected in this test")),
    writeGroupSheets: async () => ({
      sheets: ["Group Summary", "Group Data", "Group Actions", "Consolidation Log"],
      replaced: [],
    }),
    readForNextYear: async () => null,
    openNewWorkbook: async () => undefined,
    writeModeration: () => Promise.reject(new Error("not expected in this test")),
    ...overrides,
  };
  return { host, calls };
}

export type DownloadWorkbook = PaneFeatures["downloader"]["download"];

export const noDownload: DownloadWorkbook = async () => {
  throw new Error("not expected in this test");
};

const noConsolidator: Consolidator = {
  consolidate: () => Promise.reject(new Error("not expected in this test")),
  downloadGroupWorkbook: () => Promise.reject(new Error("not expected in this test")),
};

const noModerator: Moderator = {
  moderate: () => Promise.reject(new Error("not expected in this test")),
  download: () => Promise.reject(new Error("not expected in this test")),
};

export const featuresOf = (download: DownloadWorkbook, fileChecker: FileChecker): PaneFeatures => ({
  downloader: { download },
  fileChecker,
  consolidator: noConsolidator,
  moderator: noModerator,
});

/** Every key area of a 40-behaviour toolkit, for a status: 12 assessed in the first. */
export const keyAreas = [
  { id: "SL-ECSM", name: "Engaging councillors and senior managers", assessed: 12, total: 20 },
  { id: "SL-WP", name: "Working with partners", assessed: 0, total: 20 },
];

/** Opens one of the pane's tasks, as a user clicks its tab. */
/** The Check and Consolidate views load when their tab is first opened: wait until the view has replaced "Loading…". */
export const viewLoaded = () => waitFor(() => expect(screen.queryByText("Loading…")).toBeNull());
export const openTab = async (name: string) => {
  fireEvent.click(screen.getByRole("tab", { name }));
  await viewLoaded();
};

export const noFileCheck: FileChecker = {
  check: () => Promise.reject(new Error("not expected in this test")),
  downloadRepairedCopy: () => Promise.reject(new Error("not expected in this test")),
};

export function renderPane(
  host: WorkbookHost | null,
  downloadWorkbook: DownloadWorkbook = noDownload,
  fileChecker: FileChecker = noFileCheck,
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} features={featuresOf(downloadWorkbook, fileChecker)} now={now} />
    </FluentProvider>,
  );
}

/**
 * Waits until the pane's `reading`th reading of the workbook (through `status`, a spy on the host's) has finished. Over
 * the Excel fake a reading takes a while; a find* query waiting all that time for what it brings would ask again, roles,
 * names and styles, at every change to the page and every 50 ms. After this one, it finds it within a try or two.
 * `andNoMore`: the pane has read the workbook exactly `reading` times, for a test that says it reads once more.
 */
export async function statusShown(
  status: jest.SpyInstance<Promise<WorkbookStatus>, []>,
  { reading = 1, andNoMore = false }: { reading?: number; andNoMore?: boolean } = {},
): Promise<void> {
  await waitFor(() =>
    andNoMore
      ? expect(status).toHaveBeenCalledTimes(reading)
      : expect(status.mock.calls.length).toBeGreaterThanOrEqual(reading),
  );
  await act(() => status.mock.results[reading - 1].value);
}

/**
 * Shows the pane over `host` (with `features`, on the day `now`) and waits for its first reading of the workbook; the
 * spy on the host's `status` is returned for tests that wait for a later reading.
 */
export async function showPaneOver({
  host,
  features = unusedFeatures,
  now: today,
}: {
  host: WorkbookHost;
  features?: PaneFeatures;
  now: Date;
}): Promise<jest.SpyInstance<Promise<WorkbookStatus>, []>> {
  const status = jest.spyOn(host, "status");
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} features={features} now={today} />
    </FluentProvider>,
  );
  await statusShown(status);
  return status;
}

export const councilInput = () => screen.getByRole("textbox", { name: /council name/i });
export const dateInput = () => screen.getByLabelText(/assessment date/i) as HTMLInputElement;
export const typeCouncil = (value: string) => fireEvent.change(councilInput(), { target: { value } });

/** The pane's features for tests of Excel tasks, none of which is used. */
const unusedFeature = () => Promise.reject(new Error("not used in these tests"));
export const unusedFeatures: PaneFeatures = {
  downloader: { download: unusedFeature },
  fileChecker: { check: unusedFeature, downloadRepairedCopy: unusedFeature },
  consolidator: { consolidate: unusedFeature, downloadGroupWorkbook: unusedFeature },
  moderator: { moderate: unusedFeature, download: unusedFeature },
};
