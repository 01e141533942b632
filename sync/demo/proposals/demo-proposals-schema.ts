import { z } from 'zod';

const by = z.string().regex(/^[A-Za-z0-9-]+$/, 'a demo login');
const day = z.number().int().max(0, 'days count back from the seeding: 0 or less');

/** One step a demo person takes on a proposal, on a day before the seeding. */
const step = z.union([
  z.object({ day, revise: z.object({ by, ref: z.string().optional(), reason: z.string() }).strict() }).strict(),
  z.object({ day, act: z.string(), by, comment: z.string().optional(), decision: z.string().optional() }).strict(),
  z.object({ day, ballot: z.object({ by, voters: z.array(by).min(1) }).strict() }).strict(),
  z
    .object({
      day,
      vote: z.object({ by, position: z.string(), reason: z.string().optional() }).strict(),
    })
    .strict(),
  z.object({ day, closeBallot: z.object({ by }).strict() }).strict(),
  // A comment on the clause with this number in the current revision (`4.2`), or a reply to comment `replyTo`
  // (its number in the proposal, 1 for the first).
  z
    .object({
      day,
      comment: z
        .object({
          by,
          clause: z.string().optional(),
          replyTo: z.number().int().min(1).optional(),
          kind: z.enum(['editorial', 'technical', 'general']).optional(),
          text: z.string(),
          proposedChange: z.string().optional(),
        })
        .strict()
        .refine((c) => (c.clause === undefined) !== (c.replyTo === undefined), 'a clause or replyTo, not both'),
    })
    .strict(),
  z
    .object({
      day,
      dispose: z
        .object({ by, comment: z.number().int().min(1), disposition: z.string(), reason: z.string().optional() })
        .strict(),
    })
    .strict(),
]);

/** `content/demo/proposals.yml`: each proposal as its maintainer makes it, then the steps the demo people take. */
export const demoProposalsSchema = z
  .object({
    proposals: z.array(
      z
        .object({
          project: z.string(),
          by,
          day,
          steps: z.array(step),
        })
        .passthrough(),
    ),
  })
  .strict();

export type DemoProposals = z.infer<typeof demoProposalsSchema>;
export type DemoStep = z.infer<typeof step>;
