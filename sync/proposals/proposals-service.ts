import { createHash } from 'node:crypto';
import { findProposal } from './find-proposal.ts';
import { stringify as toYaml } from 'yaml';
import type { ProposalRow } from '../../db/proposals/proposal-queries.ts';
import type { Store } from '../../db/store.ts';
import { renderMessage } from '../../content/i18n/render-message.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import type { MaturityService } from '../maturity/maturity-service.ts';
import type { ProjectsService } from '../projects/projects-service.ts';
import { JOB } from '../../db/jobs/job-kinds.ts';
import type { RevisionRow, RevisionSummary } from '../../db/proposals/revision-queries.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import type { DraftsService } from '../drafts/drafts-service.ts';
import type { JobHandler } from '../queue/job-handler.ts';
import { createRevisionJobHandler, revisionSubject } from './generate-revision.ts';
import { gatherFacts } from './gather-facts.ts';
import { GuardFailedError } from './guard-failed-error.ts';
import { pinSources } from './pin-sources.ts';
import { listSourceCandidates, type SourceCandidates } from './list-source-candidates.ts';
import {
  proposalJson,
  proposalSummaryJson,
  revisionJson,
  type ProposalJson,
  type ProposalSummaryJson,
  type RevisionJson,
} from './proposal-json.ts';
import { readProposalRequest } from './proposal-request.ts';
import { availableActions } from './workflow/available-actions.ts';
import { decideAction, mayTake, missingFor, type DecisionInput } from './workflow/decide-action.ts';
import { loadWorkflow } from './workflow/load-workflow.ts';
import { renderWorkflowMarkdown } from './workflow/render-workflow-markdown.ts';
import type { Lang } from '../../kernel/i18n/languages.ts';
import { parseWorkflow, type LoadedWorkflow } from './workflow/parse-workflow.ts';
import { parseSources } from '../../content/draft/parse-sources.ts';
import type { ProposalFacts, WorkflowActor } from './workflow/proposal-facts.ts';
import type { ProposalEventSink } from '../notifications/proposal-event.ts';
import { ballotFacts, readBallot } from '../review/ballots/ballot-facts.ts';

/** Who asks: their login, their portal roles, and the projects they maintain (`owner/repo`). */
export interface ProposalActor {
  login: string;
  roles: readonly string[];
  maintainerOf: readonly string[];
}

export interface ProposalFilter {
  stage?: string;
  project?: string;
  /** The project's domain id. */
  domain?: string;
  /** Only proposals waiting for this person. */
  holder?: ProposalActor;
}

/** The proposal workflow, for routes, pages and the CLI. */
export interface ProposalsService {
  /** The workflow in force (installed or shipped). */
  workflow(): LoadedWorkflow;
  /** The workflow in force as a Markdown page in the reader's language. */
  workflowMarkdown(lang: Lang): string;
  /** Installs another workflow file (validated first); proposals keep their stage ids. */
  installWorkflow(source: string, by: string): { digest: string };
  create(body: unknown, actor: ProposalActor): Promise<ProposalJson>;
  list(filter?: ProposalFilter): ProposalSummaryJson[];
  get(number: string, actor: ProposalActor | null): ProposalJson;
  /** Takes an action; refused actions throw (forbidden, guard_failed with every missing item, or not available). */
  act(
    number: string,
    request: { action: string; comment?: string; decision?: string },
    actor: ProposalActor,
  ): ProposalJson;
  count(): number;
  /** The Markdown files of a project's mirror at `ref` that a proposal may take as sources. */
  sourceCandidates(project: string, ref?: string): Promise<SourceCandidates>;
  /**
   * Asks for a new revision from the sources at `ref` (default: the proposal's ref), generated in the background.
   * The same sources at the same commit return the revision that already exists (queued or ready).
   */
  revise(number: string, request: { ref?: string; reason?: string }, actor: ProposalActor): Promise<RevisionJson>;
  /** One revision with its content (the draft, manifest, HTML and lint report once it is ready). */
  revision(number: string, rev: number): { summary: RevisionJson; row: RevisionRow };
  /** A revision without its content, and its stored HTML as UTF-8 bytes (what the draft page sends). */
  revisionPage(number: string, rev: number): { summary: RevisionJson; lintJson: string | null; html: Buffer | null };
  /** The queue's handler of revision jobs. */
  handlers: Record<string, JobHandler>;
}

