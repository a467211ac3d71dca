import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { paneWords } from "../../core/words/pane";
import type { ShownError } from "../state";
import { usePaneStyles } from "./styles";

interface ErrorPanelProps {
  error: ShownError;
  /**
   * The pane's main button is "Download a new assessment workbook" now. Only then may the panel
   * point the user to it: an error shown elsewhere (a failed sheet link) has no such button.
   */
  downloadButtonShown: boolean;
  /** Set where focus moves to the panel once an action has failed. */
  id?: string;
}

/** What went wrong and what to do next; the error icon and the words "What to do" carry the meaning, not colour. */
export function ErrorPanel({ error, downloadButtonShown, id }: ErrorPanelProps) {
  const styles = usePaneStyles();
  return (
    // Multiline also avoids the automatic layout, which measures itself with ResizeObserver (absent in jsdom).
    <MessageBar id={id} tabIndex={id ? -1 : undefined} intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{error.message}</MessageBarTitle>
        <p className={styles.paragraph}>
          <strong>{paneWords.error.whatToDo}</strong> {error.nextStep}
          {error.offerDownload && downloadButtonShown ? paneWords.error.useDownload : ""}
        </p>
      </MessageBarBody>
    </MessageBar>
  );
}
