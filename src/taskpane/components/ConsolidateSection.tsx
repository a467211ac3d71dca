import {
  Badge,
  Button,
  Checkbox,
  Label,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
} from "@fluentui/react-components";
import { CheckmarkCircle20Filled, DismissCircle20Filled, Warning20Filled } from "@fluentui/react-icons";
import { tokens } from "@fluentui/react-components";
import { useId, useState, type ChangeEvent, type ReactElement } from "react";
import { logSummaryLine } from "../../core/consolidate/log";
import type { ConsolidationProgress, LogEntry } from "../../core/consolidate/types";
import { listed } from "../../core/util/words";
import { paneWords } from "../../core/words/pane";
import { CONSOLIDATE_RESULT_ID } from "../consolidate-actions";
import { toShownError, type ConsolidateOption, type ConsolidateView, type ShownError } from "../state";
import { ErrorPanel } from "./ErrorPanel";
import { ProgressPanel } from "./ProgressPanel";
import { usePaneStyles } from "./styles";

const words = paneWords.consolidate;

interface ConsolidateProps {
  view: ConsolidateView;
  busy: boolean;
  /** In Excel the group sheets go into the open workbook; standalone they are downloaded. */
  inExcel: boolean;
  onOptionChanged: (option: ConsolidateOption, value: boolean) => void;
  onConsolidate: (files: readonly File[]) => void;
  /** In Excel: activates a group sheet written. */
  onSelectSheet?: (name: string) => Promise<void>;
}

/** Choose returned workbooks, consolidate them, and see (at the top) what happened and, below, each file's fate. */
export function ConsolidateSection({
  view,
  busy,
  inExcel,
  onOptionChanged,
  onConsolidate,
  onSelectSheet,
}: ConsolidateProps) {
  const styles = usePaneStyles();
  const inputId = useId();
  const hintId = useId();
  // The chosen Files stay out of the reducer: they are the browser's handles, not something the pane shows.
  const [files, setFiles] = useState<File[]>([]);
  const chosen = (event: ChangeEvent<HTMLInputElement>) => setFiles(Array.from(event.target.files ?? []));
  return (
    <section className={styles.section} aria-labelledby="consolidate-heading">
      <Subtitle2 as="h2" id="consolidate-heading" className={styles.heading}>
        {words.heading}
      </Subtitle2>
      <div aria-live="polite" className={styles.liveRegion}>
        {view.progress && <ProgressPanel progress={view.progress} />}
        {view.error && <ErrorPanel id={CONSOLIDATE_RESULT_ID} error={view.error} downloadButtonShown={false} />}
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
      <Checkbox
        label={words.includeErrors}
        checked={view.includeErrors}
        onChange={(_, data) => onOptionChanged("includeErrors", data.checked === true)}
      />
      <Checkbox
        label={words.finalOnly}
        checked={view.finalOnly}
        onChange={(_, data) => onOptionChanged("finalOnly", data.checked === true)}
      />
      <Checkbox
        label={words.anonymise}
        checked={view.anonymise}
        onChange={(_, data) => onOptionChanged("anonymise", data.checked === true)}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => onConsolidate(files)}
          disabledFocusable={busy || files.length === 0}
        >
          {words.button(files.length)}
        </Button>
      </div>
      <FileLines view={view} />
    </section>
  );
}

/** The outcome's title: what happened to the group sheets (Excel) or the file (standalone). */
function outcomeTitle(view: ConsolidateView): string {
  if (!view.written) return words.downloadedTitle;
  const { sheets, replaced } = view.written;
  if (replaced.length === 0) return words.addedTitle;
  return replaced.length === sheets.length ? words.replacedTitle : words.replacedAndAddedTitle;
}

/** Which sheets replaced the earlier consolidation's, in words; null when none did. */
function replacedLine(view: ConsolidateView): string | null {
  const replaced = view.written?.replaced ?? [];
  if (replaced.length === 0) return null;
  return words.replaced(listed(replaced.map((name) => `“${name}”`)), replaced.length);
}

