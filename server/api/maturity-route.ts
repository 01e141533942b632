import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import type { Store } from '../../db/store.ts';
import { installModel } from '../../sync/maturity/create-maturity-engine.ts';
import { exemptSignal } from '../../sync/maturity/exempt-signal.ts';
import { exemptionJson } from '../../sync/maturity/exemption-json.ts';
import { enqueueEvaluation } from '../../sync/maturity/maturity-jobs.ts';
import { readMaturity, readSignalHistory } from '../../sync/maturity/read-maturity.ts';
import { KNOWN_SIGNALS } from '../../sync/maturity/signals/signal-registry.ts';
import { requireToken } from '../auth/require-token.ts';
import { createMaturityOrganisationsRoute } from './maturity-organisations-route.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
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
export function createMaturityRoute(store: Store, clock: Clock): Router {
  const router = express.Router();
  const project = (req: Request): RepositoryRow => {
    const fullName = `${String(req.params.owner)}/${String(req.params.repo)}`;
    const row = store.repositories.findMember(fullName) ?? store.repositories.findByFormerName(fullName);
    if (!row)
      throw new DomainError(
        'not-found',
        'project_not_found',
        `${fullName} is not a member project: see GET /api/projects for the list`,
      );
    return row;
  };

  router.get('/api/projects/:owner/:repo/maturity', (req, res) => {
    const row = project(req);
    const maturity = readMaturity(store, row.id);
    res.json(maturity ?? { level: null, nextLevel: null, evaluatedAt: null, commit: null, gaps: [], signals: [] });
  });

  router.get('/api/projects/:owner/:repo/maturity/history', (req, res) => {
    const row = project(req);
    const signal = typeof req.query.signal === 'string' ? req.query.signal : '';
    if (!KNOWN_SIGNALS.has(signal)) {
      throw new DomainError(
        'invalid',
        'unknown_signal',
        `add ?signal=<id>, one of: ${[...KNOWN_SIGNALS.keys()].join(', ')}`,
      );
    }
    res.json({ signal, observations: readSignalHistory(store, row.id, signal) });
  });

  router.get('/api/projects/:owner/:repo/maturity/exemptions', requireToken(store, clock, 'reviewer'), (req, res) => {
    const row = project(req);
    const at = isoNow(clock);
    res.json({ exemptions: store.maturity.exemptions.list(row.id).map((e) => exemptionJson(e, at)) });
  });

  router.post(
    '/api/projects/:owner/:repo/maturity/exemptions',
    requireToken(store, clock, 'reviewer'),
    express.json(),
    (req, res) => {
      const row = project(req);
      const parsed = exemptionBody.safeParse(req.body);
      if (!parsed.success)
        throw new DomainError('invalid', 'bad_exemption', parsed.error.issues.map((i) => i.message).join('; '));
      const { signal, reason, expiresAt } = parsed.data;
      res
        .status(201)
        .json(exemptSignal(store, clock, { repositoryId: row.id, signal, reason, expiresAt, by: req.user!.login }));
    },
  );

  router.delete(
    '/api/projects/:owner/:repo/maturity/exemptions/:id',
    requireToken(store, clock, 'reviewer'),
    (req, res) => {
      const row = project(req);
      const exemption = store.maturity.exemptions.get(Number(req.params.id));
      if (!exemption || exemption.repository_id !== row.id) {
        throw new DomainError(
          'not-found',
          'exemption_not_found',
          `exemption ${String(req.params.id)} of ${row.full_name} does not exist: list them with GET .../maturity/exemptions`,
        );
      }
      const at = isoNow(clock);
      store.transaction(() => {
        store.maturity.exemptions.revoke(exemption.id, at, req.user!.login);
        enqueueEvaluation(store, clock, row.id);
      });
      res.json(exemptionJson(store.maturity.exemptions.get(exemption.id)!, at));
    },
  );

  router.get('/api/maturity/model', (_req, res) => {
    const active = store.maturity.models.active();
    res.json({
      version: active?.version ?? null,
      digest: active?.digest ?? null,
      source: active?.source ?? null,
      versions: store.maturity.models.list().map((m) => ({
        version: m.version,
        digest: m.digest,
        active: m.active === 1,
        createdAt: m.created_at,
        createdBy: m.created_by,
      })),
    });
  });

  // The model arrives as YAML (text/yaml or text/plain) or as JSON {"source": "<yaml>"}.
  router.put(
    '/api/maturity/model',
    requireToken(store, clock, 'admin'),
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
      res.json(installModel(store, clock, source, req.user!.login));
    },
  );

  router.use(createMaturityOrganisationsRoute(store, clock));
  return router;
}
