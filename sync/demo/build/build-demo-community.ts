import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runGit as defaultRunGit, type RunGit } from '../../../kernel/git/run-git.ts';
import { buildDemoMetadata } from './build-demo-metadata.ts';
import type { DemoProject } from './demo-project.ts';
import { fastImportStream } from './fast-import-stream.ts';
import {
  defaultDemoContentDir,
  loadDemoCommunity,
  type LoadedDemoCommunity,
  type LoadedDemoProject,
} from './load-demo-community.ts';
import { replayHistory } from './replay-history.ts';

/** Options of {@link buildDemoCommunity}. */
export interface BuildDemoCommunityOptions {
  /** Git runner (default: the shared `runGit`). */
  runGit?: RunGit;
  /** Folder holding `community.yml`, `people.yml` and the project folders (default: `content/demo/`). */
  contentDir?: string;
}

// Only the stream decides the objects: no user or system config (templates, hooks, default branch) may leak in.
const isolatedGitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/**
 * Builds the offline demo community: for every project under `content/demo/`, a bare repository at
 * `${targetDir}/<owner>/<repo>.git` replayed with `git fast-import` (fixed names, emails and dates, so two
 * builds give identical SHAs), plus the API-like metadata consistent with it. An existing repository at that
 * path is replaced. No network is used.
 */
export async function buildDemoCommunity(
  targetDir: string,
  options: BuildDemoCommunityOptions = {},
): Promise<DemoProject[]> {
  const runGit = options.runGit ?? defaultRunGit;
  const loaded = await loadDemoCommunity(options.contentDir ?? defaultDemoContentDir);
  const root = resolve(targetDir);
  return Promise.all(loaded.projects.map((project) => buildProject(root, project, loaded, runGit)));
}

async function buildProject(
  root: string,
  project: LoadedDemoProject,
  loaded: LoadedDemoCommunity,
  runGit: RunGit,
): Promise<DemoProject> {
  const { history, files } = project;
  const domainNames = loaded.community.domains[history.domain];
  if (!domainNames) throw new Error(`${project.folder}: domain "${history.domain}" is not listed in community.yml`);
  const replayed = replayHistory(history, loaded.people, files);

  const gitDir = join(root, history.owner, `${history.repo}.git`);
  await rm(gitDir, { recursive: true, force: true });
  await mkdir(join(root, history.owner), { recursive: true });
  // An empty template dir keeps sample hooks and local excludes out of the demo repositories.
  const template = await mkdtemp(join(tmpdir(), 'magnolia-demo-template-'));
  try {
    await runGit(
      ['init', '--quiet', '--bare', `--template=${template}`, `--initial-branch=${history.defaultBranch}`, gitDir],
      { env: isolatedGitEnv },
    );
  } finally {
    await rm(template, { recursive: true, force: true });
  }
  await runGit(['fast-import', '--quiet'], { cwd: gitDir, input: fastImportStream(replayed), env: isolatedGitEnv });
  const refs = await runGit(['for-each-ref', '--format=%(refname)%09%(objectname)%09%(*objectname)'], {
    cwd: gitDir,
    env: isolatedGitEnv,
  });

  const branches: string[] = [];
  const tags: string[] = [];
  let headSha = '';
  for (const line of refs.stdout.toString('utf8').split('\n')) {
    const [name, sha] = line.split('\t');
    if (!name || !sha) continue;
    if (name.startsWith('refs/heads/')) {
      branches.push(name.slice('refs/heads/'.length));
      if (name === `refs/heads/${history.defaultBranch}`) headSha = sha;
    } else if (name.startsWith('refs/tags/')) {
      tags.push(name.slice('refs/tags/'.length));
    }
  }
  if (!headSha) throw new Error(`${project.folder}: default branch ${history.defaultBranch} was not created`);

  return {
    owner: history.owner,
    repo: history.repo,
    domain: history.domain,
    domainNames,
    intendedMaturity: history.intendedMaturity,
    gitDir,
    cloneUrl: pathToFileURL(gitDir).href,
    headSha,
    tags: tags.sort(),
    branches: branches.sort(),
    ...buildDemoMetadata(history, loaded.people, replayed, loaded.community.referenceDate),
  };
}
