import type { ProposalRow } from '../../../db/proposals/proposal-queries.ts';
import { findProposal } from '../../proposals/find-proposal.ts';
import type { Store } from '../../../db/store.ts';
import { isoNow, type Clock } from '../../../kernel/clock.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { ProposalActor, ProposalsService } from '../../proposals/proposals-service.ts';
import { ballotJson, type BallotJson, type StoredResult } from './ballot-json.ts';
import { BALLOT_CLOSE, BALLOT_OPEN } from './ballot-actions.ts';
import { readBallot } from './ballot-facts.ts';
import { readClosesAt, readPosition, readVoters } from './ballot-request.ts';
import type { ProposalEventSink } from '../../notifications/proposal-event.ts';
import { JOB } from '../../../db/jobs/job-kinds.ts';
import type { JobHandler } from '../../queue/job-handler.ts';

/** A proposal's ballot section: whether a ballot may be opened in its stage, the panel to suggest, the ballot. */
export interface BallotState {
  number: string;
  stage: string;
  /** The stage is one a ballot decides (an action out of it is guarded by `ballot-passed`). */
  stageHoldsBallots: boolean;
  /** The latest ready revision (what a new ballot votes on), or null. */
  currentRev: number | null;
  /** Reviewers who are not drafters of this proposal, to prefill the panel. */
  suggestedVoters: string[];
  /** The default closing date of a ballot opened now. */
  defaultClosesAt: string;
  ballot: BallotJson | null;
  /** Clause numbers of the ballot's revision by clause ID (for the blocks' links). */
  clauseNumbers: Record<string, string>;
}

/** Ballots of the technical review (技术审查): open, take positions, close, and read. */
export interface BallotsService {
  current(number: string): BallotState;
  /** Opens a ballot on the latest ready revision (the secretariat, in a stage that holds ballots). */
  open(number: string, request: { voters?: unknown; closesAt?: unknown }, actor: ProposalActor): BallotJson;
  /** Takes or changes the asker's position on the open ballot (voters only). */
  cast(
    number: string,
    request: { position?: unknown; reason?: unknown; clauseIds?: unknown },
    actor: ProposalActor,
  ): BallotJson;
  /** Closes the open ballot and stores its result (the secretariat). */
  close(number: string, actor: ProposalActor): BallotJson;
  /** The queue's handler that closes a ballot on its closing date (its result stored, the history told). */
  handlers: Record<string, JobHandler>;
}

export interface BallotsDeps {
  store: Store;
  clock: Clock;
  proposals: Pick<ProposalsService, 'workflow'>;
  /** Tells the notifications of a ballot opened or closed (inside the transaction). */
  notify?: ProposalEventSink;
}

