import type { Request, Response } from 'express';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { BodyBudget } from './body-budget.ts';
import { declaredLength, readRawBody } from './read-raw-body.ts';
import { startSignatureCheck } from './verify-signature.ts';

/** Seconds a client is asked to wait when the body budget is spent: bodies in flight take seconds, not minutes. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * GitHub waits 10 seconds for the whole exchange, so a body still arriving after that is not GitHub's: its
 * connection is closed and its share of the budget comes back (a slow sender must not hold the budget for the
 * five minutes of Node's request timeout).
 */
export const BODY_ARRIVAL_TIMEOUT_MS = 10_000;

export interface ReceiveOptions {
  /** Current secret first, then the previous one during a rotation. */
  secrets: readonly string[];
  /** The digest the X-Hub-Signature-256 header claims (already checked to be well-formed). */
  claimed: Buffer;
  budget: BodyBudget;
  /** Largest body accepted (GitHub's cap). */
  limit: number;
}

/**
 * Reads a webhook body while its HMAC is computed, chunk by chunk, and returns it only when the signature matches.
 * Before a byte is read: a body over the limit is a 413 and one that does not fit the budget of bodies in flight a
 * 503 with Retry-After. The reservation lasts until the answer is sent, so it covers the transfer to the ingest
 * thread and the commit. A body whose signature fails is dropped at once and answered 401; one that is still
 * arriving after BODY_ARRIVAL_TIMEOUT_MS loses its connection.
 */
export async function receiveSignedBody(req: Request, res: Response, options: ReceiveOptions): Promise<Buffer> {
  const declared = declaredLength(req, options.limit);
  // A chunked body's length is known only at its end: it reserves the most it may grow to.
  const release = options.budget.tryReserve(declared ?? options.limit);
  if (!release) {
    throw new DomainError(
      'unavailable',
      'webhook_busy',
      'too many webhook bodies are being received at once: GitHub records this delivery as failed; redeliver it in a moment',
      { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
    );
  }
  res.once('close', release);
  const check = startSignatureCheck(options.secrets, options.claimed);
  const slow = setTimeout(
    () =>
      req.destroy(
        new DomainError('invalid', 'body_too_slow', `the body did not arrive within ${BODY_ARRIVAL_TIMEOUT_MS} ms`),
      ),
    BODY_ARRIVAL_TIMEOUT_MS,
  );
  let body: Buffer;
  try {
    body = await readRawBody(req, declared, options.limit, (chunk) => check.update(chunk));
  } finally {
    clearTimeout(slow);
  }
  if (!check.matches()) {
    release();
    throw new DomainError(
      'unauthenticated',
      'bad_signature',
      'the signature does not match: the hook secret and GITHUB_WEBHOOK_SECRET (or _PREVIOUS) differ',
    );
  }
  return body;
}
