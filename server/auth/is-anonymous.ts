import type { IncomingHttpHeaders } from 'node:http';

/** The cookie that will carry a signed-in session (the accounts capability sets it). */
export const SESSION_COOKIE = 'magnolia.sid';

/**
 * True when a request carries no credentials: no `Authorization` header and no session cookie. Only such requests
 * may be answered from, or stored in, the shared page cache, so a signed-in page never reaches another visitor.
 */
export function isAnonymous(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization) return false;
  const cookie = headers.cookie ?? '';
  return !cookie.split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}
