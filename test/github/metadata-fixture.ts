import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/open-database.ts';
import { createStore, type Store } from '../../db/store.ts';
import type { DemoProject, DemoPullRequest, DemoIssue, DemoUserRef } from '../../sync/demo/build/demo-project.ts';

/** The API part of a demo project: what storeMetadata takes and the fake GitHub serves. */
export type DemoMetadata = Pick<
  DemoProject,
  'repository' | 'releases' | 'contributors' | 'users' | 'issues' | 'pullRequests'
>;

export const REPO_ID = 9001;
const ada: DemoUserRef = { login: 'ada', type: 'User' };
const bob: DemoUserRef = { login: 'bob', type: 'User' };
const carol: DemoUserRef = { login: 'carol', type: 'User' };
const bot: DemoUserRef = { login: 'helper[bot]', type: 'Bot' };

const t = (day: number, hour = 0): string => new Date(Date.UTC(2026, 5, day, hour)).toISOString().replace('.000Z', 'Z');

/**
 * A small hand-made project in the demo community's shapes: one issue answered by a bot and then a human, one
 * without comments, a merged pull request approved by a reviewer with CI, and a closed one without review or CI.
 * `extraIssues` adds plain issues (no comments) so listings span several pages.
 */
export function demoMetadata(
  options: { extraIssues?: number; releases?: number; contributors?: number } = {},
): DemoMetadata {
  const issues: DemoIssue[] = [
    issue(1, ada, t(1), t(3), [
      { id: 11, user: ada, author_association: 'OWNER', created_at: t(1, 1), body: 'more detail' },
      { id: 12, user: bot, author_association: 'NONE', created_at: t(1, 2), body: 'triaged' },
      { id: 13, user: bob, author_association: 'MEMBER', created_at: t(2), body: 'looking' },
    ]),
    issue(2, carol, t(2), t(2), []),
  ];
  for (let i = 0; i < (options.extraIssues ?? 0); i += 1) {
    issues.push(issue(100 + i, bob, t(4), new Date(Date.UTC(2026, 5, 4) + i * 60_000).toISOString(), []));
  }
  const pullRequests: DemoPullRequest[] = [
    pull(3, bob, t(5), t(7), {
      merged_at: t(7),
      merged_by: carol,
      comment_list: [],
      reviews: [
        { id: 301, user: carol, state: 'COMMENTED', submitted_at: t(5, 6) },
        { id: 302, user: carol, state: 'APPROVED', submitted_at: t(6) },
      ],
      check_runs: [
        { name: 'test', status: 'completed', conclusion: 'success', started_at: t(5, 1), completed_at: t(5, 2) },
        { name: 'lint', status: 'completed', conclusion: 'failure', started_at: t(5, 1), completed_at: t(5, 2) },
      ],
    }),
    pull(4, ada, t(6), t(8), {
      merged_at: null,
      merged_by: null,
      comment_list: [{ id: 41, user: bob, author_association: 'MEMBER', created_at: t(6, 5), body: 'not needed' }],
      reviews: [],
      check_runs: [],
    }),
  ];
  const releases = Array.from({ length: options.releases ?? 2 }, (_, i) => ({
    id: REPO_ID * 1000 + i,
    tag_name: `v1.${i}.0`,
    target_commitish: 'main',
    name: `1.${i}.0`,
    body: 'notes',
    draft: false,
    prerelease: false,
    created_at: t(1 + (i % 20)),
    published_at: t(1 + (i % 20)),
    author: ada,
    assets: [{ name: `widget-1.${i}.0.tar.gz` }],
  }));
  const contributors = [
    { login: 'ada', contributions: 40, type: 'User' as const },
    { login: 'bob', contributions: 25, type: 'User' as const },
    { login: 'helper[bot]', contributions: 9, type: 'Bot' as const },
    ...Array.from({ length: options.contributors ?? 0 }, (_, i) => ({
      login: `dev${i}`,
      contributions: 1,
      type: 'User' as const,
    })),
  ];
  return {
    repository: {
      id: REPO_ID,
      node_id: 'R_9001',
      name: 'widget',
      full_name: 'acme/widget',
      owner: { login: 'acme', id: 77, type: 'Organization' },
      description: 'Widgets, standardised',
      homepage: null,
      topics: ['widgets'],
      license: { key: 'apache-2.0', spdx_id: 'Apache-2.0', name: 'Apache License 2.0' },
      language: 'Go',
      default_branch: 'main',
      archived: false,
      fork: false,
      visibility: 'public',
      stargazers_count: 42,
      watchers_count: 42,
      subscribers_count: 5,
      forks_count: 7,
      open_issues_count: 0,
      created_at: t(1),
      pushed_at: t(8),
      updated_at: t(8),
    },
    releases,
    contributors,
    users: [
      { login: 'ada', type: 'User', name: 'Ada', company: '@acme', email: 'ada@acme.example' },
      { login: 'bob', type: 'User', name: 'Bob', company: 'Globex Corp.', email: null },
      { login: 'carol', type: 'User', name: null, company: null, email: null },
    ],
    issues,
    pullRequests,
  };
}

function issue(
  number: number,
  user: DemoUserRef,
  created: string,
  updated: string,
  comments: DemoIssue['comment_list'],
): DemoIssue {
  return {
    id: REPO_ID * 10_000 + number,
    number,
    title: `Issue ${number}`,
    user,
    author_association: 'MEMBER',
    labels: [],
    state: 'closed',
    state_reason: 'completed',
    comments: comments.length,
    created_at: created,
    updated_at: updated,
    closed_at: updated,
    comment_list: comments,
  };
}

function pull(
  number: number,
  user: DemoUserRef,
  created: string,
  updated: string,
  rest: Pick<DemoPullRequest, 'merged_at' | 'merged_by' | 'comment_list' | 'reviews' | 'check_runs'>,
): DemoPullRequest {
  return {
    id: REPO_ID * 10_000 + number,
    number,
    title: `Change ${number}`,
    user,
    author_association: 'MEMBER',
    labels: [],
    state: 'closed',
    draft: false,
    head: { ref: `topic-${number}` },
    base: { ref: 'main' },
    created_at: created,
    updated_at: updated,
    closed_at: updated,
    comments: rest.comment_list.length,
    ...rest,
  };
}

/** A real SQLite store in a temporary directory. */
export function tempStore(): { store: Store; close(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'magnolia-github-'));
  const db = openDatabase(path.join(dir, 'magnolia.sqlite'));
  return {
    store: createStore(db),
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registers `owner/name` as a member project with GitHub id `id`. */
export function registerMember(store: Store, id = REPO_ID, owner = 'acme', name = 'widget'): void {
  store.repositories.register({ id, owner, name, domain: null, cloneUrl: null, registeredAt: '2026-06-01T00:00:00Z' });
}
