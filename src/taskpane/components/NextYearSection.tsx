import { Button, Checkbox, Field, Subtitle2, Text } from "@fluentui/react-components";
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { paneWords } from "../../core/words/pane";
import { checkDate } from "../details";
import type { NextYearAsked } from "../features";
import { DateField } from "./DateField";
import { FoldButton, FoldedSection, focusFirstField } from "./FoldedSection";
import { usePaneStyles } from "./styles";

const words = paneWords.nextYear;

interface NextYearSectionProps {
  /** In Excel it starts from the open workbook; standalone from a chosen file. */
  inExcel: boolean;
  busy: boolean;
  /** The date the field starts with, dd/mm/yyyy. */
  today: string;
  /** Resolves to whether next year's assessment was made. */
  onStart: (asked: NextYearAsked, file: File | null) => Promise<boolean>;
}

/**
 * "Start next year's assessment": the new assessment's date, whether to pick last year's levels again and to draft
 * actions from the gaps, and (standalone) last year's file. A form of its own, so Enter in its date submits it.
 */
export function NextYearSection({ inExcel, busy, today, onStart }: NextYearSectionProps) {
  const styles = usePaneStyles();
  const [date, setDate] = useState(today);
  const [dateError, setDateError] = useState<string>();
  const [carryLevels, setCarryLevels] = useState(false);
  const [draftActions, setDraftActions] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  // Folded until asked for: the Assessment tab stays within two screens of the pane, and so does what a start says.
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const hintId = useId();
  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setFileError(undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkDate(date);
    const missingFile = !inExcel && file === null;
    setDateError(checked.ok ? undefined : checked.error);
    setFileError(missingFile ? words.chooseFile : undefined);
    if (!checked.ok || missingFile) {
      // After the render that shows the errors: the first field in error takes focus.
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    // What happened is said at the top, where focus goes. Once made, the form folds away; after a failure it
    // stays open with what was chosen, to correct and try again.
    void onStart({ assessmentDate: checked.iso, carryLevels, draftActions }, file).then(
      (made) => made && setOpen(false),
    );
  };
  const unfold = () => {
    setOpen(true);
    focusFirstField(form);
  };
  if (!open)
    return (
      <FoldedSection
        heading={words.heading}
        headingId="next-year-heading"
        unfoldLabel={words.unfold}
        onUnfold={unfold}
      />
    );
  return (
    <form ref={form} className={styles.section} onSubmit={submit} noValidate aria-labelledby="next-year-heading">
      <Subtitle2 as="h2" id="next-year-heading" className={styles.heading}>
        {words.heading}
      </Subtitle2>
      <Text id={hintId}>{inExcel ? words.explainExcel : words.explainFile}</Text>
      {!inExcel && (
        <Field
          label={words.fileLabel}
          required
          validationState={fileError ? "error" : "none"}
          validationMessage={fileError}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={[control["aria-describedby"], hintId].filter(Boolean).join(" ")}
              className={styles.fileInput}
              onChange={chosen}
            />
          )}
        </Field>
      )}
      <DateField
        label={words.date}
        name="nextAssessmentDate"
        value={date}
        error={dateError}
        onChange={(value) => {
          setDate(value);
          setDateError(undefined);
        }}
      />
      <Checkbox
        name="carryLevels"
        checked={carryLevels}
        onChange={(_, data) => setCarryLevels(data.checked === true)}
        label={words.carryLevels}
      />
      <Checkbox
        name="draftActions"
        checked={draftActions}
        onChange={(_, data) => setDraftActions(data.checked === true)}
        label={words.draftActions}
      />
      <div className={styles.actions}>
        <Button appearance="secondary" type="submit" disabledFocusable={busy}>
          {words.button}
        </Button>
        <FoldButton headingId="next-year-heading" onFold={() => setOpen(false)} />
      </div>
    </form>
  );
}
