import { Button, Field, Input, Subtitle1 } from "@fluentui/react-components";
import { useEffect, useRef, type FormEvent } from "react";
import type { DetailsErrors, DetailsForm as DetailsFormValues } from "../details";
import { usePaneStyles } from "./styles";

interface DetailsFormProps {
  values: DetailsFormValues;
  errors: DetailsErrors;
  actionLabel: string;
  busy: boolean;
  onChange: (field: keyof DetailsFormValues, value: string) => void;
  onSubmit: () => void;
}

/** Council name and assessment date, and the one primary action. A real form, so Enter submits. */
export function DetailsForm({ values, errors, actionLabel, busy, onChange, onSubmit }: DetailsFormProps) {
  const styles = usePaneStyles();
  const form = useRef<HTMLFormElement>(null);
  // Only a submit moves focus to the first field in error; typing that clears one error must not.
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    focusPending.current = true;
    onSubmit();
  };
  return (
    <form ref={form} className={styles.section} onSubmit={submit} noValidate aria-labelledby="details-heading">
      <Subtitle1 as="h2" id="details-heading" className={styles.heading}>
        Assessment details
      </Subtitle1>
      <Field
        label="Council name"
        required
        validationState={errors.council ? "error" : "none"}
        validationMessage={errors.council}
      >
        <Input
          name="council"
          autoComplete="organization"
          value={values.council}
          onChange={(_, data) => onChange("council", data.value)}
        />
      </Field>
      <Field
        label="Assessment date"
        required
        validationState={errors.assessmentDate ? "error" : "none"}
        validationMessage={errors.assessmentDate}
      >
        <Input
          type="date"
          name="assessmentDate"
          value={values.assessmentDate}
          onChange={(_, data) => onChange("assessmentDate", data.value)}
        />
      </Field>
      {/* disabledFocusable keeps keyboard focus on the button while work runs, instead of dropping it to the page. */}
      <Button appearance="primary" type="submit" disabledFocusable={busy} className={styles.primaryButton}>
        {actionLabel}
      </Button>
    </form>
  );
}
