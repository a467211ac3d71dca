/// <reference types="office-js" />
/** The Office writer applies a moderated return's plan exactly: its Moderation sheet and the sources in the metadata. */
import type { ModerationRecord } from "../../src/core/plan/moderation-types";
import { canonicalToolkit } from "../../src/core/toolkit/canonical";
import { FakeExcel } from "../fakes/excel-fake";
import { expectFakeMatchesPlan } from "./fake-formats";
import { writePlanWithAnswers } from "./fixtures";

const toolkit = canonicalToolkit();

test("the Moderation sheet and the metadata's sources land as planned, typed text as text", async () => {
  const moderation: ModerationRecord = {
    sources: [
      { file: "alice.xlsx", respondent: "=Alice", role: "Finance", answersFingerprint: "a".repeat(64) },
      { file: "bob.xlsx", respondent: "Bob Jones", role: "", answersFingerprint: "b".repeat(64) },
    ],
    levels: {
      "SL-ECSM-01": [
        { current: "Mature", target: "Leader" },
        { current: "Minimum", target: "" },
      ],
    },
    notes: { "SL-ECSM-01": "+ agreed at the meeting" },
  };
  const fake = new FakeExcel();
  const plan = await writePlanWithAnswers(
    fake,
    toolkit,
    { council: "Anytown Council", respondent: "Moderated", behaviours: { "SL-ECSM-01": { current: "Mature" } } },
    { moderation },
  );
  expect(plan.sheets.some((s) => s.role === "moderation")).toBe(true);
  await expectFakeMatchesPlan(fake, plan);
});
