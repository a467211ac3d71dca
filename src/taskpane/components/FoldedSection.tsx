import { Button, Subtitle2 } from "@fluentui/react-components";
import type { RefObject } from "react";
import { usePaneStyles } from "./styles";

interface FoldedSectionProps {
  /** The section's heading, the same as the unfolded form's (which labels itself by the same id). */
  heading: string;
  headingId: string;
  /** The one button that unfolds it. */
  unfoldLabel: string;
  onUnfold: () => void;
}

/**
 * A section folded behind one button until asked for, so that a task's view stays within two screens of the pane:
 * its heading, then the button. The unfolded view is the caller's (see focusFirstField for where focus goes).
 */
export function FoldedSection({ heading, headingId, unfoldLabel, onUnfold }: FoldedSectionProps) {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {heading}
      </Subtitle2>
      <Button appearance="secondary" onClick={onUnfold} className={styles.primaryButton}>
        {unfoldLabel}
      </Button>
    </section>
  );
}

/** After the render that unfolds a form: its first field takes focus, where the user goes on. */
export function focusFirstField(form: RefObject<HTMLFormElement | null>): void {
  setTimeout(() => form.current?.querySelector<HTMLInputElement>("input")?.focus());
}
