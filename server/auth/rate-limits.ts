import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { Config } from '../../kernel/config/read-config.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function limiter(
  windowMs: number,
  limit: number,
  code: string,
  what: string,
  key: (req: Request) => string,
): ReturnType<typeof rateLimit> {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    // The checks it runs at start print to the console; the keys below handle IPv6 and proxies themselves.
    validate: false,
    // express-rate-limit has set Retry-After (seconds until the window resets) before it calls this.
    handler: (_req: Request, res: Response, next: NextFunction, options: Options) => {
      const retryAfterSeconds = Number(res.getHeader('Retry-After')) || Math.ceil(options.windowMs / 1000);
      next(
        new DomainError(
          'rate-limited',
          code,
          `too many ${what} from here in a short time: wait ${retryAfterSeconds} seconds, then try again`,
          { retryAfterSeconds },
        ),
      );
    },
  });
}

const byAddress = (req: Request): string => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

/** Rate limits: sign-in attempts per address, and writes per person (or per address when nobody signed in). */
export interface RateLimits {
  signIn: ReturnType<typeof rateLimit>;
  /** For every mutating request after identification (skips reads). */
  writes: (req: Request, res: Response, next: NextFunction) => void;
}

/** Builds the limits from the configuration (MAGNOLIA_RATE_LIMIT_SIGNIN, MAGNOLIA_RATE_LIMIT_WRITES). */
export function createRateLimits(config: Pick<Config, 'rateLimits'>): RateLimits {
  const signIn = limiter(
    15 * 60_000,
    config.rateLimits.signInPer15Minutes,
    'sign_in_rate_limited',
    'sign-in attempts',
    byAddress,
  );
  const writes = limiter(60_000, config.rateLimits.writesPerMinute, 'rate_limited', 'changes', (req) =>
    req.auth?.actor ? `user:${req.auth.actor.userId}` : byAddress(req),
  );
  return {
    signIn,
    writes: (req, res, next) => {
      if (SAFE.has(req.method) || req.path.startsWith('/auth/')) {
        next();
        return;
      }
      void writes(req, res, next);
    },
  };
}
