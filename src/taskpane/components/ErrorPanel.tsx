import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ShownError } from "../state";
import { usePaneStyles } from "./styles";

interface ErrorPanelProps {
  error: ShownError;
  /**
   * The pane's main button is "Download a new assessment workbook" now. Only then may the panel
   * point the user to it: an error shown elsewhere (a failed sheet link) has no such button.
   */
  downloadButtonShown: boolean;
}

/** What went wrong and what to do next; the error icon and the words "What to do" carry the meaning, not colour. */
export function ErrorPanel({ error, downloadButtonShown }: ErrorPanelProps) {
  const styles = usePaneStyles();
  return (
    // Multiline also avoids the automatic layout, which measures itself with ResizeObserver (absent in jsdom).
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{error.message}</MessageBarTitle>
        <p className={styles.paragraph}>
          <strong>What to do:</strong> {error.nextStep}
          {error.offerDownload && downloadButtonShown
            ? " Use the “Download a new assessment workbook” button above."
            : ""}
        </p>
      </MessageBarBody>
    </MessageBar>
  );
}
