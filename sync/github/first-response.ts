import type { FirstResponse } from '../../db/issue-activity/issue-activity-queries.ts';

/** A user as embedded in REST payloads. */
export interface UserRef {
  login: string;
  type?: string | null | undefined;
}

/** The parts of a comment or review that make a response. */
export interface ResponseEvent {
  user?: UserRef | null | undefined;
  /** Comments carry `created_at`, reviews `submitted_at` (absent while a review is pending). */
  created_at?: string | null | undefined;
  submitted_at?: string | null | undefined;
}

/** True for GitHub Apps and the `[bot]` accounts that act for them. */
export function isBot(user: UserRef): boolean {
  return user.type === 'Bot' || /\[bot\]$/i.test(user.login);
}

/**
 * The first response to an issue or pull request: the earliest comment or submitted review by someone other than
 * the author, humans and bots kept apart. A deleted ("ghost") user has no login and is not counted.
 *
 * author `ada`, comments `[ada 10:00, ci-bot[bot] 10:01, bob 12:00]` → `{ at: 12:00, login: bob, botAt: 10:01 }`
 */
export function firstResponse(
  authorLogin: string | null,
  comments: readonly ResponseEvent[],
  reviews: readonly ResponseEvent[] = [],
): FirstResponse {
  const author = authorLogin?.toLowerCase() ?? null;
  const events = [
    ...comments.map((c) => ({ user: c.user, at: c.created_at, kind: 'comment' as const })),
    ...reviews.map((r) => ({ user: r.user, at: r.submitted_at, kind: 'review' as const })),
  ]
    .filter(
      (e): e is { user: UserRef; at: string; kind: 'comment' | 'review' } =>
        Boolean(e.user?.login) && typeof e.at === 'string' && e.user!.login.toLowerCase() !== author,
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const human = events.find((e) => !isBot(e.user));
  const bot = events.find((e) => isBot(e.user));
  return {
    at: human?.at ?? null,
    login: human?.user.login ?? null,
    kind: human?.kind ?? null,
    botAt: bot?.at ?? null,
    botLogin: bot?.user.login ?? null,
  };
}
