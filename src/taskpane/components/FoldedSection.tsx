import { Button, Subtitle2 } from "@fluentui/react-components";
import type { RefObject } from "react";
import { paneWords } from "../../core/words/pane";
import { usePaneStyles } from "./styles";

/** The id of the button that unfolds the section headed by `headingId`: focus returns there when it folds again. */
const unfoldButtonId = (headingId: string) => `${headingId}-unfold`;

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
      <Button id={unfoldButtonId(headingId)} appearance="secondary" onClick={onUnfold} className={styles.primaryButton}>
        {unfoldLabel}
      </Button>
    </section>
  );
}

/** After the render that unfolds a form: its first field takes focus, where the user goes on. */
export function focusFirstField(form: RefObject<HTMLFormElement | null>): void {
  setTimeout(() => form.current?.querySelector<HTMLInputElement>("input")?.focus());
}

/**
 * Folds an unfolded section away again, changing nothing, so the task's view is short once more; focus goes back
 * to the button that unfolds it, where the user was.
 */
export function FoldButton({ headingId, onFold }: { headingId: string; onFold: () => void }) {
  const fold = () => {
    onFold();
    setTimeout(() => document.getElementById(unfoldButtonId(headingId))?.focus());
  };
  return (
    <Button appearance="subtle" onClick={fold}>
      {paneWords.fold}
    </Button>
  );
}
