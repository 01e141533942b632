import type { DeliveryStatus, DeliverySummary } from '../../db/deliveries/delivery-queries.ts';
import type { Store } from '../../db/store.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** What administrators see of webhook deliveries. */
export interface DeliveriesService {
  /** The newest deliveries, at most `limit` (1 to 1000; 50 when absent), optionally of one status and event. */
  list(limit?: number, filter?: { status?: string; event?: string }): DeliverySummary[];
}

/** Every status a delivery can have. */
export const STATUSES: readonly DeliveryStatus[] = ['queued', 'processing', 'processed', 'ignored', 'failed', 'dead'];

/** The deliveries service over one store. */
export function createDeliveriesService(store: Store): DeliveriesService {
  return {
    list(limit = 50, filter = {}) {
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new DomainError('invalid', 'bad_limit', 'limit must be a whole number from 1 to 1000');
      }
      const { status, event } = filter;
      if (status !== undefined && !STATUSES.includes(status as DeliveryStatus))
        throw new DomainError('invalid', 'bad_status', `status must be one of ${STATUSES.join(', ')}`);
      if (status === undefined && event === undefined) return store.deliveries.list(limit);
      return store.deliveries.search({ limit, status: status as DeliveryStatus | undefined, event });
    },
  };
}
