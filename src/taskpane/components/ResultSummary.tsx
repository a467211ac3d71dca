import { Link, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1 } from "@fluentui/react-components";
import { useState } from "react";
import type { AssessmentOutcome, MadeSheet } from "../../app/workbook-host";
import { toShownError, type ShownError } from "../state";
import { ErrorPanel } from "./ErrorPanel";
import { usePaneStyles } from "./styles";

const doneTitle: Record<AssessmentOutcome["action"], string> = {
  built: "Assessment built.",
  upgraded: "Assessment upgraded.",
  repaired: "Assessment repaired.",
  signedOff: "Answers signed off.",
};

interface ResultSummaryProps {
  outcome: AssessmentOutcome;
  onSelectSheet: (name: string) => Promise<void>;
}

/** What was made, with a link per sheet that takes the user there, and the notes the host wrote. */
export function ResultSummary({ outcome, onSelectSheet }: ResultSummaryProps) {
  const styles = usePaneStyles();
  // Kept here, not in the pane's state: a failed jump must not hide the result the user is reading.
  const [selectError, setSelectError] = useState<ShownError | null>(null);
  const select = (sheet: MadeSheet) => {
    setSelectError(null);
    onSelectSheet(sheet.name).catch((error: unknown) => setSelectError(toShownError(error)));
  };
  return (
    <section className={styles.section} aria-labelledby="result-heading">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="result-heading">{doneTitle[outcome.action]}</MessageBarTitle>
          {outcome.sheets.length > 0 && `${outcome.sheets.length} sheets are ready in this workbook.`}
        </MessageBarBody>
      </MessageBar>
      {/* A sign-off makes no sheet: it writes only its own cells, so there is no list of sheets to show. */}
      {outcome.sheets.length > 0 && (
        <>
          <Subtitle1 as="h2" className={styles.heading}>
            Sheets made
          </Subtitle1>
          <ul className={styles.list}>
            {outcome.sheets.map((sheet) => (
              <li key={sheet.name}>
                <Link as="button" onClick={() => select(sheet)}>
                  {sheet.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {selectError && <ErrorPanel error={selectError} downloadButtonShown={false} />}
      {outcome.notes.length > 0 && (
        <>
          <Subtitle1 as="h2" className={styles.heading}>
            Notes
          </Subtitle1>
          <ul className={styles.list}>
            {outcome.notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
