import type { NextFunction, Request, Response } from 'express';
import { formattersFor, type Formatters } from '../../content/i18n/formatters.ts';
import type { Lang } from '../../kernel/i18n/languages.ts';
import { messagesFor, type Messages } from '../../content/i18n/messages.ts';
import { negotiateLanguage, readCookie } from './negotiate-language.ts';

/** What every page handler finds in `res.locals` after the i18n middleware. */
export interface I18nLocals {
  lang: Lang;
  t: Messages;
  fmt: Formatters;
}

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Picks the language of the request (`?lang=`, cookie, `Accept-Language`) and puts the catalogue and the
 * formatters in `res.locals`. An explicit `?lang=` is remembered in a cookie, so the choice sticks.
 */
export function i18nMiddleware() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const { lang, source } = negotiateLanguage({
      query: req.query['lang'],
      cookie: readCookie(req.headers.cookie, 'lang'),
      acceptLanguage: req.headers['accept-language'],
    });
    if (source === 'query') {
      res.append('Set-Cookie', `lang=${lang}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax`);
    }
    // Caches must keep the languages apart.
    res.vary('Accept-Language');
    res.vary('Cookie');
    const locals: I18nLocals = { lang, t: messagesFor(lang), fmt: formattersFor(lang) };
    Object.assign(res.locals, locals);
    next();
  };
}

/** The i18n locals of a response (set by `i18nMiddleware`, with a fallback for responses that skipped it). */
export function i18nOf(res: Response): I18nLocals {
  const locals = res.locals as Partial<I18nLocals>;
  if (locals.lang && locals.t && locals.fmt) return locals as I18nLocals;
  return { lang: 'en', t: messagesFor('en'), fmt: formattersFor('en') };
}
