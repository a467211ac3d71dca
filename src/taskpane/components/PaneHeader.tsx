import { Body1, Title3 } from "@fluentui/react-components";
import { paneWords } from "../../core/words/pane";
import { usePaneStyles } from "./styles";

export function PaneHeader() {
  const styles = usePaneStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1" className={styles.heading}>
        {paneWords.title}
      </Title3>
      <Body1 as="p" className={styles.paragraph}>
        {paneWords.intro}
      </Body1>
    </header>
  );
}
