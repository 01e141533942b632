import { z } from 'zod';

// The parts of GitHub webhook payloads that processors read. Loose objects: GitHub adds fields all the time,
// and a payload with an unexpected shape is reported as ignored with the reason instead of crashing the worker.

const nullableString = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const nullableNumber = z
  .number()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const accountSchema = z.looseObject({ id: z.number(), login: z.string(), type: z.string().optional() });

export const repositorySchema = z.looseObject({
  id: z.number(),
  node_id: nullableString,
  name: z.string(),
  full_name: z.string(),
  owner: z.looseObject({ login: z.string() }),
  description: nullableString,
  homepage: nullableString,
  topics: z.array(z.string()).optional(),
  license: z.looseObject({ spdx_id: nullableString, name: nullableString }).nullable().optional(),
  default_branch: nullableString,
  visibility: nullableString,
  private: z.boolean().optional(),
  archived: z.boolean().optional(),
  fork: z.boolean().optional(),
  stargazers_count: nullableNumber,
  forks_count: nullableNumber,
  watchers_count: nullableNumber,
  open_issues_count: nullableNumber,
  language: nullableString,
  // GitHub sends these as ISO strings, and as epoch seconds in push payloads.
  created_at: z.union([z.string(), z.number()]).nullable().optional(),
  pushed_at: z.union([z.string(), z.number()]).nullable().optional(),
  updated_at: nullableString,
});
export type RepositoryPayload = z.infer<typeof repositorySchema>;

export const releaseSchema = z.looseObject({
  id: z.number(),
  tag_name: z.string(),
  name: nullableString,
  body: nullableString,
  draft: z.boolean().optional(),
  prerelease: z.boolean().optional(),
  author: accountSchema.nullable().optional(),
  assets: z.array(z.looseObject({ name: z.string() })).optional(),
  created_at: nullableString,
  published_at: nullableString,
});

export const issueSchema = z.looseObject({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  state: z.string(),
  user: accountSchema.nullable().optional(),
  author_association: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
  closed_at: nullableString,
  pull_request: z.unknown().optional(),
});

export const pullRequestSchema = issueSchema.extend({
  merged_at: nullableString,
  merged_by: accountSchema.nullable().optional(),
});