/** Where the group went: links to the sheets written (Excel), or the file downloaded; a warning when a file was left out. */
function Outcome({ view, onSelectSheet }: Pick<ConsolidateProps, "view" | "onSelectSheet">) {
  const styles = usePaneStyles();
  const [selectError, setSelectError] = useState<ShownError | null>(null);
  const leftOut = view.result?.log.filter((entry) => entry.outcome === "left-out").length ?? 0;
  const intent = leftOut > 0 ? "warning" : "success";
  const summary = view.result ? logSummaryLine(view.result) : "";
  const replaced = replacedLine(view);
  return (
    <>
      <MessageBar
        id={CONSOLIDATE_RESULT_ID}
        tabIndex={-1}
        intent={intent}
        // For the tests and the pictures' checks: Fluent's classes do not name the intent.
        data-intent={intent}
        layout="multiline"
      >
        <MessageBarBody>
          <MessageBarTitle>
            {outcomeTitle(view)}
            {leftOut > 0 && ` ${words.someLeftOutTitle(leftOut)}`}
          </MessageBarTitle>
          {summary} {replaced} {view.downloaded && words.openDownloaded(view.downloaded)}
        </MessageBarBody>
      </MessageBar>
      {view.written && onSelectSheet && (
        <ul className={styles.list} aria-label={words.sheetsLabel}>
          {view.written.sheets.map((name) => (
            <li key={name}>
              <Link
                as="button"
                onClick={() => {
                  setSelectError(null);
                  onSelectSheet(name).catch((error: unknown) => setSelectError(toShownError(error)));
                }}
              >
                {name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {selectError && <ErrorPanel error={selectError} downloadButtonShown={false} />}
    </>
  );
}

/** A line per file: as it is read (what it is), then, once the run ends, left-out files first, each with its badge. */
function FileLines({ view }: { view: ConsolidateView }) {
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
          ? leftOutFirst(log).map((entry, i) => <FileLine key={i} entry={entry} />)
          : view.files.map((p, i) => <li key={i}>{readLine(p)}</li>)}
      </ul>
    </>
  );
}

/** Left-out files first (they are what needs doing), each group in the order given. */
export const leftOutFirst = (log: readonly LogEntry[]): LogEntry[] => [
  ...log.filter((entry) => entry.outcome === "left-out"),
  ...log.filter((entry) => entry.outcome !== "left-out"),
];

type BadgeKind = keyof typeof words.badge;

const BADGE_COLOUR: Record<BadgeKind, "success" | "warning" | "danger"> = {
  used: "success",
  instead: "success",
  "used-with-errors": "warning",
  "left-out": "danger",
};

const ICON: Record<BadgeKind, ReactElement> = {
  used: <CheckmarkCircle20Filled aria-hidden color={tokens.colorStatusSuccessForeground1} />,
  instead: <CheckmarkCircle20Filled aria-hidden color={tokens.colorStatusSuccessForeground1} />,
  "used-with-errors": <Warning20Filled aria-hidden color={tokens.colorStatusWarningForeground3} />,
  "left-out": <DismissCircle20Filled aria-hidden color={tokens.colorStatusDangerForeground1} />,
};

const INSTEAD = /^Used instead of\s+/;
const LEFT_OUT = /^Left out(?: because|:)\s*/;

/**
 * The badge a file gets and the reason after it, without saying the badge's words twice ("Left out.
 * Left out: a duplicate…"): the consolidation's reasons start with what the badge already says.
 */
export function badgeAndReason(entry: Pick<LogEntry, "outcome" | "reason">): { badge: BadgeKind; reason: string } {
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (entry.outcome === "left-out") return { badge: "left-out", reason: capital(entry.reason.replace(LEFT_OUT, "")) };
  if (INSTEAD.test(entry.reason)) return { badge: "instead", reason: entry.reason.replace(INSTEAD, "") };
  return { badge: entry.outcome, reason: entry.reason };
}

/** A file's line as the list shows it: its name, badge and council, and why it was used or left out. */
export type FileLineEntry = Pick<LogEntry, "file" | "outcome" | "reason"> & { identity?: { council: string } };

/** One file's line; Moderate returns lists its files with it too. */
export function FileLine({ entry }: { entry: FileLineEntry }) {
  const styles = usePaneStyles();
  const { badge, reason } = badgeAndReason(entry);
  return (
    <li className={styles.fileLine}>
      <span className={styles.iconLine}>
        {ICON[badge]}
        <strong className={styles.longText}>{entry.file}</strong>
        <Badge appearance="tint" color={BADGE_COLOUR[badge]}>
          {words.badge[badge]}
        </Badge>
      </span>
      {entry.identity?.council && <span>{entry.identity.council}</span>}
      {reason && <span className={styles.longText}>{reason}</span>}
    </li>
  );
}

/** A file's line while the files are being read (what it is, and what its check found). */
export function readLine(progress: ConsolidationProgress): string {
  const { file, kind, counts } = progress;
  const found = kind === "assessment" ? words.readCounts(counts.error, counts.warning) : "";
  return words.readLine(file, words.readKind[kind], found);
}
