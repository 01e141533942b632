import type { ErrorKind } from '../errors/domain-error.ts';
import type { MessageParams } from '../i18n/message.ts';

/** A background process's answer to `runInProcess`: the value, or why not (a DomainError keeps its kind, code, params). */
export type TaskReply<Output> =
  { ok: true; value: Output } | { ok: false; message: string; kind?: ErrorKind; code?: string; params?: MessageParams };
