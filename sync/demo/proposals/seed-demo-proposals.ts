import { readFileSync } from 'node:fs';
import { enqueueRepositoryJob } from '../../queue/enqueue-follow-ups.ts';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { JobRow } from '../../../db/jobs/job-queries.ts';
import { JOB } from '../../../db/jobs/job-kinds.ts';
import type { Store } from '../../../db/store.ts';
import { isoNow, type Clock } from '../../../kernel/clock.ts';
import type { Config } from '../../../kernel/config/read-config.ts';
import { runGit } from '../../../kernel/git/run-git.ts';
import type { Logger } from '../../../kernel/log/create-logger.ts';
import { DEMO_SEEDED } from '../../accounts/demo-accounts.ts';
import type { Services } from '../../create-services.ts';
import { revisionSubject } from '../../proposals/generate-revision.ts';
import { createNotificationsService } from '../../notifications/notifications-service.ts';
import { createBallotsService } from '../../review/ballots/ballots-service.ts';
import { createCommentsService } from '../../review/comments/comments-service.ts';
import {
  createProposalsService,
  type ProposalActor,
  type ProposalsService,
} from '../../proposals/proposals-service.ts';
import { demoProposalsSchema, type DemoStep } from './demo-proposals-schema.ts';

const FILE = fileURLToPath(new URL('../../../content/demo/proposals.yml', import.meta.url));
const SEEDED = 'demo_proposals_seeded_at';
const DAY_MS = 86_400_000;

export interface DemoProposalDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  config: Pick<Config, 'demoProposals' | 'githubUrl' | 'baseUrl'>;
}

/**
 * Carries the demo community's proposals (content/demo/proposals.yml) through the workflow once, as the demo people
 * would: each step goes through the proposals service on a clock set to the step's day, and each revision is
 * generated from the demo project's spec before the next step. Runs after the demo people exist; returns how
 * many proposals it made.
 */
export async function seedDemoProposals(
  deps: DemoProposalDeps,
  services: Pick<Services, 'accounts' | 'audit' | 'projects' | 'maturity' | 'drafts'>,
  file: string = FILE,
): Promise<number> {
  const { store, clock, log, config } = deps;
  if (!config.demoProposals || store.settings.get(DEMO_SEEDED) === undefined || store.settings.get(SEEDED)) return 0;
  const started = performance.now();
  const data = demoProposalsSchema.parse(parse(readFileSync(file, 'utf8')));
  const base = clock.now();
  let now = base;
  const scripted: Clock = { now: () => now };
  // The demo people's inboxes fill as the steps are taken, dated on the step's day; the demo sends no e-mail.
  let proposals: ProposalsService | undefined;
  const notifications = createNotificationsService({
    store,
    clock: scripted,
    log,
    audit: services.audit,
    workflow: () => proposals!.workflow().workflow,
    mail: undefined,
    baseUrl: () => config.baseUrl,
  });
  proposals = createProposalsService({
    store,
    clock: scripted,
    log,
    runGit,
    projects: services.projects,
    maturity: services.maturity,
    drafts: services.drafts,
    githubUrl: config.githubUrl,
    notify: (event) => void notifications.record(event),
  });
  const ballots = createBallotsService({ store, clock: scripted, proposals });
  const comments = createCommentsService({ store, clock: scripted, proposals });
  /** A comment's id from its number in the proposal (the demo file names comments by number). */
  const commentId = (number: string, seq: number): number => {
    const found = store.comments.list(number).find((c) => c.seq === seq);
    if (!found) throw new Error(`${number} has no comment ${seq} yet`);
    return found.id;
  };
  /** The clause with this number in the proposal's latest ready revision. */
  const clauseId = (number: string, clause: string): string => {
    const rev = store.revisions.latestReady(number)!.rev;
    const found = comments.headings(number, rev).find((h) => h.number === clause);
    if (!found) throw new Error(`revision ${rev} of ${number} has no clause ${clause}`);
    return found.id;
  };
  const actor = (login: string): ProposalActor => {
    const user = services.accounts.describe(services.accounts.user(login));
    return { login: user.login, roles: user.roles, maintainerOf: user.maintainerOf };
  };
  const at = (day: number) => {
    now = base + day * DAY_MS;
  };
  const generate = async (number: string, rev: number) => {
    await proposals.handlers[JOB.revision]!.run({ subject: revisionSubject(number, rev) } as JobRow);
  };
  const take = async (number: string, step: DemoStep) => {
    at(step.day);
    if ('revise' in step) {
      const revision = await proposals.revise(
        number,
        { ...(step.revise.ref ? { ref: step.revise.ref } : {}), reason: step.revise.reason },
        actor(step.revise.by),
      );
      await generate(number, revision.rev);
    } else if ('act' in step) {
      proposals.act(number, { action: step.act, comment: step.comment, decision: step.decision }, actor(step.by));
    } else if ('ballot' in step) {
      ballots.open(number, { voters: step.ballot.voters }, actor(step.ballot.by));
    } else if ('vote' in step) {
      ballots.cast(number, { position: step.vote.position, reason: step.vote.reason }, actor(step.vote.by));
    } else if ('closeBallot' in step) {
      ballots.close(number, actor(step.closeBallot.by));
    } else if ('comment' in step) {
      const c = step.comment;
      comments.add(
        number,
        c.replyTo !== undefined
          ? { parentId: commentId(number, c.replyTo), text: c.text }
          : {
              clauseId: clauseId(number, c.clause!),
              kind: c.kind ?? 'technical',
              text: c.text,
              proposedChange: c.proposedChange,
            },
        actor(c.by),
      );
    } else {
      const d = step.dispose;
      comments.dispose(
        number,
        commentId(number, d.comment),
        { disposition: d.disposition, reason: d.reason },
        actor(d.by),
      );
    }
  };

  let made = 0;
  for (const entry of data.proposals) {
    const { project, by, day, steps, ...request } = entry;
    let number = '';
    try {
      at(day);
      number = (await proposals.create({ project, ...request }, actor(by))).number;
      made += 1;
      for (const step of steps) await take(number, step);
    } catch (error) {
      // Demo data that the workflow refuses is a bug of the data: say which proposal and step, and go on.
      log.error({ project, proposal: number || null, err: error }, 'demo proposal could not be carried through');
    }
  }
  // The proposals' pages show what changed upstream under their revisions from the first visit on.
  const projects = new Set(store.proposals.list().map((p) => p.repository_id));
  for (const id of projects) enqueueRepositoryJob(store, clock, JOB.drift, id);
  store.settings.set(SEEDED, isoNow(clock));
  log.info({ proposals: made, ms: Math.round(performance.now() - started) }, 'demo proposals seeded');
  return made;
}
