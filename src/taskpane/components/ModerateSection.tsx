import { Button } from "@fluentui/react-components";
import type { Moderation, ModerationLogEntry } from "../../core/moderate/moderate";
import { moderationWords } from "../../core/words/moderation";
import { paneWords } from "../../core/words/pane";
import { MODERATE_RESULT_ID, type ModerateTo } from "../moderate-actions";
import type { ModerateView } from "../state";
import { ChosenReturnsSection, RunOutcome, type ChosenReturnsTask, type FileLineEntry } from "./ChosenReturnsSection";
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

const TASK: ChosenReturnsTask<Moderation> = {
  headingId: "moderate-heading",
  resultId: MODERATE_RESULT_ID,
  // Each looked up here, so that the words test sees every one used.
  words: {
    heading: moderationWords.pane.heading,
    hintExcel: moderationWords.pane.hintExcel,
    hintStandalone: moderationWords.pane.hintStandalone,
    label: moderationWords.pane.label,
    filesHeading: moderationWords.pane.filesHeading,
    filesLabel: moderationWords.pane.filesLabel,
    sheetsLabel: moderationWords.pane.sheetsLabel,
    someLeftOutTitle: moderationWords.pane.someLeftOutTitle,
  },
  linesOf: (moderation) => moderation.log.map(lineOf),
};

/**
 * Choose one council's respondents' returns, then write the moderation into this workbook (Excel) or download the
 * moderated workbook; what happened is said at the top, and below it each file's fate.
 */
export function ModerateSection({ view, busy, inExcel, onModerate, onSelectSheet }: ModerateProps) {
  return (
    <ChosenReturnsSection
      task={TASK}
      inExcel={inExcel}
      view={view}
      busy={busy}
      outcome={<Outcome view={view} onSelectSheet={onSelectSheet} />}
      buttons={({ files, disabled }) => (
        <>
          {inExcel && (
            <Button appearance="primary" onClick={() => onModerate(files, "workbook")} disabledFocusable={disabled}>
              {words.write}
            </Button>
          )}
          <Button
            appearance={inExcel ? "secondary" : "primary"}
            onClick={() => onModerate(files, "download")}
            disabledFocusable={disabled}
          >
            {words.download}
          </Button>
        </>
      )}
    />
  );
}

/** What the run did: written into the workbook (with links to the sheets to look at first) or downloaded. */
function Outcome({ view, onSelectSheet }: Pick<ModerateProps, "view" | "onSelectSheet">) {
  const styles = usePaneStyles();
  const moderation = view.result;
  if (!moderation) return null;
  const notes = [...(view.written?.notes ?? []), ...moderation.warnings];
  // The Moderation sheet and the first key area: where the meeting starts.
  const toVisit = (view.written?.sheets ?? []).filter(
    (sheet, i, all) => sheet.role === "moderation" || all.findIndex((s) => s.role === "keyArea") === i,
  );
  return (
    <RunOutcome
      id={MODERATE_RESULT_ID}
      title={view.written ? words.writtenTitle : words.downloadedTitle}
      leftOut={moderation.log.filter((entry) => !entry.used).length}
      words={words}
      sheets={toVisit.map(({ name }) => name)}
      linkText={paneWords.done.goTo}
      onSelectSheet={onSelectSheet}
    >
      {moderation.summary} {view.downloaded && words.openDownloaded(view.downloaded)}
      {notes.length > 0 && (
        <ul className={styles.list} aria-label={paneWords.done.notes}>
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </RunOutcome>
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
