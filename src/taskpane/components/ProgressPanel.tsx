import { Field, ProgressBar } from "@fluentui/react-components";
import type { ProgressUpdate } from "../../app/workbook-host";
import { paneWords } from "../../core/words/pane";

/** The bar shows how far; the words say what is happening (the live region around it announces them). */
export function ProgressPanel({ progress }: { progress: ProgressUpdate }) {
  const percent = Math.round(progress.fraction * 100);
  return (
    <Field
      label={paneWords.progress}
      validationMessage={paneWords.progressStep(progress.step, percent)}
      validationState="none"
    >
      <ProgressBar value={progress.fraction} max={1} thickness="large" />
    </Field>
  );
}
