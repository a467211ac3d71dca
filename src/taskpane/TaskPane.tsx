import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useReducer, useRef } from "react";
import type { ProgressUpdate, SignOffAsked, WorkbookHost, WorkbookStatus } from "../app/workbook-host";
import { dateSaid, todayIso } from "../core/util/dates";
import { paneWords } from "../core/words/pane";
import { useCheckActions, type Exclusive } from "./check-actions";
import { ACTION_MESSAGE_ID, ActionMessage } from "./components/ActionMessage";
import { ActionPlanSection } from "./components/ActionPlanSection";
import { DetailsForm } from "./components/DetailsForm";
import { NextYearSection } from "./components/NextYearSection";
import { PaneHeader } from "./components/PaneHeader";
import { SignOffForm } from "./components/SignOffForm";
import { StandaloneNotice, type NoticeReason } from "./components/StandaloneNotice";
import { signedOffMessage, StatusView } from "./components/StatusView";
import { TASK_PANEL_ID, TaskTabs, tabId } from "./components/TaskTabs";
import { usePaneStyles } from "./components/styles";
import { useConsolidateAction } from "./consolidate-actions";
import { useModerateAction } from "./moderate-actions";
import { checkDetails } from "./details";
import type { PaneFeatures } from "./features";
import {
  initialState,
  isBusy,
  paneReducer,
  primaryAction,
  primaryActionLabel,
  toShownError,
  type PaneTab,
} from "./state";
import { useNextYearAction } from "./next-year-actions";
import { tabsOf } from "./tasks";

// The Check and Consolidate views are chunks of their own, fetched when their tab is first opened (and
// prefetched once the page is idle): most visits build or look at the assessment, and the pane's first script
// must stay small for a slow council network.
const ExcelCheckSection = lazy(() =>
  import(/* webpackPrefetch: true */ "./components/CheckSections").then((m) => ({ default: m.ExcelCheckSection })),
);
const FileCheckSection = lazy(() =>
  import(/* webpackPrefetch: true */ "./components/CheckSections").then((m) => ({ default: m.FileCheckSection })),
);
const ConsolidateSection = lazy(() =>
  import(/* webpackPrefetch: true */ "./components/ConsolidateSection").then((m) => ({
    default: m.ConsolidateSection,
  })),
);
const ModerateSection = lazy(() =>
  import(/* webpackPrefetch: true */ "./components/ModerateSection").then((m) => ({ default: m.ModerateSection })),
);

export interface TaskPaneProps {
  /** The open workbook, or null when the page runs outside Excel. */
  host: WorkbookHost | null;
  /** Why there is no workbook: the page runs standalone, or Excel has not answered yet. */
  standaloneReason?: NoticeReason;
  /** The error that kept the add-in from starting in Excel, if there was one. */
  standaloneDetail?: string;
  /** The download, the file check and the consolidation: the real ones load their code when first used. */
  features: PaneFeatures;
  /** Fixed in tests so the default assessment date is known. */
  now?: Date;
}

