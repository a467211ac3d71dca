import {
  Button,
  Field,
  Label,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, type ChangeEvent, type ReactNode } from "react";
import { countsLine } from "../../core/check/report";
import type { Finding } from "../../core/check/types";
import type { CheckView } from "../state";
import { CheckCounts } from "./CheckCounts";
import { ErrorPanel } from "./ErrorPanel";
import { FindingsList } from "./FindingsList";
import { ProgressPanel } from "./ProgressPanel";
import { usePaneStyles } from "./styles";

/** Ids that the pane moves focus to after an action, so keyboard and screen reader users land on what changed. */
export const FOCUS = {
  results: "check-results-heading",
  reportLink: "check-report-link",
  copyText: "check-copy-text",
} as const;

interface ExcelCheckProps {
  check: CheckView;
  busy: boolean;
  onCheck: () => void;
  /** Absent when Repair cannot run here (the pane offers the download instead). */
  onRepair?: () => void;
  onAddReport: () => void;
  onCopy: () => void;
  onGoToCell: (finding: Finding) => void;
  onSelectSheet: (name: string) => void;
}

/** In Excel: the counts from opening, the Check button, then the findings and what can be done with them. */
export function ExcelCheckSection(props: ExcelCheckProps) {
  const { check, busy } = props;
  const styles = usePaneStyles();
  const repairable = check.result?.findings.filter((f) => f.repairable).length ?? 0;
  return (
    <section className={styles.section} aria-labelledby="check-heading">
      <Subtitle1 as="h2" id="check-heading" className={styles.heading}>
        Check against the toolkit
      </Subtitle1>
      {check.result && !check.listed && (
        <>
          <p className={styles.paragraph}>When the pane opened, the check of this workbook found:</p>
          <CheckCounts findings={check.result.findings} />
        </>
      )}
      <div className={styles.actions}>
        <Button onClick={props.onCheck} disabledFocusable={busy}>
          Check
        </Button>
      </div>
      <CheckStatus check={check} />
      {check.result && check.listed && (
        <CheckResults check={check} onGoToCell={props.onGoToCell} repairedBy="Repair">
          {props.onRepair && repairable > 0 && (
            <>
              <p className={styles.paragraph}>
                Repair fixes {repairable} of these findings: it rewrites the toolkit&apos;s sheets, keeps every answer
                and checks again.
              </p>
              <div className={styles.actions}>
                <Button appearance="primary" onClick={props.onRepair} disabledFocusable={busy}>
                  Repair
                </Button>
              </div>
            </>
          )}
          <div className={styles.actions}>
            <Button onClick={props.onAddReport} disabledFocusable={busy}>
              Add report to workbook
            </Button>
            <Button onClick={props.onCopy} disabledFocusable={busy}>
              Copy
            </Button>
          </div>
          {check.reportSheet && <ReportAdded sheet={check.reportSheet} onSelectSheet={props.onSelectSheet} />}
          <CopyOutcome copy={check.copy} />
        </CheckResults>
      )}
    </section>
  );
}

/** Where the report went, with a link there (focus moves to the link once the report is added). */
function ReportAdded({ sheet, onSelectSheet }: { sheet: string; onSelectSheet: (name: string) => void }) {
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Report added.</MessageBarTitle>
        The findings are on the sheet “{sheet}”.{" "}
        <Link as="button" id={FOCUS.reportLink} onClick={() => onSelectSheet(sheet)}>
          Go to “{sheet}”
        </Link>
      </MessageBarBody>
    </MessageBar>
  );
}

interface FileCheckProps {
  check: CheckView;
  busy: boolean;
  onFileChosen: (file: File) => void;
  onDownloadRepaired: () => void;
  onCopy: () => void;
}

