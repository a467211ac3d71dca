import type { Toolkit } from "../toolkit/schema";
import { isoDateToSerial, serialToIsoDate } from "../util/dates";
import type { ActionAnswer, Answers, BehaviourAnswer } from "../plan/answer-types";

/** Small deterministic generator, so the sample workbook is the same every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OWNERS = [
  "Head of Procurement",
  "Category Manager (Corporate)",
  "Contract Manager (Adult Social Care)",
  "Commercial Lead",
  "Social Value Officer",
  "Strategic Director of Resources",
  "Procurement Business Partner",
];

const EVIDENCE = [
  (name: string) => `${name}: reviewed at the Procurement Board on 14 May 2025 (minute 7).`,
  (name: string) =>
    `Contract register extract and ${name.toLowerCase()} action plan, SharePoint > Procurement > NPS 2018.`,
  (name: string) =>
    `Internal audit report 2024/25 comments on ${name.toLowerCase()}; actions agreed with the Section 151 officer.`,
  (name: string) => `Cabinet report (March 2025) sets out our approach to ${name.toLowerCase()}.`,
  () => "Peer review feedback from the regional procurement group, January 2025.",
  () => "Annual procurement report 2024/25, section 3.",
];

/**
 * Realistic example answers for training and for trying pivots: most behaviours assessed, targets
 * at or above the current level, with evidence, owners and review dates. Deterministic for a seed.
 */
export function sampleAnswers(toolkit: Toolkit, assessmentDate: string, seed = 2018): Answers {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const behaviours: Record<string, BehaviourAnswer> = {};
  const levels = toolkit.levels;
  const start = isoDateToSerial(assessmentDate);
  for (const theme of toolkit.themes) {
    for (const area of theme.keyAreas) {
      for (const behaviour of area.behaviours) {
        if (random() < 0.12) continue; // not yet assessed
        const current = 1 + Math.floor(random() * 3.6);
        const target = Math.min(levels.length, current + Math.floor(random() * 2.6));
        behaviours[behaviour.id] = {
          current: levels[current - 1],
          target: levels[target - 1],
          evidence: pick(EVIDENCE)(behaviour.name.replace(/:$/, "")),
          owner: pick(OWNERS),
          reviewDate: serialToIsoDate(start + 90 + Math.floor(random() * 270)),
        };
      }
    }
  }
  return { council: "Example Borough Council", assessmentDate, behaviours };
}

/**
 * The sample answers with an action plan: a few actions of each status for behaviours below their target, due
 * months after the assessment date (the sample workbook of `nps-toolkit new --sample`). Kept apart from
 * sampleAnswers, whose answers many checks use with a fixed "today" that such due dates would pass.
 */
export function sampleAnswersWithActions(toolkit: Toolkit, assessmentDate: string, seed = 2018): Answers {
  const answers = sampleAnswers(toolkit, assessmentDate, seed);
  return { ...answers, actions: sampleActions(toolkit, answers.behaviours, isoDateToSerial(assessmentDate)) };
}

/** A few actions of each status, as a procurement lead would write them: days after the assessment date. */
const ACTION_TEMPLATES: readonly (Omit<ActionAnswer, "behaviourId" | "action" | "dueDate"> & {
  action: (name: string) => string;
  dueInDays: number;
})[] = [
  {
    action: (name) => `Draft a short improvement plan for ${name.toLowerCase()} and take it to the Procurement Board.`,
    owner: "Head of Procurement",
    status: "In progress",
    dueInDays: 120,
    note: "First draft circulated to category managers for comment.",
  },
  {
    action: (name) => `Run a workshop with service leads on ${name.toLowerCase()}, using the next level's description.`,
    owner: "Procurement Business Partner",
    status: "Not started",
    dueInDays: 240,
  },
  {
    action: () => "Add the toolkit's behaviours to the contract management framework and the annual report.",
    owner: "Commercial Lead",
    status: "Done",
    dueInDays: 45,
    note: "Agreed at the Procurement Board; framework updated.",
  },
  {
    action: (name) => `Benchmark ${name.toLowerCase()} with two councils in the regional procurement group.`,
    owner: "Category Manager (Corporate)",
    status: "In progress",
    dueInDays: 300,
  },
];

/** The sample's actions: one for each of the first behaviours below their target, in toolkit order. */
function sampleActions(toolkit: Toolkit, behaviours: Record<string, BehaviourAnswer>, start: number): ActionAnswer[] {
  const levels = toolkit.levels;
  const below = toolkit.themes
    .flatMap((theme) => theme.keyAreas.flatMap((area) => area.behaviours))
    .filter((b) => {
      const answer = behaviours[b.id];
      return answer?.current && answer.target && levels.indexOf(answer.current) < levels.indexOf(answer.target);
    });
  return ACTION_TEMPLATES.map((template, i) => ({ behaviour: below[i], template }))
    .filter(({ behaviour }) => behaviour !== undefined)
    .map(({ behaviour, template: { action, dueInDays, ...rest } }) => ({
      behaviourId: behaviour.id,
      action: action(behaviour.name.replace(/:$/, "")),
      dueDate: serialToIsoDate(start + dueInDays),
      ...rest,
    }));
}
