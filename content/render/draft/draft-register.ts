import type { Element } from 'hast';
import type { ManifestClause, ManifestRequirement } from '../../draft/draft-types.ts';
import { both } from './both-languages.ts';
import { formClass } from './draft-label-css.ts';
import { el, txt } from './hast-builder.ts';

// The requirements register: one row per requirement of the manifest, with a link to the clause that states it.
//   { id: R-4-1, clauseId: c-5e86…, keyword: MUST, form: shall, text: A client shall … }
//     → <tr><th>R-4-1</th><td><a href="#c-5e86…">4</a></td><td>MUST</td><td><span class="f-shall"></span></td>…

/** The register as a table (headings and forms in both languages); `clauses` by ID give the clause numbers. */
export function draftRegister(
  requirements: readonly ManifestRequirement[],
  clauses: ReadonlyMap<string, ManifestClause>,
  anchored: ReadonlySet<string>,
): Element {
  const head = el('tr', {}, [
    el(
      'th',
      { scope: 'col' },
      both((t) => t.draftPage.reqId),
    ),
    el(
      'th',
      { scope: 'col' },
      both((t) => t.draftPage.clause),
    ),
    el(
      'th',
      { scope: 'col' },
      both((t) => t.draftPage.keyword),
    ),
    el(
      'th',
      { scope: 'col' },
      both((t) => t.draftPage.form),
    ),
    el(
      'th',
      { scope: 'col' },
      both((t) => t.draftPage.text),
    ),
  ]);
  const rows = requirements.map((r) => {
    const number = clauses.get(r.clauseId)?.number ?? r.clauseId;
    return el('tr', {}, [
      el('th', { scope: 'row' }, [txt(r.id)]),
      el('td', {}, [anchored.has(r.clauseId) ? el('a', { href: `#${r.clauseId}` }, [txt(number)]) : txt(number)]),
      el('td', {}, [el('code', {}, [txt(r.keyword)])]),
      el('td', {}, [el('span', { className: [formClass(r.form)] })]),
      el('td', {}, [txt(r.text)]),
    ]);
  });
  return el('div', { className: ['table-scroll', 'draft-register'] }, [
    el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]),
  ]);
}
