/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { WorkbookHost } from "../../src/app/workbook-host";
import type { PaneFeatures } from "../../src/taskpane/features";
import { Root, type Started } from "../../src/taskpane/Root";

const host: WorkbookHost = {
  status: async () => ({ existing: null, check: null }),
  buildOrUpgrade: async () => ({ action: "built", sheets: [], notes: [] }),
  selectSheet: async () => undefined,
  check: async () => ({ existing: null, check: null }),
  selectCell: async () => undefined,
  addCheckReport: async () => "Check report",
  signOff: async () => ({ action: "repaired", sheets: [], notes: [] }),
  writeGroupSheets: async () => ({ sheets: [], replaced: [] }),
  draftActions: () => Promise.reject(new Error("not used in these tests")),
  readForNextYear: async () => null,
  openNewWorkbook: async () => undefined,
  writeModeration: async () => ({ sheets: [], notes: [] }),
};
const unused = () => Promise.reject(new Error("not used in these tests"));
const features: PaneFeatures = {
  downloader: { download: async () => "file.xlsx" },
  fileChecker: { check: unused, downloadRepairedCopy: unused },
  consolidator: { consolidate: unused, downloadGroupWorkbook: unused },
  moderator: { moderate: unused, download: unused },
};

/** The FluentProvider's element carries the theme's colour scheme as an inline style. */
const colourScheme = (container: HTMLElement) => (container.firstElementChild as HTMLElement).style.colorScheme;

describe("Root", () => {
  it("waits for Excel, then shows the standalone pane in the browser's light theme when the host is not Excel", async () => {
    let finish: (started: Started) => void = () => undefined;
    const { container } = render(
      <Root start={() => new Promise((resolve) => (finish = resolve))} features={features} />,
    );
    expect(screen.getByText("Waiting for Excel…")).toBeTruthy();
    act(() => finish({ kind: "standalone", reason: "other-host" }));
    expect(await screen.findByText(/This page was opened outside Excel/)).toBeTruthy();
    expect(colourScheme(container)).toBe("light");
  });

  it("offers the download while Excel is slow, and switches to the Excel pane when Office answers late", async () => {
    let finish: (started: Started) => void = () => undefined;
    render(
      <Root start={() => new Promise((resolve) => (finish = resolve))} features={features} offerDownloadAfterMs={20} />,
    );
    expect(await screen.findByRole("button", { name: "Download a new assessment workbook" })).toBeTruthy();
    const notice = screen.getByText("Waiting for Excel…");
    expect(notice.parentElement!.textContent).toMatch(/switches to your workbook as soon as it does/);
    act(() => finish({ kind: "excel", host, dark: false }));
    expect(await screen.findByRole("button", { name: "Build assessment" }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText("Waiting for Excel…")).toBeNull();
    expect(screen.queryByRole("button", { name: "Download a new assessment workbook" })).toBeNull();
  });

  it("keeps what was typed and where the focus was when the waiting pane turns out to be standalone", async () => {
    let finish: (started: Started) => void = () => undefined;
    render(
      <Root start={() => new Promise((resolve) => (finish = resolve))} features={features} offerDownloadAfterMs={20} />,
    );
    const council = (await screen.findByRole("textbox", { name: /Council name/ })) as HTMLInputElement;
    fireEvent.change(council, { target: { value: "Anytown Council" } });
    council.focus();
    act(() => finish({ kind: "standalone", reason: "no-office" }));
    expect(await screen.findByText("Excel is not connected.")).toBeTruthy();
    expect(screen.queryByText("Waiting for Excel…")).toBeNull();
    expect(screen.getByRole("textbox", { name: /Council name/ })).toBe(council);
    expect(council.value).toBe("Anytown Council");
    expect(document.activeElement).toBe(council);
  });

  it("goes straight to the Excel pane when Office answers before the download is offered", async () => {
    let finish: (started: Started) => void = () => undefined;
    render(
      <Root
        start={() => new Promise((resolve) => (finish = resolve))}
        features={features}
        offerDownloadAfterMs={60_000}
      />,
    );
    act(() => finish({ kind: "excel", host, dark: false }));
    expect(await screen.findByRole("button", { name: "Build assessment" }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText(/Excel is not connected|Waiting for Excel/)).toBeNull();
  });

  it("shows the user what Office said when the add-in could not start", async () => {
    render(
      <Root
        start={async () => ({ kind: "standalone", reason: "host-failed", detail: "Loading chunk 12 failed." })}
        features={features}
      />,
    );
    // Excel is there, so the pane must not claim otherwise.
    const notice = await screen.findByText("Excel is not connected.");
    expect(notice.parentElement!.textContent).not.toMatch(/not in Excel|outside Excel/);
    expect(notice.parentElement!.textContent).toMatch(
      /could not connect to the open workbook\. The error was: Loading chunk 12 failed\. Here you can make, check, consolidate or moderate workbooks as files instead\./,
    );
  });

  it("runs standalone, and says why, when starting fails outright", async () => {
    render(<Root start={() => Promise.reject(new Error("Office.onReady threw"))} features={features} />);
    expect(await screen.findByText(/The error was: Office\.onReady threw/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Download a new assessment workbook" })).toBeTruthy();
  });

  it("uses Office's dark theme inside Excel", async () => {
    const { container } = render(
      <Root start={async () => ({ kind: "excel", host, dark: true })} features={features} />,
    );
    expect(await screen.findByRole("button", { name: "Build assessment" })).toBeTruthy();
    expect(colourScheme(container)).toBe("dark");
  });

  it("follows the browser's dark preference when standalone", async () => {
    const matchMedia = (query: string) =>
      ({
        matches: true,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList;
    Object.defineProperty(window, "matchMedia", { value: matchMedia, configurable: true });
    try {
      const { container } = render(
        <Root start={async () => ({ kind: "standalone", reason: "no-office" })} features={features} />,
      );
      expect(await screen.findByText("Excel is not connected.")).toBeTruthy();
      expect(colourScheme(container)).toBe("dark");
    } finally {
      delete (window as { matchMedia?: unknown }).matchMedia;
    }
  });
});
