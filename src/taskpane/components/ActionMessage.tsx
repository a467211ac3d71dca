import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useState } from "react";
import type { AssessmentOutcome } from "../../app/workbook-host";
import { paneWords } from "../../core/words/pane";
import { toShownError, type NextYearStarted, type Phase, type ShownError } from "../state";
import { ErrorPanel } from "./ErrorPanel";
import { ProgressPanel } from "./ProgressPanel";
import { usePaneStyles } from "./styles";

/** The id focus moves to once an action has ended, so keyboard and screen reader users land on what it said. */
export const ACTION_MESSAGE_ID = "action-message";

interface ActionMessageProps {
  phase: Phase;
  /** Whether the download button is on the page (an error may point to it). */
  downloadButtonShown: boolean;
  /** In Excel: takes the user to a sheet; absent standalone. */
  onSelectSheet?: (name: string) => Promise<void>;
}

/**
 * What the last build, upgrade, repair, sign-off or download did, at the top of the pane: its
 * progress while it runs, then a message saying what happened and what to do next.
 */
export function ActionMessage({ phase, downloadButtonShown, onSelectSheet }: ActionMessageProps) {
  const styles = usePaneStyles();
  return (
    // Always in the page, so screen readers announce what appears inside it.
    <div aria-live="polite" className={styles.liveRegion}>
      {phase.kind === "working" && <ProgressPanel progress={phase.progress} />}
      {phase.kind === "built" && <OutcomeMessage outcome={phase.outcome} onSelectSheet={onSelectSheet} />}
      {phase.kind === "built" && phase.statusError && (
        <ErrorPanel error={phase.statusError} downloadButtonShown={downloadButtonShown} />
      )}
      {phase.kind === "downloaded" && (
        <MessageBar id={ACTION_MESSAGE_ID} tabIndex={-1} intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{paneWords.done.downloaded}</MessageBarTitle>
            {paneWords.done.openDownloaded(phase.fileName)}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === "nextYearStarted" && <NextYearMessage started={phase.started} />}
      {phase.kind === "failed" && (
        <ErrorPanel id={ACTION_MESSAGE_ID} error={phase.error} downloadButtonShown={downloadButtonShown} />
      )}
    </div>
  );
}

/** After a build or upgrade the next step is to pick levels: the message links to the first key area's sheet. */
function OutcomeMessage({
  outcome,
  onSelectSheet,
}: Pick<ActionMessageProps, "onSelectSheet"> & { outcome: AssessmentOutcome }) {
  const styles = usePaneStyles();
  // Kept here, not in the pane's state: a failed jump must not hide the result the user is reading.
  const [selectError, setSelectError] = useState<ShownError | null>(null);
  const firstArea = outcome.sheets.find((sheet) => sheet.role === "keyArea");
  const actionPlan = outcome.sheets.find((sheet) => sheet.role === "actions");
  const levelsNext = outcome.action === "built" || outcome.action === "upgraded";
  const select = (name: string) => {
    setSelectError(null);
    onSelectSheet?.(name).catch((error: unknown) => setSelectError(toShownError(error)));
  };
  return (
    <>
      <MessageBar id={ACTION_MESSAGE_ID} tabIndex={-1} intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{outcome.title ?? paneWords.done[outcome.action]}</MessageBarTitle>
          {levelsNext && firstArea && (
            <p className={styles.paragraph}>
              {paneWords.done.pickLevels}{" "}
              {onSelectSheet && (
                <Link as="button" onClick={() => select(firstArea.name)}>
                  {paneWords.done.goTo(firstArea.name)}
                </Link>
              )}
            </p>
          )}
          {outcome.action === "actionsDrafted" && actionPlan && onSelectSheet && (
            <p className={styles.paragraph}>
              <Link as="button" onClick={() => select(actionPlan.name)}>
                {paneWords.done.goTo(actionPlan.name)}
              </Link>
            </p>
          )}
          {outcome.notes.length > 0 && (
            <ul className={styles.list} aria-label={paneWords.done.notes}>
              {outcome.notes.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
      {selectError && <ErrorPanel error={selectError} downloadButtonShown={false} />}
    </>
  );
}

/** Next year's workbook: opened in Excel, or downloaded (and, in Excel, why it was not opened); then the notes. */
function NextYearMessage({ started }: { started: NextYearStarted }) {
  const styles = usePaneStyles();
  const words = paneWords.nextYear;
  return (
    <MessageBar id={ACTION_MESSAGE_ID} tabIndex={-1} intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{started.opened ? words.opened : words.downloaded}</MessageBarTitle>
        {started.notInExcel && (
          <p className={styles.paragraph}>
            {words.downloadedInstead} {started.notInExcel.message}
          </p>
        )}
        <p className={styles.paragraph}>
          {started.opened ? words.openedNext : paneWords.done.openDownloaded(started.fileName)}
        </p>
        {started.notes.length > 0 && (
          <ul className={styles.list} aria-label={paneWords.done.notes}>
            {started.notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
