/** @jest-environment jsdom */
/**
 * "Consolidate returns" in the pane, with a fake host and a fake consolidator that reports a line per file as the
 * real one does: in Excel the group sheets go through the host (and their links select them); standalone the
 * group workbook is downloaded; with nothing usable the pane says so and keeps the lines saying why.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ProgressUpdate, WorkbookHost } from "../../src/app/workbook-host";
import type { Consolidation, ConsolidationOptions, LogEntry } from "../../src/core/consolidate/types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { paneWords } from "../../src/core/words/pane";
import type { Consolidator, FileChecker } from "../../src/taskpane/features";
import { TaskPane } from "../../src/taskpane/TaskPane";

const counts = { error: 0, warning: 0, info: 0 };
const identity = (council: string) => ({
  council,
  respondent: "",
  role: "",
  councilType: "",
  region: "",
  assessmentDate: "2026-03-01",
  toolkitLabel: "nps-2018 1.0.0",
  toolkitVersion: "1.0.0",
  status: "draft" as const,
});
const used: LogEntry = {
  file: "anytown.xlsx",
  outcome: "used",
  returnNumber: 1,
  identity: identity("Anytown"),
  reason: "",
};
const leftOut: LogEntry = { file: "notes.xlsx", outcome: "left-out", reason: "Could not be read. It is not a zip." };
const duplicate: LogEntry = {
  file: "anytown old.xlsx",
  outcome: "left-out",
  identity: identity("Anytown"),
  counts,
  reason:
    "Left out: a duplicate of anytown.xlsx (the same council and respondent, Anytown), which was used because it was saved later.",
};
const withErrors: LogEntry = {
  file: "othertown.xlsx",
  outcome: "left-out",
  identity: identity("Othertown"),
  counts: { ...counts, error: 2 },
  reason:
    "Left out because the check found 2 errors, for example: x. Fix the errors (the check lists them all), or include returns with errors.",
};

function fakeConsolidator(log: LogEntry[]) {
  const calls = {
    options: [] as ConsolidationOptions[],
    files: [] as string[][],
    downloaded: 0,
    anonymised: [] as boolean[],
  };
  const consolidation: Consolidation = {
    toolkit: canonicalToolkit(),
    returns: log
      .filter((e) => e.outcome !== "left-out")
      .map((e, i) => ({
        number: i + 1,
        file: e.file,
        identity: e.identity!,
        answers: {},
      })),
    log,
  };
  const consolidator: Consolidator = {
    async consolidate(files, options, onFile) {
      calls.options.push(options);
      calls.files.push(files.map((f) => f.name));
      files.forEach((file, i) =>
        onFile({
          done: i + 1,
          total: files.length,
          file: file.name,
          kind: i === 0 ? "assessment" : "unreadable",
          counts,
        }),
      );
      return consolidation;
    },
    async downloadGroupWorkbook(_, options) {
      calls.downloaded++;
      calls.anonymised.push(options?.anonymise === true);
      return options?.anonymise
        ? {
            fileName: "NPS group benchmarks to share 2026-11-26.xlsx",
            keyFileName: "NPS group key to return numbers 2026-11-26.csv",
          }
        : { fileName: "NPS group consolidation 2026-11-26.xlsx" };
    },
  };
  return { consolidator, calls };
}

function fakeHost(replaced: string[] = []) {
  const calls = { written: [] as Consolidation[], selected: [] as string[] };
  const host: WorkbookHost = {
    status: async () => ({ existing: null, check: null }),
    buildOrUpgrade: () => Promise.reject(new Error("not expected")),
    selectSheet: async (name) => void calls.selected.push(name),
    check: async () => ({ existing: null, check: null }),
    selectCell: async () => undefined,
    addCheckReport: () => Promise.reject(new Error("not expected")),
    signOff: () => Promise.reject(new Error("not expected")),
    draftActions: () => Promise.reject(new Error("not expected")),
    writeGroupSheets: async (consolidation, onProgress: (u: ProgressUpdate) => void) => {
      calls.written.push(consolidation);
      onProgress({ step: "Writing the group sheets", fraction: 0.5 });
      return { sheets: ["Group Summary", "Group Data (2)", "Consolidation Log"], replaced };
    },
    readForNextYear: () => Promise.reject(new Error("not expected")),
    openNewWorkbook: () => Promise.reject(new Error("not expected")),
    writeModeration: () => Promise.reject(new Error("not expected")),
  };
  return { host, calls };
}

const notExpected = () => Promise.reject(new Error("not expected"));

const noFileCheck: FileChecker = {
  check: () => Promise.reject(new Error("not expected")),
  downloadRepairedCopy: () => Promise.reject(new Error("not expected")),
};

/** The pane on its Consolidate task, once (in Excel) the workbook's status is read. */
async function renderPane(host: WorkbookHost | null, consolidator: Consolidator) {
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane
        host={host}
        features={{
          downloader: { download: () => Promise.reject(new Error("not expected")) },
          fileChecker: noFileCheck,
          consolidator,
          moderator: { moderate: notExpected, download: notExpected },
        }}
      />
    </FluentProvider>,
  );
  // The first render of a file compiles Fluent's styles: more than findBy's one second on a busy machine.
  if (host) await screen.findByRole("button", { name: "Build assessment" }, { timeout: 10_000 });
  fireEvent.click(screen.getByRole("tab", { name: "Consolidate" }));
  // The view loads when its tab is first opened.
  await waitFor(() => expect(screen.queryByText("Loading…")).toBeNull());
}

