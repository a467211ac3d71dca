import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { paneWords } from "../../core/words/pane";
import { usePaneStyles } from "./styles";

interface ActionPlanSectionProps {
  busy: boolean;
  /** The assessment needs an upgrade first (no action plan yet, or another toolkit's): drafting would be refused. */
  needsUpgrade: boolean;
  onDraft: () => void;
}

/**
 * The action plan, on the Assessment tab below where the assessment stands: the gaps it starts from are there, and
 * an officer drafts the plan while the levels are still being worked on, long before the return is signed off.
 */
export function ActionPlanSection({ busy, needsUpgrade, onDraft }: ActionPlanSectionProps) {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby="action-plan-heading">
      <Subtitle2 as="h2" id="action-plan-heading" className={styles.heading}>
        {paneWords.actionPlan.heading}
      </Subtitle2>
      <Text>{paneWords.actionPlan.explain}</Text>
      {/* No button that could only be refused: the way on is said instead. */}
      {needsUpgrade ? (
        <Text>{paneWords.actionPlan.upgradeFirst}</Text>
      ) : (
        // Focusable while busy, as the pane's other buttons, so focus is not lost when work starts.
        <Button onClick={onDraft} disabledFocusable={busy} className={styles.primaryButton}>
          {paneWords.actionPlan.button}
        </Button>
      )}
    </section>
  );
}
