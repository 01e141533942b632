import type { TestInstance } from './test-instance.ts';
import { signInAsDemo, webSession, type WebSession } from './web-session.ts';

/**
 * One signed-in session per demo person, signed in again after the test's clock moved (sign-ins are rate limited,
 * and sessions expire over the weeks a workflow test skips).
 */
export function demoSessions(app: () => TestInstance): (login: string) => Promise<WebSession> {
  const sessions = new Map<string, { at: number; session: WebSession }>();
  return async (login) => {
    const now = app().clock.now();
    const kept = sessions.get(login);
    if (kept && kept.at === now) return kept.session;
    const session = webSession(app().url);
    const res = await signInAsDemo(session, login, '/account');
    if (res.status !== 303) throw new Error(`demo sign-in as ${login}: ${res.status}`);
    sessions.set(login, { at: now, session });
    return session;
  };
}
