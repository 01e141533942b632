import express, { type Request, type Router } from 'express';
import { renderMessage } from '../../content/i18n/render-message.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Services } from '../../sync/create-services.ts';
import type { ProposalJson } from '../../sync/proposals/proposal-json.ts';
import { requireAction } from '../auth/require-action.ts';
import { proposalActorOf } from '../auth/proposal-actor.ts';
import { revisionParam } from '../http/revision-param.ts';

type Deps = Pick<Services, 'proposals' | 'accounts' | 'signIn'>;

const json = express.json({ limit: '256kb' });

/** A proposal as the API answers it: every missing item with its English text, code and parameters. */
function answer(proposal: ProposalJson) {
  return {
    ...proposal,
    actions: proposal.actions.map((a) => ({
      ...a,
      missing: a.missing.map((m) => ({
        code: m.code,
        message: renderMessage(m.message, 'en'),
        messageCode: m.message.code,
        params: m.message.params ?? {},
        ...(m.link ? { link: m.link } : {}),
      })),
    })),
  };
}

const revOf = (req: Request): number => revisionParam(req.params['rev']);

/**
 * The proposals API: `GET /api/proposals` (filters `stage`, `project`, `mine=1`), `GET /api/proposals/:number`,
 * `POST /api/proposals` (201), `POST /api/proposals/:number/actions` (200, or 409 `guard_failed` listing every
 * missing item), `POST /api/proposals/:number/revisions` (202), and a revision with its draft, manifest and HTML.
 * Reading is public; writing needs a session or a token, and the workflow file says who may take each step.
 */
export function createProposalsRoute(services: Deps): Router {
  const { proposals } = services;
  const router = express.Router();

  router.get('/api/proposals', (req, res) => {
    const q = req.query;
    const asker = proposalActorOf(services, req);
    if (q['mine'] === '1' && asker === null)
      throw new DomainError('unauthenticated', 'sign_in_required', 'sign in to see the proposals waiting for you');
    res.json({
      proposals: proposals.list({
        ...(typeof q['stage'] === 'string' && q['stage'] ? { stage: q['stage'] } : {}),
        ...(typeof q['project'] === 'string' && q['project'] ? { project: q['project'] } : {}),
        ...(q['mine'] === '1' && asker ? { holder: asker } : {}),
      }),
    });
  });

  router.get('/api/proposals/:number', (req, res) => {
    res.json(answer(proposals.get(String(req.params['number']), proposalActorOf(services, req))));
  });

  router.post('/api/proposals', requireAction(services, 'proposals.write'), json, async (req, res) => {
    const created = await proposals.create(req.body, proposalActorOf(services, req)!);
    res.status(201).location(`/api/proposals/${created.number}`).json(answer(created));
  });

  router.post('/api/proposals/:number/actions', requireAction(services, 'proposals.write'), json, (req, res) => {
    const body = (req.body ?? {}) as { action?: unknown; comment?: unknown; decision?: unknown };
    if (typeof body.action !== 'string' || body.action === '')
      throw new DomainError(
        'invalid',
        'action_required',
        'say which action to take: { "action": "submit", "comment": "…" }',
      );
    const done = proposals.act(
      String(req.params['number']),
      {
        action: body.action,
        ...(typeof body.comment === 'string' ? { comment: body.comment } : {}),
        ...(typeof body.decision === 'string' ? { decision: body.decision } : {}),
      },
      proposalActorOf(services, req)!,
    );
    res.json(answer(done));
  });

  router.post(
    '/api/proposals/:number/revisions',
    requireAction(services, 'proposals.write'),
    json,
    async (req, res) => {
      const body = (req.body ?? {}) as { ref?: unknown; reason?: unknown };
      const revision = await proposals.revise(
        String(req.params['number']),
        {
          ...(typeof body.ref === 'string' ? { ref: body.ref } : {}),
          ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
        },
        proposalActorOf(services, req)!,
      );
      res
        .status(revision.status === 'ready' ? 200 : 202)
        .location(`/api/proposals/${revision.number}/revisions/${revision.rev}`)
        .json(revision);
    },
  );

  router.get('/api/proposals/:number/revisions/:rev', (req, res) => {
    const { summary, row } = proposals.revision(String(req.params['number']), revOf(req));
    res.json({ ...summary, lint: row.lint_json ? (JSON.parse(row.lint_json) as unknown) : null });
  });

  const content = (req: Request, column: 'draft_md' | 'manifest_json' | 'draft_html') => {
    const { summary, row } = proposals.revision(String(req.params['number']), revOf(req));
    const text = row[column];
    if (text === null)
      throw new DomainError(
        'conflict',
        'revision_not_ready',
        `revision ${summary.label} of ${summary.number} is ${summary.status}${summary.status === 'queued' ? ': it is being generated, try again shortly' : ''}`,
      );
    // Immutable: a revision never changes once generated.
    return { text, name: `${summary.number}${summary.label}` };
  };
  const IMMUTABLE = 'public, max-age=31536000, immutable';
  router.get('/api/proposals/:number/revisions/:rev/draft.md', (req, res) => {
    const { text, name } = content(req, 'draft_md');
    res.set('Cache-Control', IMMUTABLE).attachment(`${name}.md`).type('text/markdown; charset=utf-8').send(text);
  });
  router.get('/api/proposals/:number/revisions/:rev/manifest.json', (req, res) => {
    const { text, name } = content(req, 'manifest_json');
    res.set('Cache-Control', IMMUTABLE).attachment(`${name}.manifest.json`).type('application/json').send(text);
  });
  router.get('/api/proposals/:number/revisions/:rev/draft.html', (req, res) => {
    const { text } = content(req, 'draft_html');
    res.set('Cache-Control', IMMUTABLE).type('text/html; charset=utf-8').send(text);
  });
  return router;
}
