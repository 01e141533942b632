import { z } from 'zod';

const text = z
  .object({
    en: z.string().trim().min(1, 'needs an English text'),
    zh: z.string().trim().min(1, 'needs a Chinese text'),
  })
  .strict();
const id = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'ids are lower-case words joined by "-" or "."');

/** A threshold: the value must be at least `min`, at most `max`, or equal to `equals`. */
export const thresholdSchema = z.union([
  z.object({ min: z.number() }).strict(),
  z.object({ max: z.number() }).strict(),
  z.object({ equals: z.union([z.boolean(), z.string(), z.number()]) }).strict(),
]);

const levelSchema = z.object({ id, name: text, description: text }).strict();
const sectionSchema = z.object({ id, title: text }).strict();
const signalSchema = z
  .object({
    id,
    section: id,
    title: text,
    description: text,
    formula: text,
    source: z.enum(['git', 'api']),
    threshold: thresholdSchema,
    weight: z.number().min(0, 'weight must be 0 or more'),
    requiredFor: id.optional(),
    sustainedDays: z.number().int().positive('sustainedDays must be a positive whole number of days').optional(),
    /** Parameters of the signal's computation, e.g. `windowDays`. */
    params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
  })
  .strict();

/** The maturity model as data: levels in order, sections, and signals with thresholds and weights. */
export const modelSchema = z
  .object({
    name: text,
    levels: z.array(levelSchema).min(1, 'a model needs at least one level'),
    sections: z.array(sectionSchema).min(1, 'a model needs at least one section'),
    signals: z.array(signalSchema).min(1, 'a model needs at least one signal'),
  })
  .strict()
  .superRefine((model, ctx) => {
    const duplicates = (ids: string[]) => ids.filter((v, i) => ids.indexOf(v) !== i);
    for (const [list, what] of [
      [model.levels, 'levels'],
      [model.sections, 'sections'],
      [model.signals, 'signals'],
    ] as const) {
      for (const dup of duplicates(list.map((x) => x.id)))
        ctx.addIssue({ code: 'custom', path: [what], message: `${what} id "${dup}" is used twice` });
    }
    const levels = new Set(model.levels.map((l) => l.id));
    const sections = new Set(model.sections.map((s) => s.id));
    model.signals.forEach((s, i) => {
      if (!sections.has(s.section)) {
        ctx.addIssue({
          code: 'custom',
          path: ['signals', i, 'section'],
          message: `signal "${s.id}" names section "${s.section}", which is not among sections: ${[...sections].join(', ')}`,
        });
      }
      if (s.requiredFor !== undefined && !levels.has(s.requiredFor)) {
        ctx.addIssue({
          code: 'custom',
          path: ['signals', i, 'requiredFor'],
          message: `signal "${s.id}" is required for level "${s.requiredFor}", which is not among levels: ${[...levels].join(', ')}`,
        });
      }
    });
  });

export type MaturityModel = z.infer<typeof modelSchema>;
export type LevelDefinition = MaturityModel['levels'][number];
export type SignalDefinition = MaturityModel['signals'][number];
export type Threshold = z.infer<typeof thresholdSchema>;
export type LocalText = { en: string; zh: string };
