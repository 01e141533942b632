import express, { type Request, type Response, type Router } from 'express';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { createBodyBudget } from './body-budget.ts';
import { DeliveryStoreError, type DeliveryIngest, type IngestOutcome } from './delivery-ingest.ts';
import type { RawDelivery } from './read-delivery.ts';
import { receiveSignedBody } from './receive-signed-body.ts';
import { parseSignature } from './verify-signature.ts';

/** GitHub's cap on webhook payloads. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/** Seconds a client is asked to wait after the store could not take a delivery (locked, read-only, full). */
export const STORE_RETRY_AFTER_SECONDS = 30;

const EVENT_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const DELIVERY_ID = /^[A-Za-z0-9-]{1,100}$/;

export interface WebhookRouteDeps {
  ingest: DeliveryIngest;
  clock: Clock;
  log: Logger;
  /** Current secret first, then the previous one; empty: every delivery is refused with a 503 saying what to set. */
  secrets: readonly string[];
  /** Bytes of bodies read, verified and stored at once; past it a delivery is refused with 503 before it is read. */
  bodyBudgetBytes: number;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

// GitHub sends `application/json` or, when the hook is set to form encoding, `payload=<json>`.
function mediaType(req: Request): 'json' | 'form' | undefined {
  const type = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

/**
 * `POST /webhooks/github`: header checks (a missing or malformed signature is refused before the body is read),
 * the HMAC computed while the body streams, within a budget of bodies in flight; parsing and the durable,
 * idempotent store (group commit) in the ingest thread; 202 once committed, 503 when the store cannot commit it
 * before GitHub's timeout. No GitHub call happens here; processing runs later from the queue.
 */
export function createWebhookRoute(deps: WebhookRouteDeps): Router {
  const router = express.Router();
  const { ingest, clock, log, secrets } = deps;
  const budget = createBodyBudget(deps.bodyBudgetBytes);

  router.post(
    '/webhooks/github',
    (req, _res, next) => {
      if (secrets.length === 0) {
        throw new DomainError(
          'unavailable',
          'webhooks_not_configured',
          'webhooks are not configured on this Magnolia: set GITHUB_WEBHOOK_SECRET to the secret of the GitHub hook',
        );
      }
      if (!mediaType(req)) {
        throw new DomainError(
          'unsupported',
          'unsupported_media_type',
          'send the delivery as application/json (or application/x-www-form-urlencoded); set the hook content type to application/json',
        );
      }
      next();
    },
    async (req: Request, res: Response) => {
      try {
        await receive(req, res);
      } catch (error) {
        // Refused before its body was read (unsigned, too large, over the budget): close the connection after the
        // answer rather than read up to 25 MB only to throw them away.
        if (!req.complete) res.setHeader('Connection', 'close');
        throw error;
      }
    },
  );

  async function receive(req: Request, res: Response): Promise<void> {
    const event = header(req, 'x-github-event');
    const deliveryId = header(req, 'x-github-delivery');
    const missing = [!event && 'X-GitHub-Event', !deliveryId && 'X-GitHub-Delivery'].filter(Boolean);
    if (missing.length > 0) {
      throw new DomainError(
        'invalid',
        'missing_header',
        `the ${missing.join(' and ')} header is missing: GitHub always sends it`,
      );
    }
    if (!EVENT_NAME.test(event!))
      throw new DomainError('invalid', 'bad_event', 'X-GitHub-Event is not a GitHub event name');
    if (!DELIVERY_ID.test(deliveryId!)) {
      throw new DomainError(
        'invalid',
        'bad_delivery_id',
        'X-GitHub-Delivery must be a GUID of letters, digits and dashes',
      );
    }
    const deliveryLog = log.child({ deliveryId, event });
    const signature = header(req, 'x-hub-signature-256');
    if (!signature) {
      throw new DomainError(
        'unauthenticated',
        'missing_signature',
        'the X-Hub-Signature-256 header is missing: set a secret on the GitHub hook (the same as GITHUB_WEBHOOK_SECRET)',
      );
    }
    const claimed = parseSignature(signature);
    if (!claimed) {
      throw new DomainError(
        'unauthenticated',
        'bad_signature',
        'X-Hub-Signature-256 must be sha256= and 64 hex digits, as GitHub sends it',
      );
    }
    let body: Buffer;
    try {
      // Raw bytes, never a JSON parser in front: the signature covers the exact body.
      body = await receiveSignedBody(req, res, { secrets, claimed, budget, limit: MAX_WEBHOOK_BYTES });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'bad_signature')
        deliveryLog.warn('webhook signature does not match');
      throw error;
    }
    const raw: RawDelivery = {
      id: deliveryId!,
      event: event!,
      hookId: header(req, 'x-github-hook-id') ?? null,
      format: mediaType(req)!,
      body,
    };
    let outcome: IngestOutcome;
    try {
      outcome = await ingest.submit(raw, isoNow(clock), clock.now());
    } catch (error) {
      throw storeError(error, deliveryLog);
    }
    if (outcome.kind === 'refused') throw new DomainError('invalid', 'bad_json', outcome.message);
    deliveryLog.info({ action: outcome.action, result: outcome.result }, 'delivery accepted');
    // A string body lets node write headers and body in one syscall (res.json sends a Buffer: two, plus an ETag).
    const answer = JSON.stringify({ accepted: true, delivery: raw.id, result: outcome.result });
    res.writeHead(202, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(answer),
    });
    res.end(answer);
  }
  return router;
}

// The 503 for a delivery the store did not take: GitHub records a failure, and its redelivery is idempotent by
// delivery id (a commit that landed after the deadline makes the redelivery a duplicate).
function storeError(error: unknown, log: Logger): DomainError {
  const timedOut = error instanceof DeliveryStoreError && error.timedOut;
  log.error(
    { err: error },
    timedOut ? 'the store did not commit the delivery in time' : 'could not store the delivery',
  );
  return timedOut
    ? new DomainError(
        'unavailable',
        'store_timeout',
        "the store did not commit the delivery before GitHub's 10-second timeout (the database is locked or overloaded); GitHub records this as a failure: redeliver it later",
        { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS },
      )
    : new DomainError(
        'unavailable',
        'store_unavailable',
        'the delivery could not be stored; GitHub records this as a failure: redeliver it when the store is writable again',
        { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS },
      );
}
