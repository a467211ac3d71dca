import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { StandaloneReason } from "../office-detect";

const why: Record<StandaloneReason, string> = {
  "no-office": "office.js is not available, so this page cannot reach a workbook.",
  timeout: "Office did not answer in time, so this page cannot reach a workbook.",
  "other-host": "This page was opened outside Excel, so there is no workbook to build into.",
  "host-failed": "The add-in could not connect to the open workbook.",
};

/** Says plainly, in words and with an icon, that the pane runs without Excel and what it offers. */
export function StandaloneNotice({ reason, detail }: { reason: StandaloneReason; detail?: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {reason === "host-failed" ? "Not connected to Excel." : "Not running inside Excel."}
        </MessageBarTitle>{" "}
        {why[reason]}
        {detail ? ` The error was: ${detail}` : ""} You can download a new assessment workbook instead.
      </MessageBarBody>
    </MessageBar>
  );
}
