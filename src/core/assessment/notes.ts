/** The notes the user reads after a build, an upgrade or a repair: the figures they need, in upgradeWords' words. */
import type { WorkbookPlan } from "../plan/types";
import type { Toolkit } from "../toolkit/schema";
import { upgradeWords } from "../words/upgrade";
import type { NameChoice } from "./sheet-names";

export function builtNote(plan: WorkbookPlan): string {
  return upgradeWords.built({
    keyAreas: plan.sheets.filter((s) => s.role === "keyArea").length,
    actions: plan.sheets.some((s) => s.role === "actions"),
  });
}

export function upgradedNote(fromVersion: string, toolkit: Toolkit): string {
  return upgradeWords.upgraded({ from: fromVersion, to: toolkit.version });
}

export function carriedNote(count: number): string {
  return upgradeWords.carried({ count });
}

export function keptNamesNote(names: string[]): string[] {
  return names.length > 0 ? [upgradeWords.keptNames({ names })] : [];
}

export function leftAloneNote(name: string): string {
  return upgradeWords.leftAlone({ sheet: name });
}

/** A visible sheet that had to take another name because the user already has one called that. */
export function movedNotes(plan: WorkbookPlan, choice: NameChoice): string[] {
  return choice.moved
    .filter(({ key }) => plan.sheets.find((s) => s.key === key)?.visibility === "visible")
    .map(({ wanted, used }) => upgradeWords.moved({ wanted, used }));
}
