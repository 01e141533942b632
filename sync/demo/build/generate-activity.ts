import type { DemoHistory, DemoPeople } from './demo-history-schema.ts';
import type {
  DemoAuthorAssociation,
  DemoCheckRun,
  DemoComment,
  DemoIssue,
  DemoPullRequest,
  DemoReview,
  DemoUserRef,
} from './demo-project.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

/** What the activity generator needs besides the project's `activity` settings. */
export interface ActivityInput {
  history: DemoHistory;
  people: DemoPeople;
  /** Commits per login on the default branch; authors send pull requests in proportion. */
  commitsByLogin: ReadonlyMap<string, number>;
  /** Activity happens in [start, end). */
  start: Date;
  end: Date;
}

const hour = 3_600_000;
const dependabot = 'dependabot[bot]';
const ciBot = 'codecov[bot]';

const issueTitles = [
  'Clarify {topic} in the documentation',
  '{Topic}: unexpected error with an empty input',
  'Question: how does {topic} interact with retries?',
  'Proposal: extend {topic}',
  'Typo in the section on {topic}',
  'Flaky test around {topic}',
  '{Topic} behaves differently from what the spec says',
  'Support {topic} on arm64',
  'Add an example for {topic}',
  'Performance regression in {topic}',
];
const pullTitles = [
  'Fix edge case in {topic}',
  'docs: explain {topic}',
  'Add tests for {topic}',
  'feat: support {topic}',
  'refactor: simplify {topic}',
  'Handle timeouts in {topic}',
  'ci: run the {topic} checks on every pull request',
];
const bumps = [
  ['actions/checkout', '4.1.7', '4.2.2'],
  ['actions/setup-go', '5.0.2', '5.1.0'],
  ['golang.org/x/net', '0.26.0', '0.33.0'],
  ['github.com/stretchr/testify', '1.9.0', '1.10.0'],
  ['gopkg.in/yaml.v3', '3.0.0', '3.0.1'],
  ['org.junit.jupiter:junit-jupiter', '5.10.2', '5.11.3'],
] as const;
const responses = [
  'Thanks for the report. I can reproduce it and will take a look.',
  'Good catch. Would you like to send a pull request?',
  'Thanks! Could you share the version and a minimal example?',
  'This is expected per the current spec, but the docs should say so. Labelling as documentation.',
  'Looks good overall, a couple of small comments inline.',
  'We discussed this in the community meeting; notes are linked in the meeting doc.',
];

/**
 * Generates issues and pull requests for one project from its `activity` settings with a seeded PRNG, so the
 * maturity signals (response times, closure ratio, review coverage, CI, bots) get realistic, varied input.
 * Issues and pull requests share one number sequence in creation order, as on GitHub.
 */
