import {
  Button,
  Checkbox,
  Label,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Subtitle2,
} from "@fluentui/react-components";
import { useId, useState, type ChangeEvent } from "react";
import { logSummaryLine } from "../../core/consolidate/log";
import { listed, plural } from "../../core/util/words";
import { OUTCOME_LABEL, type ConsolidationProgress, type LogEntry } from "../../core/consolidate/types";
import { toShownError, type ConsolidateView, type ShownError } from "../state";
import { ErrorPanel } from "./ErrorPanel";
import { ProgressPanel } from "./ProgressPanel";
import { usePaneStyles } from "./styles";

interface ConsolidateProps {
  view: ConsolidateView;
  busy: boolean;
  /** In Excel the group sheets go into the open workbook; standalone they are downloaded. */
  inExcel: boolean;
  onOptionChanged: (option: "includeErrors" | "finalOnly", value: boolean) => void;
  onConsolidate: (files: readonly File[]) => void;
  /** In Excel: activates a group sheet written. */
  onSelectSheet?: (name: string) => Promise<void>;
}

/** Choose returned workbooks, consolidate them, and follow each file as it is read. */
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
      <Subtitle1 as="h2" id="consolidate-heading" className={styles.heading}>
        Consolidate returns
      </Subtitle1>
      <p className={styles.paragraph} id={hintId}>
        Choose the returned assessment workbooks (one per council, or per respondent). Each is checked, and the group
        sheets (Group Summary, Group Data and the Consolidation Log){" "}
        {inExcel
          ? "are added to this workbook, in place of those an earlier consolidation added; your own sheets are not changed"
          : "are downloaded as a new workbook"}
        . The files are read in this browser, one at a time, and are not uploaded anywhere.
      </p>
      <Label htmlFor={inputId}>Returned workbooks (.xlsx)</Label>
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
        label="Include returns whose check found errors"
        checked={view.includeErrors}
        onChange={(_, data) => onOptionChanged("includeErrors", data.checked === true)}
      />
      <Checkbox
        label="Final (signed-off) returns only"
        checked={view.finalOnly}
        onChange={(_, data) => onOptionChanged("finalOnly", data.checked === true)}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => onConsolidate(files)}
          disabledFocusable={busy || files.length === 0}
        >
          {files.length > 1 ? `Consolidate ${files.length} files` : "Consolidate"}
        </Button>
      </div>
      <div aria-live="polite" className={styles.section}>
        {view.progress && <ProgressPanel progress={view.progress} />}
        {view.error && <ErrorPanel error={view.error} downloadButtonShown={false} />}
        {!view.progress && view.result && !view.error && <Outcome view={view} onSelectSheet={onSelectSheet} />}
      </div>
      <FileLines view={view} />
    </section>
  );
}

/** The outcome's title: what happened to the group sheets (Excel) or the file (standalone). */
function outcomeTitle(view: ConsolidateView): string {
  if (!view.written) return "Group workbook downloaded.";
  const { sheets, replaced } = view.written;
  if (replaced.length === 0) return "Group sheets added.";
  return replaced.length === sheets.length ? "Group sheets replaced." : "Group sheets replaced and added.";
}

/** Which sheets replaced the earlier consolidation's, in words; null when none did. */
function replacedLine(view: ConsolidateView): string | null {
  const replaced = view.written?.replaced ?? [];
  if (replaced.length === 0) return null;
  const names = listed(replaced.map((name) => `“${name}”`));
  return `The earlier consolidation's ${replaced.length === 1 ? "sheet" : "sheets"} ${names} ${replaced.length === 1 ? "was" : "were"} replaced in place, with the new figures; your own sheets were not changed.`;
}

/** Where the group went: links to the sheets written (Excel), or the file downloaded. */
function Outcome({ view, onSelectSheet }: Pick<ConsolidateProps, "view" | "onSelectSheet">) {
  const styles = usePaneStyles();
  const [selectError, setSelectError] = useState<ShownError | null>(null);
  const summary = view.result ? logSummaryLine(view.result) : "";
  const replaced = replacedLine(view);
  return (
    <>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{outcomeTitle(view)}</MessageBarTitle>
          {summary} {replaced} {view.downloaded && `Open “${view.downloaded}” from your downloads folder in Excel.`}
        </MessageBarBody>
      </MessageBar>
      {view.written && onSelectSheet && (
        <ul className={styles.list} aria-label="Group sheets written">
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

/** A line per file: as it is read (what it is), then, once the run ends, whether it was used and why not. */
function FileLines({ view }: { view: ConsolidateView }) {
  const styles = usePaneStyles();
  const log = view.progress ? null : view.result?.log;
  if (!log && view.files.length === 0) return null;
  return (
    <>
      <Subtitle2 as="h3" className={styles.heading}>
        Files
      </Subtitle2>
      <ul className={styles.list} aria-label="Files consolidated">
        {log
          ? log.map((entry, i) => <li key={i}>{logLine(entry)}</li>)
          : view.files.map((p, i) => <li key={i}>{readLine(p)}</li>)}
      </ul>
    </>
  );
}

const readKind: Record<ConsolidationProgress["kind"], string> = {
  assessment: "an assessment",
  "not-an-assessment": "not an NPS Toolkit assessment",
  unreadable: "could not be read",
};

function readLine(progress: ConsolidationProgress): string {
  const { file, kind, counts } = progress;
  const found =
    kind === "assessment"
      ? `; the check found ${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}`
      : "";
  return `${file}: ${readKind[kind]}${found}.`;
}

function logLine(entry: LogEntry): string {
  const who = entry.identity?.council ? ` (${entry.identity.council})` : "";
  return `${entry.file}${who}: ${OUTCOME_LABEL[entry.outcome]}.${entry.reason ? ` ${entry.reason}` : ""}`;
}
