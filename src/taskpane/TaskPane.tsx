import { useCallback, useEffect, useReducer, useRef } from "react";
import type { ProgressUpdate, WorkbookHost, WorkbookStatus } from "../app/workbook-host";
import { DetailsForm } from "./components/DetailsForm";
import { DownloadResult } from "./components/DownloadResult";
import { ErrorPanel } from "./components/ErrorPanel";
import { ExistingAssessment } from "./components/ExistingAssessment";
import { PaneHeader } from "./components/PaneHeader";
import { ProgressPanel } from "./components/ProgressPanel";
import { ResultSummary } from "./components/ResultSummary";
import { SignOffForm } from "./components/SignOffForm";
import { StandaloneNotice, type NoticeReason } from "./components/StandaloneNotice";
import { usePaneStyles } from "./components/styles";
import { checkDetails } from "./details";
import type { DownloadWorkbook } from "./download";
import { initialState, isBusy, paneReducer, primaryAction, primaryActionLabel, toShownError } from "./state";
import { todayIso } from "../core/util/dates";

export interface TaskPaneProps {
  /** The open workbook, or null when the page runs outside Excel. */
  host: WorkbookHost | null;
  /** Why there is no workbook: the page runs standalone, or Excel has not answered yet. */
  standaloneReason?: NoticeReason;
  /** The error that kept the add-in from starting in Excel, if there was one. */
  standaloneDetail?: string;
  downloadWorkbook: DownloadWorkbook;
  /** Fixed in tests so the default assessment date is known. */
  now?: Date;
}

export function TaskPane({
  host,
  standaloneReason = "no-office",
  standaloneDetail,
  downloadWorkbook,
  now,
}: TaskPaneProps) {
  const styles = usePaneStyles();
  const [state, dispatch] = useReducer(paneReducer, undefined, () => initialState(host ? "excel" : "standalone", now));

  // One status read at a time: React's StrictMode (development builds) runs the effect below twice at once, and
  // the Excel host refuses a second request while one is still in Excel.
  const statusInFlight = useRef<Promise<WorkbookStatus> | null>(null);
  const readStatus = useCallback(
    (isCurrent: () => boolean = () => true) => {
      if (!host) return;
      statusInFlight.current ??= host.status().finally(() => (statusInFlight.current = null));
      statusInFlight.current.then(
        (status) => isCurrent() && dispatch({ type: "statusLoaded", status }),
        (error: unknown) => isCurrent() && dispatch({ type: "statusFailed", error: toShownError(error) }),
      );
    },
    [host],
  );

  useEffect(() => {
    let current = true;
    readStatus(() => current);
    return () => {
      current = false;
    };
  }, [readStatus]);

  const action = primaryAction(state);
  const onProgress = (update: ProgressUpdate) => dispatch({ type: "progressed", update });

  const submit = async () => {
    const checked = checkDetails(state.form);
    if (!checked.ok) return dispatch({ type: "validationFailed", errors: checked.errors });
    try {
      if (action === "download" || !host) {
        dispatch({ type: "workStarted", step: "Preparing the download" });
        const fileName = await downloadWorkbook(checked.details, onProgress);
        dispatch({ type: "downloadSucceeded", fileName });
      } else {
        dispatch({ type: "workStarted", step: "Reading your workbook" });
        const outcome = await host.buildOrUpgrade(checked.details, onProgress);
        dispatch({ type: "buildSucceeded", outcome });
        // The workbook now holds an assessment, so the button must offer Repair next time.
        readStatus();
      }
    } catch (error) {
      dispatch({ type: "failed", error: toShownError(error) });
    }
  };

  /** Sign off runs as a build does: the same progress, result and error panels. */
  const signOff = async (name: string) => {
    if (!host) return;
    try {
      dispatch({ type: "workStarted", step: "Reading your workbook" });
      dispatch({ type: "buildSucceeded", outcome: await host.signOff(name, onProgress) });
      readStatus();
    } catch (error) {
      dispatch({ type: "failed", error: toShownError(error) });
    }
  };

  const { phase } = state;
  return (
    <main className={styles.pane}>
      <PaneHeader mode={state.mode} />
      {state.mode === "standalone" && <StandaloneNotice reason={standaloneReason} detail={standaloneDetail} />}
      {state.status?.existing && !state.downloadOffered && <ExistingAssessment existing={state.status.existing} />}
      <DetailsForm
        values={state.form}
        errors={state.fieldErrors}
        actionLabel={phase.kind === "checking" ? "Checking your workbook…" : primaryActionLabel[action]}
        busy={isBusy(state)}
        onChange={(field, value) => dispatch({ type: "fieldChanged", field, value })}
        onSubmit={() => void submit()}
      />
      {host && state.status?.existing && !state.downloadOffered && (
        <SignOffForm today={todayIso(now)} busy={isBusy(state)} onSignOff={(name) => void signOff(name)} />
      )}
      {/* Always in the page, so screen readers announce what appears inside it. */}
      <div aria-live="polite" className={styles.section}>
        {phase.kind === "working" && <ProgressPanel progress={phase.progress} />}
        {phase.kind === "built" && host && (
          <ResultSummary outcome={phase.outcome} onSelectSheet={(name) => host.selectSheet(name)} />
        )}
        {phase.kind === "built" && phase.statusError && (
          <ErrorPanel error={phase.statusError} downloadButtonShown={action === "download"} />
        )}
        {phase.kind === "downloaded" && <DownloadResult fileName={phase.fileName} />}
        {phase.kind === "failed" && <ErrorPanel error={phase.error} downloadButtonShown={action === "download"} />}
      </div>
    </main>
  );
}
