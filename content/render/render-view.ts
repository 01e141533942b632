import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';

const VIEWS = fileURLToPath(new URL('../../views/', import.meta.url));

/** Renders the EJS views of `views/` to strings, without a web framework. */
export interface ViewRenderer {
  /** `view` is a path under views/ without `.ejs` (e.g. `pages/project`); `locals` is its prepared view model. */
  render(view: string, locals: object): string;
}

/**
 * A renderer over a views folder: the portal renders pages with it, and so can the static site, e-mails and
 * feeds. Templates are compiled once per renderer; `<%= %>` escapes, `<%- %>` is kept for sanitised HTML.
 */
export function createViewRenderer(root: string = VIEWS): ViewRenderer {
  const compiled = new Map<string, ejs.TemplateFunction>();
  const template = (view: string): ejs.TemplateFunction => {
    let fn = compiled.get(view);
    if (!fn) {
      const filename = path.join(root, `${view}.ejs`);
      // `cache` with a filename keeps included partials compiled too.
      fn = ejs.compile(readFileSync(filename, 'utf8'), { filename, cache: true, async: false });
      compiled.set(view, fn);
    }
    return fn;
  };
  return { render: (view, locals) => template(view)(locals) };
}
