import { renderOptional, renderMessage } from '../../content/i18n/render-message.ts';
import type { Message, MessageParams } from '../../kernel/i18n/message.ts';
import type {
  EvidenceJson,
  GapJson,
  MaturityJson,
  ObservationJson,
  SignalJson,
} from '../../sync/maturity/maturity-json.ts';

/** A reason as the API answers it: the English sentence, and the code with its parameters for other languages. */
interface ReasonFields {
  reason: string | null;
  reasonCode: string | null;
  reasonParams: MessageParams | null;
}

/** Evidence as the API answers it: the label in English, and its code with parameters. */
type EvidenceAnswer = Omit<EvidenceJson, 'label'> & { label: string; labelCode: string; labelParams: MessageParams };

const reasonFields = (reason: Message | null): ReasonFields => ({
  reason: renderOptional(reason, 'en'),
  reasonCode: reason?.code ?? null,
  reasonParams: reason ? (reason.params ?? {}) : null,
});

const evidenceAnswer = (list: readonly EvidenceJson[] | undefined): EvidenceAnswer[] =>
  (list ?? []).map((e) => ({
    ...e,
    label: renderMessage(e.label, 'en'),
    labelCode: e.label.code,
    labelParams: e.label.params ?? {},
  }));

/** `GET /api/projects/:owner/:repo/maturity`: the stored result with its messages rendered in English beside their codes. */
export function maturityAnswer(m: MaturityJson) {
  return {
    ...m,
    signals: m.signals.map((s: SignalJson) => ({
      ...s,
      ...reasonFields(s.reason),
      evidence: evidenceAnswer(s.evidence),
    })),
    gaps: m.gaps.map((g: GapJson) => ({ ...g, ...reasonFields(g.reason), evidence: evidenceAnswer(g.evidence) })),
  };
}

/** An observation of the signal history, likewise. */
export function observationAnswer(o: ObservationJson) {
  return { ...o, ...reasonFields(o.reason), evidence: evidenceAnswer(o.evidence) };
}
