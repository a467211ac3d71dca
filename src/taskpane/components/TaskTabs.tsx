import {
  Tab,
  renderTabList_unstable,
  useTabListContextValues_unstable,
  useTabListStyles_unstable,
  useTabList_unstable,
  type TabListState,
} from "@fluentui/react-components";
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
 * The pane's tasks as Fluent's TabList, one shown at a time, with the keyboard of the WAI-ARIA tabs pattern:
 * only the selected tab is in the Tab order, and Left and Right (wrapping), Home and End move to another tab
 * and select it. The selected tab names the panel, and only it points to the panel (the others' are not shown).
 *
 * Fluent's TabList gets its arrow keys from a tabster "mover" group; with Fluent's tabster, which leaves the Tab
 * key to the browser, a mover puts a hidden focus catcher at each end of the list (an <i> with tabindex 0 and
 * aria-hidden) to bring Tab back to the selected tab while every tab is tabbable. axe rightly reports those
 * (aria-hidden-focus; microsoft/tabster#288, microsoft/fluentui#27517). With a roving tabindex there is nothing
 * to catch, so the list keeps Fluent's hooks, styles and Tab components but drops the mover's attribute (the
 * hooks' state is Fluent's place for such changes) and moves between tabs itself.
 */
export function TaskTabs({ tabs, selected, onSelect }: TaskTabsProps) {
  const styles = usePaneStyles();
  const list = useRef<HTMLDivElement>(null);
  const state = useTabList_unstable(
    {
      "aria-label": paneWords.tabs.label,
      selectedValue: selected,
      // Moving selects (automatic activation): a task's view shows at once, so arrowing past one costs nothing.
      selectTabOnFocus: true,
      size: "small",
      className: styles.tabs,
      onTabSelect: (_, data) => onSelect(data.value as PaneTab),
      onKeyDown: (event) => moveBetweenTabs(event, list.current),
      children: tabs.map(({ tab, label }) => (
        <Tab
          key={tab}
          value={tab}
          id={tabId(tab)}
          tabIndex={tab === selected ? 0 : -1}
          aria-controls={tab === selected ? TASK_PANEL_ID : undefined}
        >
          {label}
        </Tab>
      )),
    },
    list,
  );
  const withoutMover: TabListState = { ...state, root: withoutArrowGroup(state.root) };
  useTabListStyles_unstable(withoutMover);
  return renderTabList_unstable(withoutMover, useTabListContextValues_unstable(withoutMover));
}

/** The list's root without tabster's arrow-key group, whose hidden focus catchers fail axe (see above). */
function withoutArrowGroup(root: TabListState["root"]): TabListState["root"] {
  const { "data-tabster": _moverGroup, ...rest } = root as TabListState["root"] & { "data-tabster"?: string };
  return rest;
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
