import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../app/workbook-host";
import { paneWords } from "../core/words/pane";
import type { PaneFeatures } from "./features";
import { errorDetail, type StandaloneReason } from "./office-detect";
import { TaskPane } from "./TaskPane";

/** How the page started: with Excel (and Office's theme), or standalone (following the browser's theme). */
export type Started =
  | { kind: "excel"; host: WorkbookHost; dark: boolean }
  | { kind: "standalone"; reason: StandaloneReason; detail?: string };

/**
 * How long Excel may take to answer before the pane offers the download while it goes on waiting.
 * Office.onReady can resolve much later on a slow start; the pane then switches to Excel.
 */
export const OFFER_DOWNLOAD_WHILE_WAITING_MS = 8000;

interface RootProps {
  start: () => Promise<Started>;
  features: PaneFeatures;
  /** Shortened in tests. */
  offerDownloadAfterMs?: number;
}

export function Root({ start, features, offerDownloadAfterMs = OFFER_DOWNLOAD_WHILE_WAITING_MS }: RootProps) {
  const started = useStarted(start);
  const waitingLong = useElapsed({ ms: offerDownloadAfterMs, running: started === null });
  const browserDark = usePrefersDark();

  const dark = started?.kind === "excel" ? started.dark : browserDark;
  return (
    // colorScheme makes the browser's own parts (date picker, scroll bars) match the theme.
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      style={{ minHeight: "100vh", colorScheme: dark ? "dark" : "light" }}
    >
      {started === null ? (
        waitingLong ? (
          // Still listening: the Excel pane replaces this one as soon as Office answers; its key makes React start
          // it afresh (its state says whether it works in Excel). If Office never comes, this pane simply becomes
          // the standalone one (same key), so whatever the user typed or chose while waiting, and the focus, stay.
          <TaskPane key="standalone" host={null} standaloneReason="waiting" features={features} />
        ) : (
          <Spinner label={paneWords.waiting} style={{ padding: "2rem" }} />
        )
      ) : started.kind === "excel" ? (
        <TaskPane key="excel" host={started.host} features={features} />
      ) : (
        <TaskPane
          key="standalone"
          host={null}
          standaloneReason={started.reason}
          standaloneDetail={started.detail}
          features={features}
        />
      )}
    </FluentProvider>
  );
}

/** What start() settled to; null while it is still waiting, for however long that is. */
function useStarted(start: () => Promise<Started>): Started | null {
  const [started, setStarted] = useState<Started | null>(null);
  useEffect(() => {
    let current = true;
    start().then(
      (result) => current && setStarted(result),
      // Without this the pane would wait for ever; standalone still offers the download, and says why.
      (error: unknown) =>
        current && setStarted({ kind: "standalone", reason: "host-failed", detail: errorDetail(error) }),
    );
    return () => {
      current = false;
    };
  }, [start]);
  return started;
}

/** True once `ms` have passed while `running` stayed true. */
function useElapsed({ ms, running }: { ms: number; running: boolean }): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setElapsed(true), ms);
    return () => clearTimeout(timer);
  }, [ms, running]);
  return elapsed;
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
