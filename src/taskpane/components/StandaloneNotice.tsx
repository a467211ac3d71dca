import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { StandaloneReason } from "../office-detect";

/** Why the pane offers a download: it runs standalone, or Excel has not answered yet. */
export type NoticeReason = StandaloneReason | "waiting";

const title: Record<NoticeReason, string> = {
  "no-office": "Not running inside Excel.",
  "other-host": "Not running inside Excel.",
  "host-failed": "Not connected to Excel.",
  waiting: "Waiting for Excel…",
};

const why: Record<NoticeReason, string> = {
  "no-office": "office.js is not available, so this page cannot reach a workbook.",
  "other-host": "This page was opened outside Excel, so there is no workbook to build into.",
  "host-failed": "The add-in could not connect to the open workbook.",
  waiting: "Excel has not answered yet. This pane switches to your workbook as soon as it does.",
};

/** Says plainly, in words and with an icon, that the pane runs without Excel and what it offers. */
export function StandaloneNotice({ reason, detail }: { reason: NoticeReason; detail?: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title[reason]}</MessageBarTitle> {why[reason]}
        {detail ? ` The error was: ${detail}` : ""}{" "}
        {reason === "waiting"
          ? "Meanwhile you can download a new assessment workbook."
          : "You can download a new assessment workbook instead."}
      </MessageBarBody>
    </MessageBar>
  );
}