export function generateActivity(input: ActivityInput): { issues: DemoIssue[]; pullRequests: DemoPullRequest[] } {
  const { history, people, commitsByLogin, start, end } = input;
  const settings = history.activity;
  const random = createSeededRandom(settings.seed);
  const maintainers = settings.maintainers;
  const authors = [...commitsByLogin].filter(([login]) => people[login]?.type !== 'Bot');
  const community = settings.community.length > 0 ? settings.community : maintainers;
  const repoId = history.repository.id;
  let commentId = 0;
  let reviewId = 0;

  const ref = (login: string): DemoUserRef => ({ login, type: people[login]?.type === 'Bot' ? 'Bot' : 'User' });
  const association = (login: string, isPull: boolean): DemoAuthorAssociation => {
    if (maintainers.includes(login)) return 'MEMBER';
    if (commitsByLogin.has(login) && people[login]?.type !== 'Bot') return 'CONTRIBUTOR';
    return isPull ? 'FIRST_TIME_CONTRIBUTOR' : 'NONE';
  };
  const comment = (login: string, at: number, body: string): DemoComment => ({
    id: repoId * 100_000 + ++commentId,
    user: ref(login),
    author_association: association(login, false),
    created_at: iso(at),
    body,
  });
  const someoneElse = (author: string): string | undefined => {
    const others = maintainers.filter((login) => login !== author);
    return others.length > 0 ? random.pick(others) : undefined;
  };
  const title = (templates: readonly string[]): string => {
    const topic = random.pick(settings.topics);
    return random
      .pick(templates)
      .replace('{topic}', topic)
      .replace('{Topic}', topic[0]!.toUpperCase() + topic.slice(1));
  };

  const kinds = shuffle(random, [
    ...Array<'issue'>(settings.issues).fill('issue'),
    ...Array<'pull'>(settings.pullRequests).fill('pull'),
  ]);
  const span = end.getTime() - start.getTime();
  const times = kinds.map(() => start.getTime() + Math.floor(random.next() * span)).sort((a, b) => a - b);

  const issues: DemoIssue[] = [];
  const pullRequests: DemoPullRequest[] = [];
  kinds.forEach((kind, position) => {
    const number = position + 1;
    const created = roundToSecond(times[position]!);
    const isBot = kind === 'pull' && random.chance(settings.botShare);
    const author = isBot
      ? dependabot
      : kind === 'pull' && authors.length > 0 && random.chance(0.75)
        ? random.weighted(authors)
        : random.pick(community);

    // First response: a person other than the author, unless the item is left unanswered or the answer
    // would fall after the end of the window.
    const comments: DemoComment[] = [];
    const withCi = kind === 'pull' && random.chance(settings.ciShare);
    const botAt = created + random.int(3, 12) * 60_000;
    if (withCi && random.chance(0.4) && botAt < end.getTime())
      comments.push(comment(ciBot, botAt, 'Coverage report: no change in coverage.'));
    let lastEvent = created;
    const responder = random.chance(settings.unansweredShare) ? undefined : someoneElse(author);
    if (responder) {
      const { median, p90 } = settings.firstResponseHours;
      const at = roundToSecond(created + Math.max(0.05, random.logNormal(median, p90)) * hour);
      if (at < end.getTime()) {
        comments.push(comment(responder, at, random.pick(responses)));
        lastEvent = at;
        if (!isBot && random.chance(0.5)) {
          const reply = at + random.int(1, 30) * hour;
          if (reply < end.getTime()) {
            comments.push(comment(author, reply, 'Thanks, updated.'));
            lastEvent = reply;
          }
        }
      }
    }
    const answered = comments.some((c) => c.user.login !== author && c.user.type === 'User');
    const closeAt = roundToSecond(
      lastEvent + random.logNormal(kind === 'pull' ? 30 : 72, kind === 'pull' ? 240 : 900) * hour,
    );
    const closed = random.chance(settings.closedShare) && (answered || random.chance(0.3)) && closeAt < end.getTime();
    const labels: { name: string }[] = [];

    if (kind === 'issue') {
      labels.push({ name: random.pick(['bug', 'enhancement', 'question', 'documentation']) });
      const notPlanned = closed && random.chance(0.15);
      issues.push({
        id: repoId * 1000 + number,
        number,
        title: title(issueTitles),
        user: ref(author),
        author_association: association(author, false),
        labels,
        state: closed ? 'closed' : 'open',
        state_reason: closed ? (notPlanned ? 'not_planned' : 'completed') : null,
        comments: comments.length,
        created_at: iso(created),
        updated_at: iso(closed ? closeAt : lastEvent),
        closed_at: closed ? iso(closeAt) : null,
        comment_list: comments,
      });
      return;
    }

    const merged = closed && random.chance(isBot ? 0.9 : settings.mergedShare);
    const reviews: DemoReview[] = [];
    let mergedBy: string | null = null;
    if (merged) {
      const approver = random.chance(settings.approvedShare) ? someoneElse(author) : undefined;
      if (approver) {
        reviews.push({
          id: repoId * 100_000 + 50_000 + ++reviewId,
          user: ref(approver),
          state: 'APPROVED',
          submitted_at: iso(closeAt - random.int(5, 120) * 60_000),
        });
        mergedBy = random.chance(0.8) ? approver : (someoneElse(author) ?? approver);
      } else {
        // Unreviewed merges: a maintainer merging their own work, the weak spot review coverage looks for.
        mergedBy = maintainers.includes(author) ? author : random.pick(maintainers);
      }
    } else if (responder && random.chance(0.3)) {
      reviews.push({
        id: repoId * 100_000 + 50_000 + ++reviewId,
        user: ref(responder),
        state: random.chance(0.5) ? 'COMMENTED' : 'CHANGES_REQUESTED',
        submitted_at: iso(lastEvent),
      });
    }
    const checkRuns: DemoCheckRun[] = withCi
      ? ['build', 'test'].map((name, i) => ({
          name,
          status: 'completed' as const,
          conclusion: random.chance(0.9) ? ('success' as const) : ('failure' as const),
          started_at: iso(created + (30 + i * 10) * 1000),
          completed_at: iso(created + random.int(2, 14) * 60_000),
        }))
      : [];
    let prTitle: string;
    if (isBot) {
      const [dep, from, to] = random.pick(bumps);
      prTitle = `Bump ${dep} from ${from} to ${to}`;
      labels.push({ name: 'dependencies' });
    } else {
      prTitle = title(pullTitles);
    }
    pullRequests.push({
      id: repoId * 1000 + number,
      number,
      title: prTitle,
      user: ref(author),
      author_association: association(author, true),
      labels,
      state: closed ? 'closed' : 'open',
      draft: !closed && random.chance(0.2),
      head: { ref: isBot ? `dependabot/${number}` : `${author}/change-${number}` },
      base: { ref: history.defaultBranch },
      created_at: iso(created),
      updated_at: iso(closed ? closeAt : lastEvent),
      closed_at: closed ? iso(closeAt) : null,
      merged_at: merged ? iso(closeAt) : null,
      merged_by: mergedBy ? ref(mergedBy) : null,
      comments: comments.length,
      comment_list: comments,
      reviews,
      check_runs: checkRuns,
    });
  });
  return { issues, pullRequests };
}

/** Logins that appear in generated activity (for the users list). */
export function activityLogins(activity: { issues: DemoIssue[]; pullRequests: DemoPullRequest[] }): Set<string> {
  const logins = new Set<string>();
  for (const item of [...activity.issues, ...activity.pullRequests]) {
    logins.add(item.user.login);
    for (const c of item.comment_list) logins.add(c.user.login);
  }
  for (const pull of activity.pullRequests) {
    for (const review of pull.reviews) logins.add(review.user.login);
    if (pull.merged_by) logins.add(pull.merged_by.login);
  }
  return logins;
}

function shuffle<T>(random: SeededRandom, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function roundToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** GitHub's timestamp format: UTC, whole seconds, `Z`. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
