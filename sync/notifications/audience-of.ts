import type { ProposalRow } from '../../db/proposals/proposal-queries.ts';
import type { Holder } from '../proposals/workflow/workflow-schema.ts';
import type { ProposalEvent } from './proposal-event.ts';
import type { Capacity } from './recipients-of.ts';

/** Who an event is for, as `recipientsOf` takes it. */
export interface Audience {
  holder: Holder;
  followers: { login: string; as: Capacity; holds?: boolean }[];
  followMaintainers: boolean;
  exclude?: string;
}

/**
 * Who is told of each event. The stage's holder holds the ball after a creation, a stage change or a ready
 * revision; a ballot's voters hold it when it opens (their position is asked); the secretariat holds it when a
 * ballot closes (the next action is theirs), with the proposer, the maintainers and the voters told the result;
 * the editors hold it after upstream drift (a new revision or not). Who acted knows what they did; who asked for a
 * revision is told when it is ready (it is generated later).
 *
 * Before: { kind: 'ballot-open', voters: ['wangfang-rev'], actor: 'linqing-sec' }
 * After:  { holder: 'none', followers: [{ login: 'wangfang-rev', as: 'voter', holds: true }], exclude: 'linqing-sec' }
 */
export function audienceOf(event: ProposalEvent, row: ProposalRow, stageHolder: Holder): Audience {
  switch (event.kind) {
    case 'created':
      return { holder: stageHolder, followers: [], followMaintainers: false, exclude: event.actor };
    case 'stage':
      return {
        holder: stageHolder,
        followers: [{ login: row.created_by, as: 'proposer' }],
        followMaintainers: true,
        exclude: event.actor,
      };
    case 'revision':
      return { holder: stageHolder, followers: [{ login: event.actor, as: 'requester' }], followMaintainers: false };
    case 'ballot-open':
      return {
        holder: 'none',
        followers: event.voters.map((login) => ({ login, as: 'voter' as const, holds: true })),
        followMaintainers: false,
        exclude: event.actor,
      };
    case 'ballot-close':
      return {
        holder: 'secretariat',
        followers: [
          { login: row.created_by, as: 'proposer' },
          ...event.voters.map((login) => ({ login, as: 'voter' as const })),
        ],
        followMaintainers: true,
        ...(event.actor === null ? {} : { exclude: event.actor }),
      };
    case 'drift':
      return { holder: 'editors', followers: [], followMaintainers: false };
  }
}
