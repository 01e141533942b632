import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** `/static/*`: the stylesheet (and any small asset) from `public/`; its `href` carries a content hash. */
export function createStaticRoute(): { router: Router; stylesheetHref: string } {
  const css = readFileSync(new URL('site.css', `file://${PUBLIC_DIR}`));
  const version = createHash('sha256').update(css).digest('base64url').slice(0, 10);
  const router = express.Router();
  // The URL changes with the content, so browsers may keep a copy for a year without asking again.
  router.use('/static', express.static(PUBLIC_DIR, { index: false, maxAge: '365d', immutable: true }));
  return { router, stylesheetHref: `/static/site.css?v=${version}` };
}
