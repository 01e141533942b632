import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { MessageParams } from '../../kernel/i18n/message.ts';
import { HTTP_STATUS } from './http-status.ts';

/** What the error handler tells the client. */
export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  /** Sent as Retry-After with a 503 or 429 that knows when to come back. */
  retryAfterSeconds?: number;
  /** The facts of a DomainError, for a page that says its message in the reader's language. */
  params?: MessageParams;
  /** More of the answer for a program (a DomainError's `detail`), in the JSON error object. */
  detail?: Readonly<Record<string, unknown>>;
}

const BUSY_RETRY_AFTER_SECONDS = 5;

// body-parser and friends throw errors with `status` and `type` (for example a body over the size limit).
function describe(error: unknown, requestId: string): ErrorBody {
  if (error instanceof DomainError) {
    const retryAfter = error.params.retryAfterSeconds;
    return {
      status: HTTP_STATUS[error.kind],
      code: error.code,
      message: error.message,
      params: error.params,
      ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
      ...(Object.keys(error.detail).length > 0 ? { detail: error.detail } : {}),
    };
  }
  // Express decodes route parameters and throws a URIError on a malformed escape (`/projects/%ff`): the address
  // is wrong, not the server.
  if (error instanceof URIError) {
    return {
      status: 400,
      code: 'bad_url',
      message:
        'the address has a malformed percent-encoding (a % not followed by two hex digits of UTF-8): check the link',
    };
  }
  const e = error as {
    status?: unknown;
    statusCode?: unknown;
    type?: unknown;
    expose?: unknown;
    message?: unknown;
    code?: unknown;
  };
  // Another connection held the store's write lock past the busy timeout: try again, nothing is broken.
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_BUSY')) {
    return {
      status: 503,
      code: 'store_busy',
      message: `the database is busy with another task; try again in ${BUSY_RETRY_AFTER_SECONDS} seconds`,
      retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
    };
  }
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) {
    return {
      status,
      code: 'payload_too_large',
      message: 'the body is larger than this route accepts (25 MB for webhooks)',
    };
  }
  if (status >= 400 && status < 500 && e?.expose === true && typeof e.message === 'string') {
    return {
      status,
      code: typeof e.type === 'string' ? e.type.replace(/\./g, '_') : 'bad_request',
      message: e.message,
    };
  }
  return {
    status: 500,
    code: 'internal_error',
    message: `something went wrong on our side; quote request id ${requestId} when reporting it`,
  };
}

// Routes match paths case-insensitively (Express's default), so `/API/projects` is the API too.
function wantsJson(req: Request): boolean {
  const path = req.path.toLowerCase();
  return path.startsWith('/api/') || path.startsWith('/webhooks/') || !req.accepts('html');
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Renders the HTML error page (the portal's views); the handler falls back to a bare page if it throws. */
export type ErrorPageRenderer = (req: Request, res: Response, body: ErrorBody) => void;

/**
 * The one error handler: typed errors keep their status, code and message; anything else becomes a 500 that shows
 * only the request id (the stack goes to the log, never to the user).
 */
export function errorHandler(renderPage?: ErrorPageRenderer) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const body = describe(error, req.id);
    // A DomainError is a refusal the code expected (webhooks not configured, the store busy): a warning with its
    // code, no stack. Only what nobody expected is an error with its stack.
    const expected = error instanceof DomainError || body.code === 'store_busy';
    if (body.status >= 500 && !expected) req.log?.error({ err: error }, 'request failed');
    else if (body.status >= 500) req.log?.warn({ code: body.code, status: body.status }, body.message);
    else req.log?.debug({ code: body.code }, body.message);
    if (expected) res.locals.expectedRefusal = true;
    if (res.headersSent) {
      res.end();
      return;
    }
    if (body.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="magnolia"');
    // A 503 or 429 that knows when to come back says so (a DomainError's `retryAfterSeconds` param, a busy store).
    if ((body.status === 503 || body.status === 429) && body.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(body.retryAfterSeconds));
    res.status(body.status);
    if (wantsJson(req)) {
      res.json({ error: { ...body.detail, code: body.code, message: body.message, requestId: req.id } });
      return;
    }
    if (renderPage) {
      try {
        renderPage(req, res, body);
        return;
      } catch (renderError) {
        req.log?.error({ err: renderError }, 'error page failed to render');
      }
    }
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${body.status} · Magnolia</title></head>` +
          `<body><main><h1>${body.status}</h1><p>${escapeHtml(body.message)}</p>` +
          `<p><small>Request id ${escapeHtml(req.id)}</small></p><p><a href="/">Magnolia home</a></p></main></body></html>`,
      );
  };
}

/** 404 for any route nobody answered. */
export function notFoundHandler() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    next(new DomainError('not-found', 'not_found', `nothing at ${req.path}: check the address`));
  };
}
