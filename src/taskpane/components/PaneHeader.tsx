import { Body1, Title2 } from "@fluentui/react-components";
import type { PaneMode } from "../state";
import { usePaneStyles } from "./styles";

export function PaneHeader({ mode }: { mode: PaneMode }) {
  const styles = usePaneStyles();
  return (
    <header className={styles.section}>
      <Title2 as="h1" className={styles.heading}>
        NPS self-assessment
      </Title2>
      <Body1 as="p" className={styles.paragraph}>
        Assess your council against the LGA&apos;s National Procurement Strategy 2018 toolkit.{" "}
        {mode === "excel"
          ? "This add-in builds the assessment sheets into the open workbook. Colleagues can then fill them in with Excel alone."
          : "The workbook works in Excel or LibreOffice with nothing else installed."}
      </Body1>
    </header>
  );
}
