import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { proposalActorOf } from '../auth/proposal-actor.ts';
import { requireAction } from '../auth/require-action.ts';
import { revisionParam } from '../http/revision-param.ts';

type Deps = Pick<Services, 'notes' | 'accounts' | 'signIn'>;

// Big enough that a note just over the 200 KB limit reaches the service and gets its 400 with a message.
const json = express.json({ limit: '1mb' });

/**
 * The explanatory note (编制说明) of a revision: `GET /api/proposals/:number/revisions/:rev/note` (JSON),
 * `GET …/note.md` (the Markdown), and `PUT …/note` `{ markdown, version }` for the editors (403 for others, 400 for
 * an empty or too large note, 409 when the version is stale or the note is fixed). Reading is public.
 */
export function createExplanatoryNoteRoute(services: Deps): Router {
  const router = express.Router();
  const base = '/api/proposals/:number/revisions/:rev/note';

  router.get(base, (req, res) => {
    const note = services.notes.get(
      String(req.params['number']),
      revisionParam(req.params['rev']),
      proposalActorOf(services, req),
    );
    res.set('Cache-Control', 'no-cache').json(note);
  });

  router.get(`${base}.md`, (req, res) => {
    const note = services.notes.get(String(req.params['number']), revisionParam(req.params['rev']), null);
    res
      .set('Cache-Control', 'no-cache')
      .attachment(`${note.number}${note.label}-note.md`)
      .type('text/markdown; charset=utf-8')
      .send(note.markdown);
  });

  router.put(base, requireAction(services, 'proposals.write'), json, (req, res) => {
    const body = (req.body ?? {}) as { markdown?: unknown; version?: unknown };
    const saved = services.notes.save(
      String(req.params['number']),
      revisionParam(req.params['rev']),
      { markdown: body.markdown, version: body.version },
      proposalActorOf(services, req)!,
    );
    res.json(saved);
  });
  return router;
}
