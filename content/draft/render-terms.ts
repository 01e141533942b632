import { msg } from '../../kernel/i18n/message.ts';
import { appendAll } from './append-all.ts';
import type { TermsPart } from './extract-terms.ts';
import { headingAnchor } from './provenance-anchor.ts';
import { recordBlock, renderBlocks, sourceNote } from './render-blocks.ts';
import { heading, paragraph, text, type RenderContext } from './render-context.ts';

/**
 * Writes clause 3: the lead-in (or "no terms"), the terminology section's other text, then one entry 3.n per term,
 * its definition informative (a keyword in it is reported), a term defined twice reported.
 *
 * Before: entries [Frame → "a unit of transfer."]
 * After:  `## 3 Terms and definitions`, lead-in, `### 3.1 Frame`, `a unit of transfer.`
 */
export function renderTerms(ctx: RenderContext, terms: TermsPart): void {
  const { L, out } = ctx;
  out.push(heading(2, `3 ${L.terms}`));
  out.push(paragraph(text(terms.entries.length > 0 ? L.termsLeadIn : L.noTerms)));
  renderBlocks(ctx, terms.other, '3', L.terms, null);
  const seen = new Map<string, string>();
  terms.entries.forEach((entry, i) => {
    const number = `3.${i + 1}`;
    const node = heading(3, `${number} ${entry.term}`);
    out.push(node);
    const id = recordBlock(ctx, { ...entry, kind: 'term' }, entry.definition, number, entry.term, {
      informative: msg('draft.context.definition'),
    });
    ctx.termIds[i] = id;
    if (ctx.annexMode) node.children.push(headingAnchor(id));
    appendAll(out, entry.definition);
    if (!ctx.annexMode) out.push(sourceNote(ctx, [{ ...entry, kind: 'term' }], id));
    const key = entry.term.toLowerCase().replace(/\s+/g, ' ');
    const earlier = seen.get(key);
    if (earlier)
      ctx.recorder.issue(
        'duplicate-term',
        msg('draft.lint.duplicate-term', { term: entry.term, earlier, number }),
        id,
        entry.file,
        entry.startLine,
      );
    else seen.set(key, number);
  });
}
