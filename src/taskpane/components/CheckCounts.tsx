import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import { tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { SEVERITY_ORDER, severityCounts, severityCountText } from "../../core/check/report";
import type { Finding, Severity } from "../../core/check/types";
import { usePaneStyles } from "./styles";

/** Each severity's icon and colour; the words beside the icon carry the meaning, the icon and colour only help. */
export const SEVERITY_ICON: Record<Severity, ReactElement> = {
  error: <ErrorCircle20Filled aria-hidden color={tokens.colorStatusDangerForeground1} />,
  warning: <Warning20Filled aria-hidden color={tokens.colorStatusWarningForeground3} />,
  info: <Info20Filled aria-hidden color={tokens.colorBrandForeground1} />,
};

/** "2 errors, 1 warning, 0 notes", each with its icon; or that there is nothing to report. */
export function CheckCounts({ findings }: { findings: readonly Finding[] }) {
  const styles = usePaneStyles();
  if (findings.length === 0) {
    return (
      <p className={styles.iconLine}>
        <CheckmarkCircle20Filled aria-hidden color={tokens.colorStatusSuccessForeground1} />
        No findings: the workbook matches its toolkit.
      </p>
    );
  }
  const counts = severityCounts(findings);
  return (
    <ul className={styles.counts} aria-label="Findings by severity">
      {SEVERITY_ORDER.map((severity) => (
        <li key={severity} className={styles.iconLine}>
          {SEVERITY_ICON[severity]}
          {severityCountText(severity, counts[severity])}
        </li>
      ))}
    </ul>
  );
}
