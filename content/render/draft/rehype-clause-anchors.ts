import type { Element, ElementContent, Root, RootContent } from 'hast';
import { CLAUSE_ID_PATTERN } from '../../draft/clause-id.ts';
import type { ManifestClause } from '../../draft/draft-types.ts';
import { el, textOf, txt } from './hast-builder.ts';
import { provenanceButton } from './provenance-popover.ts';

// After the sanitiser: each `data-clause-id` (which the sanitiser let through only in the clause-ID pattern) becomes
// the element's `id`, with its provenance control; every other heading gets an `s-<n>` id for the contents; a
// heading's leading number goes in its own span, so numbers align.
//   <h2 data-clause-id="c-234ede17f241">4 Frames</h2>
//     → <h2 id="c-234ede17f241"><span class="clause-num">4</span> Frames <button popovertarget="p-c-234e…">§</button></h2>

/** A heading as the contents list it: depth (2 = a chapter), id, number and title. */
export interface ContentsEntry {
  depth: number;
  id: string;
  number: string;
  title: string;
}

/** What the pass found: the anchored clauses in document order, and the headings. */
export interface AnchorReport {
  anchored: ManifestClause[];
  headings: ContentsEntry[];
}

const HEADING = /^h[1-6]$/;
// `4.2.1 `, `A.1 `, `附录 A（规范性）`, `Annex A (normative)`.
const NUMBER = /^(\d+(?:\.\d+)*|[A-Z](?:\.\d+)+|附录\s*[A-Z]|Annex\s+[A-Z])(?=[\s（(]|$)\s*/u;

/** Puts a heading's leading number in a span; returns it. */
function splitNumber(heading: Element): string {
  const first = heading.children[0];
  if (first?.type !== 'text') return '';
  const found = NUMBER.exec(first.value);
  if (!found) return '';
  const rest = first.value.slice(found[0].length);
  heading.children.splice(
    0,
    1,
    el('span', { className: ['clause-num'] }, [txt(found[1]!)]),
    txt(rest.startsWith('（') ? rest : ` ${rest}`),
  );
  return found[1]!;
}

/** The rehype plugin; `clauses` by ID from the manifest, `report` filled in as the tree is walked. */
export function rehypeClauseAnchors(clauses: ReadonlyMap<string, ManifestClause>, report: AnchorReport) {
  return (tree: Root): void => {
    const given = new Set<string>();
    let sections = 0;
    const walk = (parent: Root | Element): void => {
      const children = parent.children as RootContent[];
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (node.type !== 'element') continue;
        const marked = node.properties['dataClauseId'];
        delete node.properties['dataClauseId'];
        const id = typeof marked === 'string' && CLAUSE_ID_PATTERN.test(marked) ? marked : undefined;
        const clause = id === undefined || given.has(id) ? undefined : clauses.get(id);
        if (clause) {
          given.add(clause.id);
          node.properties['id'] = clause.id;
          report.anchored.push(clause);
          const button = provenanceButton(clause.id);
          if (HEADING.test(node.tagName)) node.children.push(txt(' '), button);
          else if (node.tagName === 'table' || node.tagName === 'pre') {
            children.splice(i, 0, el('div', { className: ['prov-row'] }, [button]));
            i++;
          } else {
            const host = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
            (host ?? node).children.unshift(button, txt(' '));
          }
        }
        // A code block's anchor lands on its <code>: move it to the <pre> and look at the <pre> again.
        if (node.tagName === 'pre') {
          const code = node.children[0];
          const inner = code?.type === 'element' ? code.properties['dataClauseId'] : undefined;
          if (code?.type === 'element' && typeof inner === 'string') {
            delete code.properties['dataClauseId'];
            node.properties['dataClauseId'] = inner;
            i--;
            continue;
          }
        }
        if (HEADING.test(node.tagName) && node.tagName !== 'h1') {
          if (node.properties['id'] === undefined) node.properties['id'] = `s-${++sections}`;
          const number = splitNumber(node);
          const title = node.children
            .filter(
              (c) => !(c.type === 'element' && (c.tagName === 'button' || c.properties['className'] !== undefined)),
            )
            .map((c: ElementContent) => textOf(c))
            .join('')
            .trim();
          report.headings.push({ depth: Number(node.tagName[1]), id: String(node.properties['id']), number, title });
          continue;
        }
        walk(node);
      }
    };
    walk(tree);
  };
}
