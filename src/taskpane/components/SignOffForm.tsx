import { Button, Field, Input, Subtitle2, Text } from "@fluentui/react-components";
import { useRef, useState, type FormEvent } from "react";
import { signOffProblem } from "../../core/assessment/sign-off-request";
import { paneWords } from "../../core/words/pane";
import { usePaneStyles } from "./styles";

interface SignOffFormProps {
  /** Today (ISO), the date the sign-off records. */
  today: string;
  busy: boolean;
  onSignOff: (name: string) => void;
}

/**
 * Who signs the answers off, and the Sign off button. The name is checked by the core's rule (the
 * command line's too) before the host is asked; the host checks the workbook itself.
 */
export function SignOffForm({ today, busy, onSignOff }: SignOffFormProps) {
  const styles = usePaneStyles();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = signOffProblem(name, today, today);
    setProblem(found);
    if (found) input.current?.focus();
    else onSignOff(name.trim());
  };
  return (
    <form className={styles.section} onSubmit={submit} noValidate aria-labelledby="sign-off-heading">
      <Subtitle2 as="h2" id="sign-off-heading" className={styles.heading}>
        {paneWords.signOff.heading}
      </Subtitle2>
      <Text>{paneWords.signOff.explain}</Text>
      <Field
        label={paneWords.signOff.name}
        required
        validationState={problem ? "error" : "none"}
        validationMessage={problem ?? undefined}
      >
        <Input
          ref={input}
          name="signOffName"
          autoComplete="name"
          value={name}
          onChange={(_, data) => {
            setName(data.value);
            if (problem) setProblem(null);
          }}
        />
      </Field>
      <Button appearance="primary" type="submit" disabledFocusable={busy} className={styles.primaryButton}>
        {paneWords.signOff.button}
      </Button>
    </form>
  );
}
