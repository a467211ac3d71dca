import { Badge, Label, Link, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from "@fluentui/react-components";
import { CheckmarkCircle20Filled, DismissCircle20Filled, Warning20Filled } from "@fluentui/react-icons";
import { tokens } from "@fluentui/react-components";
import { useId, useState, type ChangeEvent, type ReactElement, type ReactNode } from "react";
import type { ConsolidationProgress, LogEntry } from "../../core/consolidate/types";
import { paneWords } from "../../core/words/pane";
import type { ChosenReturnsRun } from "../chosen-returns-state";
import { toShownError, type ShownError } from "../state";
import { ErrorPanel } from "./ErrorPanel";
import { ProgressPanel } from "./ProgressPanel";
import { usePaneStyles } from "./styles";

const words = paneWords.consolidate;

/** The words a task over chosen returns shows around the file chooser and the list of files. */
export interface ChosenReturnsWords {
  heading: string;
  hintExcel: string;
  hintStandalone: string;
  label: string;
  filesHeading: string;
  filesLabel: string;
  sheetsLabel: string;
  someLeftOutTitle: (leftOut: number) => string;
}

/** What sets a task over chosen returns apart from the other, besides its outcome and controls. */
export interface ChosenReturnsTask<Result> {
  /** The heading's id: the section is named by it. */
  headingId: string;
  /** Where focus goes once a run has ended: its error here, or the task's outcome. */
  resultId: string;
  words: ChosenReturnsWords;
  /** The files' lines once a run has ended, in the order given. */
  linesOf: (result: Result) => FileLineEntry[];
}

interface ChosenReturnsProps<Result> {
  task: ChosenReturnsTask<Result>;
  /** In Excel the task can write into the open workbook; standalone it downloads. */
  inExcel: boolean;
  /** The hint in place of the task's own, where an option changes where the result goes. */
  hint?: string;
  view: ChosenReturnsRun<Result, unknown>;
  /** Another task (or this one) is going on: the buttons cannot start a run. */
  busy: boolean;
  /** What the last run did, shown once it has ended well. */
  outcome: ReactNode;
  /** The task's options, below the file chooser. */
  options?: ReactNode;
  /** The task's buttons, given the files chosen; disabled while busy or with no file chosen. */
  buttons: (chosen: { files: readonly File[]; disabled: boolean }) => ReactNode;
}

/**
 * A task over chosen returns (Consolidate, Moderate): what happened, at the top (the bar while it runs, then the
 * outcome or the error); the hint and the file chooser; the task's controls; and below them each file's fate.
 */
export function ChosenReturnsSection<Result>(props: ChosenReturnsProps<Result>) {
  const { task, inExcel, hint, view, busy, outcome, options, buttons } = props;
  const { headingId, resultId, words: taskWords } = task;
  const styles = usePaneStyles();
  const inputId = useId();
  const hintId = useId();
  // The chosen Files stay out of the reducer: they are the browser's handles, not something the pane shows.
  const [files, setFiles] = useState<File[]>([]);
  const chosen = (event: ChangeEvent<HTMLInputElement>) => setFiles(Array.from(event.target.files ?? []));
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {taskWords.heading}
      </Subtitle2>
      <div aria-live="polite" className={styles.liveRegion}>
        {view.progress && <ProgressPanel progress={view.progress} />}
        {view.error && <ErrorPanel id={resultId} error={view.error} downloadButtonShown={false} />}
        {!view.progress && view.result && !view.error && outcome}
      </div>
      <p className={styles.paragraph} id={hintId}>
        {hint ?? (inExcel ? taskWords.hintExcel : taskWords.hintStandalone)}
      </p>
      <Label htmlFor={inputId}>{taskWords.label}</Label>
      <input
        id={inputId}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={hintId}
        className={styles.fileInput}
        onChange={chosen}
      />
      {options}
      <div className={styles.actions}>{buttons({ files, disabled: busy || files.length === 0 })}</div>
      <FileLines view={view} task={task} />
    </section>
  );
}

interface RunOutcomeProps {
  id: string;
  title: string;
  /** How many files were left out: said in the title, which warns. */
  leftOut: number;
  words: ChosenReturnsWords;
  /** What the run did, in words. */
  children: ReactNode;
  /** In Excel: the sheets to link to, each activated when its link is chosen. */
  sheets: readonly string[];
  linkText: (sheet: string) => string;
  onSelectSheet?: (name: string) => Promise<void>;
}

