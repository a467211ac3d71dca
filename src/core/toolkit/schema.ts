import { z } from "zod";
import { SHEET_NAMES } from "./sheet-names";

/**
 * The canonical toolkit model. Every piece of toolkit text is a list of blocks so that the
 * numbered and bulleted lists of the source survive as lists (the workbook renders them as
 * numbered lines; the fidelity test compares them item by item).
 */

/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
/** Names the workbook's own sheets use (one list, in sheet-names.ts); a key area sheet must not take one of them. */
export const RESERVED_SHEET_NAMES: readonly string[] = Object.values(SHEET_NAMES);

const nonEmptyText = z.string().trim().min(1, "must not be empty");

export const blockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), text: nonEmptyText }).strict(),
  z
    .object({
      type: z.literal("list"),
      ordered: z.boolean(),
      items: z.array(nonEmptyText).min(1, "a list needs at least one item"),
    })
    .strict(),
]);
export type Block = z.infer<typeof blockSchema>;

export const richTextSchema = z.array(blockSchema).min(1, "must hold at least one paragraph or list");
export type RichText = z.infer<typeof richTextSchema>;

export const LEVEL_COUNT = 5;

/** One descriptor per maturity level, in level order (Minimum first). */
export const descriptorsSchema = z
  .array(richTextSchema)
  .length(LEVEL_COUNT, `must have exactly ${LEVEL_COUNT} descriptors, one per level`);

const idPattern = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
const idSchema = z
  .string()
  .regex(idPattern, "must be upper-case letters and digits joined by hyphens, e.g. SL-ECSM-01");

export const sheetNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(31, "must be 31 characters or fewer (Excel's limit)")
  .refine((name) => !SHEET_NAME_FORBIDDEN.test(name), "must not contain any of [ ] : * ? / \\")
  .refine((name) => !name.startsWith("'") && !name.endsWith("'"), "must not start or end with an apostrophe")
  .refine(
    (name) => !RESERVED_SHEET_NAMES.some((reserved) => reserved.toLowerCase() === name.toLowerCase()),
    `must not be one of the workbook's own sheet names (${RESERVED_SHEET_NAMES.join(", ")})`,
  );

export const behaviourSchema = z
  .object({
    id: idSchema,
    name: nonEmptyText,
    descriptors: descriptorsSchema,
  })
  .strict();
export type Behaviour = z.infer<typeof behaviourSchema>;

export const keyAreaSchema = z
  .object({
    id: idSchema,
    name: nonEmptyText,
    sheetName: sheetNameSchema,
    description: richTextSchema,
    help: z
      .object({
        whatItIs: richTextSchema,
        whyItIsImportant: richTextSchema,
      })
      .strict(),
    principle: z.object({ descriptors: descriptorsSchema }).strict(),
    behaviours: z.array(behaviourSchema).min(1, "a key area needs at least one behaviour"),
    footnotes: z.array(nonEmptyText).optional(),
  })
  .strict();
export type KeyArea = z.infer<typeof keyAreaSchema>;

export const themeSchema = z
  .object({
    id: idSchema,
    name: nonEmptyText,
    keyAreas: z.array(keyAreaSchema).min(1, "a theme needs at least one key area"),
  })
  .strict();
export type Theme = z.infer<typeof themeSchema>;

export const toolkitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters and digits joined by hyphens"),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version such as 1.0.0"),
    title: nonEmptyText,
    publisher: nonEmptyText,
    source: nonEmptyText,
    levels: z.array(nonEmptyText).length(LEVEL_COUNT, `must name exactly ${LEVEL_COUNT} levels`),
    themes: z.array(themeSchema).min(1, "a toolkit needs at least one theme"),
  })
  .strict()
  .superRefine((toolkit, ctx) => {
    const seen = new Map<string, string>();
    const claim = (id: string, path: (string | number)[]) => {
      const where = path.join(".");
      const earlier = seen.get(id);
      if (earlier) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `duplicate ID "${id}" (also at ${earlier})` });
      } else {
        seen.set(id, where);
      }
    };
    const sheetNames = new Map<string, string>();
    toolkit.themes.forEach((theme, t) => {
      claim(theme.id, ["themes", t, "id"]);
      theme.keyAreas.forEach((keyArea, k) => {
        const base = ["themes", t, "keyAreas", k];
        claim(keyArea.id, [...base, "id"]);
        const lower = keyArea.sheetName.toLowerCase();
        const other = sheetNames.get(lower);
        if (other) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [...base, "sheetName"],
            message: `duplicate sheet name "${keyArea.sheetName}" (Excel ignores case; also used by ${other})`,
          });
        } else {
          sheetNames.set(lower, keyArea.id);
        }
        keyArea.behaviours.forEach((behaviour, b) => claim(behaviour.id, [...base, "behaviours", b, "id"]));
      });
    });
    const levelSet = new Set(toolkit.levels.map((level) => level.toLowerCase()));
    if (levelSet.size !== toolkit.levels.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["levels"], message: "level names must be different" });
    }
  });
export type Toolkit = z.infer<typeof toolkitSchema>;
