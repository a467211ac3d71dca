import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export function DownloadResult({ fileName }: { fileName: string }) {
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Workbook downloaded.</MessageBarTitle>
        Open “{fileName}” from your downloads folder in Excel, then choose levels and add evidence on each key area
        sheet.
      </MessageBarBody>
    </MessageBar>
  );
}
