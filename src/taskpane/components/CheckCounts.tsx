import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import { tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { SEVERITY_ORDER, severityCounts, severityCountText } from "../../core/check/report";
import type { Finding, Severity } from "../../core/check/types";
import { paneWords } from "../../core/words/pane";
import { usePaneStyles } from "./styles";

/** Each severity's icon and colour; the words beside the icon carry the meaning, the icon and colour only help. */
export const SEVERITY_ICON: Record<Severity, ReactElement> = {
  error: <ErrorCircle20Filled aria-hidden color={tokens.colorStatusDangerForeground1} />,
  warning: <Warning20Filled aria-hidden color={tokens.colorStatusWarningForeground3} />,
  info: <Info20Filled aria-hidden color={tokens.colorBrandForeground1} />,
};

/** The shown severities: notes are folded into the status and one collapsed group, so they are not counted here. */
const COUNTED: readonly Severity[] = SEVERITY_ORDER.filter((severity) => severity !== "info");

/** The one count line: "1 error, 0 warnings", each with its icon; a zero in grey, not in its alarm colour. */
export function CheckCounts({ findings }: { findings: readonly Finding[] }) {
  const styles = usePaneStyles();
  const counts = severityCounts(findings);
  if (COUNTED.every((severity) => counts[severity] === 0)) {
    return (
      <span className={styles.iconBeforeText}>
        <CheckmarkCircle20Filled aria-hidden color={tokens.colorStatusSuccessForeground1} />
        <span>{paneWords.check.nothingFound}</span>
      </span>
    );
  }
  return (
    <ul className={styles.counts} aria-label={paneWords.check.countsLabel}>
      {COUNTED.map((severity) => (
        <li key={severity} className={counts[severity] === 0 ? styles.zeroCount : styles.iconLine}>
          {counts[severity] > 0 && SEVERITY_ICON[severity]}
          {severityCountText(severity, counts[severity])}
        </li>
      ))}
    </ul>
  );
}
