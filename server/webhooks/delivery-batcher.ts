import type { AcceptResult, IncomingDelivery } from '../../db/deliveries/delivery-queries.ts';
import type { Store } from '../../db/store.ts';
import type { Logger } from '../log/create-logger.ts';

/** Stores deliveries durably, committing the ones that arrive together in one transaction. */
export interface DeliveryBatcher {
  /** Resolves once the delivery and its job are committed; rejects when the store cannot write. */
  accept(delivery: IncomingDelivery): Promise<AcceptResult>;
}

interface Waiting {
  delivery: IncomingDelivery;
  resolve: (result: AcceptResult) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 256;

/**
 * Group commit: every delivery whose body finished arriving in the same turn of the event loop is written in one
 * transaction, so a burst pays one fsync instead of one per delivery. Each delivery is still acknowledged only
 * after its own commit. If a batch fails, its deliveries are retried one by one so one bad row cannot fail others.
 */
export function createDeliveryBatcher(store: Store, log: Logger, onCommitted: () => void): DeliveryBatcher {
  let waiting: Waiting[] = [];
  let scheduled = false;

  function commit(batch: Waiting[]): void {
    try {
      const results = store.deliveries.acceptMany(batch.map((w) => w.delivery));
      batch.forEach((w, i) => w.resolve(results[i] ?? 'stored'));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      log.warn({ err: error, size: batch.length }, 'batch commit failed; storing its deliveries one by one');
      for (const w of batch) commit([w]);
    }
  }

  function flush(): void {
    scheduled = false;
    const all = waiting;
    waiting = [];
    for (let i = 0; i < all.length; i += MAX_BATCH) commit(all.slice(i, i + MAX_BATCH));
    onCommitted();
  }

  return {
    accept(delivery) {
      return new Promise((resolve, reject) => {
        waiting.push({ delivery, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
