// A session for a user without going through a sign-in (for tests that need many signed-in callers): the row is
// written through the sessions service and the cookie signed the way express-session signs it.
import { createHmac, randomBytes } from 'node:crypto';
import type { TestInstance } from './test-instance.ts';

export interface PlantedSession {
  cookie: string;
  csrf: string;
  id: string;
}

export function plantSession(app: TestInstance, userId: number): PlantedSession {
  const id = randomBytes(18).toString('base64url');
  const csrf = randomBytes(32).toString('hex');
  const maxAge = app.config.sessionMaxMs;
  const data = {
    cookie: {
      originalMaxAge: maxAge,
      expires: new Date(app.clock.now() + maxAge).toISOString(),
      httpOnly: true,
      path: '/',
      sameSite: 'lax',
      secure: false,
    },
    uid: userId,
    csrfToken: csrf,
  };
  app.services.sessions.write(id, JSON.stringify(data), userId);
  const signature = createHmac('sha256', app.services.sessionSecret).update(id).digest('base64').replace(/=+$/, '');
  return { cookie: `magnolia.sid=${encodeURIComponent(`s:${id}.${signature}`)}`, csrf, id };
}
