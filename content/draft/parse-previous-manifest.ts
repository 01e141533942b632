import { z } from 'zod';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { PreviousManifest } from './draft-types.ts';

const schema = z.object({
  source: z.object({ commit: z.string().optional() }).partial().optional(),
  clauses: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.string().min(1),
      sourceText: z.string(),
      headingPath: z.array(z.string()).optional(),
      title: z.string().optional(),
    }),
    { message: 'it has no "clauses" list' },
  ),
});

/**
 * Reads the manifest of a previous draft (`--previous`): what carrying clause IDs forward needs of it (each
 * clause's ID, kind, source text, heading path and title). Refuses anything else with a message that says so.
 *
 * Before: `{"source":{"commit":"ab…"},"clauses":[{"id":"c-1f…","kind":"paragraph","sourceText":"…",…}]}`
 * After:  { commit: 'ab…', clauses: [{ id: 'c-1f…', kind: 'paragraph', sourceText: '…' }] }
 */
export function parsePreviousManifest(text: string, name: string): PreviousManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DomainError(
      'invalid',
      'bad_previous_manifest',
      `${name} is not JSON (${error instanceof Error ? error.message : String(error)}): give the manifest a previous draft wrote with --manifest`,
      { name },
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]!;
    throw new DomainError(
      'invalid',
      'bad_previous_manifest',
      `${name} is not a draft manifest (${problem.path.join('.') || 'document'}: ${problem.message}): give the manifest a previous draft wrote with --manifest`,
      { name },
    );
  }
  return { commit: parsed.data.source?.commit, clauses: parsed.data.clauses };
}