const WORKFLOW_SETTING = 'proposals.workflow';
const ROLE_HOLDERS: Record<string, string[]> = {
  maintainers: ['maintainers'],
  editors: ['maintainers', 'secretariat'],
  secretariat: ['secretariat'],
  reviewers: ['reviewer'],
  none: [],
};

export interface ProposalsDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  drafts: DraftsService;
  githubUrl: string;
  runGit: RunGit;
  projects: ProjectsService;
  maturity: MaturityService;
  /** Told of every creation, action and ready revision inside its transaction (the notifications). */
  notify?: ProposalEventSink;
}

/** The proposals service over one store. */
export function createProposalsService(deps: ProposalsDeps): ProposalsService {
  const { store, clock, projects, maturity } = deps;
  // The workflow is parsed once per source: the installed one (a setting) or the shipped file.
  let cached: { key: string; loaded: LoadedWorkflow } | undefined;
  const workflow = (): LoadedWorkflow => {
    const installed = store.settings.get(WORKFLOW_SETTING) ?? null;
    const key = installed ?? '';
    if (cached?.key !== key) cached = { key, loaded: loadWorkflow(installed, maturity.levels()) };
    return cached.loaded;
  };
  const levelsWithNames = () =>
    maturity.levels().map((id) => ({
      id,
      name: { en: maturity.levelName(id, 'en') ?? id, zh: maturity.levelName(id, 'zh-CN') ?? id },
    }));
  const projectName = (row: ProposalRow) => store.repositories.get(row.repository_id)?.full_name ?? '?';
  const domainOf = (row: ProposalRow) => store.repositories.get(row.repository_id)?.domain ?? null;
  const asWorkflowActor = (actor: ProposalActor | null, project: string): WorkflowActor | null =>
    actor === null
      ? null
      : {
          login: actor.login,
          roles: actor.roles,
          maintainer: actor.maintainerOf.some((p) => p.toLowerCase() === project.toLowerCase()),
        };
  const decisionInput = (project: string, comment: string): DecisionInput => ({
    workflow: workflow().workflow,
    levels: levelsWithNames(),
    now: new Date(clock.now()),
    comment,
    projectLink: `/projects/${project}`,
  });
  const factsOf = (row: ProposalRow, project: string): ProposalFacts => {
    const revisions = store.revisions.list(row.number);
    const settings = workflow().workflow.settings;
    const current = revisions.filter((r) => r.status === 'ready').at(-1)?.rev ?? null;
    return gatherFacts({
      row,
      project,
      sourceFiles: countSources(row.sources_yml),
      revisions,
      maturity: maturity.read(row.repository_id),
      levels: maturity.levels(),
      requiredLevel: settings.requiredLevel,
      ballot: ballotFacts(readBallot(store, row.number, settings.ballot, clock.now()), current),
      openComments: store.comments.openCount(row.number),
    });
  };
  const find = (number: string): ProposalRow => findProposal(store, number);
  const holdersOf = (row: ProposalRow) => {
    const stage = workflow().workflow.stages.find((s) => s.id === row.stage);
    const maintainers = store.collaborators
      .list(row.repository_id)
      .filter((c) => c.removed_at === null && (c.permission === 'admin' || c.permission === 'maintain'))
      .map((c) => c.login);
    return (ROLE_HOLDERS[stage?.holder ?? 'none'] ?? []).map((holder) => ({
      holder,
      logins: holder === 'maintainers' ? maintainers : [],
    }));
  };
  const describe = (row: ProposalRow, actor: ProposalActor | null): ProposalJson => {
    const project = projectName(row);
    const flow = workflow().workflow;
    const who = asWorkflowActor(actor, project);
    return proposalJson({
      row,
      project,
      domain: domainOf(row),
      workflow: workflow().workflow,
      revisions: store.revisions.list(row.number),
      history: store.proposals.history(row.number),
      holders: holdersOf(row),
      revise: { allowed: mayTake(flow.revise, who), now: flow.revise.in.includes(row.stage) },
      actions: availableActions(factsOf(row, project), who, decisionInput(project, '')),
    });
  };
  const waitsFor = (row: ProposalRow, actor: ProposalActor): boolean => {
    const project = projectName(row);
    const maintains = actor.maintainerOf.some((p) => p.toLowerCase() === project.toLowerCase());
    return holdersOf(row).some((h) => (h.holder === 'maintainers' ? maintains : actor.roles.includes(h.holder)));
  };

  return {
    workflow,
    workflowMarkdown: (lang) =>
      renderWorkflowMarkdown(workflow().workflow, lang, (id) => maturity.levelName(id, lang) ?? id),
    installWorkflow(source, by) {
      const loaded = parseWorkflow(source, maturity.levels());
      const stages = new Set(loaded.workflow.stages.map((s) => s.id));
      const stranded = [...new Set(store.proposals.list().map((p) => p.stage))].filter((s) => !stages.has(s));
      if (stranded.length > 0)
        throw new DomainError(
          'conflict',
          'workflow_strands_proposals',
          `proposals are in stages the new workflow does not have (${stranded.join(', ')}): keep those stage ids`,
        );
      store.transaction(() => {
        store.settings.set(WORKFLOW_SETTING, loaded.source);
        store.settings.set(`${WORKFLOW_SETTING}.installed-by`, `${by} ${isoNow(clock)}`);
      });
      cached = { key: loaded.source, loaded };
      return { digest: loaded.digest };
    },

    async create(body, actor) {
      const request = readProposalRequest(body);
      const { row: repo } = projects.resolve(request.project);
      const project = repo.full_name;
      const flow = workflow().workflow;
      const who = asWorkflowActor(actor, project);
      if (!mayTake(flow.create, who))
        throw new DomainError(
          'forbidden',
          'not_allowed',
          `only ${flow.create.by.join(' or ')} of ${project} may propose its specification`,
        );
      const maturityNow = maturity.read(repo.id);
      const facts = gatherFacts({
        row: {
          stage: flow.initial,
          sources_yml: '',
          ipr_statement: request.iprStatement ?? null,
          implementations: JSON.stringify(request.implementations),
          period_kind: null,
          period_started_at: null,
          period_ends_at: null,
          last_comment_ended_at: null,
          published_at: null,
          commit_sha: null,
        },
        project,
        sourceFiles: request.sources.length,
        revisions: [],
        maturity: maturityNow,
        levels: maturity.levels(),
        requiredLevel: flow.settings.requiredLevel,
      });
      const missing = missingFor(flow.create, facts, decisionInput(project, ''));
      if (missing.length > 0)
        throw new GuardFailedError(
          { code: 'proposal.refusal.guards', params: { count: missing.length } },
          missing,
          'none',
        );
      if (!repo.mirror_path)
        throw new DomainError(
          'unavailable',
          'mirror_not_ready',
          `${project} has no mirror yet: run magnolia sync ${project}`,
        );
      const pinned = await pinSources(
        deps.runGit,
        repo.mirror_path,
        request.ref,
        request.sources.map((s) => s.path),
      );
      const sourcesYml = toYaml({
        title: request.title,
        proposer: request.proposingUnit || undefined,
        draftingUnits: request.draftingUnits.length ? request.draftingUnits : undefined,
        drafters: request.drafters.length ? request.drafters : undefined,
        files: request.sources.map((s) => ({ path: s.path, role: s.role })),
      });
      const at = isoNow(clock);
      const number = store.transaction(() => {
        const allocated = store.proposals.allocateNumber(new Date(clock.now()).getUTCFullYear());
        store.proposals.insert(allocated, {
          repository_id: repo.id,
          type: request.type,
          stage: flow.initial,
          title_zh: request.title.zh,
          title_en: request.title.en,
          scope: request.scope,
          rationale: request.rationale,
          proposing_unit: request.proposingUnit,
          drafting_units: JSON.stringify(request.draftingUnits),
          drafters: JSON.stringify(request.drafters),
          implementations: JSON.stringify(request.implementations),
          ipr_statement: request.iprStatement ?? null,
          ref: request.ref,
          commit_sha: pinned.commit,
          sources_yml: sourcesYml,
          created_by: actor.login,
          created_at: at,
        });
        store.proposals.appendHistory({
          number: allocated,
          at,
          actor: actor.login,
          action: 'create',
          from_stage: null,
          to_stage: flow.initial,
          rev: null,
          comment: '',
          decision: null,
        });
        deps.notify?.({ kind: 'created', number: allocated, actor: actor.login });
        return allocated;
      });
      return describe(find(number), actor);
    },

    list(filter = {}) {
      const flow = workflow().workflow;
      return store.proposals
        .list()
        .filter((row) => filter.stage === undefined || row.stage === filter.stage)
        .filter(
          (row) => filter.project === undefined || projectName(row).toLowerCase() === filter.project.toLowerCase(),
        )
        .filter((row) => filter.domain === undefined || domainOf(row) === filter.domain)
        .filter((row) => filter.holder === undefined || waitsFor(row, filter.holder))
        .map((row) => proposalSummaryJson(row, projectName(row), flow, domainOf(row)));
    },

    get: (number, actor) => describe(find(number), actor),

    act(number, request, actor) {
      const comment = (request.comment ?? '').trim();
      if (comment.length > 8000)
        throw new DomainError('invalid', 'comment_too_long', 'a comment is at most 8,000 characters: shorten it');
      const after = store.transaction(() => {
        const row = find(number);
        const project = projectName(row);
        const decision = decideAction(
          factsOf(row, project),
          request.action,
          asWorkflowActor(actor, project),
          decisionInput(project, comment),
        );
        if (!decision.ok) {
          const text = renderMessage(decision.message, 'en');
          if (decision.refusal === 'forbidden') throw new DomainError('forbidden', 'not_allowed', text);
          if (decision.refusal === 'unknown-action') throw new DomainError('invalid', 'unknown_action', text);
          throw new GuardFailedError(decision.message, decision.missing, row.stage);
        }
        const at = isoNow(clock);
        const change: Parameters<Store['proposals']['change']>[2] = { stage: decision.to, at };
        for (const effect of decision.effects) {
          if (effect.kind === 'start-period')
            change.period = { kind: effect.period, startedAt: effect.startedAt, endsAt: effect.endsAt };
          if (effect.kind === 'end-period') {
            change.period ??= null;
            if (effect.period === 'comment') change.lastCommentEndedAt = effect.endedAt;
          }
          if (effect.kind === 'published') {
            change.publishedAt = effect.at;
            change.reviewDueAt = effect.reviewDueAt;
          }
        }
        if (!store.proposals.change(row.number, row.version, change))
          throw new DomainError(
            'conflict',
            'proposal_changed',
            `${row.number} changed meanwhile: reload it and try again`,
          );
        const latest = store.revisions
          .list(row.number)
          .filter((r) => r.status === 'ready')
          .at(-1);
        store.proposals.appendHistory({
          number: row.number,
          at,
          actor: actor.login,
          action: decision.action.id,
          from_stage: decision.from,
          to_stage: decision.to,
          rev: latest?.rev ?? null,
          comment,
          decision: request.decision?.trim() || null,
        });
        deps.notify?.({
          kind: 'stage',
          number: row.number,
          actor: actor.login,
          action: decision.action.id,
          from: decision.from,
        });
        return find(row.number);
      });
      return describe(after, actor);
    },

    count: () => store.proposals.count(),

    async sourceCandidates(project, ref) {
      const { row: repo } = projects.resolve(project);
      if (!repo.mirror_path)
        throw new DomainError(
          'unavailable',
          'mirror_not_ready',
          `${repo.full_name} has no mirror yet: run magnolia sync ${repo.full_name}`,
        );
      const at = ref?.trim() || repo.default_branch || 'HEAD';
      return listSourceCandidates(deps.runGit, repo.mirror_path, at);
    },

    async revise(number, request, actor) {
      const row = find(number);
      const project = projectName(row);
      const flow = workflow().workflow;
      if (!mayTake(flow.revise, asWorkflowActor(actor, project)))
        throw new DomainError(
          'forbidden',
          'not_allowed',
          `only ${flow.revise.by.join(' or ')} of ${project} may ask for a revision of ${row.number}`,
        );
      if (!flow.revise.in.includes(row.stage))
        throw new DomainError(
          'conflict',
          'revision_not_now',
          `${row.number} is in stage ${row.stage}, where the text stays fixed; revisions are made in: ${flow.revise.in.join(', ')}`,
          { state: row.stage },
        );
      const repo = store.repositories.get(row.repository_id);
      if (!repo?.mirror_path)
        throw new DomainError(
          'unavailable',
          'mirror_not_ready',
          `${project} has no mirror yet: run magnolia sync ${project}`,
        );
      const ref = request.ref?.trim() || row.ref;
      if (ref.startsWith('-')) throw new DomainError('invalid', 'unknown_ref', 'a ref may not start with "-"');
      const files = parseSources(row.sources_yml).files.map((f) => f.path);
      const pinned = await pinSources(deps.runGit, repo.mirror_path, ref, files);
      const digest = sourcesDigest(row.sources_yml, pinned.commit);
      const summary = store.transaction((): RevisionSummary => {
        const existing = store.revisions
          .list(row.number)
          .find((r) => r.sources_digest === digest && (r.status === 'ready' || r.status === 'queued'));
        if (existing) return existing;
        const rev = store.revisions.insertQueued({
          number: row.number,
          ref,
          sources_yml: row.sources_yml,
          sources_digest: digest,
          stage: row.stage,
          requested_by: actor.login,
          reason: (request.reason ?? '').trim().slice(0, 2000),
          created_at: isoNow(clock),
        });
        store.revisions.pin(row.number, rev, pinned.commit);
        store.jobs.enqueue({
          kind: JOB.revision,
          subject: revisionSubject(row.number, rev),
          queueKey: `proposal:${row.number}`,
          runAt: clock.now(),
        });
        return store.revisions.list(row.number).find((r) => r.rev === rev)!;
      });
      return revisionJson(summary, workflow().workflow);
    },

    revision(number, rev) {
      const row = find(number);
      const revision = Number.isInteger(rev) ? store.revisions.get(row.number, rev) : undefined;
      if (!revision)
        throw new DomainError(
          'not-found',
          'revision_not_found',
          `${row.number} has no revision ${rev}: see its revisions`,
        );
      return { summary: revisionJson(revision, workflow().workflow), row: revision };
    },

    revisionPage(number, rev) {
      const row = find(number);
      const page = Number.isInteger(rev) ? store.revisions.page(row.number, rev) : undefined;
      if (!page)
        throw new DomainError(
          'not-found',
          'revision_not_found',
          `${row.number} has no revision ${rev}: see its revisions`,
        );
      return { summary: revisionJson(page, workflow().workflow), lintJson: page.lint_json, html: page.html };
    },

    handlers: {
      [JOB.revision]: createRevisionJobHandler({
        store,
        clock,
        log: deps.log,
        drafts: deps.drafts,
        runGit: deps.runGit,
        githubUrl: deps.githubUrl,
        notify: deps.notify,
      }),
    },
  };
}

function countSources(yml: string): number {
  return parseSources(yml).files.length;
}

/** A digest of a revision's inputs: the same sources at the same commit make the same revision. */
function sourcesDigest(sourcesYml: string, commit: string): string {
  return createHash('sha256').update(commit).update('\0').update(sourcesYml).digest('hex').slice(0, 32);
}
