import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../app/workbook-host";
import type { DownloadWorkbook } from "./download";
import { errorDetail, type StandaloneReason } from "./office-detect";
import { TaskPane } from "./TaskPane";

/** How the page started: with Excel (and Office's theme), or standalone (following the browser's theme). */
export type Started =
  | { kind: "excel"; host: WorkbookHost; dark: boolean }
  | { kind: "standalone"; reason: StandaloneReason; detail?: string };

interface RootProps {
  start: () => Promise<Started>;
  downloadWorkbook: DownloadWorkbook;
}

export function Root({ start, downloadWorkbook }: RootProps) {
  const [started, setStarted] = useState<Started | null>(null);
  const browserDark = usePrefersDark();
  useEffect(() => {
    let current = true;
    start().then(
      (result) => current && setStarted(result),
      // Without this the pane would spin for ever; standalone still offers the download, and says why.
      (error: unknown) =>
        current && setStarted({ kind: "standalone", reason: "host-failed", detail: errorDetail(error) }),
    );
    return () => {
      current = false;
    };
  }, [start]);

  const dark = started?.kind === "excel" ? started.dark : browserDark;
  return (
    // colorScheme makes the browser's own parts (date picker, scroll bars) match the theme.
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      style={{ minHeight: "100vh", colorScheme: dark ? "dark" : "light" }}
    >
      {started === null ? (
        <Spinner label="Starting the NPS self-assessment…" style={{ padding: "2rem" }} />
      ) : started.kind === "excel" ? (
        <TaskPane host={started.host} downloadWorkbook={downloadWorkbook} />
      ) : (
        <TaskPane
          host={null}
          standaloneReason={started.reason}
          standaloneDetail={started.detail}
          downloadWorkbook={downloadWorkbook}
        />
      )}
    </FluentProvider>
  );
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The browser's light/dark preference, updated live when the user switches. */
function usePrefersDark(): boolean {
  const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia(DARK_QUERY) : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const update = () => setDark(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, [query?.media]); // eslint-disable-line react-hooks/exhaustive-deps
  return dark;
}
