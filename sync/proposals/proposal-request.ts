import { z } from 'zod';
import { DomainError } from '../../kernel/errors/domain-error.ts';

const SOURCE_ROLES = ['clauses', 'terms', 'normative-annex', 'informative-annex', 'introduction'] as const;
const line = (what: string, max: number) =>
  z
    .string({ message: `${what} is text` })
    .trim()
    .min(1, `${what} may not be empty`)
    .max(max, `${what} is at most ${max} characters`);

/** What a maintainer gives to propose a specification (the API's body and the CLI's options). */
export const proposalRequestSchema = z
  .object({
    project: line('project', 200),
    title: z.object({ zh: line('title.zh', 200), en: line('title.en', 300) }, { message: 'title needs zh and en' }),
    type: z.enum(['association'], { message: 'type is "association" (团体标准)' }).default('association'),
    ref: line('ref', 250).refine((ref) => !ref.startsWith('-'), 'a ref may not start with "-"'),
    sources: z
      .array(
        z
          .object({
            path: line('a source path', 500).refine(
              (p) => !p.startsWith('/') && !p.split('/').includes('..'),
              'a source path is relative to the repository root, without ".."',
            ),
            role: z.enum(SOURCE_ROLES, { message: `role is one of ${SOURCE_ROLES.join(', ')}` }).default('clauses'),
          })
          .strict(),
      )
      .min(1, 'pick at least one source file')
      .max(200, 'at most 200 source files'),
    scope: line('scope', 4000),
    rationale: line('rationale', 8000),
    proposingUnit: z.string().trim().max(300).default(''),
    draftingUnits: z.array(line('a drafting unit', 300)).max(50).default([]),
    drafters: z.array(line('a drafter', 100)).max(100).default([]),
    implementations: z
      .array(z.object({ name: line('an implementation name', 200), url: z.url().optional() }).strict())
      .max(100)
      .default([]),
    iprStatement: z.string().trim().max(4000).optional(),
  })
  .strict();

export type ProposalRequest = z.infer<typeof proposalRequestSchema>;

/** The request, checked; every problem is named with its field in one error. */
export function readProposalRequest(body: unknown): ProposalRequest {
  const parsed = proposalRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`);
  throw new DomainError('invalid', 'invalid_proposal', `the proposal is not complete: ${problems.join('; ')}`, {
    problems: problems.join('\n'),
  });
}
