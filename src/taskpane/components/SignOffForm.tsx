import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { useRef, useState, type FormEvent } from "react";
import type { SignOffAsked } from "../../app/workbook-host";
import type { KeyAreaProgress } from "../../core/assessment/plan-assessment";
import { signOffProblem } from "../../core/assessment/sign-off-request";
import { paneWords } from "../../core/words/pane";
import { usePaneStyles } from "./styles";

interface SignOffFormProps {
  /** Today (ISO), the date the sign-off records. */
  today: string;
  busy: boolean;
  /** Each key area as the status last read it: those with behaviours still without a current level are named. */
  keyAreas: readonly KeyAreaProgress[];
  /** Who signed off and when, while the answers are still those signed off; null for a draft. */
  signedOff: string | null;
  onSignOff: (request: SignOffAsked) => void;
}

/**
 * Who signs the answers off, and the Sign off button. The name is checked by the core's rule (the
 * command line's too) before the host is asked; the host checks the workbook itself. A return with key
 * areas not complete is signed off only when the signer chooses so, with those key areas named (as the
 * command line's --allow-incomplete); the core's sign-off still decides, and its notes say what was signed.
 */
export function SignOffForm({ today, busy, keyAreas, signedOff, onSignOff }: SignOffFormProps) {
  const styles = usePaneStyles();
  // A return signed off and unchanged since needs no form: it says so, and the form is one button away.
  const [again, setAgain] = useState(false);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [allowIncomplete, setAllowIncomplete] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const incomplete = incompleteKeyAreas(keyAreas);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = signOffProblem(name, today, today);
    setProblem(found);
    if (found) input.current?.focus();
    else onSignOff({ name: name.trim(), ...(incomplete.length > 0 && allowIncomplete ? { allowIncomplete } : {}) });
  };
  if (signedOff && !again)
    return (
      <section className={styles.section} aria-labelledby="sign-off-heading">
        <Subtitle2 as="h2" id="sign-off-heading" className={styles.heading}>
          {paneWords.signOff.heading}
        </Subtitle2>
        <Text>{signedOff}</Text>
        <Button onClick={() => setAgain(true)} className={styles.primaryButton}>
          {paneWords.signOff.again}
        </Button>
      </section>
    );
  return (
    <form className={styles.section} onSubmit={submit} noValidate aria-labelledby="sign-off-heading">
      <Subtitle2 as="h2" id="sign-off-heading" className={styles.heading}>
        {paneWords.signOff.heading}
      </Subtitle2>
      <Text>{paneWords.signOff.explain}</Text>
      {incomplete.length > 0 && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <p className={styles.paragraph}>{paneWords.signOff.incomplete(incomplete.length)}</p>
              <ul className={styles.list} aria-label={paneWords.signOff.incompleteLabel}>
                {incomplete.map((area) => (
                  <li key={area.id}>{paneWords.status.keyAreaLine(area.name, area.assessed, area.total)}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
          <Field hint={paneWords.signOff.allowIncompleteHint} validationState="none">
            <Checkbox
              name="allowIncomplete"
              checked={allowIncomplete}
              onChange={(_, data) => setAllowIncomplete(data.checked === true)}
              label={paneWords.signOff.allowIncomplete}
            />
          </Field>
        </>
      )}
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

/**
 * The key areas a sign-off would call not complete. None while no behaviour at all has a level: that return
 * has nothing to sign off, and choosing to sign it off anyway would not help (the sign-off refuses it).
 */
function incompleteKeyAreas(keyAreas: readonly KeyAreaProgress[]): KeyAreaProgress[] {
  if (keyAreas.every((area) => area.assessed === 0)) return [];
  return keyAreas.filter((area) => area.assessed < area.total);
}
