import type { Store } from '../../../db/store.ts';
import type { DraftManifest } from '../../../content/draft/draft-types.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import { findProposal } from '../../proposals/find-proposal.ts';
import { diffRevisions } from './diff-revisions.ts';
import type { RevisionDiff } from './revision-diff.ts';

/** A diff between two ready revisions of a proposal, and whether it is the one stored with the later revision. */
export interface RevisionDiffJson {
  number: string;
  from: number;
  to: number;
  /** True: made when revision `to` was generated (its ICU, its day); false: computed now from the two manifests. */
  stored: boolean;
  diff: RevisionDiff;
}

/** Clause diffs between the revisions of a proposal. */
export interface DiffsService {
  /** The diff from `from` to `to` (defaults: `to` the latest ready revision, `from` the ready one before it). */
  diff(number: string, from: number | null, to: number | null): RevisionDiffJson;
}

const label = (rev: number) => `-${String(rev).padStart(2, '0')}`;
/** Diffs of pairs that were not stored, kept for the pairs read most recently (manifests never change). */
const COMPUTED_KEPT = 8;

/** The diffs service over one store. */
export function createDiffsService(deps: { store: Store }): DiffsService {
  const { store } = deps;
  const computed = new Map<string, RevisionDiff>();
  return {
    diff(asked, fromAsked, toAsked) {
      const number = asked.toUpperCase();
      findProposal(store, asked);
      const ready = store.revisions
        .list(number)
        .filter((r) => r.status === 'ready')
        .map((r) => r.rev);
      const to = toAsked ?? ready.at(-1);
      const from = fromAsked ?? (to === undefined ? undefined : ready.filter((r) => r < to).at(-1));
      if (to === undefined || from === undefined)
        throw new DomainError(
          'not-found',
          'diff_needs_two_revisions',
          `${number} has fewer than two ready revisions: a diff compares two`,
          { number },
        );
      for (const rev of [from, to])
        if (!ready.includes(rev))
          throw new DomainError('not-found', 'revision_not_found', `${number} has no ready revision ${label(rev)}`, {
            number,
            rev: label(rev),
          });
      if (from >= to)
        throw new DomainError(
          'invalid',
          'diff_order',
          `a diff goes from an earlier revision to a later one: ${label(from)} is not before ${label(to)}`,
          { from: label(from), to: label(to) },
        );
      const stored = store.revisions.diff(number, to);
      if (stored && stored.diff_from === from)
        return { number, from, to, stored: true, diff: JSON.parse(stored.diff_json) as RevisionDiff };
      const key = `${number}/${from}/${to}`;
      let diff = computed.get(key);
      if (diff === undefined) {
        const manifest = (rev: number) => JSON.parse(store.revisions.manifest(number, rev)!) as DraftManifest;
        diff = diffRevisions(manifest(from), manifest(to));
        computed.set(key, diff);
        if (computed.size > COMPUTED_KEPT) computed.delete(computed.keys().next().value!);
      }
      return { number, from, to, stored: false, diff };
    },
  };
}