const chooseFiles = (...names: string[]) =>
  fireEvent.change(screen.getByLabelText("Returned workbooks (.xlsx)"), {
    target: { files: names.map((name) => new File(["x"], name)) },
  });
const filesList = () => screen.getByRole("list", { name: "Files consolidated" });

test("in Excel: the chosen files and options go to the consolidator, the group sheets to the host, with links", async () => {
  const { host, calls: hostCalls } = fakeHost();
  const { consolidator, calls } = fakeConsolidator([used, leftOut]);
  await renderPane(host, consolidator);
  const button = screen.getByRole("button", { name: "Consolidate" });
  expect(button.getAttribute("aria-disabled")).toBe("true");
  fireEvent.click(screen.getByRole("checkbox", { name: "Include returns whose check found errors" }));
  chooseFiles("anytown.xlsx", "notes.xlsx");
  fireEvent.click(screen.getByRole("button", { name: "Consolidate 2 files" }));

  // A file was left out: said at the top as a warning, not a success, with focus there.
  const title = await screen.findByText("Group sheets added. 1 file left out.");
  const result = document.getElementById("consolidate-result")!;
  expect(result.contains(title)).toBe(true);
  await waitFor(() => expect(document.activeElement).toBe(result));
  expect(result.dataset.intent).toBe("warning");
  expect(screen.queryByText(/replaced/)).toBeNull();
  expect(calls.files).toEqual([["anytown.xlsx", "notes.xlsx"]]);
  expect(calls.options).toEqual([{ includeErrors: true, finalOnly: false }]);
  expect(hostCalls.written).toHaveLength(1);
  expect(
    within(filesList())
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual([
    // Left-out files first, each with its badge once (no "Left out. Left out").
    "notes.xlsxLeft outCould not be read. It is not a zip.",
    "anytown.xlsxUsedAnytown",
  ]);
  const links = within(screen.getByRole("list", { name: "Group sheets written" })).getAllByRole("button");
  expect(links.map((l) => l.textContent)).toEqual(["Group Summary", "Group Data (2)", "Consolidation Log"]);
  fireEvent.click(links[1]);
  await waitFor(() => expect(hostCalls.selected).toEqual(["Group Data (2)"]));
});

test("in Excel: a second consolidation says which of the earlier group sheets it replaced, in place", async () => {
  const { host } = fakeHost(["Group Summary", "Consolidation Log"]);
  const { consolidator } = fakeConsolidator([used]);
  await renderPane(host, consolidator);
  chooseFiles("anytown.xlsx");
  fireEvent.click(screen.getByRole("button", { name: "Consolidate" }));
  expect(await screen.findByText("Group sheets replaced and added.")).toBeTruthy();
  expect(
    screen.getByText(
      /The earlier consolidation's sheets “Group Summary” and “Consolidation Log” were replaced in place, with the new figures; your own sheets were not changed\./,
    ),
  ).toBeTruthy();
});

test("in Excel: when every group sheet replaced an earlier one, the title says replaced", async () => {
  const { host } = fakeHost(["Group Summary", "Group Data (2)", "Consolidation Log"]);
  const { consolidator } = fakeConsolidator([used]);
  await renderPane(host, consolidator);
  chooseFiles("anytown.xlsx");
  fireEvent.click(screen.getByRole("button", { name: "Consolidate" }));
  expect(await screen.findByText("Group sheets replaced.")).toBeTruthy();
  expect(
    screen.getByText(/sheets “Group Summary”, “Group Data \(2\)” and “Consolidation Log” were replaced/),
  ).toBeTruthy();
});

test("standalone: the group workbook is downloaded, and the pane names the file", async () => {
  const { consolidator, calls } = fakeConsolidator([used]);
  await renderPane(null, consolidator);
  chooseFiles("anytown.xlsx");
  fireEvent.click(screen.getByRole("button", { name: "Consolidate" }));
  expect(await screen.findByText("Group workbook downloaded.")).toBeTruthy();
  expect(calls.downloaded).toBe(1);
  expect(calls.anonymised).toEqual([false]);
  expect(screen.getByText(/Open “NPS group consolidation 2026-11-26.xlsx” from your downloads folder/)).toBeTruthy();
});

test("in Excel, anonymised: the group is downloaded to share, not written into the open workbook", async () => {
  const { host, calls: hostCalls } = fakeHost();
  const { consolidator, calls } = fakeConsolidator([used]);
  await renderPane(host, consolidator);
  expect(screen.getByText(paneWords.consolidate.hintExcel)).toBeTruthy();
  fireEvent.click(screen.getByRole("checkbox", { name: /^Anonymise, to share with every council/ }));
  // The hint says where the group goes now: two downloads, not this workbook.
  expect(screen.getByText(paneWords.consolidate.hintAnonymised)).toBeTruthy();
  expect(screen.queryByText(paneWords.consolidate.hintExcel)).toBeNull();
  chooseFiles("anytown.xlsx");
  fireEvent.click(screen.getByRole("button", { name: "Consolidate" }));
  expect(await screen.findByText("Group workbook downloaded.")).toBeTruthy();
  expect(calls.anonymised).toEqual([true]);
  expect(hostCalls.written).toEqual([]);
  // Both files are named: the lead keeps the key.
  const result = document.getElementById("consolidate-result")!;
  expect(result.textContent).toContain(
    "Open “NPS group benchmarks to share 2026-11-26.xlsx” from your downloads folder",
  );
  expect(result.textContent).toContain(
    "The key to the return numbers is “NPS group key to return numbers 2026-11-26.csv”",
  );
});

test("with no return usable nothing is written, the pane says so, and the lines say why", async () => {
  const { host, calls: hostCalls } = fakeHost();
  const { consolidator } = fakeConsolidator([leftOut]);
  await renderPane(host, consolidator);
  chooseFiles("notes.xlsx");
  fireEvent.click(screen.getByRole("button", { name: "Consolidate" }));
  expect(await screen.findByText(/None of the chosen files could be consolidated/)).toBeTruthy();
  expect(hostCalls.written).toHaveLength(0);
  expect(within(filesList()).getByText("Could not be read. It is not a zip.")).toBeTruthy();
  // Nothing was left out for its errors, so including returns with errors would not help: not advised.
  expect(screen.queryByText(/Include returns whose check found errors”/)).toBeNull();
  await waitFor(() => expect(document.activeElement?.id).toBe("consolidate-result"));
});

test("a duplicate says which file was used instead, once; a return left out for its errors gets that advice", async () => {
  const winner: LogEntry = {
    ...used,
    reason: "Used instead of anytown old.xlsx (the same council and respondent) because it was saved later.",
  };
  const { host } = fakeHost();
  const { consolidator } = fakeConsolidator([duplicate, withErrors, winner]);
  await renderPane(host, consolidator);
  chooseFiles("anytown old.xlsx", "othertown.xlsx", "anytown.xlsx");
  fireEvent.click(screen.getByRole("button", { name: "Consolidate 3 files" }));
  expect(await screen.findByText("Group sheets added. 2 files left out.")).toBeTruthy();
  const lines = within(filesList())
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(lines).toEqual([
    "anytown old.xlsxLeft outAnytownA duplicate of anytown.xlsx (the same council and respondent, Anytown), which was used because it was saved later.",
    "othertown.xlsxLeft outOthertownThe check found 2 errors, for example: x. Fix the errors (the check lists them all), or include returns with errors.",
    // "Used instead of" reads straight on into the file it replaced; the council comes after.
    "anytown.xlsxUsed instead ofanytown old.xlsx (the same council and respondent) because it was saved later.Anytown",
  ]);
  expect(lines.join(" ")).not.toMatch(/Left out\W+Left out/i);
});

test("with every return left out for its errors, the advice is to include returns with errors", async () => {
  const { host } = fakeHost();
  const { consolidator } = fakeConsolidator([withErrors]);
  await renderPane(host, consolidator);
  chooseFiles("othertown.xlsx");
  fireEvent.click(screen.getByRole("button", { name: "Consolidate" }));
  expect(await screen.findByText(/tick “Include returns whose check found errors”/)).toBeTruthy();
});
