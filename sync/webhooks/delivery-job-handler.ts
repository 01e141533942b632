import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import type { JobHandler } from '../queue/job-handler.ts';
import { ignored, type FollowUps, type ProcessOutcome } from './processor-context.ts';
import { PROCESSORS } from './processors.ts';

export interface DeliveryJobDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  followUps: FollowUps;
}

/**
 * Processes a stored delivery: the event's processor and the delivery's outcome are written in one transaction,
 * so a crash leaves either both or neither, and a second run of a finished delivery does nothing.
 */
export function createDeliveryJobHandler(deps: DeliveryJobDeps): JobHandler {
  const { store, clock, log, followUps } = deps;
  return {
    run(job) {
      const delivery = store.deliveries.get(job.subject);
      if (!delivery || delivery.status === 'processed' || delivery.status === 'ignored') return;
      store.deliveries.markProcessing(delivery.id);
      const deliveryLog = log.child({ deliveryId: delivery.id, event: delivery.event, action: delivery.action });
      let payload: unknown;
      try {
        payload = JSON.parse(delivery.payload.toString('utf8'));
      } catch {
        payload = undefined;
      }
      const outcome = store.transaction((): ProcessOutcome => {
        const at = isoNow(clock);
        let result: ProcessOutcome;
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          result = ignored('the stored payload is not a JSON object');
        } else {
          const processor = PROCESSORS.get(delivery.event);
          result = processor
            ? processor(payload as Record<string, unknown>, delivery.action, { store, at, followUps })
            : ignored(`the ${delivery.event} event is not used by Magnolia`);
        }
        store.deliveries.finish(delivery.id, result.status, result.note ?? null, at);
        return result;
      });
      // Only after the commit: a transaction the disk refused processed nothing.
      deliveryLog.info({ status: outcome.status, note: outcome.note }, 'delivery processed');
    },
    failed(job, error, final) {
      store.deliveries.markFailed(job.subject, final ? 'dead' : 'failed', error, job.attempts);
    },
  };
}
