import { Button, mergeClasses } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";
import { paneWords } from "../../core/words/pane";
import type { PaneTab } from "../state";
import type { ShownTab } from "../tasks";
import { usePaneStyles } from "./styles";

interface TaskTabsProps {
  tabs: readonly ShownTab[];
  selected: PaneTab;
  onSelect: (tab: PaneTab) => void;
}

/** The id of the one panel the tabs control: the task in view. */
export const TASK_PANEL_ID = "task-panel";

/** The id of a task's tab, which names the panel while that task is in view. */
export const tabId = (tab: PaneTab) => `tab-${tab}`;

/**
 * The pane's tasks as tabs, one shown at a time, with the keyboard of the WAI-ARIA tabs pattern: only the
 * selected tab is in the Tab order, and Left and Right (wrapping), Home and End move to another tab and select
 * it. The selected tab names the panel, and only it points to the panel (the others' are not shown).
 *
 * Fluent buttons with the tab roles rather than Fluent's TabList, for two reasons. TabList gets its arrow keys from
 * a tabster "mover" group which, with Fluent's tabster leaving Tab to the browser, puts a hidden focus catcher at
 * each end of the list (an <i> with tabindex 0 and aria-hidden) that axe rightly reports (aria-hidden-focus;
 * microsoft/tabster#288, microsoft/fluentui#27517); and TabList and Tab, even without the mover, bring tabster into
 * the pane's first script (164 KB gzipped with them, over the 160 KB budget). A roving tabindex needs neither.
 */
export function TaskTabs({ tabs, selected, onSelect }: TaskTabsProps) {
  const styles = usePaneStyles();
  const list = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={list}
      role="tablist"
      aria-label={paneWords.tabs.label}
      aria-orientation="horizontal"
      className={styles.tabs}
      onKeyDown={(event) => moveBetweenTabs(event, list.current)}
    >
      {tabs.map(({ tab, label }) => (
        <Button
          key={tab}
          role="tab"
          id={tabId(tab)}
          aria-selected={tab === selected}
          aria-controls={tab === selected ? TASK_PANEL_ID : undefined}
          tabIndex={tab === selected ? 0 : -1}
          appearance="subtle"
          size="small"
          className={mergeClasses(styles.tab, tab === selected && styles.selectedTab)}
          onClick={() => onSelect(tab)}
          // Moving selects (automatic activation): a task's view shows at once, so arrowing past one costs nothing.
          onFocus={() => onSelect(tab)}
        >
          {label}
        </Button>
      ))}
    </div>
  );
}

/** Where each key moves from tab `index` of `count`: arrows wrap round, Home and End go to the ends. */
function targetTab(key: string, index: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** Moves focus to the tab a key asks for; focusing a tab selects it. */
function moveBetweenTabs(event: KeyboardEvent<HTMLElement>, list: HTMLElement | null): void {
  if (!list || event.altKey || event.ctrlKey || event.metaKey) return;
  const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
  const index = tabs.findIndex((tab) => tab === event.target);
  if (index < 0) return;
  const next = targetTab(event.key, index, tabs.length);
  if (next === null) return;
  event.preventDefault();
  tabs[next].focus();
}
