import { z } from 'zod';

/** An ISO 8601 date-time with an explicit offset (`2024-03-02T10:15:00+08:00`), so history never depends on TZ. */
const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/,
    'use an ISO date with an offset, e.g. 2024-03-02T10:15:00+08:00',
  );

/**
 * One file operation of a commit. `write` copies a file from the project's `files/` folder (optionally from
 * another name there, so a later version can live beside the first); the others edit the current content.
 */
const changeSchema = z.union([
  z.strictObject({ write: z.string() }),
  z.strictObject({ write: z.string(), from: z.string() }),
  z.strictObject({ append: z.string(), lines: z.array(z.string()).min(1) }),
  z.strictObject({ replace: z.string(), old: z.string().min(1), new: z.string() }),
  z.strictObject({ rename: z.string(), to: z.string() }),
  z.strictObject({ delete: z.string() }),
]);

/** One commit of a demo history, replayed in file order. */
const commitSchema = z.strictObject({
  /** A label other entries (tags, branches) refer to. */
  label: z.string().optional(),
  /** Key in `people.yml`. */
  author: z.string(),
  /** Commit under another address of the same person (what `.mailmap` merges). */
  email: z.string().optional(),
  date: isoDate,
  /** Who committed it when it differs from the author (`github` is GitHub's web-flow committer). */
  committer: z.string().optional(),
  committerDate: isoDate.optional(),
  message: z.string().min(1),
  /** Extra trailers, e.g. `Co-authored-by: ...`. */
  trailers: z.array(z.string()).optional(),
  /** Add `Signed-off-by:` for the author (the project-wide `dco` setting does this for every commit). */
  signoff: z.boolean().optional(),
  /** Branch the commit goes on (default: the default branch); a new branch starts at the default branch's tip. */
  branch: z.string().optional(),
  /** Merge this branch into the commit's branch (a two-parent commit taking the branch's changes). */
  merge: z.string().optional(),
  changes: z.array(changeSchema).default([]),
});

const releaseSchema = z.strictObject({
  name: z.string().optional(),
  body: z.string().default(''),
  prerelease: z.boolean().default(false),
  assets: z.array(z.string()).default([]),
});

const tagSchema = z.strictObject({
  name: z.string(),
  /** Label of the tagged commit. */
  at: z.string(),
  /** Annotated tags carry a tagger and a message; lightweight tags are just a ref. */
  annotated: z.boolean().default(true),
  tagger: z.string().optional(),
  date: isoDate.optional(),
  message: z.string().optional(),
  /** Present when the tag was published as a GitHub release. */
  release: releaseSchema.optional(),
});

const activitySchema = z.strictObject({
  seed: z.number().int(),
  issues: z.number().int().min(0),
  pullRequests: z.number().int().min(0),
  /** Logins who triage, review and merge. */
  maintainers: z.array(z.string()).min(1),
  /** Logins (from people.yml) who only file issues or send the odd pull request. */
  community: z.array(z.string()).default([]),
  /** Hours until the first response by someone other than the author (log-normal). */
  firstResponseHours: z.strictObject({ median: z.number().positive(), p90: z.number().positive() }),
  /** Share of issues and pull requests nobody answers. */
  unansweredShare: z.number().min(0).max(1),
  closedShare: z.number().min(0).max(1),
  /** Of closed pull requests, the share that were merged. */
  mergedShare: z.number().min(0).max(1),
  /** Of merged pull requests, the share with an approving review. */
  approvedShare: z.number().min(0).max(1),
  ciShare: z.number().min(0).max(1),
  /** Share of pull requests opened by dependabot[bot]. */
  botShare: z.number().min(0).max(1).default(0),
  /** Nouns used to make issue and pull-request titles specific to the project. */
  topics: z.array(z.string()).min(1),
  /** End of activity (default: the community's reference date, or the archive date). */
  until: isoDate.optional(),
});

/** `content/demo/<project>/history.yml`. */
export const demoHistorySchema = z.strictObject({
  owner: z.string(),
  repo: z.string(),
  domain: z.string(),
  intendedMaturity: z.enum(['mature', 'incubating', 'sandbox', 'archived']),
  defaultBranch: z.string().default('main'),
  /** Add `Signed-off-by` (DCO) to every commit. */
  dco: z.boolean().default(false),
  repository: z.strictObject({
    id: z.number().int(),
    ownerId: z.number().int(),
    ownerType: z.enum(['Organization', 'User']).default('Organization'),
    description: z.string(),
    homepage: z.string().nullable().default(null),
    topics: z.array(z.string()).default([]),
    license: z.strictObject({ key: z.string(), spdx_id: z.string(), name: z.string() }).nullable(),
    /** GitHub's primary language, as `GET /repos/{owner}/{repo}` reports it. */
    language: z.string().nullable().default(null),
    stars: z.number().int().min(0),
    forks: z.number().int().min(0),
    subscribers: z.number().int().min(0),
    createdAt: isoDate.optional(),
    archivedAt: isoDate.optional(),
  }),
  commits: z.array(commitSchema).min(1),
  tags: z.array(tagSchema).default([]),
  /** Extra branches pointing at labelled commits. */
  branches: z.array(z.strictObject({ name: z.string(), at: z.string() })).default([]),
  activity: activitySchema,
});

/** A parsed `history.yml`. */
export type DemoHistory = z.infer<typeof demoHistorySchema>;
/** One commit entry of a history. */
export type DemoHistoryCommit = DemoHistory['commits'][number];
/** One file operation of a commit. */
export type DemoChange = DemoHistoryCommit['changes'][number];

/** `content/demo/people.yml`: everyone who appears in any demo project, keyed by GitHub login. */
export const demoPeopleSchema = z.record(
  z.string(),
  z.strictObject({
    name: z.string(),
    email: z.string(),
    company: z.string().nullable().default(null),
    type: z.enum(['User', 'Bot']).default('User'),
    /** Show the email on the public profile (many people hide it). */
    publicEmail: z.boolean().default(true),
  }),
);

/** A parsed `people.yml`. */
export type DemoPeople = z.infer<typeof demoPeopleSchema>;

/** `content/demo/community.yml`: the reference date, the domains and the projects in order. */
export const demoCommunitySchema = z.strictObject({
  referenceDate: isoDate,
  domains: z.record(z.string(), z.strictObject({ zh: z.string(), en: z.string() })),
  projects: z.array(z.string()).min(1),
});

/** A parsed `community.yml`. */
export type DemoCommunity = z.infer<typeof demoCommunitySchema>;
