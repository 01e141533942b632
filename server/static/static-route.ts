import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

const versionOf = (file: string): string =>
  createHash('sha256')
    .update(readFileSync(new URL(file, `file://${PUBLIC_DIR}`)))
    .digest('base64url')
    .slice(0, 10);

/**
 * `/static/*`: the stylesheet, the favicon (and any small asset) from `public/`; their `href`s carry a content
 * hash. `/favicon.ico`, which browsers and feed readers ask for by habit, points at the SVG icon.
 */
export function createStaticRoute(): { router: Router; stylesheetHref: string; faviconHref: string } {
  const version = versionOf('site.css');
  const faviconHref = `/static/favicon.svg?v=${versionOf('favicon.svg')}`;
  const router = express.Router();
  // The URL changes with the content, so browsers may keep a copy for a year without asking again.
  router.use('/static', express.static(PUBLIC_DIR, { index: false, maxAge: '365d', immutable: true }));
  router.get('/favicon.ico', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.redirect(301, faviconHref);
  });
  return { router, stylesheetHref: `/static/site.css?v=${version}`, faviconHref };
}
