/** The anonymised consolidation itself: what of a return it keeps, and its key. */
import { anonymiseConsolidation, returnKeyCsv } from "../../../src/core/consolidate/anonymise";
import { consolidate } from "../../../src/core/consolidate/consolidate";
import { groupDataRows } from "../../../src/core/consolidate/group-rows";
import { NOT_A_LEVEL } from "../../../src/core/plan/layout";
import { examinedReturn, toolkit } from "./fixtures";

const options = { includeErrors: true, finalOnly: false };

test("text typed where a level goes (which could name anyone) is shared only as not a level", () => {
  const group = consolidate(
    [
      examinedReturn(
        0,
        { council: "Anytown" },
        { answers: { "SL-ECSM-01": { current: "Ask Anytown's Jo", target: " mature " } } },
      ),
    ],
    toolkit,
    options,
  );
  const shared = anonymiseConsolidation(group).consolidation;
  const [row] = groupDataRows(shared);
  expect([row.currentLevel, row.currentScore, row.targetLevel, row.targetScore]).toEqual([
    NOT_A_LEVEL,
    NOT_A_LEVEL,
    "Mature",
    3,
  ]);
  expect(JSON.stringify(shared)).not.toMatch(/anytown/i);
});

test("the key: a line per return used, fields that look like formulas neutralised", () => {
  const group = consolidate(
    [
      examinedReturn(0, { council: "=Anytown", respondent: "Jo", role: "Buyer" }),
      examinedReturn(1, { council: "Bramble, Wick" }),
    ],
    toolkit,
    options,
  );
  expect(returnKeyCsv(anonymiseConsolidation(group).key)).toBe(
    '\uFEFFReturn,Council,Respondent,Role or department,Source file\r\n1,"\'=Anytown",Jo,Buyer,return-0.xlsx\r\n2,"Bramble, Wick",,,return-1.xlsx\r\n',
  );
});
