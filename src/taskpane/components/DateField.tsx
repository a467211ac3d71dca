import { Field, Input } from "@fluentui/react-components";
import { paneWords } from "../../core/words/pane";
import { typedDateInWords } from "../details";

interface DateFieldProps {
  label: string;
  name: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/**
 * A date typed as dd/mm/yyyy whatever the browser's language (a browser's own date field follows its language, and
 * shows 6 December as 12/06 in American English), with the date in words beside it to confirm it.
 */
export function DateField({ label, name, value, error, onChange }: DateFieldProps) {
  const inWords = typedDateInWords(value);
  return (
    <Field
      label={label}
      required
      hint={inWords ?? paneWords.details.dateHint}
      validationState={error ? "error" : "none"}
      validationMessage={error}
    >
      <Input
        name={name}
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        value={value}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}
