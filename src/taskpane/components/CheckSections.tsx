import {
  Button,
  Field,
  Label,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, type ChangeEvent, type ReactNode } from "react";
import { severityCounts } from "../../core/check/report";
import type { Finding } from "../../core/check/types";
import { paneWords } from "../../core/words/pane";
import type { CheckView } from "../state";
import { CheckCounts } from "./CheckCounts";
import { FOCUS } from "./check-focus";
import { ErrorPanel } from "./ErrorPanel";
import { FindingsList } from "./FindingsList";
import { ProgressPanel } from "./ProgressPanel";
import { usePaneStyles } from "./styles";

const words = paneWords.check;

interface ExcelCheckProps {
  check: CheckView;
  busy: boolean;
  onCheck: () => void;
  /** Absent when Repair cannot run here (the pane offers the download instead). */
  onRepair?: () => void;
  /** The assessment was made from an older toolkit: Repair upgrades it. */
  upgrade: boolean;
  onAddReport: () => void;
  onCopy: () => void;
  onGoToCell: (finding: Finding) => void;
  onSelectSheet: (name: string) => void;
}

/** In Excel: what the check found (at the top), the Check button, then the findings and what can be done with them. */
export function ExcelCheckSection(props: ExcelCheckProps) {
  const { check, busy, upgrade } = props;
  const styles = usePaneStyles();
  const repairable = check.result?.findings.filter((f) => f.repairable).length ?? 0;
  return (
    <section className={styles.section} aria-labelledby="check-heading">
      <Subtitle2 as="h2" id="check-heading" className={styles.heading}>
        {words.heading}
      </Subtitle2>
      <CheckStatus check={check} />
      <div className={styles.actions}>
        <Button appearance={check.listed ? "secondary" : "primary"} onClick={props.onCheck} disabledFocusable={busy}>
          {words.button}
        </Button>
      </div>
      {check.result && check.listed && (
        <CheckResults
          check={check}
          onGoToCell={props.onGoToCell}
          repairedBy={upgrade ? paneWords.findings.upgradeFixes : paneWords.findings.repairFixes}
          statusShown
        >
          {props.onRepair && repairable > 0 && (
            <>
              <p className={styles.paragraph}>
                {upgrade ? words.upgradeFixes(repairable) : words.repairFixes(repairable)}
              </p>
              <div className={styles.actions}>
                <Button appearance="primary" onClick={props.onRepair} disabledFocusable={busy}>
                  {upgrade ? words.upgrade : words.repair}
                </Button>
              </div>
            </>
          )}
          <div className={styles.actions}>
            <Button onClick={props.onAddReport} disabledFocusable={busy}>
              {words.addReport}
            </Button>
            <Button onClick={props.onCopy} disabledFocusable={busy}>
              {words.copy}
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
        <MessageBarTitle>{words.reportAdded}</MessageBarTitle>
        {words.reportOn(sheet)}{" "}
        <Link as="button" id={FOCUS.reportLink} onClick={() => onSelectSheet(sheet)}>
          {paneWords.done.goTo(sheet)}
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
  const fileWords = paneWords.fileCheck;
  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onFileChosen(file);
  };
  const repairable = check.result?.findings.filter((f) => f.repairable).length ?? 0;
  return (
    <section className={styles.section} aria-labelledby="file-check-heading">
      <Subtitle2 as="h2" id="file-check-heading" className={styles.heading}>
        {fileWords.heading}
      </Subtitle2>
      <CheckStatus check={check} />
      <p className={styles.paragraph} id={hintId}>
        {fileWords.hint}
      </p>
      <Label htmlFor={inputId}>{fileWords.label}</Label>
      <input
        id={inputId}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={hintId}
        className={styles.fileInput}
        onChange={chosen}
      />
      {check.result && check.listed && (
        <CheckResults check={check} repairedBy={paneWords.findings.repairedCopyFixes}>
          <p className={styles.paragraph}>{fileWords.openInExcel(check.fileName ?? "")}</p>
          <p className={styles.paragraph}>{fileWords.repairedCopy(repairable)}</p>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onDownloadRepaired} disabledFocusable={busy}>
              {fileWords.downloadRepaired}
            </Button>
            <Button onClick={onCopy} disabledFocusable={busy}>
              {words.copy}
            </Button>
          </div>
          {check.repairedFile && (
            <MessageBar id={FOCUS.repairedCopy} tabIndex={-1} intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{fileWords.repairedDownloaded}</MessageBarTitle>
                {fileWords.openRepaired(check.repairedFile)}
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
 * and, once a check ends, what it found (focus moves there), as the one count line.
 */
function CheckStatus({ check }: { check: CheckView }) {
  const styles = usePaneStyles();
  return (
    <div aria-live="polite" className={styles.liveRegion}>
      {check.progress && <ProgressPanel progress={check.progress} />}
      {check.error && <ErrorPanel id={FOCUS.error} error={check.error} downloadButtonShown={false} />}
      {!check.progress && check.result && <CheckSummary check={check} />}
    </div>
  );
}

function CheckSummary({ check }: { check: CheckView }) {
  const findings = check.result?.findings ?? [];
  const counts = severityCounts(findings);
  const intent = counts.error > 0 ? "error" : counts.warning > 0 ? "warning" : "success";
  const title = !check.listed ? words.openedWith : check.fileName ? words.finishedFor(check.fileName) : words.finished;
  return (
    <MessageBar id={FOCUS.results} tabIndex={-1} intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <CheckCounts findings={findings} />
      </MessageBarBody>
    </MessageBar>
  );
}

interface CheckResultsProps {
  check: CheckView;
  onGoToCell?: (finding: Finding) => void;
  repairedBy: string;
  statusShown?: boolean;
  /** The actions this place offers, before the list. */
  children: ReactNode;
}

function CheckResults({ check, onGoToCell, repairedBy, statusShown, children }: CheckResultsProps) {
  const styles = usePaneStyles();
  const findings = check.result?.findings ?? [];
  return (
    <div className={styles.section}>
      {children}
      {/* A new result starts with its groups as FindingsList opens them, not as the last result was left. */}
      <FindingsList
        key={check.resultNumber}
        findings={findings}
        onGoToCell={onGoToCell}
        repairedBy={repairedBy}
        statusShown={statusShown}
      />
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
        {words.copied}
      </p>
    );
  }
  return (
    <Field label={words.copyLabel} hint={words.copyHint}>
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
