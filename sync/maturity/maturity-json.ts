// The shape of a project's maturity as the engine stores it — the contract between the maturity engine
// (sync/maturity) and everything that shows it (API, pages, badges, search). Reasons and evidence labels are
// message codes with parameters; the API renders them in English beside the codes (server/api/maturity-answer.ts)
// and the pages in the reader's language.
import type { Message } from '../../kernel/i18n/message.ts';

export type SignalStatus = 'pass' | 'fail' | 'not-applicable' | 'unknown';

/** One piece of evidence behind a signal result: a permalink pinned to a commit, or a commit/release/issue/PR. */
export interface EvidenceJson {
  kind: 'file' | 'lines' | 'commit' | 'release' | 'tag' | 'issue' | 'pull' | 'user' | 'link';
  url: string;
  label: Message;
}

export interface SignalJson {
  id: string;
  section: string;
  title: string;
  value: number | string | boolean | null;
  status: SignalStatus;
  reason: Message | null;
  commit: string | null;
  source: 'git' | 'api';
  evidence: EvidenceJson[];
  /** Optional extensions (added by the maturity engine; consumers may ignore them). */
  titleZh?: string;
  titleEn?: string;
  /** The threshold as text, e.g. ">= 2" or "<= 72". */
  threshold?: string;
  weight?: number;
  /** The level whose requirements include this signal, when one does. */
  requiredFor?: string | null;
  sustainedDays?: number | null;
  /** When the current unbroken run of `pass` began (for sustained signals). */
  passingSince?: string | null;
  window?: { days: number; since: string; until: string } | null;
  evaluatedAt?: string;
  exemption?: ExemptionJson | null;
}

/** A reviewer's exemption of one signal for one project. */
export interface ExemptionJson {
  id: number;
  signal: string;
  reason: string;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  active: boolean;
}

export interface GapJson {
  signal: string;
  title: string;
  status: SignalStatus;
  reason: Message | null;
  evidence: EvidenceJson[];
  /** Optional extensions. */
  requiredFor?: string;
  value?: number | string | boolean | null;
  threshold?: string;
}

export interface MaturityJson {
  level: string | null;
  nextLevel: string | null;
  evaluatedAt: string | null;
  commit: string | null;
  gaps: GapJson[];
  signals: SignalJson[];
  /** Optional extensions. */
  /** Weighted share of passing signals, 0..1. */
  score?: number | null;
  archived?: boolean | null;
  /** Digest of the model version evaluated. */
  model?: string;
  levels?: { id: string; name: { en: string; zh: string }; reached: boolean }[];
}

export interface ObservationJson {
  signal: string;
  value: number | string | boolean | null;
  status: SignalStatus;
  reason: Message | null;
  commit: string | null;
  observedAt: string;
  /** Optional extensions: a change or the daily snapshot, and the evidence at that time. */
  kind?: 'change' | 'snapshot';
  evidence?: EvidenceJson[];
}
