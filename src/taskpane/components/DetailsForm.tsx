import { Button, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { COUNCIL_TYPES, REGIONS } from "../../core/plan/council-groups";
import { paneWords } from "../../core/words/pane";
import type { DetailsErrors, DetailsForm as DetailsFormValues } from "../details";
import { DateField } from "./DateField";
import { FoldButton, FoldedSection, focusFirstField } from "./FoldedSection";
import { usePaneStyles } from "./styles";

const words = paneWords.details;

interface DetailsFormProps {
  values: DetailsFormValues;
  errors: DetailsErrors;
  actionLabel: string;
  /** Whether the button is the pane's primary action now (Repair of an up-to-date assessment is not). */
  primary: boolean;
  /** What the button will do, when that needs saying. */
  hint?: string;
  busy: boolean;
  /**
   * Folded behind one button until asked for: once the assessment is up to date, its details are set and Repair is
   * not the next step, so the Assessment tab keeps to where the assessment stands and what comes next.
   */
  folded?: boolean;
  onChange: (field: keyof DetailsFormValues, value: string) => void;
  onSubmit: () => void;
}

/**
 * Council name and assessment date (DateField: dd/mm/yyyy, with the date in words beside it), and the one action.
 * A real form, so Enter submits.
 */
export function DetailsForm({
  values,
  errors,
  actionLabel,
  primary,
  hint,
  busy,
  folded = false,
  onChange,
  onSubmit,
}: DetailsFormProps) {
  const styles = usePaneStyles();
  const form = useRef<HTMLFormElement>(null);
  // Open whenever the assessment needs its details (a build or an upgrade), and once the user asks for it.
  const [unfolded, setUnfolded] = useState(false);
  const open = !folded || unfolded;
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
  const unfold = () => {
    setUnfolded(true);
    focusFirstField(form);
  };
  if (!open)
    return (
      <FoldedSection heading={words.heading} headingId="details-heading" unfoldLabel={words.unfold} onUnfold={unfold} />
    );
  return (
    <form ref={form} className={styles.section} onSubmit={submit} noValidate aria-labelledby="details-heading">
      <Subtitle2 as="h2" id="details-heading" className={styles.heading}>
        {words.heading}
      </Subtitle2>
      <Field
        label={words.council}
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
      <DateField
        label={words.date}
        name="assessmentDate"
        value={values.assessmentDate}
        error={errors.assessmentDate}
        onChange={(value) => onChange("assessmentDate", value)}
      />
      <Picker
        label={words.councilType}
        name="councilType"
        choices={COUNCIL_TYPES}
        hint={words.groupsHint}
        value={values.councilType ?? ""}
        error={errors.councilType}
        onChange={(value) => onChange("councilType", value)}
      />
      <Picker
        label={words.region}
        name="region"
        choices={REGIONS}
        value={values.region ?? ""}
        error={errors.region}
        onChange={(value) => onChange("region", value)}
      />
      {hint && <p className={styles.paragraph}>{hint}</p>}
      {/* disabledFocusable keeps keyboard focus on the button while work runs, instead of dropping it to the page. */}
      <div className={styles.actions}>
        <Button appearance={primary ? "primary" : "secondary"} type="submit" disabledFocusable={busy}>
          {actionLabel}
        </Button>
        {folded && <FoldButton headingId="details-heading" onFold={() => setUnfolded(false)} />}
      </div>
    </form>
  );
}

interface PickerProps {
  label: string;
  name: string;
  choices: readonly string[];
  hint?: string;
  /** "" when nothing is picked. */
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/**
 * One of the Guide's two pickers (council type, region): a choice from its list, never typed, so a group compares
 * like with like; optional, and the first choice clears it. Fluent's Select (the browser's own list, styled) rather
 * than its Dropdown: the Dropdown and its positioning took the pane's first script from 148 KB to 185 KB gzipped,
 * over the 160 KB budget, and the native list is the one screen readers and Office's web views handle best.
 */
function Picker({ label, name, choices, hint, value, error, onChange }: PickerProps) {
  return (
    <Field label={label} hint={hint} validationState={error ? "error" : "none"} validationMessage={error}>
      <Select name={name} value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{words.choose}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </Select>
    </Field>
  );
}
