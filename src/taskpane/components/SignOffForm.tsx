import { Button, Field, Input, Subtitle1, Text } from "@fluentui/react-components";
import { useRef, useState, type FormEvent } from "react";
import { signOffProblem } from "../../core/assessment/sign-off-request";
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
      <Subtitle1 as="h2" id="sign-off-heading" className={styles.heading}>
        Sign off
      </Subtitle1>
      <Text>
        When the answers are final, sign them off: your name and today&apos;s date go on the Guide, with a fingerprint
        of every answer. If an answer changes afterwards, the return no longer counts as final.
      </Text>
      <Field
        label="Your name"
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
      <Button type="submit" disabledFocusable={busy}>
        Sign off
      </Button>
    </form>
  );
}