/** Standalone: choose an .xlsx file, see its findings, download a repaired copy. */
export function FileCheckSection({ check, busy, onFileChosen, onDownloadRepaired, onCopy }: FileCheckProps) {
  const styles = usePaneStyles();
  const inputId = useId();
  const hintId = useId();
  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onFileChosen(file);
  };
  const repairable = check.result?.findings.filter((f) => f.repairable).length ?? 0;
  return (
    <section className={styles.section} aria-labelledby="file-check-heading">
      <Subtitle1 as="h2" id="file-check-heading" className={styles.heading}>
        Check a workbook
      </Subtitle1>
      <p className={styles.paragraph} id={hintId}>
        Choose an assessment workbook to check it against the canonical toolkit, cell by cell. The file is read in this
        browser and is not uploaded anywhere.
      </p>
      <Label htmlFor={inputId}>Workbook to check (.xlsx)</Label>
      <input
        id={inputId}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={hintId}
        className={styles.fileInput}
        onChange={chosen}
      />
      <CheckStatus check={check} />
      {check.result && check.listed && (
        <CheckResults check={check} repairedBy="The repaired copy">
          <p className={styles.paragraph}>
            To go to a finding&apos;s cell, open “{check.fileName}” in Excel: each finding names its sheet and cell.
          </p>
          <p className={styles.paragraph}>
            A repaired copy is a new workbook made from the canonical toolkit with every answer carried across
            {repairable > 0 ? `; it fixes ${repairable} of these findings` : ""}. Sheets of your own are not copied into
            it, and the file you chose is not changed.
          </p>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onDownloadRepaired} disabledFocusable={busy}>
              Download a repaired copy
            </Button>
            <Button onClick={onCopy} disabledFocusable={busy}>
              Copy
            </Button>
          </div>
          {check.repairedFile && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Repaired copy downloaded.</MessageBarTitle>
                Open “{check.repairedFile}” from your downloads folder in Excel.
              </MessageBarBody>
            </MessageBar>
          )}
          <CopyOutcome copy={check.copy} />
        </CheckResults>
      )}
    </section>
  );
}

/**
 * Always in the page, so screen readers announce what appears in it: the progress, what went wrong,
 * and the counts once a check ends (the list itself is not read out, only its summary).
 */
function CheckStatus({ check }: { check: CheckView }) {
  const styles = usePaneStyles();
  return (
    <div aria-live="polite" className={styles.section}>
      {check.progress && <ProgressPanel progress={check.progress} />}
      {check.error && <ErrorPanel error={check.error} downloadButtonShown={false} />}
      {!check.progress && check.listed && check.result && (
        <p className={styles.paragraph}>
          Check finished{check.fileName ? ` for “${check.fileName}”` : ""}: {countsLine(check.result.findings)}.
        </p>
      )}
    </div>
  );
}

interface CheckResultsProps {
  check: CheckView;
  onGoToCell?: (finding: Finding) => void;
  repairedBy: string;
  /** The actions this place offers, between the counts and the list. */
  children: ReactNode;
}

function CheckResults({ check, onGoToCell, repairedBy, children }: CheckResultsProps) {
  const styles = usePaneStyles();
  const findings = check.result?.findings ?? [];
  return (
    <div className={styles.section}>
      {/* Focus moves here when a check ends, so the next Tab goes through the results. */}
      <Subtitle2 as="h3" id={FOCUS.results} tabIndex={-1} className={styles.heading}>
        Findings
      </Subtitle2>
      <CheckCounts findings={findings} />
      {children}
      {/* A new result starts with its groups as FindingsList opens them, not as the last result was left. */}
      <FindingsList key={check.resultNumber} findings={findings} onGoToCell={onGoToCell} repairedBy={repairedBy} />
    </div>
  );
}

/** Copied; or, where the clipboard was refused, the text selected in a box for Ctrl+C. */
function CopyOutcome({ copy }: { copy: CheckView["copy"] }) {
  const styles = usePaneStyles();
  const box = useRef<HTMLTextAreaElement>(null);
  const text = copy?.kind === "refused" ? copy.text : null;
  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, [text]);
  if (!copy) return null;
  if (copy.kind === "copied") {
    return (
      <p className={styles.paragraph} role="status">
        Copied the findings to the clipboard, one line each: paste them into an email or a sheet.
      </p>
    );
  }
  return (
    <Field
      label="The findings as text"
      hint="This browser did not let the add-in use the clipboard. The text below is selected: press Ctrl+C (⌘+C on a Mac) to copy it."
    >
      <Textarea
        ref={box}
        id={FOCUS.copyText}
        readOnly
        value={copy.text}
        resize="vertical"
        className={styles.copyText}
      />
    </Field>
  );
}
