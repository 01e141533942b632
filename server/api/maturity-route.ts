import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Services } from '../../sync/create-services.ts';
import { auditContext, requireAction } from '../auth/require-action.ts';
import { maturityAnswer, observationAnswer } from './maturity-answer.ts';
import { createMaturityOrganisationsRoute } from './maturity-organisations-route.ts';
import { parseInstant } from '../../kernel/time/parse-date.ts';

const exemptionBody = z.object({
  signal: z.string().min(1, 'name the signal to exempt, e.g. "files.adopters"'),
  reason: z.string().trim().min(3, 'say why the signal is exempted (reason)'),
  // The same check as the CLI's --until (kernel/time/parse-date.ts): a real calendar date, a zone on date-times.
  expiresAt: z
    .string({ message: 'give expiresAt, a date (YYYY-MM-DD) or an ISO-8601 date-time, e.g. 2027-06-30T00:00:00Z' })
    .superRefine((value, ctx) => {
      const parsed = parseInstant(value);
      if (!parsed.ok)
        ctx.addIssue({
          code: 'custom',
          message: `expiresAt ${parsed.problem}: give YYYY-MM-DD or an ISO-8601 date-time such as 2027-06-30T00:00:00Z`,
        });
    }),
});

/**
 * `GET /api/projects/:owner/:repo/maturity` (and `/maturity/history?signal=`), exemptions (reviewer or admin),
 * the model (`GET /api/maturity/model`, `PUT` for admins: every project is re-evaluated).
 */
export function createMaturityRoute(
  services: Pick<Services, 'accounts' | 'maturity' | 'projects' | 'admin' | 'signIn'>,
): Router {
  const { maturity, projects, admin } = services;
  const router = express.Router();
  // A former name still answers here (the maturity of a renamed project is the same project's).
  const project = (req: Request): RepositoryRow =>
    projects.resolve(`${String(req.params.owner)}/${String(req.params.repo)}`).row;
  const reviewer = requireAction(services, 'exemptions.manage');

  router.get('/api/projects/:owner/:repo/maturity', (req, res) => {
    const result = maturity.read(project(req).id);
    res.json(
      result
        ? maturityAnswer(result)
        : { level: null, nextLevel: null, evaluatedAt: null, commit: null, gaps: [], signals: [] },
    );
  });

  router.get('/api/projects/:owner/:repo/maturity/history', (req, res) => {
    const row = project(req);
    const signal = typeof req.query.signal === 'string' ? req.query.signal : '';
    res.json({ signal, observations: maturity.history(row.id, signal).map(observationAnswer) });
  });

  router.get('/api/projects/:owner/:repo/maturity/exemptions', reviewer, (req, res) => {
    res.json({ exemptions: maturity.exemptions(project(req).id) });
  });

  router.post('/api/projects/:owner/:repo/maturity/exemptions', reviewer, express.json(), (req, res) => {
    const row = project(req);
    const parsed = exemptionBody.safeParse(req.body);
    if (!parsed.success)
      throw new DomainError('invalid', 'bad_exemption', parsed.error.issues.map((i) => i.message).join('; '));
    const { signal, reason, expiresAt } = parsed.data;
    res.status(201).json(admin.exempt({ repositoryId: row.id, signal, reason, expiresAt }, auditContext(req)));
  });

  router.delete('/api/projects/:owner/:repo/maturity/exemptions/:id', reviewer, (req, res) => {
    res.json(admin.revokeExemption(project(req).id, Number(req.params.id), auditContext(req)));
  });

  router.get('/api/maturity/model', (_req, res) => {
    res.json(maturity.models());
  });

  // The model arrives as YAML (text/yaml or text/plain) or as JSON {"source": "<yaml>"}.
  router.put(
    '/api/maturity/model',
    requireAction(services, 'model.replace'),
    express.text({ type: ['text/*', 'application/yaml', 'application/x-yaml'], limit: '1mb' }),
    express.json({ limit: '1mb' }),
    (req, res) => {
      const body: unknown = req.body;
      const source =
        typeof body === 'string'
          ? body
          : typeof (body as { source?: unknown })?.source === 'string'
            ? (body as { source: string }).source
            : null;
      if (!source)
        throw new DomainError(
          'invalid',
          'model_required',
          'send the model YAML as the body (Content-Type: text/yaml) or as {"source": "..."}',
        );
      res.json(admin.installModel(source, auditContext(req)));
    },
  );

  router.use(createMaturityOrganisationsRoute(services));
  return router;
}
