import { Button, mergeClasses } from "@fluentui/react-components";
import { paneWords } from "../../core/words/pane";
import type { PaneTab } from "../state";
import { usePaneStyles } from "./styles";

interface TaskTabsProps {
  tabs: readonly { tab: PaneTab; label: string }[];
  selected: PaneTab;
  onSelect: (tab: PaneTab) => void;
}

/** The id of the one panel the tabs control: the task in view. */
export const TASK_PANEL_ID = "task-panel";

/**
 * The pane's tasks as tabs, one shown at a time. Plain buttons with the tab roles rather than Fluent's
 * TabList: its arrow-key group adds hidden focus traps (aria-hidden elements with tabindex 0) that
 * fail axe's aria-hidden-focus rule. Every tab is in the Tab order, so a keyboard reaches each.
 */
export function TaskTabs({ tabs, selected, onSelect }: TaskTabsProps) {
  const styles = usePaneStyles();
  return (
    <div role="tablist" aria-label={paneWords.tabs.label} className={styles.tabs}>
      {tabs.map(({ tab, label }) => (
        <Button
          key={tab}
          role="tab"
          id={`tab-${tab}`}
          aria-selected={tab === selected}
          aria-controls={TASK_PANEL_ID}
          appearance="subtle"
          size="small"
          className={mergeClasses(styles.tab, tab === selected && styles.selectedTab)}
          onClick={() => onSelect(tab)}
        >
          {label}
        </Button>
      ))}
    </div>
  );
}
