import { Body1, Title3 } from "@fluentui/react-components";
import type { PaneMode } from "../state";
import { usePaneStyles } from "./styles";

export function PaneHeader({ mode }: { mode: PaneMode }) {
  const styles = usePaneStyles();
  return (
    <header className={styles.section}>
      <Title3 as="h1" className={styles.heading}>
        NPS self-assessment
      </Title3>
      <Body1 as="p" className={styles.paragraph}>
        Assess your council against the LGA&apos;s National Procurement Strategy 2018 toolkit.{" "}
        {mode === "excel"
          ? "This add-in builds the assessment sheets into the open workbook; colleagues fill them in with Excel alone."
          : "The workbook needs no add-in: Excel or LibreOffice is enough."}
      </Body1>
    </header>
  );
}
