import express, { type Request, type Response, type Router } from 'express';
import { fill, type Messages } from '../../../content/i18n/messages.ts';
import { isDomainError } from '../../../kernel/errors/domain-error.ts';
import type { Services } from '../../../sync/create-services.ts';
import { proposalActorOf } from '../../auth/proposal-actor.ts';
import type { Csrf } from '../../auth/csrf.ts';
import { requireAction } from '../../auth/require-action.ts';
import { revisionParam } from '../../http/revision-param.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { explanatoryNoteModel, type RefusedSave } from './explanatory-note-model.ts';

export interface ExplanatoryNotePageDeps {
  ctx: PageContext;
  services: Pick<Services, 'notes' | 'proposals' | 'accounts' | 'signIn'>;
  csrf: Csrf;
}

const field = (req: Request, name: string): string | undefined => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

/** A refused save's reason in the reader's language, for the refusals the form can recover from. */
const REFUSALS: Record<string, (t: Messages) => string> = {
  note_changed: (t) => t.note.errors.changed,
  note_empty: (t) => t.note.errors.empty,
  note_too_large: (t) => t.note.errors.tooLarge,
  note_not_editable: (t) => t.note.errors.notEditable,
};

/**
 * `GET /proposals/:number/:rev/note`: a revision's explanatory note (编制说明), rendered through the sanitising
 * pipeline, with an edit form for the editors; `POST` saves it (CSRF, version in a hidden field) and comes back with a
 * confirmation, or shows the refusal on the page with the person's text still in the box.
 */
export function createExplanatoryNotePages({ ctx, services, csrf }: ExplanatoryNotePageDeps): Router {
  const router = express.Router();
  const show = (req: Request, res: Response, extra: { saved?: number; refused?: RefusedSave }) => {
    const i18n = i18nOf(res);
    const number = String(req.params['number']);
    const rev = revisionParam(req.params['rev']);
    const actor = proposalActorOf(services, req);
    const note = services.notes.get(number, rev, actor);
    const proposal = services.proposals.get(number, actor);
    const model = explanatoryNoteModel({
      note,
      proposal,
      t: i18n.t,
      lang: i18n.lang,
      csrfToken: note.mayEdit ? csrf.token(req) : null,
      signedIn: actor !== null,
      savedVersion: extra.saved ?? null,
      refused: extra.refused ?? null,
    });
    res.setHeader('Cache-Control', 'no-store');
    renderPage(ctx, req, res, 'explanatory-note', { title: `${model.heading} ${model.title}`, nav: 'process' }, model);
  };

  router.get('/proposals/:number/:rev/note', (req, res) => {
    const saved =
      typeof req.query['saved'] === 'string' && /^\d{1,9}$/.test(req.query['saved'])
        ? Number(req.query['saved'])
        : undefined;
    show(req, res, saved === undefined ? {} : { saved });
  });

  router.post('/proposals/:number/:rev/note', requireAction(services, 'proposals.write'), (req, res) => {
    const number = String(req.params['number']);
    const rev = revisionParam(req.params['rev']);
    const markdown = field(req, 'markdown') ?? '';
    try {
      const saved = services.notes.save(
        number,
        rev,
        { markdown, version: field(req, 'version') },
        proposalActorOf(services, req)!,
      );
      res.redirect(303, `/proposals/${saved.number}/${saved.rev}/note?saved=${saved.version}`);
    } catch (error) {
      const refusal = isDomainError(error) ? REFUSALS[error.code] : undefined;
      if (!refusal || !isDomainError(error)) throw error;
      res.status(error.kind === 'invalid' ? 400 : 409);
      const version = error.params['version'];
      const text = fill(refusal(i18nOf(res).t), typeof version === 'number' ? { version } : {});
      show(req, res, { refused: { markdown, error: text } });
    }
  });
  return router;
}