/** What a run did, at the top of the task: a success (or, with files left out, a warning) and links to its sheets. */
export function RunOutcome(props: RunOutcomeProps) {
  const { id, title, leftOut, words: taskWords, children, sheets, linkText, onSelectSheet } = props;
  const styles = usePaneStyles();
  const [selectError, setSelectError] = useState<ShownError | null>(null);
  const intent = leftOut > 0 ? "warning" : "success";
  const select = (name: string) => {
    setSelectError(null);
    onSelectSheet?.(name).catch((error: unknown) => setSelectError(toShownError(error)));
  };
  return (
    <>
      <MessageBar
        id={id}
        tabIndex={-1}
        intent={intent}
        // For the tests and the pictures' checks: Fluent's classes do not name the intent.
        data-intent={intent}
        layout="multiline"
      >
        <MessageBarBody>
          <MessageBarTitle>
            {title}
            {leftOut > 0 && ` ${taskWords.someLeftOutTitle(leftOut)}`}
          </MessageBarTitle>
          {children}
        </MessageBarBody>
      </MessageBar>
      {onSelectSheet && sheets.length > 0 && (
        <ul className={styles.list} aria-label={taskWords.sheetsLabel}>
          {sheets.map((name) => (
            <li key={name}>
              <Link as="button" onClick={() => select(name)}>
                {linkText(name)}
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
function FileLines<Result>({ view, task }: Pick<ChosenReturnsProps<Result>, "view" | "task">) {
  const styles = usePaneStyles();
  const taskWords = task.words;
  const ended = view.progress || !view.result ? null : task.linesOf(view.result);
  if (!ended && view.files.length === 0) return null;
  return (
    <>
      <Subtitle2 as="h3" className={styles.heading}>
        {taskWords.filesHeading}
      </Subtitle2>
      <ul className={styles.findings} aria-label={taskWords.filesLabel}>
        {ended
          ? leftOutFirst(ended).map((entry, i) => <FileLine key={i} entry={entry} />)
          : view.files.map((p, i) => <li key={i}>{readLine(p)}</li>)}
      </ul>
    </>
  );
}

/** Left-out files first (they are what needs doing), each group in the order given. */
const leftOutFirst = <Entry extends Pick<LogEntry, "outcome">>(log: readonly Entry[]): Entry[] => [
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
function badgeAndReason(entry: Pick<LogEntry, "outcome" | "reason">): { badge: BadgeKind; reason: string } {
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (entry.outcome === "left-out") return { badge: "left-out", reason: capital(entry.reason.replace(LEFT_OUT, "")) };
  if (INSTEAD.test(entry.reason)) return { badge: "instead", reason: entry.reason.replace(INSTEAD, "") };
  return { badge: entry.outcome, reason: entry.reason };
}

/** A file's line as the list shows it: its name, badge and council, and why it was used or left out. */
export type FileLineEntry = Pick<LogEntry, "file" | "outcome" | "reason"> & { identity?: { council: string } };

/** One file's line once the run has ended. */
function FileLine({ entry }: { entry: FileLineEntry }) {
  const styles = usePaneStyles();
  const { badge, reason } = badgeAndReason(entry);
  // The instead badge reads on into its reason, the file it replaced; the council follows.
  return (
    <li className={styles.fileLine}>
      <span className={styles.iconLine}>
        {ICON[badge]}
        <strong className={styles.longText}>{entry.file}</strong>
        <Badge appearance="tint" color={BADGE_COLOUR[badge]}>
          {words.badge[badge]}
        </Badge>
      </span>
      {badge === "instead" && <span className={styles.longText}>{reason}</span>}
      {entry.identity?.council && <span>{entry.identity.council}</span>}
      {reason && badge !== "instead" && <span className={styles.longText}>{reason}</span>}
    </li>
  );
}

/** A file's line while the files are being read (what it is, and what its check found). */
function readLine(progress: ConsolidationProgress): string {
  const { file, kind, counts } = progress;
  const found = kind === "assessment" ? words.readCounts(counts.error, counts.warning) : "";
  return words.readLine(file, words.readKind[kind], found);
}
