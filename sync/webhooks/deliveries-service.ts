import type { DeliverySummary } from '../../db/deliveries/delivery-queries.ts';
import type { Store } from '../../db/store.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** What administrators see of webhook deliveries. */
export interface DeliveriesService {
  /** The newest deliveries, at most `limit` (1 to 1000; 50 when absent). */
  list(limit?: number): DeliverySummary[];
}

/** The deliveries service over one store. */
export function createDeliveriesService(store: Store): DeliveriesService {
  return {
    list(limit = 50) {
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new DomainError('invalid', 'bad_limit', 'limit must be a whole number from 1 to 1000');
      }
      return store.deliveries.list(limit);
    },
  };
}