export function TaskPane({ host, standaloneReason = "no-office", standaloneDetail, features, now }: TaskPaneProps) {
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
  /** Says what happened at the top, and moves focus there: a second Enter must not start another action. */
  const ended = () => focusAfterRender(ACTION_MESSAGE_ID);

  const submit = async () => {
    const checked = checkDetails(state.form);
    if (!checked.ok) return dispatch({ type: "validationFailed", errors: checked.errors });
    try {
      if (action === "download" || !host) {
        dispatch({ type: "workStarted", step: paneWords.action.preparingDownload });
        const fileName = await features.downloader.download(checked.details, onProgress);
        dispatch({ type: "downloadSucceeded", fileName });
      } else {
        dispatch({ type: "workStarted", step: paneWords.action.readingWorkbook });
        const outcome = await exclusive(() => host.buildOrUpgrade(checked.details, onProgress));
        dispatch({ type: "buildSucceeded", outcome });
        // The workbook now holds an assessment: the status, the tabs and the button follow.
        readStatus();
      }
    } catch (error) {
      dispatch({ type: "failed", error: toShownError(error) });
    }
    ended();
  };

  /**
   * Sign off runs as a build does: the same progress, and its result or refusal said at the top. The status is
   * read again either way, so the form names the key areas not complete as the workbook has them now.
   */
  const signOff = async (request: SignOffAsked) => {
    if (!host) return;
    try {
      dispatch({ type: "workStarted", step: paneWords.action.readingWorkbook });
      dispatch({ type: "buildSucceeded", outcome: await exclusive(() => host.signOff(request, onProgress)) });
    } catch (error) {
      dispatch({ type: "failed", error: toShownError(error) });
    }
    readStatus();
    ended();
  };

  /** Draft actions from the gaps: as sign-off, its result said at the top and the status (and check) read again. */
  const draftActions = async () => {
    if (!host) return;
    try {
      dispatch({ type: "workStarted", step: paneWords.action.readingWorkbook });
      dispatch({ type: "buildSucceeded", outcome: await exclusive(() => host.draftActions(onProgress)) });
    } catch (error) {
      dispatch({ type: "failed", error: toShownError(error) });
    }
    readStatus();
    ended();
  };

  const checks = useCheckActions({
    state,
    dispatch,
    host,
    fileChecker: features.fileChecker,
    exclusive,
    focusAfterRender,
  });
  const consolidate = useConsolidateAction({
    state,
    dispatch,
    host,
    consolidator: features.consolidator,
    exclusive,
    focusAfterRender,
  });
  const moderate = useModerateAction({
    state,
    dispatch,
    host,
    moderator: features.moderator,
    exclusive,
    focusAfterRender,
    // Written into the workbook, the moderation is its assessment now: the status, the tabs and the button follow.
    onWritten: () => readStatus(),
  });
  const busy = isBusy(state);
  const startNextYear = useNextYearAction({
    dispatch,
    host,
    maker: features.nextYear,
    exclusive,
    busy,
    focusAfterRender,
  });
  const { phase } = state;
  const existing = state.downloadOffered ? null : (state.status?.existing ?? null);
  const tabs = tabsOf({ inExcel: host !== null, hasAssessment: existing !== null });
  // A tab that is gone (the assessment was deleted) falls back to the first.
  const tab = tabs.some((t) => t.tab === state.tab) ? state.tab : "assessment";
  const selectTab = (next: PaneTab) => dispatch({ type: "tabSelected", tab: next });
  const selectSheet = host ? (name: string) => exclusive(() => host.selectSheet(name)) : undefined;
  return (
    <main className={styles.pane}>
      <PaneHeader />
      {state.mode === "standalone" && <StandaloneNotice reason={standaloneReason} detail={standaloneDetail} />}
      <ActionMessage phase={phase} downloadButtonShown={action === "download"} onSelectSheet={selectSheet} />
      <TaskTabs tabs={tabs} selected={tab} onSelect={selectTab} />
      <div role="tabpanel" id={TASK_PANEL_ID} aria-labelledby={tabId(tab)} className={styles.section}>
        <Suspense fallback={<Spinner size="small" label={paneWords.tabs.loading} />}>
          {tab === "assessment" && (
            <>
              {existing && (
                <StatusView
                  existing={existing}
                  check={state.check.result}
                  onSeeFindings={() => {
                    // The Check tab lists the findings (and focus goes to them) as its own Check button does.
                    selectTab("check");
                    void checks.check();
                  }}
                />
              )}
              <DetailsForm
                values={state.form}
                errors={state.fieldErrors}
                actionLabel={phase.kind === "checking" ? paneWords.action.checking : primaryActionLabel[action]}
                // Repair is not the next step of an assessment that is up to date: it is offered, not pressed by Enter.
                primary={action !== "repair"}
                hint={action === "repair" ? paneWords.action.repairHint : undefined}
                busy={busy}
                folded={action === "repair"}
                onChange={(field, value) => dispatch({ type: "fieldChanged", field, value })}
                onSubmit={() => void submit()}
              />
              {existing && host && (
                <ActionPlanSection
                  busy={busy}
                  needsUpgrade={existing.upgradeAvailable}
                  onDraft={() => void draftActions()}
                />
              )}
              {/* In Excel, once the workbook holds an assessment to start from; standalone, from a chosen file. */}
              {features.nextYear && (existing || !host) && (
                <NextYearSection
                  inExcel={host !== null}
                  busy={busy}
                  today={dateSaid(todayIso(now))}
                  onStart={startNextYear}
                />
              )}
            </>
          )}
          {tab === "check" && host && (
            <ExcelCheckSection
              check={state.check}
              busy={busy}
              onCheck={() => void checks.check()}
              onRepair={action === "download" ? undefined : () => void checks.repair()}
              upgrade={existing?.upgradeAvailable === true}
              onAddReport={() => void checks.addReport()}
              onCopy={() => void checks.copy()}
              onGoToCell={checks.goToCell}
              onSelectSheet={checks.selectSheet}
            />
          )}
          {tab === "check" && !host && (
            <FileCheckSection
              check={state.check}
              busy={busy}
              onFileChosen={(file) => void checks.checkFile(file)}
              onDownloadRepaired={() => void checks.downloadRepaired()}
              onCopy={() => void checks.copy()}
            />
          )}
          {tab === "signOff" && host && (
            <SignOffForm
              today={todayIso(now)}
              busy={busy}
              keyAreas={existing?.keyAreas ?? []}
              signedOff={signedOffMessage(state.check.result)}
              onSignOff={(request) => void signOff(request)}
            />
          )}
          {tab === "consolidate" && (
            <ConsolidateSection
              view={state.consolidate}
              busy={busy}
              inExcel={host !== null}
              onOptionChanged={(option, value) => dispatch({ type: "consolidateOptionChanged", option, value })}
              onConsolidate={(files) => void consolidate(files)}
              onSelectSheet={selectSheet}
            />
          )}
          {tab === "moderate" && (
            <ModerateSection
              view={state.moderate}
              busy={busy}
              inExcel={host !== null}
              onModerate={(files, to) => void moderate(files, to)}
              onSelectSheet={selectSheet}
            />
          )}
        </Suspense>
      </div>
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

/**
 * Asks for focus on an element by id once a render has put it in the page. It waits for the render that
 * shows it: the render that follows the request is not always the one that shows what happened (an
 * update can be committed in two steps), and focus must not be lost to the page meanwhile.
 */
function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    const target = document.getElementById(pending.current);
    if (!target) return;
    target.focus();
    pending.current = null;
  });
  return useCallback((id: string) => (pending.current = id), []) as (id: string) => void;
}
