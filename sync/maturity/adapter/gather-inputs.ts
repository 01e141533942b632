import { msg, storedMessage } from '../../../kernel/i18n/message.ts';
import type { RepositoryRow } from '../../../db/repositories/repository-queries.ts';
import type { Store } from '../../../db/store.ts';
import { publicGitMessage } from '../../../kernel/git/public-git-message.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import type { BlobFacts } from '../facts/blob-facts.ts';
import { isRelevantPath, normativeDocuments } from '../facts/normative-documents.ts';
import { loginFromNoreply } from '../facts/organisation-of.ts';
import { blobFactsKey, readBlobFacts } from '../facts/read-blob-facts.ts';
import type { TreeMemory } from '../git/tree-memory.ts';
import type { ItemInput, SignalInputs } from '../signals/signal-inputs.ts';
import type { ProcessItemRow } from '../../../db/maturity/maturity-input-queries.ts';
import { openMirrorReader, type MirrorReader } from './mirror-reader.ts';

const DAY_MS = 86_400_000;

export interface GatherDeps {
  store: Store;
  runGit: RunGit;
  githubUrl: string;
  /** In-process caches owned by the engine: parsed blob facts by key, `<commit>:<path>` existence. */
  memory?: GatherMemory;
  /**
   * Where to put the blob facts read now (key, JSON) instead of writing them to the store at once, so the caller
   * writes them in its own transaction (one durable commit per evaluation rather than two).
   */
  freshFacts?: [string, string][];
}

/**
 * What an engine remembers between evaluations: parsed blob facts, tag path existence and tree listings (all
 * content-addressed, so never stale).
 */
export interface GatherMemory extends TreeMemory {
  facts: Map<string, BlobFacts>;
  paths: Map<string, boolean>;
}

/**
 * Prepares a project's signal inputs from the store (indexed commits, refs, API metadata) and its git mirror
 * (the head tree, and the content of the documents and community files in it). Blob facts are cached by blob
 * id, so after a push only the blobs the push changed are read and parsed.
 */
export async function gatherInputs(
  deps: GatherDeps,
  row: RepositoryRow,
  now: number,
  historyDays: number,
): Promise<SignalInputs> {
  // Commits and issues are read as far back as the model's longest window.
  const since = Math.floor((now - historyDays * DAY_MS) / 1000);
  const base = {
    now,
    githubUrl: deps.githubUrl,
    repository: {
      owner: row.owner,
      name: row.name,
      fullName: row.full_name,
      archived: row.archived === null ? null : row.archived === 1,
      licenseSpdx: row.license_spdx,
    },
    head: row.head_sha,
  };

  // The tree listing is a git process: start it first and do the store's (synchronous) reads while it runs.
  const reader =
    row.head_sha && row.mirror_path
      ? openMirrorReader(deps.runGit, row.mirror_path, row.id, row.head_sha, deps.memory)
      : undefined;
  reader?.tree.catch(() => {});
  try {
    return await gatherWith(deps, row, since, base, reader);
  } finally {
    reader?.close();
  }
}

