/**
 * What the pane's check buttons do: each calls the host (or the standalone file checker) and says
 * what happened to the reducer. Kept out of TaskPane so the component stays a layout.
 */
import { useRef, type Dispatch } from "react";
import { UserFacingError, type ProgressUpdate, type WorkbookHost } from "../app/workbook-host";
import { reportText } from "../core/check/report";
import { paneWords } from "../core/words/pane";
import type { Finding } from "../core/check/types";
import { FOCUS } from "./components/check-focus";
import { checkDetails } from "./details";
import type { FileChecker } from "./features";
import { isBusy, toShownError, type PaneAction, type PaneState } from "./state";

/** Runs host calls one after another: the Excel host refuses a second request while one is still in Excel. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

interface CheckActionDeps {
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  host: WorkbookHost | null;
  fileChecker: FileChecker | undefined;
  exclusive: Exclusive;
  /** Moves focus to the element with this id once React has shown it. */
  focusAfterRender: (id: string) => void;
}

export function useCheckActions({ state, dispatch, host, fileChecker, exclusive, focusAfterRender }: CheckActionDeps) {
  // The chosen File stays out of the reducer: it is the browser's handle, not something the pane shows.
  const chosenFile = useRef<File | null>(null);
  const busy = isBusy(state);
  const onProgress = (update: ProgressUpdate) => dispatch({ type: "checkProgressed", update });
  // A failed check: focus goes to what went wrong, as it goes to the results when all is well.
  const failed = (error: unknown) => {
    dispatch({ type: "checkFailed", error: toShownError(error) });
    focusAfterRender(FOCUS.error);
  };
  // A failed Go to cell, report or copy is said beside the list, and focus stays where the user was in it.
  const actionFailed = (error: unknown) => dispatch({ type: "checkActionFailed", error: toShownError(error) });

  const check = async () => {
    if (!host || busy) return;
    dispatch({ type: "checkStarted", step: paneWords.check.reading });
    try {
      // The status comes from the same read: progress and the tasks offered follow what changed since (levels
      // picked; the assessment's sheets deleted, when the pane offers Build again).
      const status = await exclusive(() => host.check(onProgress));
      dispatch({ type: "workbookChecked", status });
      if (status.check) focusAfterRender(FOCUS.results);
    } catch (error) {
      failed(error);
    }
  };

  /** The Repair/Upgrade button's path with the workbook's own details, then one read: the status and a new check. */
  const repair = async () => {
    const existing = state.status?.existing;
    if (!host || !existing || busy) return;
    // A workbook that lost its council or date repairs with what the form holds, which the user can see and fix.
    const details = checkDetails({
      council: existing.council || state.form.council,
      assessmentDate: existing.assessmentDate || state.form.assessmentDate,
    });
    if (!details.ok) {
      dispatch({ type: "validationFailed", errors: details.errors });
      return actionFailed(missingDetails());
    }
    dispatch({ type: "checkStarted", step: paneWords.check.repairing });
    try {
      const outcome = await exclusive(() =>
        host.buildOrUpgrade(details.details, (u) => onProgress({ step: u.step, fraction: u.fraction * 0.9 })),
      );
      dispatch({ type: "buildSucceeded", outcome });
      onProgress({ step: paneWords.check.checkingRepaired, fraction: 0.95 });
      const status = await exclusive(() => host.status());
      dispatch({ type: "statusLoaded", status });
      focusAfterRender(FOCUS.results);
    } catch (error) {
      failed(error);
    }
  };

  /** Selects the finding's cell, or activates its sheet when the finding is about the whole sheet. */
  const goToCell = (finding: Finding) => {
    const { sheet, cell } = finding;
    if (!host || !sheet) return;
    const go = () => (cell ? host.selectCell(sheet.name, cell) : host.selectSheet(sheet.name));
    exclusive(go).then(() => dispatch({ type: "cellSelected" }), actionFailed);
  };

  const addReport = async () => {
    const result = state.check.result;
    if (!host || !result || busy) return;
    try {
      const sheet = await exclusive(() => host.addCheckReport(result));
      dispatch({ type: "reportAdded", sheet });
      focusAfterRender(FOCUS.reportLink);
    } catch (error) {
      actionFailed(error);
    }
  };

  const selectSheet = (name: string) => {
    if (!host) return;
    exclusive(() => host.selectSheet(name)).then(() => dispatch({ type: "cellSelected" }), actionFailed);
  };

  const copy = async () => {
    const result = state.check.result;
    if (!result) return;
    const text = reportText(result, reportTitle(state));
    try {
      await writeClipboard(text);
      dispatch({ type: "copied" });
    } catch (refusal) {
      // Not hidden: the pane says the browser refused, and offers the text to copy by hand.
      console.warn("The clipboard refused the report text", refusal);
      dispatch({ type: "copyRefused", text });
      focusAfterRender(FOCUS.copyText);
    }
  };

  const checkFile = async (file: File) => {
    if (!fileChecker || busy) return;
    chosenFile.current = file;
    dispatch({ type: "checkStarted", step: paneWords.fileCheck.loading, replacing: true });
    try {
      const checked = await fileChecker.check(file, onProgress);
      dispatch({ type: "checkSucceeded", result: checked.result, fileName: checked.fileName });
      focusAfterRender(FOCUS.results);
    } catch (error) {
      failed(error);
    }
  };

  const downloadRepaired = async () => {
    const file = chosenFile.current;
    if (!fileChecker || !file || busy) return;
    dispatch({ type: "checkStarted", step: paneWords.fileCheck.preparing });
    try {
      const fileName = await fileChecker.downloadRepairedCopy(file, onProgress);
      dispatch({ type: "repairedCopyDownloaded", fileName });
      focusAfterRender(FOCUS.repairedCopy);
    } catch (error) {
      failed(error);
    }
  };

  return { check, repair, goToCell, addReport, selectSheet, copy, checkFile, downloadRepaired };
}

const missingDetails = () =>
  new UserFacingError({ message: paneWords.error.missingDetails, nextStep: paneWords.error.missingDetailsNext });

/** The report's first line names what was checked. */
function reportTitle(state: PaneState): string {
  if (state.check.fileName) return paneWords.check.reportTitleFile(state.check.fileName);
  const council = state.status?.existing?.council;
  return council ? paneWords.check.reportTitleCouncil(council) : paneWords.check.reportTitle;
}

async function writeClipboard(text: string): Promise<void> {
  // Office's iframes and plain http pages may have no clipboard at all, not only a refusing one.
  if (!navigator.clipboard?.writeText) throw new Error("This page has no access to the clipboard.");
  await navigator.clipboard.writeText(text);
}
