import type { NotificationQueries, Recipient } from '../../db/notifications/notification-queries.ts';
import type { Holder } from '../proposals/workflow/workflow-schema.ts';

/** Why a person is told: the holder they are part of, or their relation to the proposal. */
export type Capacity = Exclude<Holder, 'none'> | 'proposer' | 'requester' | 'voter';

/** One person to notify: whether they now hold the ball, and in which capacity. */
export interface Addressee {
  person: Recipient;
  holds: boolean;
  as: Capacity;
}

// A stage's holder as people: roles resolve to whoever holds them now (editors are the maintainers and the
// secretariat, as the proposals service counts them for "needs my action").
const PARTS: Record<Holder, ('maintainers' | 'secretariat' | 'reviewer')[]> = {
  maintainers: ['maintainers'],
  editors: ['maintainers', 'secretariat'],
  secretariat: ['secretariat'],
  reviewers: ['reviewer'],
  none: [],
};

/**
 * Who is told of an event: everyone who now holds the ball, then the followers (the proposer and the project's
 * maintainers for a stage change, the requester of a revision, the voters of a ballot), each person once, never
 * `exclude`.
 */
export function recipientsOf(input: {
  queries: Pick<NotificationQueries, 'withRole' | 'maintainersOf' | 'byLogin'>;
  holder: Holder;
  repositoryId: number;
  /** People told because of their relation to the proposal; `holds` when the event asks something of them. */
  followers: { login: string; as: Capacity; holds?: boolean }[];
  followMaintainers: boolean;
  exclude?: string;
}): Addressee[] {
  const { queries, holder } = input;
  const out = new Map<number, Addressee>();
  const skip = input.exclude?.toLowerCase();
  const add = (person: Recipient | undefined, holds: boolean, as: Capacity) => {
    if (!person || person.login.toLowerCase() === skip || out.has(person.id)) return;
    out.set(person.id, { person, holds, as });
  };
  if (holder !== 'none')
    for (const part of PARTS[holder]) {
      const people = part === 'maintainers' ? queries.maintainersOf(input.repositoryId) : queries.withRole(part);
      for (const person of people) add(person, true, holder);
    }
  for (const follower of input.followers) add(queries.byLogin(follower.login), follower.holds ?? false, follower.as);
  if (input.followMaintainers)
    for (const person of queries.maintainersOf(input.repositoryId)) add(person, false, 'maintainers');
  return [...out.values()];
}
