import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { paneWords } from "../../core/words/pane";
import type { StandaloneReason } from "../office-detect";

/** Why the pane offers a download: it runs standalone, or Excel has not answered yet. */
export type NoticeReason = StandaloneReason | "waiting";

const words = paneWords.notice;

const title: Record<NoticeReason, string> = {
  "no-office": words.notConnected,
  "other-host": words.notConnected,
  "host-failed": words.notConnected,
  waiting: words.waitingTitle,
};

const why: Record<NoticeReason, string> = {
  "no-office": words.noOffice,
  "other-host": words.otherHost,
  "host-failed": words.hostFailed,
  waiting: words.waiting,
};

/** Says plainly, in words and with an icon, that the pane runs without Excel and what it offers. */
export function StandaloneNotice({ reason, detail }: { reason: NoticeReason; detail?: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title[reason]}</MessageBarTitle> {why[reason]}
        {detail ? ` ${words.errorWas(detail)}` : ""} {reason === "waiting" ? words.meanwhile : words.instead}
      </MessageBarBody>
    </MessageBar>
  );
}
