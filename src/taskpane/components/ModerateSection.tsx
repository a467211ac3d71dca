import {
  Button,
  Label,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
} from "@fluentui/react-components";
import { useId, useState, type ChangeEvent } from "react";
import type { ModerationLogEntry } from "../../core/moderate/moderate";
import { moderationWords } from "../../core/words/moderation";
import { paneWords } from "../../core/words/pane";
import { MODERATE_RESULT_ID, type ModerateTo } from "../moderate-actions";
import type { ModerateView } from "../moderate-state";
import { toShownError, type ShownError } from "../state";
import { FileLine, readLine, type FileLineEntry } from "./ConsolidateSection";
import { ErrorPanel } from "./ErrorPanel";
import { ProgressPanel } from "./ProgressPanel";
import { usePaneStyles } from "./styles";

const words = moderationWords.pane;

interface ModerateProps {
  view: ModerateView;
  busy: boolean;
  /** In Excel the moderation can be written into the open workbook; standalone it is downloaded. */
  inExcel: boolean;
  onModerate: (files: readonly File[], to: ModerateTo) => void;
  /** In Excel: activates a sheet written. */
  onSelectSheet?: (name: string) => Promise<void>;
}

/**
 * Choose one council's respondents' returns, then write the moderation into this workbook (Excel) or download the
 * moderated workbook; what happened is said at the top, and below it each file's fate.
 */
export function ModerateSection({ view, busy, inExcel, onModerate, onSelectSheet }: ModerateProps) {
  const styles = usePaneStyles();
  const inputId = useId();
  const hintId = useId();
  // The chosen Files stay out of the reducer: they are the browser's handles, not something the pane shows.
  const [files, setFiles] = useState<File[]>([]);
  const chosen = (event: ChangeEvent<HTMLInputElement>) => setFiles(Array.from(event.target.files ?? []));
  const cannot = busy || files.length === 0;
  return (
    <section className={styles.section} aria-labelledby="moderate-heading">
      <Subtitle2 as="h2" id="moderate-heading" className={styles.heading}>
        {words.heading}
      </Subtitle2>
      <div aria-live="polite" className={styles.liveRegion}>
        {view.progress && <ProgressPanel progress={view.progress} />}
        {view.error && <ErrorPanel id={MODERATE_RESULT_ID} error={view.error} downloadButtonShown={false} />}
        {!view.progress && view.result && !view.error && <Outcome view={view} onSelectSheet={onSelectSheet} />}
      </div>
      <p className={styles.paragraph} id={hintId}>
        {inExcel ? words.hintExcel : words.hintStandalone}
      </p>
      <Label htmlFor={inputId}>{words.label}</Label>
      <input
        id={inputId}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={hintId}
        className={styles.fileInput}
        onChange={chosen}
      />
      <div className={styles.actions}>
        {inExcel && (
          <Button appearance="primary" onClick={() => onModerate(files, "workbook")} disabledFocusable={cannot}>
            {words.write}
          </Button>
        )}
        <Button
          appearance={inExcel ? "secondary" : "primary"}
          onClick={() => onModerate(files, "download")}
          disabledFocusable={cannot}
        >
          {words.download}
        </Button>
      </div>
      <FileLines view={view} />
    </section>
  );
}

/** What the run did: written into the workbook (with links to the sheets to look at first) or downloaded. */
function Outcome({ view, onSelectSheet }: Pick<ModerateProps, "view" | "onSelectSheet">) {
  const styles = usePaneStyles();
  const [selectError, setSelectError] = useState<ShownError | null>(null);
  const moderation = view.result;
  if (!moderation) return null;
  const leftOut = moderation.log.filter((entry) => !entry.used).length;
  const intent = leftOut > 0 ? "warning" : "success";
  const notes = [...(view.written?.notes ?? []), ...moderation.warnings];
  // The Moderation sheet and the first key area: where the meeting starts.
  const toVisit = (view.written?.sheets ?? []).filter(
    (sheet, i, all) => sheet.role === "moderation" || all.findIndex((s) => s.role === "keyArea") === i,
  );
  const select = (name: string) => {
    setSelectError(null);
    onSelectSheet?.(name).catch((error: unknown) => setSelectError(toShownError(error)));
  };
  return (
    <>
      <MessageBar id={MODERATE_RESULT_ID} tabIndex={-1} intent={intent} data-intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {view.written ? words.writtenTitle : words.downloadedTitle}
            {leftOut > 0 && ` ${words.someLeftOutTitle(leftOut)}`}
          </MessageBarTitle>
          {moderation.summary} {view.downloaded && words.openDownloaded(view.downloaded)}
          {notes.length > 0 && (
            <ul className={styles.list} aria-label={paneWords.done.notes}>
              {notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
      {onSelectSheet && toVisit.length > 0 && (
        <ul className={styles.list} aria-label={words.sheetsLabel}>
          {toVisit.map(({ name }) => (
            <li key={name}>
              <Link as="button" onClick={() => select(name)}>
                {paneWords.done.goTo(name)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {selectError && <ErrorPanel error={selectError} downloadButtonShown={false} />}
    </>
  );
}

const USED = /^Used:\s*/;

/** A moderation's line as the consolidation's list shows one: left out, used, or used with errors. */
function lineOf(entry: ModerationLogEntry): FileLineEntry {
  const reason = entry.reason.replace(USED, "");
  return {
    file: entry.file,
    outcome: !entry.used ? "left-out" : (entry.counts?.error ?? 0) > 0 ? "used-with-errors" : "used",
    reason: reason.charAt(0).toUpperCase() + reason.slice(1),
    ...(entry.council ? { identity: { council: entry.council } } : {}),
  };
}

/** A line per file: as it is read, then, once the run ends, left-out files first (they are what needs doing). */
function FileLines({ view }: { view: ModerateView }) {
  const styles = usePaneStyles();
  const log = view.progress ? null : view.result?.log;
  if (!log && view.files.length === 0) return null;
  return (
    <>
      <Subtitle2 as="h3" className={styles.heading}>
        {words.filesHeading}
      </Subtitle2>
      <ul className={styles.findings} aria-label={words.filesLabel}>
        {log
          ? [...log.filter((e) => !e.used), ...log.filter((e) => e.used)].map((entry, i) => (
              <FileLine key={i} entry={lineOf(entry)} />
            ))
          : view.files.map((p, i) => <li key={i}>{readLine(p)}</li>)}
      </ul>
    </>
  );
}
