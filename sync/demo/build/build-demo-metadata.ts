import type { DemoHistory, DemoPeople } from './demo-history-schema.ts';
import type { DemoContributor, DemoProject, DemoRelease, DemoRepository, DemoUser } from './demo-project.ts';
import { activityLogins, generateActivity, iso } from './generate-activity.ts';
import type { ReplayedHistory } from './replay-history.ts';

/** The API-like part of a demo project. */
export type DemoMetadata = Pick<
  DemoProject,
  'repository' | 'releases' | 'contributors' | 'users' | 'issues' | 'pullRequests'
>;

/**
 * Derives what the GitHub REST API would say about a demo project from its history, so that dates, releases
 * and contributors agree with the git repository; issues and pull requests come from the seeded generator.
 */
export function buildDemoMetadata(
  history: DemoHistory,
  people: DemoPeople,
  replayed: ReplayedHistory,
  referenceDate: string,
): DemoMetadata {
  const { commits, tags } = replayed;
  const time = (date: string): number => Date.parse(date);
  const first = commits[0]!;
  const createdAt = time(history.repository.createdAt ?? first.authorDate);
  const pushedAt = Math.max(...commits.map((c) => time(c.committerDate)), ...tags.map((t) => time(t.date)));
  const archivedAt = history.repository.archivedAt ? time(history.repository.archivedAt) : undefined;
  const activityEnd = time(history.activity.until ?? history.repository.archivedAt ?? referenceDate);

  // GitHub counts contributions per login over the default branch's history.
  const commitsByLogin = new Map<string, number>();
  const tip = replayed.branches.get(history.defaultBranch);
  const seen = new Set<number>();
  const stack = tip === undefined ? [] : [tip];
  while (stack.length > 0) {
    const index = stack.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    const commit = commits[index]!;
    stack.push(...commit.parents);
    const login = commit.author.login;
    if (login) commitsByLogin.set(login, (commitsByLogin.get(login) ?? 0) + 1);
  }
  const contributors: DemoContributor[] = [...commitsByLogin]
    .map(([login, contributions]) => ({ login, contributions, type: people[login]?.type ?? 'User' }))
    .sort((a, b) => b.contributions - a.contributions || (a.login < b.login ? -1 : 1));

  const activity = generateActivity({
    history,
    people,
    commitsByLogin,
    start: new Date(createdAt + 3 * 86_400_000),
    end: new Date(activityEnd),
  });

  const releases: DemoRelease[] = tags
    .map((tag, index) => ({ tag, index, spec: history.tags[index]!.release }))
    .filter((entry) => entry.spec !== undefined)
    .map(({ tag, index, spec }): DemoRelease => ({
      id: history.repository.id * 100 + index + 1,
      tag_name: tag.name,
      target_commitish: history.defaultBranch,
      name: spec!.name ?? tag.name,
      body: spec!.body.trim(),
      draft: false,
      prerelease: spec!.prerelease,
      created_at: iso(time(commits[tag.commit]!.committerDate)),
      published_at: iso(time(tag.date)),
      author: { login: tag.tagger.login ?? history.owner, type: 'User' },
      assets: spec!.assets.map((name) => ({ name })),
    }))
    .sort((a, b) => (a.published_at < b.published_at ? 1 : -1));

  const openCount = [...activity.issues, ...activity.pullRequests].filter((item) => item.state === 'open').length;
  const repository: DemoRepository = {
    id: history.repository.id,
    node_id: Buffer.from(`010:Repository${history.repository.id}`).toString('base64'),
    name: history.repo,
    full_name: `${history.owner}/${history.repo}`,
    owner: { login: history.owner, id: history.repository.ownerId, type: history.repository.ownerType },
    description: history.repository.description,
    homepage: history.repository.homepage,
    topics: history.repository.topics,
    license: history.repository.license,
    language: history.repository.language,
    default_branch: history.defaultBranch,
    archived: archivedAt !== undefined,
    fork: false,
    visibility: 'public',
    stargazers_count: history.repository.stars,
    watchers_count: history.repository.stars,
    subscribers_count: history.repository.subscribers,
    forks_count: history.repository.forks,
    open_issues_count: openCount,
    created_at: iso(createdAt),
    pushed_at: iso(pushedAt),
    updated_at: iso(Math.max(pushedAt, archivedAt ?? 0)),
  };

  const logins = new Set([
    ...commitsByLogin.keys(),
    ...activityLogins(activity),
    ...releases.map((r) => r.author.login),
  ]);
  const users: DemoUser[] = [...logins]
    .filter((login) => people[login] !== undefined)
    .sort()
    .map((login) => {
      const person = people[login]!;
      return {
        login,
        type: person.type,
        name: person.name,
        company: person.company,
        email: person.publicEmail ? person.email : null,
      };
    });

  return { repository, releases, contributors, users, ...activity };
}
