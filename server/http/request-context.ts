import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../kernel/log/create-logger.ts';

declare module 'express-serve-static-core' {
  interface Request {
    /** Correlation id of this request (shown on error pages, in every log line). */
    id: string;
    log: Logger;
  }
}

/**
 * Gives each request an id and a child logger, and logs one line when it ends. Only the method and the path
 * are logged: query strings and headers can carry credentials.
 */
export function requestContext(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    req.id = randomUUID();
    req.log = log.child({ requestId: req.id });
    res.setHeader('X-Request-Id', req.id);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // A 5xx the error handler marked as an expected refusal is a warning, like the handler's own line.
      const level = res.statusCode < 500 ? 'debug' : res.locals.expectedRefusal ? 'warn' : 'error';
      req.log[level](
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    next();
  };
}
