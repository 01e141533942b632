import type { Request } from 'express';
import { isLoopbackHost } from '../../kernel/config/read-config.ts';

/**
 * True when a request comes from this machine to a loopback name: the remote address is loopback, the Host is a
 * loopback name (not a name rebound to 127.0.0.1 by another site), and no proxy forwarded it.
 */
export function isLocalRequest(req: Request): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const remote = req.socket.remoteAddress ?? '';
  const loopback = remote === '::1' || /^(::ffff:)?127\./.test(remote);
  return (
    loopback &&
    isLoopbackHost(host) &&
    req.headers['x-forwarded-for'] === undefined &&
    req.headers.forwarded === undefined
  );
}