/** The store reads and the mirror reads of `gatherInputs`, while `reader`'s git process starts. */
async function gatherWith(
  deps: GatherDeps,
  row: RepositoryRow,
  since: number,
  base: Omit<SignalInputs, 'git' | 'people' | 'api'>,
  reader: MirrorReader | undefined,
): Promise<SignalInputs> {
  const { store } = deps;
  const q = store.maturity.inputs;
  const commitRows = q.commitsSince(row.id, since);
  const first = q.firstCommit(row.id);
  const firstSeen = q.authorsFirstSeen(row.id, since);
  const tags = store.gitRefs
    .list(row.id)
    .filter((r) => r.kind === 'tag' && r.commitSha !== null)
    .map((r) => ({ name: r.name.replace(/^refs\/tags\//, ''), commitSha: r.commitSha!, taggedAt: r.taggedAt }));
  const people = gatherPeople(q, commitRows);
  const api = gatherApi(store, row, since);
  const overrides = store.maturity.organisations.list();

  let git: SignalInputs['git'];
  if (!reader) {
    git = {
      available: false,
      reason: row.last_fetch_error
        ? msg('maturity.mirror.failed', { error: publicGitMessage(row.last_fetch_error) })
        : msg('maturity.mirror.not-fetched'),
    };
  } else {
    const tree = await reader.tree;
    const facts = await readFacts(
      store,
      reader,
      tree.filter((e) => isRelevantPath(e)),
      deps.memory,
      deps.freshFacts,
    );
    const specPaths = normativeDocuments(tree, facts)
      .slice(0, 3)
      .map((d) => d.path);
    const names = tags.flatMap((t) => specPaths.map((p) => `${t.commitSha}:${p}`));
    const paths = deps.memory?.paths ?? new Map<string, boolean>();
    const unknown = names.filter((n) => !paths.has(n));
    const found = unknown.length === 0 ? new Set<string>() : await reader.existing(unknown);
    for (const n of unknown) paths.set(n, found.has(n));
    const present = new Set(names.filter((n) => paths.get(n)));
    const specAtTags = new Map(tags.map((t) => [t.name, specPaths.filter((p) => present.has(`${t.commitSha}:${p}`))]));
    git = {
      available: true,
      firstCommit: first ? { sha: first.sha, time: first.author_time } : null,
      commits: commitRows.map((c) => ({
        sha: c.sha,
        authorName: c.author_name,
        authorEmail: c.author_email,
        time: c.author_time,
        signedOff: c.signed_off_by !== null,
        merge: c.parents.includes(' '),
      })),
      commitsSince: since,
      firstSeen: new Map(firstSeen.map((a) => [a.author_email.toLowerCase(), a.first_time])),
      tree,
      facts,
      tags,
      specAtTags,
    };
  }

  return { ...base, git, people: { byEmail: people, overrides }, api };
}

/** GitHub profiles (login, company) of the people who committed in the window, by email. */
function gatherPeople(
  q: Store['maturity']['inputs'],
  commitRows: { author_email: string }[],
): Map<string, { login: string; company: string | null }> {
  const emails = [...new Set(commitRows.map((c) => c.author_email.toLowerCase()))];
  const noreplyLogins = emails
    .map((e) => [e, loginFromNoreply(e)] as const)
    .filter((x): x is readonly [string, string] => x[1] !== null);
  const profiles = q.people(
    emails,
    noreplyLogins.map(([, l]) => l),
  );
  const byEmail = new Map<string, { login: string; company: string | null }>();
  for (const p of profiles) if (p.email) byEmail.set(p.email.toLowerCase(), { login: p.login, company: p.company });
  for (const [email, login] of noreplyLogins) {
    const p = profiles.find((x) => x.login.toLowerCase() === login.toLowerCase());
    if (p) byEmail.set(email, { login: p.login, company: p.company });
  }
  return byEmail;
}

/** The API-derived inputs, or why they are unknown. */
function gatherApi(store: Store, row: RepositoryRow, since: number): SignalInputs['api'] {
  const q = store.maturity.inputs;
  if (row.metadata_status !== 'ok') {
    return { available: false, reason: storedMessage(row.metadata_reason) ?? msg('maturity.metadata.not-fetched') };
  }
  const merged = q.recentMergedPulls(row.id, 30);
  const reviews = new Map<number, { login: string | null; isBot: boolean; state: string }[]>();
  for (const r of q.reviewsOf(merged.map((m) => m.id))) {
    const list = reviews.get(r.issue_id) ?? [];
    list.push({
      login: r.reviewer_login,
      isBot: r.reviewer_type === 'Bot' || /\[bot\]$/i.test(r.reviewer_login ?? ''),
      state: r.state,
    });
    reviews.set(r.issue_id, list);
  }
  return {
    available: true,
    releases: store.releases.listForRepository(row.id).map((r) => ({
      id: r.id,
      tagName: r.tag_name,
      name: r.name,
      publishedAt: r.published_at ?? r.created_at,
      draft: r.draft === 1,
      prerelease: r.prerelease === 1,
    })),
    items: q.processItems(row.id, new Date(since * 1000).toISOString()).map(toItem),
    mergedPulls: merged.map(toItem),
    reviews,
  };
}

/** Facts of the relevant files, from the cache where their blob was read before, else read and cached now. */
async function readFacts(
  store: Store,
  reader: MirrorReader,
  entries: { path: string; blob: string }[],
  memory: GatherMemory | undefined,
  deferred: [string, string][] | undefined,
): Promise<Map<string, BlobFacts>> {
  const keys = entries.map((e) => blobFactsKey(e.blob, e.path));
  if (memory && keys.every((k) => memory.facts.has(k))) {
    return new Map(entries.map((e, i) => [e.path, memory.facts.get(keys[i]!)!]));
  }
  const cached = store.maturity.blobFacts.getMany(keys.filter((k) => !memory?.facts.has(k)));
  const missing = entries.filter((_e, i) => !cached.has(keys[i]!) && !memory?.facts.has(keys[i]!));
  const fresh: [string, string][] = [];
  if (missing.length > 0) {
    const contents = await reader.readBlobs(missing.map((e) => e.blob));
    for (const e of missing) {
      const content = contents.get(e.blob);
      if (content === undefined) continue;
      const key = blobFactsKey(e.blob, e.path);
      const json = JSON.stringify(readBlobFacts(content, e.path));
      cached.set(key, json);
      fresh.push([key, json]);
    }
    if (deferred) for (const entry of fresh) deferred.push(entry);
    else store.maturity.blobFacts.putMany(fresh);
  }
  const facts = new Map<string, BlobFacts>();
  entries.forEach((e, i) => {
    const key = keys[i]!;
    const held = memory?.facts.get(key);
    if (held) {
      facts.set(e.path, held);
      return;
    }
    const json = cached.get(key);
    if (json === undefined) return;
    const parsed = JSON.parse(json) as BlobFacts;
    facts.set(e.path, parsed);
    memory?.facts.set(key, parsed);
  });
  return facts;
}

function toItem(r: ProcessItemRow): ItemInput {
  return {
    id: r.id,
    number: r.number,
    isPullRequest: r.is_pull_request === 1,
    state: r.state,
    authorLogin: r.author_login,
    authorIsBot: r.author_type === 'Bot' || /\[bot\]$/i.test(r.author_login ?? ''),
    authorAssociation: r.author_association,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    mergedAt: r.merged_at,
    mergedBy: r.merged_by_login,
    firstResponseAt: r.first_response_at,
    firstResponseLogin: r.first_response_login,
    checkRuns: r.check_runs_count,
  };
}
