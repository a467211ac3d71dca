/** The words of the council's year: the action plan drafted from the gaps. */
export const CYCLE_WORDS = {
  /** The action a drafted row suggests: reach the next level, in the toolkit's words for it. */
  draftedAim: (level: string, description: string) => `Reach ${level}: ${description}`,
  draftedNote: (count: number) =>
    count === 0
      ? "No action drafted: every behaviour below its target already has an action, or none is below its target."
      : `Drafted ${count === 1 ? "1 action" : `${count} actions`} on the Actions sheet, one for each behaviour below its target with no action yet; the actions already there are as they were. Give each an owner and a due date.`,
} as const;
