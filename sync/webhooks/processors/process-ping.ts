import { processed, type Processor } from '../processor-context.ts';

/** `ping`: GitHub checks the hook; nothing to change, the stored delivery is the record. */
export const processPing: Processor = (payload) => {
  const hookId = typeof payload.hook_id === 'number' ? payload.hook_id : undefined;
  return processed(hookId === undefined ? 'ping' : `ping from hook ${hookId}`);
};
