import { useCallback, useEffect, useReducer, useRef } from "react";
import type { ProgressUpdate, WorkbookHost, WorkbookStatus } from "../app/workbook-host";
import { useCheckActions, type Exclusive } from "./check-actions";
import { ExcelCheckSection, FileCheckSection } from "./components/CheckSections";
import { ConsolidateSection } from "./components/ConsolidateSection";
import { useConsolidateAction } from "./consolidate-actions";
import { realConsolidator, type Consolidator } from "./consolidator";
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
import type { FileChecker } from "./file-check";
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
  /** Checks a chosen .xlsx file outside Excel; the real one loads the reader only when a file is chosen. */
  fileChecker: FileChecker;
  /** Reads and consolidates chosen returns; the real one loads the reader and checker only when first used. */
  consolidator?: Consolidator;
  /** Fixed in tests so the default assessment date is known. */
  now?: Date;
}

export function TaskPane({
  host,
  standaloneReason = "no-office",
  standaloneDetail,
  downloadWorkbook,
  fileChecker,
  consolidator = realConsolidator,
  now,
}: TaskPaneProps) {
  const styles = usePaneStyles();
  const [state, dispatch] = useReducer(paneReducer, undefined, () => initialState(host ? "excel" : "standalone", now));

  const exclusive = useExclusive();
  const focusAfterRender = useFocusAfterRender();
  // One status read at a time: React's StrictMode (development builds) runs the effect below twice at once, and
  // the Excel host refuses a second request while one is still in Excel.
  const statusInFlight = useRef<Promise<WorkbookStatus> | null>(null);
  const readStatus = useCallback(
    (isCurrent: () => boolean = () => true) => {
      if (!host) return;
      statusInFlight.current ??= exclusive(() => host.status()).finally(() => (statusInFlight.current = null));
      statusInFlight.current.then(
        (status) => isCurrent() && dispatch({ type: "statusLoaded", status }),
        (error: unknown) => isCurrent() && dispatch({ type: "statusFailed", error: toShownError(error) }),
      );
    },
    [host, exclusive],
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
        const outcome = await exclusive(() => host.buildOrUpgrade(checked.details, onProgress));
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
      dispatch({ type: "buildSucceeded", outcome: await exclusive(() => host.signOff({ name }, onProgress)) });
      readStatus();
    } catch (error) {
      dispatch({ type: "failed", error: toShownError(error) });
    }
  };

  const checks = useCheckActions({
    state,
    dispatch,
    host,
    fileChecker,
    exclusive,
    focusAfterRender,
    readStatus: () => readStatus(),
  });
  const consolidate = useConsolidateAction({ state, dispatch, host, consolidator, exclusive });
  const busy = isBusy(state);
  const { phase } = state;
  return (
    <main className={styles.pane}>
      <PaneHeader mode={state.mode} />
      {state.mode === "standalone" && <StandaloneNotice reason={standaloneReason} detail={standaloneDetail} />}
      {state.status?.existing && !state.downloadOffered && <ExistingAssessment existing={state.status.existing} />}
      {host && state.status?.existing && (
        <ExcelCheckSection
          check={state.check}
          busy={busy}
          onCheck={() => void checks.check()}
          onRepair={action === "download" ? undefined : () => void checks.repair()}
          onAddReport={() => void checks.addReport()}
          onCopy={() => void checks.copy()}
          onGoToCell={checks.goToCell}
          onSelectSheet={checks.selectSheet}
        />
      )}
      <DetailsForm
        values={state.form}
        errors={state.fieldErrors}
        actionLabel={phase.kind === "checking" ? "Checking your workbook…" : primaryActionLabel[action]}
        busy={busy}
        onChange={(field, value) => dispatch({ type: "fieldChanged", field, value })}
        onSubmit={() => void submit()}
      />
      {host && state.status?.existing && !state.downloadOffered && (
        <SignOffForm today={todayIso(now)} busy={busy} onSignOff={(name) => void signOff(name)} />
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
      {!host && (
        <FileCheckSection
          check={state.check}
          busy={busy}
          onFileChosen={(file) => void checks.checkFile(file)}
          onDownloadRepaired={() => void checks.downloadRepaired()}
          onCopy={() => void checks.copy()}
        />
      )}
      <ConsolidateSection
        view={state.consolidate}
        busy={busy}
        inExcel={host !== null}
        onOptionChanged={(option, value) => dispatch({ type: "consolidateOptionChanged", option, value })}
        onConsolidate={(files) => void consolidate(files)}
        onSelectSheet={host ? (name) => exclusive(() => host.selectSheet(name)) : undefined}
      />
    </main>
  );
}

/**
 * Chains host calls so that each starts only when the one before has settled; with none running, the
 * call starts at once (in the same tick, as it would without the chain).
 */
function useExclusive(): Exclusive {
  const tail = useRef<Promise<void> | null>(null);
  return useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const start = () => new Promise<T>((resolve) => resolve(work()));
    const next = tail.current ? tail.current.then(start) : start();
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    tail.current = settled;
    void settled.then(() => {
      if (tail.current === settled) tail.current = null;
    });
    return next;
  }, []);
}

/** Asks for focus on an element by id once the next render has put it in the page (or not: then nothing moves). */
function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return useCallback((id: string) => (pending.current = id), []) as (id: string) => void;
}