const MANAGERS = ['secretariat', 'admin'];
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The ballots service over one store; every write is one (immediate) transaction. */
export function createBallotsService(deps: BallotsDeps): BallotsService {
  const { store, clock } = deps;
  const rule = () => deps.proposals.workflow().workflow.settings.ballot;
  const find = (number: string): ProposalRow => findProposal(store, number);
  const ballotStages = () =>
    new Set(
      deps.proposals
        .workflow()
        .workflow.actions.filter((a) => a.guards.includes('ballot-passed'))
        .flatMap((a) => a.from),
    );
  const currentRev = (number: string) => store.revisions.latestReady(number)?.rev ?? null;
  const clauseNumbers = (number: string, rev: number): Record<string, string> => {
    const manifest = store.revisions.get(number, rev)?.manifest_json;
    if (!manifest) return {};
    const clauses = (JSON.parse(manifest) as { clauses?: { id: string; number?: string }[] }).clauses ?? [];
    return Object.fromEntries(clauses.map((c) => [c.id, c.number ?? '']));
  };
  /** People who drafted the proposal: its proposer, the project's maintainers, drafters named by login. */
  const isDrafter = (row: ProposalRow, login: string, userId: number): boolean =>
    same(row.created_by, login) ||
    store.maintainers.get(userId, row.repository_id) !== undefined ||
    store.collaborators
      .list(row.repository_id)
      .some(
        (c) => c.removed_at === null && ['admin', 'maintain'].includes(c.permission ?? '') && same(c.login, login),
      ) ||
    (JSON.parse(row.drafters) as string[]).some((d) => same(d.trim().replace(/^@/, ''), login));
  const mustManage = (actor: ProposalActor, what: string) => {
    if (!actor.roles.some((r) => MANAGERS.includes(r)))
      throw new DomainError('forbidden', 'ballot_secretariat_only', `only the secretariat ${what}`, { what });
  };
  const json = (number: string) => readBallot(store, number, rule(), clock.now())!;
  /** The open ballot (one whose closing date passed is closed first, on time); else refused. */
  const openBallot = (row: ProposalRow) => {
    const ballot = store.ballots.latest(row.number);
    if (!ballot)
      throw new DomainError('not-found', 'ballot_not_found', `no ballot has been opened on ${row.number}`, {
        number: row.number,
      });
    return ballot;
  };
  /**
   * Closes a ballot with its result (the tally at `at`), records the close in the proposal's history (`by` null: it
   * ran out of time and closed on its closing date) and tells the secretariat, the drafters and the voters.
   */
  const settle = (id: number, by: string | null, at: string) => {
    const row = store.ballots.get(id)!;
    const shown = ballotJson(row, store.ballots.positions(id), rule(), Date.parse(at));
    const result: StoredResult = { rule: shown.rule, tally: shown.tally };
    store.ballots.close(id, by, at, JSON.stringify(result));
    const proposal = find(row.number);
    store.proposals.appendHistory({
      number: row.number,
      at,
      actor: by ?? 'magnolia',
      action: BALLOT_CLOSE,
      from_stage: proposal.stage,
      to_stage: proposal.stage,
      rev: row.rev,
      comment: shown.tally.passed ? 'passed' : 'not-passed',
      decision: `ballot ${row.seq}`,
    });
    deps.notify?.({
      kind: 'ballot-close',
      number: row.number,
      actor: by,
      seq: row.seq,
      rev: row.rev,
      voters: shown.voters,
      passed: shown.tally.passed,
    });
  };

  return {
    current(number) {
      const row = find(number);
      const ballot = readBallot(store, row.number, rule(), clock.now());
      const reviewers = new Set(
        store.roleGrants
          .allActive()
          .filter((g) => g.role === 'reviewer')
          .map((g) => g.user_id),
      );
      return {
        number: row.number,
        stage: row.stage,
        stageHoldsBallots: ballotStages().has(row.stage),
        currentRev: currentRev(row.number),
        suggestedVoters: [...reviewers]
          .map((id) => store.users.findById(id))
          .filter((u) => u !== undefined && !isDrafter(row, u.login, u.id))
          .map((u) => u!.login)
          .sort(),
        defaultClosesAt: new Date(clock.now() + rule().closeDays * 86_400_000).toISOString(),
        ballot,
        clauseNumbers: ballot ? clauseNumbers(row.number, ballot.rev) : {},
      };
    },

    open(number, request, actor) {
      mustManage(actor, 'opens a ballot');
      const voters = readVoters(request.voters);
      const now = clock.now();
      const closesAt = readClosesAt(request.closesAt, now, rule().closeDays);
      return store.transaction(() => {
        const row = find(number);
        if (!ballotStages().has(row.stage))
          throw new DomainError(
            'conflict',
            'ballot_not_now',
            `${row.number} is in stage ${row.stage}; a ballot is held in: ${[...ballotStages()].join(', ')}`,
            { stage: row.stage },
          );
        const rev = currentRev(row.number);
        if (rev === null)
          throw new DomainError('conflict', 'ballot_no_revision', `${row.number} has no generated revision to vote on`);
        const latest = store.ballots.latest(row.number);
        if (latest?.status === 'open') {
          if (Date.parse(latest.closes_at) > now)
            throw new DomainError(
              'conflict',
              'ballot_already_open',
              `ballot ${latest.seq} of ${row.number} is open until ${latest.closes_at.slice(0, 10)}: close it first`,
              { seq: latest.seq, closesAt: latest.closes_at.slice(0, 10) },
            );
          settle(latest.id, null, latest.closes_at);
        }
        const unknown: string[] = [];
        const drafters: string[] = [];
        const panel: string[] = [];
        for (const login of voters) {
          const user = store.users.findByLogin(login);
          if (!user) unknown.push(login);
          else if (isDrafter(row, user.login, user.id)) drafters.push(user.login);
          else panel.push(user.login);
        }
        if (unknown.length > 0)
          throw new DomainError(
            'invalid',
            'ballot_unknown_voters',
            `nobody on the portal has the login ${unknown.join(', ')}: voters sign in once before they are invited`,
            { logins: unknown.join(', ') },
          );
        if (drafters.length > 0)
          throw new DomainError(
            'invalid',
            'ballot_drafters_may_not_vote',
            `${drafters.join(', ')} drafted ${row.number} (proposer, maintainer of the project or drafter) and may not vote: take them off the panel`,
            { logins: drafters.join(', ') },
          );
        if (panel.length < rule().minVoters)
          throw new DomainError(
            'invalid',
            'ballot_too_few_voters',
            `the panel has ${panel.length} voters; the workflow needs at least ${rule().minVoters} to take part: invite more`,
            { count: panel.length, needed: rule().minVoters },
          );
        const openedAt = new Date(now).toISOString();
        store.ballots.open({
          number: row.number,
          rev,
          opened_by: actor.login,
          opened_at: openedAt,
          closes_at: closesAt,
          voters: JSON.stringify(panel),
        });
        const opened = store.ballots.latest(row.number)!;
        const seq = opened.seq;
        // Closed on its closing date by the queue when nobody closes it before: the result is stored then.
        store.jobs.enqueue({
          kind: JOB.ballotClose,
          subject: String(opened.id),
          queueKey: `ballot:${row.number}`,
          runAt: Date.parse(closesAt),
        });
        store.proposals.appendHistory({
          number: row.number,
          at: openedAt,
          actor: actor.login,
          action: BALLOT_OPEN,
          from_stage: row.stage,
          to_stage: row.stage,
          rev,
          comment: '',
          decision: `ballot ${seq}`,
        });
        deps.notify?.({
          kind: 'ballot-open',
          number: row.number,
          actor: actor.login,
          seq,
          rev,
          voters: panel,
          closesAt,
        });
        return json(row.number);
      });
    },

    cast(number, request, actor) {
      const given = readPosition(request);
      return store.transaction(() => {
        const row = find(number);
        const ballot = openBallot(row);
        const shown = ballotJson(ballot, [], rule(), clock.now());
        if (shown.status === 'closed')
          throw new DomainError('conflict', 'ballot_closed', `ballot ${ballot.seq} of ${row.number} is closed`, {
            seq: ballot.seq,
          });
        const voter = shown.voters.find((v) => same(v, actor.login));
        if (voter === undefined)
          throw new DomainError(
            'forbidden',
            'ballot_not_a_voter',
            `${actor.login} is not on the panel of ballot ${ballot.seq} of ${row.number}: only its voters take positions`,
            { login: actor.login },
          );
        if (given.position === 'block' && given.reason === '')
          throw new DomainError(
            'invalid',
            'ballot_block_needs_reason',
            'a block needs its reason: say what must change',
          );
        if (given.position === 'block' && given.clauseIds.length === 0)
          throw new DomainError(
            'invalid',
            'ballot_block_needs_clauses',
            `a block names the clauses it is about: give at least one clause ID of revision ${shown.revLabel}`,
            { rev: shown.revLabel },
          );
        const known = clauseNumbers(row.number, ballot.rev);
        const strangers = given.clauseIds.filter((id) => !Object.hasOwn(known, id));
        if (strangers.length > 0)
          throw new DomainError(
            'invalid',
            'ballot_unknown_clauses',
            `revision ${shown.revLabel} has no clause ${strangers.join(', ')}: use the clause IDs of its manifest`,
            { ids: strangers.join(', '), rev: shown.revLabel },
          );
        store.ballots.addPosition({
          ballot_id: ballot.id,
          voter,
          position: given.position,
          reason: given.reason,
          clause_ids: JSON.stringify(given.clauseIds),
          at: isoNow(clock),
        });
        return json(row.number);
      });
    },

    close(number, actor) {
      mustManage(actor, 'closes a ballot');
      return store.transaction(() => {
        const row = find(number);
        const ballot = openBallot(row);
        if (ballot.status === 'closed')
          throw new DomainError('conflict', 'ballot_closed', `ballot ${ballot.seq} of ${row.number} is closed`, {
            seq: ballot.seq,
          });
        const at = Math.min(clock.now(), Date.parse(ballot.closes_at));
        settle(ballot.id, actor.login, new Date(at).toISOString());
        return json(row.number);
      });
    },

    handlers: {
      [JOB.ballotClose]: {
        run(job) {
          store.transaction(() => {
            const ballot = store.ballots.get(Number(job.subject));
            // Closed by the secretariat meanwhile, or its date moved: nothing to do (the job is idempotent).
            if (!ballot || ballot.status !== 'open' || Date.parse(ballot.closes_at) > clock.now()) return;
            settle(ballot.id, null, ballot.closes_at);
          });
        },
      },
    },
  };
}
