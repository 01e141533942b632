import type { Message } from '../../../kernel/i18n/message.ts';
import type { BlobFacts } from '../facts/blob-facts.ts';
import type { TreeEntry } from '../git/read-tree.ts';
import type { EvidenceJson, SignalStatus } from '../maturity-json.ts';

/** A commit as the signals see it. */
export interface CommitInput {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Epoch seconds. */
  time: number;
  signedOff: boolean;
  /** More than one parent ("Merge pull request #…"): written by a tool, never signed off. */
  merge: boolean;
}

/** An issue or pull request as the process signals see it. */
export interface ItemInput {
  id: number;
  number: number;
  isPullRequest: boolean;
  state: string;
  authorLogin: string | null;
  authorIsBot: boolean;
  authorAssociation: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: string | null;
  firstResponseAt: string | null;
  firstResponseLogin: string | null;
  checkRuns: number | null;
}

export interface TagInput {
  name: string;
  commitSha: string;
  taggedAt: string | null;
}

/**
 * Everything the signals read, prepared by the adapter from the store and the git mirror. Signals are pure
 * functions of this value, so they are tested with constructed inputs and never touch SQLite or git.
 */
export interface SignalInputs {
  /** Evaluation time, epoch ms. */
  now: number;
  githubUrl: string;
  repository: { owner: string; name: string; fullName: string; archived: boolean | null; licenseSpdx: string | null };
  /** The commit evaluated (tip of the default branch), null before the first fetch. */
  head: string | null;
  git:
    | { available: false; reason: Message }
    | {
        available: true;
        firstCommit: { sha: string; time: number } | null;
        /** Commits authored since `commitsSince` (epoch s), newest first. */
        commits: CommitInput[];
        commitsSince: number;
        /** Author email → epoch seconds of their first commit ever (authors of `commits` only). */
        firstSeen: ReadonlyMap<string, number>;
        tree: TreeEntry[];
        /** Path → facts, for the files that were read (documents, community files). */
        facts: ReadonlyMap<string, BlobFacts>;
        tags: TagInput[];
        /** Tag name → normative documents (head paths) present in that tag's tree. */
        specAtTags: ReadonlyMap<string, string[]>;
      };
  /** Who is who: GitHub profiles of commit authors, and administrator corrections. */
  people: {
    byEmail: ReadonlyMap<string, { login: string; company: string | null }>;
    overrides: readonly { match: string; organisation: string }[];
  };
  api:
    | { available: false; reason: Message }
    | {
        available: true;
        releases: {
          id: number;
          tagName: string;
          name: string | null;
          publishedAt: string | null;
          draft: boolean;
          prerelease: boolean;
        }[];
        /** Issues and pull requests created or updated in the longest window, and those still open. */
        items: ItemInput[];
        /** The most recently merged pull requests, newest first. */
        mergedPulls: ItemInput[];
        /** Pull request id → its reviews. */
        reviews: ReadonlyMap<number, { login: string | null; isBot: boolean; state: string }[]>;
      };
}

/** The parameters a model gives a signal (`params` in the YAML). */
export type SignalParams = Readonly<Record<string, number | string | boolean>>;

/** What a signal function found. The evaluator applies the model's threshold unless `status` is set. */
export interface SignalOutcome {
  value: number | string | boolean | null;
  /** Set when the function decides the status itself (unknown, not applicable, archived, licence rules). */
  status?: SignalStatus;
  reason?: Message | null;
  evidence: EvidenceJson[];
  window?: { days: number; since: string; until: string } | null;
}

/** One signal: a small pure function of prepared inputs. */
export interface SignalDefinitionCode {
  id: string;
  source: 'git' | 'api';
  /** The window in days when the model's `params.windowDays` does not set one (signals that count over time). */
  defaultWindowDays?: number;
  compute(inputs: SignalInputs, params: SignalParams): SignalOutcome;
}
