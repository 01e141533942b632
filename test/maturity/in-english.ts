import { renderMessage, renderOptional } from '../../content/i18n/render-message.ts';
import type { GapJson, SignalJson } from '../../sync/maturity/maturity-json.ts';
import { asMessage, msg, type Message } from '../../kernel/i18n/message.ts';

type English<T> = T extends { reason?: Message | null; evidence?: readonly { label: Message }[] }
  ? Omit<T, 'reason' | 'evidence'> & {
      reason?: string | null;
      evidence: (Omit<T['evidence'] extends readonly (infer E)[] ? E : never, 'label'> & { label: string })[];
    }
  : T;

/**
 * A signal outcome (or a result's signal or gap) with its reason and evidence labels rendered in English, so tests
 * assert the sentences a reader sees. Fields stay where they are; nothing is added.
 */
export function inEnglish<T extends { reason?: Message | null; evidence?: readonly { label: Message }[] }>(
  value: T,
): English<T> {
  const out: Record<string, unknown> = { ...value };
  if ('reason' in value) out.reason = renderOptional(asMessage(value.reason), 'en');
  if (value.evidence)
    out.evidence = value.evidence.map((e) => ({ ...e, label: renderMessage(asMessage(e.label)!, 'en') }));
  return out as English<T>;
}

/** A free-text reason as a message (inputs built by hand in tests). */
export const textReason = (text: string): Message => msg('text', { text });

/** A whole maturity result with every signal's and gap's reason and labels in English. */
export function resultInEnglish<R extends { signals: readonly SignalJson[]; gaps: readonly GapJson[] }>(result: R) {
  return { ...result, signals: result.signals.map((s) => inEnglish(s)), gaps: result.gaps.map((g) => inEnglish(g)) };
}
