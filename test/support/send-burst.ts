import { randomUUID } from 'node:crypto';
import { sendDelivery } from './send-delivery.ts';

/** One delivery of a burst; `id` is GitHub's X-GitHub-Delivery, kept for redeliveries. */
export interface BurstDelivery {
  id: string;
  event: string;
  payload: unknown;
}

/** The answer to each delivery: the HTTP status, or `error` when the connection failed (a crashed server). */
export type BurstResults = Map<string, number | 'error'>;

/** Real deliveries about member repositories: mostly issues opened, every tenth a push (which asks for a fetch). */
export function makeBurst(
  repositories: readonly { id: number; owner: string; name: string }[],
  count: number,
  firstIssueId: number,
): BurstDelivery[] {
  return Array.from({ length: count }, (_, i) => {
    const repo = repositories[i % repositories.length]!;
    const repository = {
      id: repo.id,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      owner: { login: repo.owner },
    };
    const issueId = firstIssueId + i;
    if (i % 10 === 9) return { id: randomUUID(), event: 'push', payload: { ref: 'refs/heads/main', repository } };
    return {
      id: randomUUID(),
      event: 'issues',
      payload: {
        action: 'opened',
        issue: {
          id: issueId,
          number: issueId,
          title: `Burst ${issueId}`,
          state: 'open',
          user: { id: 9, login: 'bot' },
        },
        repository,
      },
    };
  });
}

/**
 * Sends signed deliveries over `connections` parallel connections, as GitHub does under load, and records each
 * answer. `onAnswer` runs after every answer (a test kills the server from there).
 */
export async function sendBurst(
  url: string,
  deliveries: readonly BurstDelivery[],
  options: { connections?: number; results?: BurstResults; onAnswer?: (results: BurstResults) => void } = {},
): Promise<BurstResults> {
  const results = options.results ?? new Map();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < deliveries.length) {
      const d = deliveries[next++]!;
      try {
        results.set(d.id, (await sendDelivery(url, d.event, d.payload, { id: d.id })).status);
      } catch {
        results.set(d.id, 'error');
      }
      options.onAnswer?.(results);
    }
  };
  await Promise.all(Array.from({ length: options.connections ?? 16 }, lane));
  return results;
}
