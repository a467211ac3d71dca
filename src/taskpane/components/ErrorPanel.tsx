import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ShownError } from "../state";
import { usePaneStyles } from "./styles";

/** What went wrong and what to do next; the error icon and the words "What to do" carry the meaning, not colour. */
export function ErrorPanel({ error }: { error: ShownError }) {
  const styles = usePaneStyles();
  return (
    // Multiline also avoids the automatic layout, which measures itself with ResizeObserver (absent in jsdom).
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{error.message}</MessageBarTitle>
        <p className={styles.paragraph}>
          <strong>What to do:</strong> {error.nextStep}
          {error.offerDownload ? " Use “Download a new assessment workbook” below." : ""}
        </p>
      </MessageBarBody>
    </MessageBar>
  );
}
